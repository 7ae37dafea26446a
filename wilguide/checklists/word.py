"""Editable Word (.docx) version of a checklist, for organizations that adapt the wording.

Each item starts with a Word check-box content control (clickable in Word; LibreOffice and other
readers show its ☐ glyph), so a printed copy and an on-screen copy both work.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Inches

from ..phone_links import PHONE_NUMBER
from . import strings
from .model import Checklist, FieldTable, Item, TextField

UNCHECKED, CHECKED = "\u2610", "\u2612"  # ☐ ☒
BOX_FONT = "MS Gothic"  # the font Word itself uses for check-box content controls
ACCENT = RGBColor(0x0B, 0x55, 0x63)
# Word 2010's copy of the styles, in python-docx's blank template (python-docx has no name for it).
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _set_language(document, locale: str) -> None:
    """Proofing language of every style, so Word spell-checks in the document's language."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), locale)
    lang.set(qn("w:eastAsia"), locale)
    lang.set(qn("w:bidi"), locale)


def _checkbox(paragraph, tag: str) -> None:
    """Append a check-box content control (w14:checkbox) to a paragraph."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    tag_element = OxmlElement("w:tag")
    tag_element.set(qn("w:val"), tag)
    properties.append(tag_element)
    checkbox = OxmlElement("w14:checkbox")
    checked = OxmlElement("w14:checked")
    checked.set(qn("w14:val"), "0")
    checkbox.append(checked)
    for name, glyph in (("w14:checkedState", CHECKED), ("w14:uncheckedState", UNCHECKED)):
        state = OxmlElement(name)
        state.set(qn("w14:val"), f"{ord(glyph):04X}")
        state.set(qn("w14:font"), BOX_FONT)
        checkbox.append(state)
    properties.append(checkbox)
    sdt.append(properties)

    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    run_properties = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), BOX_FONT)
    run_properties.append(fonts)
    run.append(run_properties)
    text = OxmlElement("w:t")
    text.text = UNCHECKED
    run.append(text)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def _bottom_border(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "555555")):
        bottom.set(qn(attribute), value)
    borders.append(bottom)
    cell._tc.get_or_add_tcPr().append(borders)


def _box_borders(cell) -> None:
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for attribute, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "0"), ("w:color", "555555")):
            edge.set(qn(attribute), value)
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def _printed_note(document, note) -> None:
    """A page's note (an admonition before its first section) as a framed box, its title run in,
    in bold, at the start of its paragraph, as the PDF prints it (a line saved on every note)."""
    table = document.add_table(rows=1, cols=1)
    _keep_whole(table.rows[0])
    cell = table.rows[0].cells[0]
    _box_borders(cell)
    paragraph = cell.paragraphs[0]
    _spacing(paragraph, before=3, after=3)  # the PDF's padding, inside the frame
    paragraph.add_run(note.lead).bold = True
    _add_text(paragraph, f" {note.text}")
    _gap(document, 8)  # as the PDF's 8 pt under a note


def _add_text(paragraph, text: str) -> None:
    """``text`` added to ``paragraph``, each phone number in a run of its own whose hyphens are
    Word's non-breaking hyphen: "call 9-1-1" was printed as "9-" at a line's end, "1-1" below."""
    written = 0
    for number in PHONE_NUMBER.finditer(text):
        if number.start() > written:
            paragraph.add_run(text[written:number.start()])
        run = paragraph.add_run()  # python-docx has no call for Word's non-breaking hyphen
        for index, digits in enumerate(number.group().split("-")):
            if index:
                run._r.append(OxmlElement("w:noBreakHyphen"))
            run._r.add_t(digits)
        written = number.end()
    if written < len(text):
        paragraph.add_run(text[written:])


def _spacing(paragraph, before: float = 0, after: float = 0) -> None:
    """Space around a paragraph, in points: the template's default (10 pt after every paragraph,
    lines at 1.15) spaced the boxes' empty lines 24 pt apart and the fields under the title 25 pt."""
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)


def _gap(document, points: float) -> None:
    """Room between two tables: an empty paragraph exactly ``points`` high. Something must stand
    between them (Word joins two tables that touch into one), and a table has no space after."""
    paragraph = document.add_paragraph()
    _spacing(paragraph)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(points)


