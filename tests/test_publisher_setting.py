"""The publisher setting: left empty (the default), no reader sees a stand-in name or a dangling
"published by"; set, its name shows in each language, on pages, PDF covers, footers and metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import SAMPLE_EDI_GUIDE, SAMPLE_PUBLISHER
from pdf_pages import poppler_info, poppler_text
from test_checklists_outputs import SOURCE_LINE
from wilguide.guide_pdf import Edition
from wilguide.guide_pdf.assemble import build_document
from wilguide.guide_pdf.contents import Chapter, arrange
from wilguide.placeholders import find_misused, substitute

LANGUAGES = {"fr": "", "en": "en/"}
# Stand-ins an unconfigured site must never show (the old defaults, written as a name: "votre
# organisation" in a sentence is fine, and so is a sentence that starts with it), template
# leftovers, and a "published by" naming nobody.
STAND_INS = re.compile(
    r"(?<![.!?] )(?<![.!?]\u00a0)(?<![.!?]\n)Votre organisation|Your Organization|\{\{|\{%|%\}|(?i:publié par|published by)\s*[.,]"
)
SAMPLE, EDI = SAMPLE_PUBLISHER, SAMPLE_EDI_GUIDE


def visible_text(path: Path) -> str:
    document = lxml_html.fromstring(path.read_bytes())
    for element in document.xpath("//script | //style"):
        element.drop_tree()
    return document.text_content()


def html_pages(site: Path, lang: str) -> list[Path]:
    # The editors' translation status quotes the pages' Markdown, placeholders included, by design.
    pages = sorted(p for p in (site / LANGUAGES[lang]).rglob("*.html") if "translation-status" not in p.parts)
    return pages if lang != "fr" else [p for p in pages if not p.relative_to(site).as_posix().startswith("en/")]


def test_optional_sentence_is_kept_with_a_value_and_left_out_without():
    text = "Ce guide est publié de façon indépendante{% if publisher %} par {{ publisher }}{% endif %}. Fin."
    assert substitute(text, {"publisher": "Mon organisme"}) == "Ce guide est publié de façon indépendante par Mon organisme. Fin."
    assert substitute(text, {"publisher": ""}) == "Ce guide est publié de façon indépendante. Fin."


def test_an_optional_setting_outside_its_condition_is_reported():
    text = "Intro.\nPublished by {{ publisher }}.\n{% if publisher %}By {{ publisher }}.{% endif %}\n{% if publsher %}x{% endif %}\n{% if publisher %} never closed\n"
    findings = [str(f) for f in find_misused(text, {"publisher", "contact_email"}, {"publisher"}, "docs/en/index.md", 4)]
    assert findings == [
        "docs/en/index.md:8: unknown setting in {% if publsher %}; use one of: contact_email, publisher",
        "docs/en/index.md:9: '{% if publisher %}' is not a complete condition: write {% if setting %}…{% endif %}",
        "docs/en/index.md:6: {{ publisher }} may be empty in mkdocs.yml: wrap its sentence in "
        "{% if publisher %}…{% endif %} so it is left out when the setting is empty",
    ]


@pytest.mark.parametrize("publisher", ["", "Organisme Témoin"])
def test_guide_pdf_cover_names_the_publisher_only_when_set(publisher):
    edition = Edition(lang="fr", title="Guide", subtitle="Sous-titre", publisher=publisher, day=date(2026, 1, 2),
                      site_url="https://example.org/guide/")
    chapters = [Chapter(src_path="index.md", url="", html="<h1>Accueil</h1>", title="Accueil", section=None)]
    html = build_document(arrange(chapters, "Annexe\u00a0: {title}"), edition, {}).html
    document = lxml_html.document_fromstring(html)
    assert [p.text_content() for p in document.cssselect(".cover-publisher")] == ([publisher] if publisher else [])
    assert document.xpath('//meta[@name="author"]/@content') == ([publisher] if publisher else [])


@pytest.mark.parametrize(
    ("text", "stand_in"),
    [
        ("Publié par Votre organisation.", "Votre organisation"),
        ("© 2026 Votre organisation · Licence", "Votre organisation"),
        ("Votre organisation", "Votre organisation"),
        ("Published by Your Organization.", "Your Organization"),
        ("Publié par .", "Publié par ."),
        ("la personne qui s'est plainte. Votre organisation n'a pas de démarche?", None),
        ("Suivez la démarche de votre organisation.", None),
    ],
)
def test_a_stand_in_is_told_from_a_sentence(text, stand_in):
    found = STAND_INS.search(text)
    assert (found.group(0) if found else None) == stand_in


@pytest.mark.parametrize("lang", LANGUAGES)
def test_default_site_shows_no_stand_in_publisher(built_site, lang):
    problems = []
    for page in html_pages(built_site, lang):
        found = STAND_INS.search(visible_text(page))
        if found:
            problems.append(f"{page.relative_to(built_site)}: {found.group(0)!r}")
        if b'name="author"' in page.read_bytes():
            problems.append(f"{page.relative_to(built_site)}: <meta name=author> without a publisher")
    assert not problems, "\n".join(problems)
    downloads = built_site / LANGUAGES[lang]
    pdfs = sorted(downloads.glob("downloads/*.pdf")) + sorted(downloads.glob("toolkit/downloads/*.pdf"))
    assert len(pdfs) >= 9  # the guide and the eight checklists
    for pdf in pdfs:  # read with Poppler: pypdf parses the whole guide before it gives its metadata
        assert "Author" not in poppler_info(pdf), pdf.name  # pdfinfo lists an empty author too
        assert not STAND_INS.search(poppler_text(pdf, "-l", "1")), pdf.name
    # Nine checklists and two templates, and the eight checklists' copies at their former addresses
    # (in French, one more: the reflection sheet under its former title).
    word_files = sorted(downloads.glob("toolkit/downloads/*.docx"))
    assert len(word_files) == 9 + 2 + 8 + (lang == "fr"), [docx.name for docx in word_files]
    for docx in word_files:
        document = Document(docx)
        assert document.core_properties.author == "" and document.core_properties.last_modified_by == "", docx.name
        footer = document.sections[0].footer.paragraphs[0].text
        assert not STAND_INS.search(footer) and not footer.startswith(" ·"), (docx.name, footer)


@pytest.mark.slow
def test_configured_publisher_and_edi_guide_show_in_their_own_language(configured_site):
    """The copy built with a publisher and an EDI guide per language (conftest.configured_site)."""
    site, result = configured_site
    assert result.returncode == 0, result.stderr[-4000:]

    for lang, other in (("fr", "en"), ("en", "fr")):
        home = visible_text(site / LANGUAGES[lang] / "index.html")
        assert SAMPLE[lang] in home and SAMPLE[other] not in home
        pages = b"".join(page.read_bytes() for page in html_pages(site, lang))
        assert f'<meta name="author" content="{SAMPLE[lang]}">'.encode() in pages
        assert SAMPLE[other].encode() not in pages
        assert EDI[lang].encode() in pages and EDI[other].encode() not in pages, f"{lang}: wrong EDI guide link"
        checklist = site / LANGUAGES[lang] / "toolkit" / "downloads" / f"checklist-first-week-{lang}.pdf"
        reader = PdfReader(checklist)
        assert reader.metadata.author == SAMPLE[lang]
        assert SAMPLE[lang] in reader.pages[0].extract_text()
        docx = Document(checklist.with_suffix(".docx"))
        assert docx.core_properties.author == SAMPLE[lang]
        assert docx.sections[0].footer.paragraphs[0].text.startswith(SAMPLE[lang] + " · ")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_with_a_publisher_the_footer_still_prints_its_page_number_on_one_line(tmp_path, lang):
    """The footer's left side (publisher, guide, licence, title) may wrap; "Page 1 of 2" must not."""
    from wilguide.checklists import load_all
    from wilguide.checklists.downloads import with_settings
    from wilguide.checklists.pdf import write_pdf

    source = load_all(Path(__file__).parent.parent / "docs", [lang])[lang]["final-evaluation-exit"]  # the longest title
    checklist = with_settings(source, {"publisher": SAMPLE[lang], "source": SOURCE_LINE[lang]})
    write_pdf(checklist, SAMPLE[lang], tmp_path / "checklist.pdf")
    pages = PdfReader(tmp_path / "checklist.pdf").pages
    first = pages[0].extract_text()
    assert SAMPLE[lang] in first
    page_number = f"Page 1 sur {len(pages)}" if lang == "fr" else f"Page 1 of {len(pages)}"
    # pypdf joins text on one baseline: the number ends a line, whole, whatever is on its left.
    assert any(line.endswith(page_number) for line in first.splitlines()), [line for line in first.splitlines() if "Page" in line]
