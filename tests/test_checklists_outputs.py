"""Every generated checklist file, read back: PDFs with pypdf, Word files with python-docx, ZIPs.

Expected values come from the Markdown sources, so a file that drifts from its source fails, and the
words a reader sees (field labels, page numbers, document language, publisher) are written here
literally, never read from the generator's own tables."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CHECKLIST_SLUGS
from wilguide.checklists import load_all
from wilguide.checklists.former_names import PUBLISHED_UNDER_SLUG_RULE
from wilguide.checklists.downloads import bundle_name, file_name, write_zip

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "en"]
EVERY = load_all(ROOT / "docs", LANGS)  # the checklists and the templates (tests/test_templates_outputs.py)
CHECKLISTS = {lang: {slug: c for slug, c in found.items() if c.kind == "checklist"} for lang, found in EVERY.items()}
SLUGS = list(CHECKLISTS["fr"])


def every_file(lang: str) -> list[str]:
    """The PDF and Word file of every checklist and template of a language."""
    return [file_name(c, suffix) for c in EVERY[lang].values() for suffix in (".pdf", ".docx")]
# The guide's name and licence, as mkdocs.yml words them in each language.
SOURCE_LINE = {
    "fr": "Guide de mentorat en AIT · Contenu sous licence CC BY 4.0",
    "en": "WIL Mentoring Guide · Content licensed under CC BY 4.0",
}
# The guide's address in each language (the test build's SITE_URL): a printed sheet whose items
# name the online planner says where to find it.
ADDRESS = {
    "fr": "https://example-org.github.io/wil-mentoring-guide/",
    "en": "https://example-org.github.io/wil-mentoring-guide/en/",
}
CASES = [(lang, slug) for lang in LANGS for slug in SLUGS]
MAX_PDF_BYTES = 160 * 1024  # one full embedded font for the form fields (~80 KB) plus the page


def publisher(lang: str) -> str:
    from mkdocs.config import load_config

    value = load_config(str(ROOT / "mkdocs.yml")).extra["guide"].get("publisher") or ""
    return value[lang] if isinstance(value, dict) else value

# What a reader of each language sees, written out here (mkdocs.yml's extra.guide.publisher and
# wilguide/checklists/strings.py say the same; a test that read them would agree with any mistake).
# No publisher is set by default, so the files name no author (tests/test_publisher_setting.py
# checks a configured one, per language).
PUBLISHER = {"fr": None, "en": None}
LOCALE = {"fr": "fr-CA", "en": "en-CA"}
PAGE_NUMBER = {"fr": "Page {page} sur {pages}", "en": "Page {page} of {pages}"}
FIELD_LABELS = {
    "fr": {
        "name": "Nom", "student": "Stagiaire", "supervisor": "Personne qui supervise", "mentor": "Mentor ou mentore",
        "organization": "Organisation d'accueil", "date": "Date", "next-check-in": "Prochaine rencontre de suivi", "notes": "Notes",
    },
    "en": {
        "name": "Name", "student": "Student", "supervisor": "Supervisor", "mentor": "Mentor",
        "organization": "Host organization", "date": "Date", "next-check-in": "Next check-in", "notes": "Notes",
    },
}


# An item line of a checklist's Markdown source, read here with a pattern of our own.
ITEM_LINE = re.compile(r"^- \[ \] .*\{ #([\w-]+) \}$", re.M)


def source_keys(lang: str, slug: str) -> list[str]:
    """The item keys of a checklist's Markdown source, in order."""
    keys = ITEM_LINE.findall((ROOT / "docs" / lang / "toolkit" / f"{slug}.md").read_text(encoding="utf-8"))
    assert len(keys) >= 5, f"test setup: no items found in docs/{lang}/toolkit/{slug}.md"
    return keys