def _keep_whole(row) -> None:
    """The row moves to the next page whole rather than split: a box cut across two pages reads
    as two boxes (LibreOffice split the notes of "Before the first day" so)."""
    cant_split = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(cant_split)


# The boxes' heights in the PDF (checklist-pdf.css and .html), which the Word boxes keep.
SECTION_NOTES_HEIGHT = 40  # points: a section's notes box
CLOSING_NOTES_HEIGHT = 110  # points: the Notes box at the end


def _field_height(lines: int) -> float:
    """Points: a text field of ``lines`` lines, as the PDF's (12.5 pt a line and 4 pt of padding)."""
    return 12.5 * lines + 4


def _notes_box(document, label: str, height: float, space_before: float = 6) -> None:
    """A label, then a framed box ``height`` points high, as the PDF's, that grows with what people
    type in it. The label keeps the PDF's 6 pt from a box just above it."""
    heading = document.add_paragraph()
    run = heading.add_run(label)
    run.bold = True
    _spacing(heading, before=space_before, after=2)
    heading.paragraph_format.line_spacing = 1.0
    heading.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=1)
    _keep_whole(table.rows[0])
    row = table.rows[0]
    row.height, row.height_rule = Pt(height), WD_ROW_HEIGHT_RULE.AT_LEAST  # grows with what people type
    cell = row.cells[0]
    _box_borders(cell)
    _spacing(cell.paragraphs[0])
    cell.paragraphs[0].add_run("")


TEXT_WIDTH = 6.8  # inches between the margins of a Letter page (8.5 - 2 × 0.85)
LINE_HEIGHT = Pt(13)
TITLE_SIZE = Pt(18)  # as the PDF's title


