"""The two templates' files, read back: fillable PDFs with pypdf (named multi-line fields with
tooltips, tagged, language set), Word files with python-docx (tables keep their columns and widths
in Word's cells and in the grid LibreOffice and Google Docs read), ZIP, downloads page, guide PDF.

Expected names, labels and widths are written here as a reader sees them, not read from the code."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import lxml.html
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Inches
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
MULTILINE = 1 << 12  # PDF text field flag, bit 13
FILES = {
    # Named from each template's title in its language, like the checklists' files.
    ("fr", "learning-plan"): "plan-d-apprentissage",
    ("en", "learning-plan"): "learning-plan",
    ("fr", "mentoring-agreement"): "entente-de-mentorat",
    ("en", "mentoring-agreement"): "mentoring-agreement",
}
GOAL_COLUMNS = ["goal", "activities", "support", "evidence", "target-date"]
AGREEMENT_FIELDS = [
    "relationship-goals", "meeting-rhythm", "meeting-agenda", "reach", "confidential", "student-commitments",
    "mentor-commitments", "supervisor-commitments", "raise-problem", "other-contacts", "review-dates", "ending",
]


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def download(site: Path, lang: str, slug: str, suffix: str) -> Path:
    return site / ("" if lang == "fr" else "en/") / "toolkit" / "downloads" / (FILES[(lang, slug)] + suffix)


def pdf_fields(site, lang, slug):
    reader = PdfReader(download(site, lang, slug, ".pdf"))
    return reader, reader.get_fields()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_learning_plan_pdf_has_named_multiline_fields_with_tooltips(built_site, lang):
    reader, fields = pdf_fields(built_site, lang, "learning-plan")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == f"{lang}-CA"
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
    assert plain(reader.metadata.title) == {"fr": "Plan d'apprentissage", "en": "Learning plan"}[lang]
    assert 1 <= len(reader.pages) <= 2

    goal_fields = {f"{column}-{row}" for column in GOAL_COLUMNS for row in range(1, 6)}
    review = {f"{column}-{row}" for column in ("midpoint", "result") for row in range(1, 6)}
    initials = {f"{column}-{row}" for column in ("draft", "midpoint-initials", "end-initials") for row in range(1, 4)}
    header = {"student", "supervisor", "mentor", "coordinator", "placement-dates"}
    assert set(fields) == goal_fields | review | initials | header
    for name in goal_fields | review:  # boxes to write sentences in: they wrap
        assert fields[name]["/FT"] == "/Tx"
        assert int(fields[name].get("/Ff", 0)) & MULTILINE, name
    for name in initials:
        assert not int(fields[name].get("/Ff", 0)) & MULTILINE, name

    tooltips = {
        "fr": {"goal-1": "Objectif 1 — Objectif : ce que votre stagiaire saura faire", "evidence-4": "Objectif 4 — Preuves de progrès",
               "result-5": "Objectif 5 — À la fin : résultat et suite", "draft-2": "Personne qui supervise — Initiales, première version"},
        "en": {"goal-1": "Goal 1 — Goal: what the student will be able to do", "evidence-4": "Goal 4 — Evidence of progress",
               "result-5": "Goal 5 — At the end: result and what comes next", "draft-2": "Supervisor — Initials, first draft"},
    }[lang]
    for name, tooltip in tooltips.items():
        assert plain(fields[name]["/TU"]) == tooltip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_mentoring_agreement_pdf_fields_and_acknowledgements(built_site, lang):
    reader, fields = pdf_fields(built_site, lang, "mentoring-agreement")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == f"{lang}-CA" and "/StructTreeRoot" in root
    assert 1 <= len(reader.pages) <= 2
    for name in AGREEMENT_FIELDS:
        assert fields[name]["/FT"] == "/Tx" and int(fields[name]["/Ff"]) & MULTILINE, name
    assert {"item-confidentiality-limits", "item-either-may-end"} <= set(fields)
    assert fields["item-confidentiality-limits"]["/FT"] == "/Btn"
    expected = {"fr": "Ce qui reste entre nous", "en": "What stays between us"}[lang]
    assert plain(fields["confidential"]["/TU"]) == expected
    signatures = {f"{column}-{row}" for column in ("name", "signature", "signed-on") for row in (1, 2, 3)}
    assert signatures <= set(fields)
    # Said plainly, on paper too: not a contract.
    text = plain(" ".join(page.extract_text() for page in reader.pages))
    assert {"fr": "Ce n'est pas un contrat", "en": "It is not a contract"}[lang] in text


def table_widths(table) -> tuple[list[int], list[list[int]]]:
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    cells = [[int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.findall(qn("w:tc"))] for row in table.rows]
    return grid, cells


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_learning_plan_word_tables_keep_their_columns_and_widths(built_site, lang):
    document = Document(download(built_site, lang, "learning-plan", ".docx"))
    goals = next(t for t in document.tables if len(t.columns) == 6)
    header = [plain(cell.text) for cell in goals.rows[0].cells]
    assert header[2:] == {
        "fr": ["Activités pour y arriver", "Soutien et ressources", "Preuves de progrès", "Date visée"],
        "en": ["Activities to get there", "Support and resources", "Evidence of progress", "Target date"],
    }[lang]
    assert len(goals.rows) == 6  # header and five goals
    grid, cells = table_widths(goals)
    assert len(grid) == 6
    # The widths fill the text width (6.8 in = 9792 twentieths of a point) and every cell of a
    # column has the grid's width, so Word, LibreOffice and Google Docs draw the same columns.
    assert abs(sum(grid) - 9792) <= 6
    assert all(row == grid for row in cells)
    assert grid[1] > grid[5] * 2  # the goal column is the widest, the date the narrowest
    assert goals._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


# The files' body font is their theme's Cambria. Where it is missing (and Caladea, its metric
# twin), LibreOffice falls back to DejaVu Serif, which is wider: a row label that fits in it fits.
DEJAVU_SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("slug", ["learning-plan", "mentoring-agreement"])
def test_word_tables_row_labels_fit_their_column_without_breaking_a_word(built_site, lang, slug):
    """LibreOffice showed the French learning plan's labels as "Objecti" / "f 1": a word wider
    than its cell is broken, not moved. Each bold label word, at the body size (10.5 pt), plus
    Word's default cell margins (0.08 in on each side), must fit the column's width."""
    from PIL import ImageFont

    font = ImageFont.truetype(DEJAVU_SERIF_BOLD, 1050)  # 100 units a point
    document = Document(download(built_site, lang, slug, ".docx"))
    checked = 0
    for table in document.tables:
        if len(table.columns) < 3:
            continue  # the boxes to write in
        width = table.columns[0].width / 12700  # points
        for row in table.rows[1:]:
            for word in row.cells[0].text.split():
                needed = font.getlength(word) / 100 + 2 * 0.08 * 72
                assert needed <= width, f"{word!r} needs {needed:.1f} pt, its column is {width:.1f} pt"
                checked += 1
    assert checked >= 3, checked


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_mentoring_agreement_word_file_has_every_box_and_the_signature_table(built_site, lang):
    document = Document(download(built_site, lang, "mentoring-agreement", ".docx"))
    text = "\n".join(plain(p.text) for p in document.paragraphs)
    for label in {"fr": ["Ce qui reste entre nous", "Le mentor ou la mentore s'engage à"], "en": ["What stays between us", "The mentor commits to"]}[lang]:
        assert label in text
    # The table headed by what each signer writes (the lines under the title have four columns too).
    name = {"fr": "Nom", "en": "Name"}[lang]
    signatures = next(t for t in document.tables if len(t.columns) == 4 and plain(t.cell(0, 1).text) == name)
    assert [plain(row.cells[0].text) for row in signatures.rows[1:]] == {
        "fr": ["Stagiaire", "Mentor ou mentore", "Personne qui supervise"], "en": ["Student", "Mentor", "Supervisor"]
    }[lang]
    grid, cells = table_widths(signatures)
    assert all(row == grid for row in cells)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_templates_are_in_the_zip_the_downloads_page_and_the_guide_pdf(built_site, lang, pdf_pages):
    prefix = "" if lang == "fr" else "en/"
    names = zipfile.ZipFile(built_site / prefix / "toolkit" / "downloads" / f"checklists-{lang}.zip").namelist()
    # Numbered by their rank in the toolkit's "Which tool, when" (tests/test_checklist_zip_readme.py).
    for number, stem in (("06", FILES[(lang, "learning-plan")]), ("07", FILES[(lang, "mentoring-agreement")])):
        assert {f"{number}-{stem}.pdf", f"{number}-{stem}.docx"} <= set(names)
    page = lxml.html.parse(str(built_site / prefix / "downloads" / "index.html")).getroot()
    hrefs = " ".join(a.get("href") for a in page.xpath("//article//a[@href]"))
    assert FILES[(lang, "learning-plan")] + ".docx" in hrefs and FILES[(lang, "mentoring-agreement")] + ".pdf" in hrefs
    guide = next((built_site / prefix / "downloads").glob("*.pdf"))
    text = plain(" ".join(printed.text for printed in pdf_pages(guide)[-40:]))
    titles = {"fr": ("Plan d'apprentissage", "Entente de mentorat"), "en": ("Learning plan", "Mentoring agreement")}[lang]
    example = {"fr": "Dresser une liste à jour de dix ressources locales", "en": "Compile an up-to-date list of ten local resources"}[lang]
    for title in titles:
        assert title in text
    assert example in text  # the example library prints in the annex
