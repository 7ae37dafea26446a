"""The "When things go wrong" chapter and its checklist, end to end in the built site: both pages are
built and in the menu, each language's search index holds the chapter, the guide PDFs print it,
and the checklist's PDF, Word file and ZIP entry carry its own items.

Expected values are literal strings a reader sees, never read back from the generators' tables."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import lxml.html
import pypdf
import pytest
from docx import Document

PREFIX = {"fr": "", "en": "en/"}
CHAPTER_TITLE = {"fr": "Quand ça se passe mal", "en": "When things go wrong"}
CHECKLIST_TITLE = {"fr": "Quand ça se passe mal : les étapes", "en": "When things go wrong: the steps"}
# A phrase from each language's chapter, as a reader sees it (the help line's number is in both).
CHAPTER_PHRASE = {"fr": "plan d'amélioration", "en": "improvement plan"}
HELP_LINE = "1-855-242-3310"
SLUG = "when-things-go-wrong"
# The checklist's item keys, in order: the same in both languages.
KEYS = [
    "facts-ready", "private-meeting", "facts-and-impact", "next-step", "note-shared", "coordinator-told",
    "coordinator-before-plan", "accommodation-working", "plan-written", "plan-dates", "plan-agreed", "plan-copy",
    "absence-rule", "no-show", "absences-logged", "conflict", "conflict-unsure", "conflict-harassment", "conflict-follow-up", "complaint-about-student", "complaint-about-you", "disputed-evaluation",
    "client-harassment", "breach", "impaired", "impaired-return",
    "concern-raised", "concern-follow-up", "injury", "injury-serious", "injury-reports", "injury-follow-up",
    "supervisor-leaving", "leaving-evaluation",
    "immediate-danger", "distress-on-site", "listen", "help-lines", "eap-check", "health-disclosure", "health-record", "distress-follow-up",
    "coordinator-before-ending", "school-requirements", "layoff-ending", "no-reprisal", "health-before-ending", "record-complete", "tell-in-person", "last-day",
    "debrief", "lessons",
]
FIRST_ITEM = {
    "fr": "Noter deux ou trois faits, avec leur date, avant d'en parler.",
    "en": "Write down two or three facts, with their dates, before you talk.",
}
# The header lines, the closing notes, and the log's eight rows of date, event and next step.
FIELDS = {"student", "supervisor", "date", "next-check-in", "notes"} | {
    f"{column}-{row}" for column in ("log-date", "log-event", "log-next") for row in range(1, 9)
}


def html(site: Path, lang: str, path: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / PREFIX[lang] / path / "index.html")).getroot()


def folded(text: str) -> str:
    """Spacing folded: the PDF and the HTML break lines and use no-break spaces differently."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())

# Files are named from the checklist's title in each language.
FILE = {"fr": "quand-ca-se-passe-mal-les-etapes", "en": "when-things-go-wrong-the-steps"}
ZIP = {"fr": "toutes-les-listes-de-verification-et-tous-les-modeles.zip", "en": "all-checklists-and-templates.zip"}

@pytest.mark.parametrize("lang", PREFIX)
def test_chapter_is_built_and_in_the_menu(built_site, lang):
    page = html(built_site, lang, SLUG)
    assert folded(page.xpath("//article//h1")[0].text_content()).startswith(CHAPTER_TITLE[lang])
    article = folded(page.xpath("//article")[0].text_content())
    assert HELP_LINE in article and "9-8-8" in article
    # The menu of another page links to the chapter and to its checklist.
    home = html(built_site, lang, "")
    menu = [a.get("href") for a in home.xpath("//nav[contains(@class, 'md-nav--primary')]//a[@href]")]
    assert f"{SLUG}/" in menu, menu
    assert f"toolkit/{SLUG}/" in menu, menu