def _fixed_widths(table, widths) -> None:
    """Column widths that hold in Word, LibreOffice and Google Docs: a fixed layout, the grid
    (w:gridCol, read by LibreOffice and Google Docs) and every cell (w:tcW, read by Word)."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _row_height(row, lines: int) -> None:
    row.height = Pt(13 * lines + 6)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST  # grows with what people type


def _text_field(document, field: TextField) -> None:
    _notes_box(document, field.label, _field_height(field.lines))


BODY_SIZE = 10.5  # points: the Normal style, in which a table's row labels are written
# A bold letter's width, in ems, on the wide side of Cambria (these files' body font, from their
# theme) and of DejaVu Serif, which LibreOffice draws instead where Cambria and Caladea are missing:
# a column sized with it holds its longest word in either.
BOLD_LETTER_EM = 0.66
CELL_MARGINS = 0.16  # inches: Word's default left and right cell margins (0.08 each)


def _label_width(text: str) -> float:
    """Inches a column of row labels needs so that its longest word stays on one line."""
    longest = max((len(word) for word in text.split()), default=0)
    return longest * BOLD_LETTER_EM * BODY_SIZE / 72 + CELL_MARGINS


def _column_widths(block: FieldTable) -> list[float]:
    """Each column's share of the text width (inches), from the dashes under its header. A column
    of row labels is widened to hold its longest word, taking the room from the other columns:
    Word breaks a word that does not fit its cell ("Objecti" / "f 1") instead of widening it."""
    total = sum(column.width for column in block.columns) or 1
    widths = [TEXT_WIDTH * column.width / total for column in block.columns]
    needed = [
        max((_label_width(row[index]) for row in block.rows), default=0) if column.key is None else 0
        for index, column in enumerate(block.columns)
    ]
    extra = sum(max(need - width, 0) for need, width in zip(needed, widths))
    fields = sum(width for column, width in zip(block.columns, widths) if column.key)
    if not extra or not fields:
        return widths
    return [
        width - extra * width / fields if column.key else max(need, width)
        for column, need, width in zip(block.columns, needed, widths)
    ]


def _field_table(document, block: FieldTable) -> None:
    widths = [Inches(width) for width in _column_widths(block)]
    table = document.add_table(rows=len(block.rows) + 1, cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _fixed_widths(table, widths)
    header = table.rows[0]
    _repeat_header(header)
    for cell, column in zip(header.cells, block.columns):
        run = cell.paragraphs[0].add_run(column.label)
        run.bold = True
        run.font.size = Pt(9)
    for number in range(len(block.rows)):
        row = table.rows[number + 1]
        _row_height(row, block.row_lines())
        _keep_whole(row)  # as in the PDF: a row cut in two reads as two rows
        for cell, (column, name, text) in zip(row.cells, block.cells(number)):
            if name is None:
                cell.paragraphs[0].add_run(text).bold = True


# The lines to fill in under the title, two to a row as in the PDF: label, line, label, line.
# Inches. Labels of 1.35 in hold "Next check-in" on one line and leave lines of 1.95 in (140 pt, as
# the PDF's): room for "Marie-Ève Tremblay-Lefebvre" typed at 10.5 pt.
LABEL_WIDTH = 1.35
FIELD_GAP = 0.2  # between a line and the next label
FIELD_ROW = Pt(20)  # as the PDF's 14 pt lines 6 pt apart: room to write by hand


def _line_fields(document, labels: list[str]) -> None:
    """The fields under the title (Student, Supervisor…), filled in row by row, in the order the
    page lists them. A label column widens to hold its longest word (see _label_width)."""
    pairs = min(len(labels), 2)
    label_width = max([LABEL_WIDTH, *(_label_width(label) for label in labels)])
    line_width = (TEXT_WIDTH - FIELD_GAP * (pairs - 1)) / pairs - label_width
    # The second label's cell starts with the gap, as an indent: a cell's bottom border (the line)
    # runs across its margins, so the gap cannot be a margin of the line's cell.
    widths = [Inches(width) for column in range(pairs) for width in (label_width + FIELD_GAP * bool(column), line_width)]
    rows = [labels[start:start + pairs] for start in range(0, len(labels), pairs)]
    table = document.add_table(rows=len(rows), cols=2 * pairs)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    _fixed_widths(table, widths)
    for row, row_labels in zip(table.rows, rows):
        row.height, row.height_rule = FIELD_ROW, WD_ROW_HEIGHT_RULE.AT_LEAST
        for column, label in enumerate(row_labels):
            label_cell, blank = row.cells[2 * column], row.cells[2 * column + 1]
            label_cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM  # on the line, as on paper
            paragraph = label_cell.paragraphs[0]
            _spacing(paragraph, before=4)  # a label on two lines stays clear of the line above
            paragraph.paragraph_format.left_indent = Inches(FIELD_GAP * bool(column))
            paragraph.add_run(label).bold = True
            _spacing(blank.paragraphs[0])
            _bottom_border(blank)


def _item(document, item: Item):
    """An item's paragraph: its check box, then its text, indented under the box."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Inches(0.3)
    paragraph.paragraph_format.first_line_indent = Inches(-0.3)
    paragraph.paragraph_format.space_after = Pt(4)
    # Whole on one page, as in the PDF: a printed item's last lines never sit apart from its box.
    paragraph.paragraph_format.keep_together = True
    paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(0.3))
    _checkbox(paragraph, f"item-{item.key}")
    _add_text(paragraph, "\t" + item.text)
    return paragraph


def _keep_ends_together(items: list) -> None:
    """A list of items breaks across pages between its blocks, as in the PDF: never after its first
    item (its heading keeps with it) nor before its last."""
    if len(items) > 1:
        items[0].paragraph_format.keep_with_next = True
        items[-2].paragraph_format.keep_with_next = True


def _keep_with_box(items: list) -> None:
    """A notes box never starts a page alone: the last item before it goes over with it (and so the
    one before that, and a short section whole: its heading keeps with its first item), as in the PDF."""
    if items:
        items[-1].paragraph_format.keep_with_next = True