def plain(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) folded, to compare text across formats. A compound
    word may break at its own hyphen at the end of a printed line ("vous-" / "même"): the line
    break after it is not a space."""
    folded = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"(?<=\w)- (?=\w)", "-", folded)


def download_dir(site: Path, lang: str) -> Path:
    return site / ("" if lang == "fr" else f"{lang}/") / "toolkit" / "downloads"


def test_there_are_nine_checklists_in_each_language():
    assert SLUGS == CHECKLIST_SLUGS
    assert list(CHECKLISTS["en"]) == SLUGS


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_pdf_is_a_fillable_tagged_form_matching_its_source(built_site, lang, slug):
    checklist = CHECKLISTS[lang][slug]
    path = download_dir(built_site, lang) / file_name(CHECKLISTS[lang][slug], ".pdf")
    assert path.stat().st_size < MAX_PDF_BYTES, f"{path.name}: {path.stat().st_size} bytes"
    reader = PdfReader(path)
    root = reader.trailer["/Root"]

    # Metadata: title, author (the publisher setting), document language; tagged, title shown.
    assert plain(reader.metadata.title) == plain(checklist.title)
    assert reader.metadata.author == PUBLISHER[lang]
    assert root["/Lang"] == LOCALE[lang]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])

    # Exactly one check box per item, named after its key; text fields for names, date and notes.
    fields = reader.get_fields()
    boxes = sorted(name for name, field in fields.items() if field.get("/FT") == "/Btn")
    assert boxes == sorted(f"item-{item.key}" for item in checklist.items)
    assert boxes == sorted(f"item-{key}" for key in source_keys(lang, slug))
    texts = {name for name, field in fields.items() if field.get("/FT") == "/Tx"}
    # Read from the Markdown: each "- [_] label { #key }" field, and a notes box under each "## … { #id }"
    # section that has no field of its own (when the page asks for section notes).
    source = (ROOT / "docs" / lang / "toolkit" / f"{slug}.md").read_text(encoding="utf-8")
    expected = set(checklist.fields) | set(re.findall(r"^- \[_\] .*\{ #([a-z0-9-]+)", source, re.M))
    # A table of fields: "<column key>-<row>" for each column whose header has a key, in each row.
    for header, rows in re.findall(r"^(\|.*\{ #.*)\n\|[-| ]+\|\n((?:\|.*\n?)+)", source, re.M):
        for column in re.findall(r"\{ #([a-z0-9-]+)", header):
            expected |= {f"{column}-{row}" for row in range(1, len(rows.strip().splitlines()) + 1)}
    if "section_notes:" in source:
        for section in re.split(r"^## ", source, flags=re.M)[1:]:
            if not re.search(r"^- \[_\] ", section, re.M):
                expected.add("notes-" + re.search(r"\{ #([a-z0-9-]+) \}", section.splitlines()[0]).group(1))
    assert texts == expected
    for item in checklist.items:  # each box is labelled by its item, for screen readers
        assert plain(fields[f"item-{item.key}"]["/TU"]) == plain(item.text)

    # US Letter pages, fonts embedded, every item's text on the page.
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 612, 792]
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor
    pages = [plain(page.extract_text()) for page in reader.pages]
    text = " ".join(pages)
    for item in checklist.items:  # whole on one page: a printed item is never cut by a page break
        assert any(plain(item.text) in page_text for page_text in pages), f"{item.key} is not whole on any page"
    assert plain(checklist.title) in text

    # The reader's language on every printed word around the items: labels, footer, publisher.
    for field in checklist.fields:
        assert plain(FIELD_LABELS[lang][field]) in text, (field, FIELD_LABELS[lang][field])
    for number, page_text in enumerate(pages, start=1):
        assert PAGE_NUMBER[lang].format(page=number, pages=len(pages)) in page_text, (number, page_text[-200:])
    # No publisher by default: no stand-in name is printed (a configured one: test_publisher_setting.py).
    assert "Votre organisation" not in text and "Your Organization" not in text
    # Each page's footer says where the sheet comes from, for a shared or printed copy.
    for page_text in pages:
        assert SOURCE_LINE[lang] in page_text, page_text[-200:]
        assert ADDRESS[lang] in page_text, page_text[-200:]
    # ... and its address is a link on every page, for a reader of the file on screen.
    for number, page in enumerate(reader.pages, start=1):
        links = [annotation.get_object().get("/A", {}).get("/URI") for annotation in page.get("/Annots") or []]
        assert ADDRESS[lang] in links, (number, links)


# The reflection's notes boxes, as a screen reader names them: the competency, then the box's label.
REFLECTION_NOTES = {
    "fr": {"notes-empathy": "Empathie — Un exemple récent ou une note",
           "notes-self-awareness": "Connaissance de soi — Un exemple récent ou une note"},
    "en": {"notes-empathy": "Empathy — A recent example or a note",
           "notes-self-awareness": "Self-awareness — A recent example or a note"},
}


@pytest.mark.parametrize("lang", LANGS)
def test_each_notes_box_of_the_reflection_names_its_competency(built_site, lang):
    """Eleven boxes all called "A recent example or a note" could not be told apart in a form's
    field list or by a screen reader."""
    path = download_dir(built_site, lang) / file_name(CHECKLISTS[lang]["sel-reflection"], ".pdf")
    fields = PdfReader(path).get_fields()
    names = {name: plain(field["/TU"]) for name, field in fields.items() if name.startswith("notes-")}
    assert len(names) == 11 and len(set(names.values())) == 11, names
    for name, spoken in REFLECTION_NOTES[lang].items():
        assert names[name] == plain(spoken)


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_word_file_has_the_items_in_order_with_check_boxes(built_site, lang, slug):
    checklist = CHECKLISTS[lang][slug]
    document = Document(download_dir(built_site, lang) / file_name(CHECKLISTS[lang][slug], ".docx"))

    properties = document.core_properties
    assert plain(properties.title) == plain(checklist.title)
    assert (properties.author or None) == PUBLISHER[lang]  # python-docx reads a missing author as ""
    assert properties.language == LOCALE[lang]
    # The title stands out from the section headings, as in the PDF (Word's defaults: 14 and 13 pt).
    title, section = (document.styles[name].font.size for name in ("Heading 1", "Heading 2"))
    assert title is not None and section is not None and title.pt >= section.pt + 4, (title, section)

    items, keys = [], []
    for paragraph in document.paragraphs:
        box = paragraph._p.find(f"{qn('w:sdt')}/{qn('w:sdtPr')}/{qn('w14:checkbox')}")
        if box is not None:
            sdt = paragraph._p.find(qn("w:sdt"))
            keys.append(sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val")))
            glyph = "".join(t.text for t in sdt.iter(qn("w:t")))
            assert glyph == "\u2610", glyph  # an empty box, in a Word check-box content control
            items.append(plain(paragraph.text))  # the text after the control
            # Kept on one page: its last lines once printed at the top of the next, with no box.
            assert paragraph._p.find(f"{qn('w:pPr')}/{qn('w:keepLines')}") is not None, paragraph.text
    assert keys == [f"item-{item.key}" for item in checklist.items]
    assert keys == [f"item-{key}" for key in source_keys(lang, slug)]
    assert items == [plain(item.text) for item in checklist.items]

    headings = [plain(p.text) for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings == [plain(section.title) for section in checklist.sections if section.title]
    assert document.sections[0].footer.paragraphs[0].text == f"{SOURCE_LINE[lang]} · {checklist.title}\n{ADDRESS[lang]}"
    assert plain(document.paragraphs[0].text) == plain(checklist.title)

    # The lines under the title hold two fields a row (label, line, label, line), as in the PDF.
    labels = {plain(cell.text) for table in document.tables for row in table.rows for cell in row.cells}
    for field in checklist.fields:
        label = plain(FIELD_LABELS[lang][field])
        assert label in labels or any(plain(p.text) == label for p in document.paragraphs), (field, label)


def test_word_fill_in_fields_keep_their_widths_outside_word(tmp_path):
    """LibreOffice (and Google Docs) size columns by the table grid, Word by the cells: both must
    say the same, or the labels take half the page and the blanks start far from them. The lines
    under the title stand two to a row, as in the PDF: label, line, label, line."""
    from docx.shared import Inches

    from wilguide.checklists.word import write_docx

    target = tmp_path / "checklist.docx"
    write_docx(CHECKLISTS["fr"][SLUGS[0]], "Organisation", target)
    first_label = plain(FIELD_LABELS["fr"][CHECKLISTS["fr"][SLUGS[0]].fields[0]])
    table = next(table for table in Document(target).tables if plain(table.cell(0, 0).text) == first_label)  # after any note
    grid = [col.width for col in table.columns]
    inches = [round(w / 914400, 2) for w in grid]
    assert len(grid) == 4, inches
    assert abs(sum(grid) - Inches(6.8)) < Inches(0.01), inches  # the text width
    # The lines are as wide as the PDF's (MIN_FIELD_WIDTH, below): room for a long name.
    assert grid[1] == grid[3] >= Inches(MIN_FIELD_WIDTH / 72), inches
    assert grid[0] < grid[1] and grid[2] < grid[3], inches
    for row in table.rows:
        assert [cell.width for cell in row.cells] == grid


@pytest.mark.parametrize("lang", LANGS)
def test_word_boxes_are_never_cut_across_two_pages(built_site, lang):
    """LibreOffice split the notes box of "Before the first day" over pages 2 and 3. Every framed
    box (a page's note, a notes area: a table of one cell) tells Word to move it whole instead."""
    boxes = 0
    for name in every_file(lang):
        if not name.endswith(".docx"):
            continue
        for table in Document(download_dir(built_site, lang) / name).tables:
            if len(table.rows) == 1 and len(table.columns) == 1:
                properties = table.rows[0]._tr.trPr
                assert properties is not None and properties.find(qn("w:cantSplit")) is not None, name
                boxes += 1
    assert boxes >= len(CHECKLISTS[lang]), boxes


# Each tool's number in the ZIP: the rank of its first link in "Which tool, when" on the toolkit
# page (the same in both languages), after the read-me (tests/test_checklist_zip_readme.py).
ZIP_NUMBER = {
    "before-first-day": 1, "sel-reflection": 2, "inclusive-self-check": 3, "first-week": 4, "expectations-conversation": 5,
    "learning-plan": 6, "mentoring-agreement": 7, "check-in-agenda": 8, "mid-placement-review": 9,
    "final-evaluation-exit": 10, "when-things-go-wrong": 11,
}
README = {"fr": "00-lisez-moi.txt", "en": "00-read-me.txt"}


@pytest.mark.parametrize("lang", LANGS)
def test_language_zip_holds_every_pdf_and_word_file(built_site, lang):
    folder = download_dir(built_site, lang)
    with zipfile.ZipFile(folder / bundle_name(lang)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        numbered = [
            f"{ZIP_NUMBER[slug]:02d}-{file_name(EVERY[lang][slug], suffix)}"
            for slug in sorted(ZIP_NUMBER, key=ZIP_NUMBER.get) for suffix in (".pdf", ".docx")
        ]
        assert names == [README[lang], *numbered]
        # Every PDF and Word file, under its number: the same bytes as its separate download.
        assert sorted(name[3:] for name in numbered) == sorted(every_file(lang))
        for name in numbered:
            assert archive.read(name) == (folder / name[3:]).read_bytes(), name


def test_unzipped_files_show_the_day_they_were_made(tmp_path, monkeypatch):
    """Every member was dated 1 January 2020, so an unzipped checklist looked years out of date."""
    made = {"a.pdf": 1_764_000_000, "b.docx": 1_796_000_000}  # 2025-11-24 16:00:00 and 2026-11-30 00:53:20 UTC
    for name, seconds in made.items():
        (tmp_path / name).write_bytes(name.encode())
        os.utime(tmp_path / name, (seconds, seconds))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    write_zip([(name, tmp_path / name) for name in made], tmp_path / "bundle.zip")
    with zipfile.ZipFile(tmp_path / "bundle.zip") as archive:
        assert [info.date_time for info in archive.infolist()] == [(2025, 11, 24, 16, 0, 0), (2026, 11, 30, 0, 53, 20)]
        assert [info.external_attr >> 16 for info in archive.infolist()] == [0o644, 0o644]
    # A reproducible build dates every member from SOURCE_DATE_EPOCH.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00:00 UTC
    write_zip([(name, tmp_path / name) for name in made], tmp_path / "again.zip")
    with zipfile.ZipFile(tmp_path / "again.zip") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_generated_files_are_only_the_expected_ones(built_site):
    for lang in LANGS:
        expected = set(every_file(lang)) | {bundle_name(lang)}
        # Copies at the addresses the checklists' files had before they were named from their titles.
        former = {f"checklist-{slug}-{lang}{s}" for slug in PUBLISHED_UNDER_SLUG_RULE for s in (".pdf", ".docx")}
        # and at the ZIP's two earlier names
        zips = {f"checklists-{lang}.zip", {"fr": "toutes-les-listes-de-verification.zip", "en": "all-checklists.zip"}[lang]}
        # and at the names of a title a checklist had before (the French reflection sheet, renamed)
        retitled = {"fr": {"reflexion-sur-mes-competences-de-mentor.pdf": "reflexion-sur-mes-competences-en-mentorat.pdf",
                           "reflexion-sur-mes-competences-de-mentor.docx": "reflexion-sur-mes-competences-en-mentorat.docx"},
                    "en": {}}[lang]
        assert {p.name for p in download_dir(built_site, lang).iterdir()} == expected | former | zips | set(retitled)
        for old, new in retitled.items():
            assert (download_dir(built_site, lang) / old).read_bytes() == (download_dir(built_site, lang) / new).read_bytes(), old
        current = (download_dir(built_site, lang) / bundle_name(lang)).read_bytes()
        assert all((download_dir(built_site, lang) / name).read_bytes() == current for name in zips), zips


# The page's boxed note before its first section, as readers see it on paper, before any item.
PRINTED_NOTES = {
    ("fr", "when-things-go-wrong"): ("Si quelqu'un est en danger immédiat", "Composez d'abord le 9-1-1. Tout le reste peut attendre.", "La première conversation"),
    ("en", "when-things-go-wrong"): ("If someone is in immediate danger", "Call 9-1-1 first. Everything else can wait.", "The first conversation"),
    ("fr", "sel-reflection"): ("Un outil de réflexion, pas un test", "Il n'y a ni score ni bonne réponse", "Disponibilité et fiabilité"),
    ("en", "sel-reflection"): ("A reflection tool, not a test", "There is no score and no right answer", "Availability and reliability"),
    ("fr", "before-first-day"): ("Quand commencer", "Dès que le stage est confirmé, et au plus tard deux semaines avant l'arrivée", "Logistique"),
    ("en", "before-first-day"): ("When to start", "As soon as the placement is confirmed, and no later than two weeks before the first day", "Practical details"),
    ("fr", "final-evaluation-exit"): ("Quand commencer", "Au moins une semaine avant la discussion de l'évaluation finale", "L'évaluation finale"),
    ("en", "final-evaluation-exit"): ("When to start", "At least one week before the final evaluation discussion", "Final evaluation Before you fill in the form"),
    ("fr", "expectations-conversation"): ("Avant de commencer", "Prévoyez une heure", "Les objectifs"),
    ("en", "expectations-conversation"): ("Before you start", "Allow an hour somewhere quiet", "Goals"),
    ("fr", "inclusive-self-check"): ("Comment l'utiliser", "Cochez les questions auxquelles vous pouvez répondre « oui » aujourd'hui", "Mesures d'adaptation"),
    ("en", "inclusive-self-check"): ("How to use it", 'Tick the questions you can answer "yes" to today', "Accommodation"),
    ("fr", "check-in-agenda"): ("Manque de temps?", "Notre conseil : mieux vaut écourter qu'annuler", "Depuis la dernière rencontre"),
    ("en", "check-in-agenda"): ("Short on time?", "Our advice: shorten the check-in rather than cancel it", "Looking back"),
}


# The first line to fill in under the title: the note prints above it, right under the description.
FIRST_LINE = {"fr": "Stagiaire", "en": "Student"}
FIRST_LINE_OF_PERSONAL_SHEETS = {"fr": "Nom", "en": "Name"}  # sheets nobody else needs to see


@pytest.mark.parametrize(("lang", "slug"), list(PRINTED_NOTES))
def test_the_page_note_before_the_first_section_prints_first_in_both_files(built_site, lang, slug):
    title, text, first_section = (plain(part) for part in PRINTED_NOTES[lang, slug])
    personal = slug in ("sel-reflection", "inclusive-self-check")
    first_line = (FIRST_LINE_OF_PERSONAL_SHEETS if personal else FIRST_LINE)[lang]
    name = file_name(CHECKLISTS[lang][slug], "")
    first_page = plain(PdfReader(download_dir(built_site, lang) / f"{name}.pdf").pages[0].extract_text())
    assert first_page.index(title) < first_page.index(text) < first_page.index(first_line) < first_page.index(first_section)
    document = Document(download_dir(built_site, lang) / f"{name}.docx")
    box = document.tables[0].cell(0, 0)  # the first table: before the fields and items
    # As the PDF prints it: one paragraph, its title first in bold (with a full stop unless it ends
    # a sentence already), then the text.
    assert len(box.paragraphs) == 1, [p.text for p in box.paragraphs]
    lead = box.paragraphs[0].runs[0]
    assert lead.bold and plain(lead.text) in (title, f"{title}."), lead.text
    assert plain(box.text).startswith(f"{plain(lead.text)} {text}"), box.text


HEADER_FIELDS = {"name", "student", "supervisor", "mentor", "organization", "date", "next-check-in", "coordinator", "placement-dates"}
MIN_FIELD_WIDTH = 140  # points (about 2 in): room for "Marie-Ève Tremblay-Lefebvre" at 10 pt, typed or by hand


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_under_the_title_leaves_room_to_write_however_long_its_label(built_site, lang):
    narrow = []
    for checklist in EVERY[lang].values():
        reader = PdfReader(download_dir(built_site, lang) / file_name(checklist, ".pdf"))
        for annotation in reader.pages[0].get("/Annots", []):
            widget = annotation.get_object()
            name = widget.get("/T") or widget.get("/Parent", {}).get("/T")
            if name in HEADER_FIELDS:
                left, _, right, _ = (float(value) for value in widget["/Rect"])
                if right - left < MIN_FIELD_WIDTH:
                    narrow.append(f"{file_name(checklist, '.pdf')}: {name} is {right - left:.0f} pt wide")
    assert not narrow, narrow


WORD_PAGE_NUMBER = {"fr": ("Page ", "PAGE", " sur ", "NUMPAGES"), "en": ("Page ", "PAGE", " of ", "NUMPAGES")}


WORD_PROOFING_LANGUAGE = {"fr": "fr-CA", "en": "en-CA"}


@pytest.mark.parametrize("lang", LANGS)
def test_word_files_are_proofed_in_canadian_french_or_english(built_site, lang):
    """Word's spelling checker reads the language of the text from the default run properties."""
    for checklist in EVERY[lang].values():
        styles = Document(download_dir(built_site, lang) / file_name(checklist, ".docx")).styles.element
        (value,) = styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
        assert value == WORD_PROOFING_LANGUAGE[lang], file_name(checklist, ".docx")


@pytest.mark.parametrize("lang", LANGS)
def test_word_files_number_their_pages_and_carry_no_template_leftovers(built_site, lang):
    for checklist in EVERY[lang].values():
        path = download_dir(built_site, lang) / file_name(checklist, ".docx")
        footer = Document(path).sections[0].footer.paragraphs[1]._p
        parts = [
            element.get(qn("w:instr")) if element.tag == qn("w:fldSimple") else "".join(t.text for t in element.findall(qn("w:t")))
            for element in footer if element.tag in (qn("w:r"), qn("w:fldSimple"))
        ]
        assert tuple(parts) == WORD_PAGE_NUMBER[lang], (path.name, parts)
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            # No "Microsoft Macintosh Word", 0 pages, 0 words, nor a blank thumbnail from python-docx's template.
            assert "docProps/app.xml" not in names and not [n for n in names if "thumbnail" in n], names
            assert b"Macintosh" not in archive.read("[Content_Types].xml")
            settings = archive.read("word/settings.xml").decode()
            # Every language a part declares (Word 2010's style copy said US English and Arabic).
            languages = {
                value
                for name in names if name.endswith(".xml")
                for tag in re.findall(r"<w:lang [^>]*>", archive.read(name).decode())
                for value in re.findall(r'w:(?:val|eastAsia|bidi)="([^"]*)"', tag)
            }
        assert languages == {WORD_PROOFING_LANGUAGE[lang]}, (path.name, languages)
        assert "word/stylesWithEffects.xml" not in names and not [n for n in names if n.startswith("customXml/")], names
        # Word 2010's format makes today's Word open the file in "Compatibility Mode".
        assert re.findall(r'<w:compatSetting w:name="compatibilityMode" [^>]*w:val="(\d+)"', settings) == ["15"], path.name
        # Word skips spell-checking text marked as already checked ("clean").
        assert "w:proofState" not in settings, path.name
        (theme_language,) = re.findall(r"<w:themeFontLang [^>]*/>", settings)
        assert theme_language == f'<w:themeFontLang w:val="{WORD_PROOFING_LANGUAGE[lang]}"/>', (path.name, theme_language)
