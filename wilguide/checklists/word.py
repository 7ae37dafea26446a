"""Editable Word (.docx) version of a checklist, for organizations that adapt the wording.

Each item starts with a Word check-box content control (clickable in Word; LibreOffice and other
readers show its ☐ glyph), so a printed copy and an on-screen copy both work.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Inches

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
    """A page's note (an admonition before its first section) as a framed box: title, then text."""
    table = document.add_table(rows=1, cols=1)
    _keep_whole(table.rows[0])
    cell = table.rows[0].cells[0]
    _box_borders(cell)
    title = cell.paragraphs[0].add_run(note.title)
    title.bold = True
    cell.paragraphs[0].paragraph_format.keep_with_next = True
    cell.add_paragraph(note.text)
    document.add_paragraph().paragraph_format.space_after = Pt(0)  # room before what follows


def _keep_whole(row) -> None:
    """The row moves to the next page whole rather than split: a box cut across two pages reads
    as two boxes (LibreOffice split the notes of "Before the first day" so)."""
    cant_split = OxmlElement("w:cantSplit")
    row._tr.get_or_add_trPr().append(cant_split)


def _notes_box(document, label: str, lines: int) -> None:
    heading = document.add_paragraph()
    run = heading.add_run(label)
    run.bold = True
    heading.paragraph_format.space_after = Pt(2)
    heading.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=1)
    _keep_whole(table.rows[0])
    cell = table.rows[0].cells[0]
    _box_borders(cell)
    cell.paragraphs[0].add_run("")
    for _ in range(lines - 1):
        cell.add_paragraph("")


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
    from docx.enum.table import WD_ROW_HEIGHT_RULE

    row.height = Pt(13 * lines + 6)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST  # grows with what people type


def _text_field(document, field: TextField) -> None:
    _notes_box(document, field.label, field.lines)


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
        for cell, (column, name, text) in zip(row.cells, block.cells(number)):
            if name is None:
                cell.paragraphs[0].add_run(text).bold = True


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
    paragraph = footer.add_paragraph()
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
    section.top_margin = section.bottom_margin = Inches(0.75)
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

    line_fields = [name for name in checklist.fields if name != "notes"]
    if line_fields:
        table = document.add_table(rows=len(line_fields), cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        widths = Inches(1.9), Inches(4.8)
        # Word sizes columns by the cells, LibreOffice and Google Docs by the table's grid: set both.
        for column, width in zip(table.columns, widths):
            column.width = width
        for row, name in zip(table.rows, line_fields):
            label, blank = row.cells
            label.width, blank.width = widths
            label.paragraphs[0].add_run(strings.text(lang, f"field.{name}")).bold = True
            _bottom_border(blank)

    for checklist_section in checklist.sections:
        if checklist_section.title:
            document.add_heading(checklist_section.title, level=2)
        for block in checklist_section.blocks:
            if isinstance(block, TextField):
                _text_field(document, block)
                continue
            if isinstance(block, FieldTable):
                _field_table(document, block)
                continue
            item = block
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Inches(0.3)
            paragraph.paragraph_format.first_line_indent = Inches(-0.3)
            paragraph.paragraph_format.space_after = Pt(4)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Inches(0.3))
            _checkbox(paragraph, f"item-{item.key}")
            paragraph.add_run("\t" + item.text)
        if label := checklist.section_notes_for(checklist_section):
            _notes_box(document, label, 3)

    if "notes" in checklist.fields:
        document.add_paragraph()
        _notes_box(document, strings.text(lang, "field.notes"), 6)

    for style_name in ("Heading 1", "Heading 2"):
        document.styles[style_name].font.color.rgb = ACCENT
    # Word's default title (14 pt) is barely larger than its section headings (13 pt).
    document.styles["Heading 1"].font.size = TITLE_SIZE
    document.save(target)