def _repeat_header(row) -> None:
    """The header row repeats on each page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _drop_template_leftovers(document, locale: str) -> None:
    """python-docx's blank template brings Mac Word's extended properties (its application name,
    zero pages and words) and a blank thumbnail: a file that states them would mislead. Its settings
    also say the text was already spell-checked (so Word would not check what it holds) and give the
    theme's language as US English and Japanese, and Word 2010 as the format, so that today's Word
    opens every file in "Compatibility Mode". Its Word 2010 style copy (stylesWithEffects, still in
    US English) and empty bibliography list are dropped: a part no relationship reaches is not saved."""
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype in (RELATIONSHIP_TYPE.EXTENDED_PROPERTIES, RELATIONSHIP_TYPE.THUMBNAIL):
            relationships.pop(key)
    for key, relationship in list(document.part.rels.items()):
        if relationship.reltype in (STYLES_WITH_EFFECTS, RELATIONSHIP_TYPE.CUSTOM_XML):
            document.part.rels.pop(key)
    settings = document.settings.element
    for mode in settings.xpath("./w:compat/w:compatSetting[@w:name='compatibilityMode']"):
        mode.set(qn("w:val"), "15")  # Word 2013 and later
    for proofed in settings.findall(qn("w:proofState")):
        settings.remove(proofed)
    for theme_language in settings.findall(qn("w:themeFontLang")):
        theme_language.set(qn("w:val"), locale)
        theme_language.attrib.pop(qn("w:eastAsia"), None)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the word processor fills in, with a stand-in shown before it does."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties, size = OxmlElement("w:rPr"), OxmlElement("w:sz")
    size.set(qn("w:val"), "16")  # 8 pt, as the rest of the footer
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page_numbers(footer, lang: str) -> None:
    """"Page 1 of 2" at the right of the footer, as on the PDF, in the file's language."""
    before, middle, after = strings.page_number_parts(lang)
    paragraph = footer.add_paragraph(style="Footer")  # single-spaced: Normal's 10 pt after raised the text's foot
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text, field in ((before, "PAGE"), (middle, "NUMPAGES")):
        paragraph.add_run(text).font.size = Pt(8)
        _field(paragraph, field)
    if after:
        paragraph.add_run(after).font.size = Pt(8)


def write_docx(checklist: Checklist, publisher: str, target: Path) -> None:
    lang = checklist.lang
    document = Document()
    _drop_template_leftovers(document, strings.locale(lang))
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)  # US Letter
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(0.85))
    # The PDF's margins above and below the text, the footer inside the bottom one: at Word's
    # 0.5 in from the edge, the footer's three lines rose 10 pt into the text area.
    section.top_margin, section.bottom_margin = Inches(0.65), Inches(0.75)
    section.footer_distance = Inches(0.35)
    _set_language(document, strings.locale(lang))
    document.styles["Normal"].font.size = Pt(10.5)

    properties = document.core_properties
    properties.title = checklist.title
    properties.author = publisher
    properties.last_modified_by = publisher
    properties.subject = checklist.description
    properties.language = strings.locale(lang)
    properties.keywords = {
        ("checklist", "en"): "checklist",
        ("checklist", "fr"): "liste de vérification",
        ("template", "en"): "template",
        ("template", "fr"): "modèle",
    }[(checklist.kind, lang)]
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)

    footer = section.footer.paragraphs[0]
    for number, line in enumerate(checklist.footer_lines(publisher)):
        if number:
            footer.add_run().add_break()  # one line each, as in the PDF
        footer.add_run(line)
    for run in footer.runs:
        run.font.size = Pt(8)
    _page_numbers(section.footer, lang)

    document.add_heading(checklist.title, level=1)
    document.add_paragraph(checklist.description)
    for note in checklist.printed_notes:
        _printed_note(document, note)

    line_fields = [strings.text(lang, f"field.{name}") for name in checklist.fields if name != "notes"]
    if line_fields:
        _line_fields(document, line_fields)

    items_before: list = []  # the item paragraphs since the last heading, table or box
    for checklist_section in checklist.sections:
        if checklist_section.title:
            document.add_heading(checklist_section.title, level=2)
        items_before = []
        for block in checklist_section.blocks:
            if isinstance(block, Item):
                items_before.append(_item(document, block))
                continue
            _keep_ends_together(items_before)
            items_before = []
            if isinstance(block, TextField):
                _text_field(document, block)
            else:
                _field_table(document, block)
        _keep_ends_together(items_before)
        if label := checklist.section_notes_for(checklist_section):
            _keep_with_box(items_before)
            _notes_box(document, label, SECTION_NOTES_HEIGHT)
            items_before = []

    if "notes" in checklist.fields:
        _keep_with_box(items_before)
        _notes_box(document, strings.text(lang, "field.notes"), CLOSING_NOTES_HEIGHT, space_before=10)  # 10 pt: the PDF's

    for style_name in ("Heading 1", "Heading 2"):
        document.styles[style_name].font.color.rgb = ACCENT
    # Word's default title (14 pt) is barely larger than its section headings (13 pt).
    document.styles["Heading 1"].font.size = TITLE_SIZE
    # Its 24 pt above would only lower the whole first page: the title opens it, as in the PDF.
    document.styles["Heading 1"].paragraph_format.space_before = Pt(0)
    document.save(target)