@pytest.mark.parametrize("lang", PREFIX)
def test_chapter_is_in_its_language_search_index_only(built_site, lang):
    index = json.loads((built_site / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"] if doc["location"] == f"{SLUG}/"}
    assert titles == {CHAPTER_TITLE[lang]}
    sections = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(f"{SLUG}/#"))
    assert CHAPTER_PHRASE[lang] in folded(sections).lower()
    other = "en" if lang == "fr" else "fr"
    assert not any(doc["title"] == CHAPTER_TITLE[other] for doc in index["docs"])


def guide_pdf_text(site: Path, lang: str, pdf_document) -> tuple[list[str], str]:
    """The guide PDF's bookmarks and its text, as the downloads page's link finds it."""
    page = site / PREFIX[lang] / "downloads" / "index.html"
    href = lxml.html.parse(str(page)).getroot().xpath("//tr[@data-download='guide']//a/@href")[0]
    document = pdf_document((page.parent / href).resolve())
    return [folded(title) for title, _, _ in document.outline], folded(" ".join(printed.text for printed in document.pages))


@pytest.mark.parametrize("lang", PREFIX)
def test_guide_pdf_prints_the_chapter_and_the_checklist(built_site, lang, pdf_document):
    # The chapter, and the checklist in the toolkit appendix.
    outline, text = guide_pdf_text(built_site, lang, pdf_document)
    assert CHAPTER_TITLE[lang] in outline and CHECKLIST_TITLE[lang] in outline
    assert HELP_LINE in text
    assert FIRST_ITEM[lang] in text


@pytest.mark.parametrize("lang", PREFIX)
def test_checklist_pdf_has_a_box_per_item_and_the_fill_in_fields(built_site, lang):
    folder = built_site / PREFIX[lang] / "toolkit" / "downloads"
    fields = pypdf.PdfReader(folder / f"{FILE[lang]}.pdf").get_fields()
    boxes = [name for name, field in fields.items() if field.get("/FT") == "/Btn"]
    assert sorted(boxes) == sorted(f"item-{key}" for key in KEYS)
    assert {name for name, field in fields.items() if field.get("/FT") == "/Tx"} == FIELDS
    assert folded(fields["item-facts-ready"]["/TU"]) == FIRST_ITEM[lang]
    # Each row of the log holds three lines of handwriting (12 pt each): at 24 pt, a typed entry of
    # a sentence or two shrank to 6 or 7 pt.
    for row in range(1, 9):
        for column in ("log-date", "log-event", "log-next"):
            bottom, top = sorted(float(v) for v in fields[f"{column}-{row}"].indirect_reference.get_object()["/Rect"][1::2])
            assert top - bottom >= 36, (column, row, top - bottom)


@pytest.mark.parametrize("lang", PREFIX)
def test_checklist_word_file_and_zip_entry(built_site, lang):
    folder = built_site / PREFIX[lang] / "toolkit" / "downloads"
    document = Document(folder / f"{FILE[lang]}.docx")
    assert folded(document.paragraphs[0].text) == CHECKLIST_TITLE[lang]
    assert folded(document.core_properties.title) == CHECKLIST_TITLE[lang]
    assert any(folded(p.text) == FIRST_ITEM[lang] for p in document.paragraphs)
    with zipfile.ZipFile(folder / ZIP[lang]) as archive:
        for suffix in (".pdf", ".docx"):
            name = f"{FILE[lang]}{suffix}"
            # 11: the last step of the toolkit's "Which tool, when", which numbers the ZIP's files.
            assert archive.read(f"11-{name}") == (folder / name).read_bytes()


@pytest.mark.parametrize("lang", PREFIX)
def test_checklist_page_lists_the_same_keys_in_both_languages(built_site, lang):
    page = html(built_site, lang, f"toolkit/{SLUG}")
    keys = page.xpath("//ul[@class='wg-checklist']/li/input[@type='checkbox']/@data-key")
    assert keys == KEYS


LOG_TITLE = {"fr": "Journal des faits et des contacts", "en": "Log of facts and contacts"}


@pytest.mark.parametrize("lang", PREFIX)
def test_the_log_has_a_row_to_write_in_and_the_printed_notes_come_after_it(built_site, lang):
    """The steps ask to write down facts, dates and each attempt to reach the student: the log gives
    them a place, and on paper the closing notes box follows it, as in the PDF."""
    page = html(built_site, lang, "toolkit/when-things-go-wrong")
    (heading,) = [h for h in page.xpath("//article//h2") if folded(h.text_content()).startswith(LOG_TITLE[lang])]
    (table,) = page.xpath("//article//table[@aria-labelledby='log']")
    assert len(table.xpath(".//tbody/tr")) == 8 and len(table.xpath(".//tbody//textarea")) == 24
    article = page.xpath("//article")[0]
    order = [element for element in article.iter() if element is heading or element is table
             or "wg-checklist-print-notes" in (element.get("class") or "").split()]
    assert order[-3:-1] == [heading, table] and "wg-checklist-print-notes--section" not in order[-1].get("class")
