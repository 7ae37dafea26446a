"""The downloads page and the checklist files' names: French files have French names, old
addresses still serve the files, and the page reads as a list of documents on a phone and a
desktop, in both palettes, with links whose names say which document and which format.

Expected names are written out here as a reader sees them, not taken from the naming code."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import pytest

from conftest import CHECKLIST_SLUGS
from pdf_pages import poppler_info
from page_layout import sideways_overflow
from test_accessibility import SCHEMES, axe_violations

PREFIX = {"fr": "", "en": "en/"}
# Current names of a few files, as readers see them once downloaded.
NAMES = {
    "fr": {
        "before-first-day": "avant-la-premiere-journee",
        "sel-reflection": "reflexion-sur-mes-competences-en-mentorat",
        "check-in-agenda": "ordre-du-jour-rencontre-de-suivi",
        "first-week": "accueil-et-integration-premiere-semaine",
    },
    "en": {
        "before-first-day": "before-the-first-day",
        "sel-reflection": "reflection-on-my-mentor-competencies",
        "check-in-agenda": "regular-check-in-agenda",
        "first-week": "first-week-welcome-and-onboarding",
    },
}
BUNDLE = {"fr": "toutes-les-listes-de-verification-et-tous-les-modeles.zip", "en": "all-checklists-and-templates.zip"}
# Every checklist page published before the files were named after their titles (the "When things
# go wrong" checklist came in the same release as the new names: it never had an old one).
PUBLISHED_SLUGS = [slug for slug in CHECKLIST_SLUGS if slug != "when-things-go-wrong"]


def old_names(lang: str) -> list[str]:
    """The addresses the build used to write: checklist-<page>-<language>.<ext> and checklists-<language>.zip."""
    return [f"checklist-{slug}-{lang}{ext}" for slug in PUBLISHED_SLUGS for ext in (".pdf", ".docx")] + [f"checklists-{lang}.zip"]


def downloads_dir(site: Path, lang: str) -> Path:
    return site / PREFIX[lang] / "toolkit" / "downloads"


def document(site: Path, path: str):
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def download_hrefs(site: Path, lang: str, page: str) -> list[str]:
    root = document(site, PREFIX[lang] + page)
    return [unquote(href).rsplit("/", 1)[-1] for href in root.xpath("//article//a[@download]/@href")]


@pytest.mark.parametrize("lang", list(PREFIX))
def test_checklist_files_are_named_after_their_title_in_the_page_language(built_site, lang):
    folder = downloads_dir(built_site, lang)
    on_downloads_page = set(download_hrefs(built_site, lang, "downloads"))
    for slug, stem in NAMES[lang].items():
        on_its_page = download_hrefs(built_site, lang, f"toolkit/{slug}")
        assert on_its_page == [f"{stem}.pdf", f"{stem}.docx"], slug
        for ext in (".pdf", ".docx"):
            assert (folder / f"{stem}{ext}").is_file()
            assert f"{stem}{ext}" in on_downloads_page
    assert BUNDLE[lang] in on_downloads_page and (folder / BUNDLE[lang]).is_file()
    assert BUNDLE[lang] in download_hrefs(built_site, lang, "toolkit")
    # No link anywhere in this language leads to a former name (the slug rule, the ZIP's first
    # readable name) or says "sel".
    former = r"(^|/)(checklist-[a-z-]+-(fr|en)\.(pdf|docx)|checklists-(fr|en)\.zip|all-checklists\.zip|toutes-les-listes-de-verification\.zip)$"
    # Each href is resolved against its page's address first: a checklist page links
    # ../downloads/<name>, which has no "toolkit/downloads/" in it as written.
    checked = 0
    for html in (built_site / PREFIX[lang] or built_site).rglob("index.html"):
        if lang == "fr" and html.is_relative_to(built_site / "en"):
            continue
        folder = html.parent.relative_to(built_site).as_posix()
        page_url = "/" if folder == "." else f"/{folder}/"
        links = lxml.html.parse(str(html)).getroot().xpath("//a/@href")
        resolved = [unquote(urlsplit(urljoin(page_url, h)).path) for h in links]
        downloads = [h for h in resolved if h.startswith(f"/{PREFIX[lang]}toolkit/downloads/")]
        checked += len(downloads)
        assert not [h for h in downloads if re.search(rf"{former}|\bsel\b", h)], html
    # The checklist pages' own links are among those checked (two files for each of the pages above).
    assert checked >= 2 * len(NAMES[lang]) + 2 * len(PUBLISHED_SLUGS)


def test_the_french_before_first_day_file_has_its_french_name(built_site):
    assert (built_site / "toolkit/downloads/avant-la-premiere-journee.pdf").is_file()
    assert (built_site / "toolkit/downloads/avant-la-premiere-journee.docx").is_file()
    assert "avant-la-premiere-journee.pdf" in download_hrefs(built_site, "fr", "downloads")
    assert "reflexion-sur-mes-competences-en-mentorat.pdf" in download_hrefs(built_site, "fr", "toolkit/sel-reflection")


@pytest.mark.parametrize("lang", list(PREFIX))
def test_old_addresses_still_serve_the_same_files(built_site, site_server, lang):
    folder = downloads_dir(built_site, lang)
    for name in old_names(lang):
        assert (folder / name).is_file(), f"{name} is no longer served"
    same = {
        f"checklist-before-first-day-{lang}.pdf": f"{NAMES[lang]['before-first-day']}.pdf",
        f"checklist-sel-reflection-{lang}.docx": f"{NAMES[lang]['sel-reflection']}.docx",
        f"checklist-first-week-{lang}.pdf": f"{NAMES[lang]['first-week']}.pdf",
        f"checklists-{lang}.zip": BUNDLE[lang],
    }
    for old, new in same.items():
        assert (folder / old).read_bytes() == (folder / new).read_bytes(), old
    # Served over HTTP like any file, with the file's own type (no HTML redirect page).
    url = f"{site_server}{PREFIX[lang]}toolkit/downloads/checklist-before-first-day-{lang}.pdf"
    with urllib.request.urlopen(url) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read(5) == b"%PDF-"


def test_old_addresses_stay_out_of_the_sitemap_and_the_search(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    search = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    for lang in PREFIX:
        for name in old_names(lang):
            assert name not in sitemap and name not in search, name


# --- In Chromium ---------------------------------------------------------------------------------

LINKS = "table.wilguide-downloads a[download]"
ACCESSIBLE_NAMES = """els => els.map(a => ({
  name: (a.getAttribute('aria-label') || a.textContent).replace(/\\s+/g, ' ').trim(),
  text: a.textContent.replace(/\\s+/g, ' ').trim(),
  href: a.getAttribute('href'),
}))"""
KIND_WORDS = {
    "fr": {".pdf": "PDF", ".docx": "Word", ".zip": "ZIP"},
    "en": {".pdf": "PDF", ".docx": "Word", ".zip": "ZIP"},
}


@pytest.fixture(params=[("light", 320), ("dark", 320), ("light", 375)], ids=["light-320", "dark-320", "light-375"])
def phone(browser_pool, request):
    scheme, width = request.param
    with browser_pool.page(color_scheme=scheme, viewport={"width": width, "height": 640}) as page:
        yield page, scheme


@pytest.fixture(params=list(SCHEMES))
def desktop(browser_pool, request):
    with browser_pool.page(color_scheme=request.param, viewport={"width": 1280, "height": 800}) as page:
        yield page, request.param


def open_downloads(page, site_server, lang, scheme):
    page.goto(f"{site_server}{PREFIX[lang]}downloads/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(PREFIX))
def test_each_download_link_names_its_document_and_its_format(desktop, site_server, lang):
    page, scheme = desktop
    open_downloads(page, site_server, lang, scheme)
    links = page.eval_on_selector_all(LINKS, ACCESSIBLE_NAMES)
    assert len(links) >= 2 * len(PUBLISHED_SLUGS) + 2
    names = [link["name"] for link in links]
    texts = [link["text"] for link in links]
    assert len(set(names)) == len(names), "two links share a name"
    assert len(set(texts)) == len(texts), "two links read the same"
    for link in links:
        assert link["name"].startswith(link["text"]), "the accessible name starts with the visible text"
        ext = Path(unquote(link["href"])).suffix
        assert KIND_WORDS[lang][ext] in link["text"], link
    before = "Avant la première journée" if lang == "fr" else "Before the first day"
    pdf, word = [link["text"] for link in links if link["text"].startswith(before)]
    expected = {"fr": ("(PDF à remplir)", "(Word modifiable)"), "en": ("(fillable PDF)", "(editable Word)")}[lang]
    assert pdf == f"{before} {expected[0]}" and word == f"{before} {expected[1]}"


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(PREFIX))
def test_downloads_page_on_a_phone_is_a_list_without_sideways_scrolling(phone, site_server, lang):
    page, scheme = phone
    open_downloads(page, site_server, lang, scheme)
    assert sideways_overflow(page) == 0, "the page scrolls sideways on a phone"
    table = page.locator("table.wilguide-downloads")
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
    # One card per file: its format, size and date sit under its title, not in columns beside it.
    row = page.locator("table.wilguide-downloads tbody tr").nth(1)
    title = row.locator("td").nth(0).bounding_box()
    size = row.locator("td").nth(2).bounding_box()
    assert size["y"] >= title["y"] + title["height"] - 1
    # Column headers: off screen (a 1 px box), still read by screen readers.
    assert page.locator("table.wilguide-downloads thead").evaluate("h => h.getBoundingClientRect().height <= 1")
    built = "Mis à jour le" if lang == "fr" else "Updated"
    label = row.locator("td").nth(3).evaluate("td => getComputedStyle(td, '::before').content")
    assert built in label, label
    window = page.evaluate("document.documentElement.clientWidth")
    for link in page.locator(LINKS).all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= window
    assert not axe_violations(page)


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(PREFIX))
def test_downloads_table_is_styled_on_a_desktop_and_passes_axe(desktop, site_server, lang):
    page, scheme = desktop
    open_downloads(page, site_server, lang, scheme)
    caption = page.locator("table.wilguide-downloads caption")
    assert caption.evaluate("c => getComputedStyle(c).textAlign") in ("left", "start")
    cell = page.locator("table.wilguide-downloads tbody td").first
    padding = cell.evaluate("td => parseFloat(getComputedStyle(td).paddingTop) + parseFloat(getComputedStyle(td).paddingRight)")
    assert padding >= 8, "cells run together"
    border = page.locator("table.wilguide-downloads tbody td").nth(1).evaluate("td => getComputedStyle(td).borderBottomStyle")
    assert border == "solid", "rows are not separated"
    assert page.locator("table.wilguide-downloads thead").is_visible()
    assert sideways_overflow(page) == 0
    assert not axe_violations(page)


@pytest.mark.parametrize("lang", list(PREFIX))
def test_the_guide_row_gives_its_page_count_and_each_pdf_row_says_what_its_file_is_for(built_site, lang):
    def text(element) -> str:
        return " ".join(element.text_content().replace("\u00a0", " ").split())

    page = document(built_site, PREFIX[lang] + "downloads")
    (guide,) = page.xpath('//tr[@data-download="guide"]')
    href = guide.xpath(".//a[@download]/@href")[0]
    pages = poppler_info(built_site / PREFIX[lang] / "downloads" / unquote(href))["Pages"]  # pypdf: 3 s a guide
    size = text(guide.xpath('.//td[contains(@class, "wilguide-downloads__size")]')[0])
    units = "ko|Mo" if lang == "fr" else "KB|MB"  # the French symbols in French (OQLF)
    assert re.fullmatch(rf"[\d,.]+ ({units}), {pages} pages", size), size
    assert guide.xpath(".//a/@aria-label")[0].replace("\u00a0", " ").endswith(f", {size}"), "screen readers hear the page count too"

    # Each toolkit page's description (its <meta>), said once under its fillable PDF, not its Word file.
    rows = {Path(unquote(row.xpath(".//a[@download]/@href")[0])).name: row for row in page.xpath('//tr[@data-download="checklist"]')}
    for slug in [*CHECKLIST_SLUGS, "learning-plan", "mentoring-agreement"]:
        toolkit_page = document(built_site, f"{PREFIX[lang]}toolkit/{slug}")
        meta = " ".join(toolkit_page.xpath('//meta[@name="description"]/@content')[0].replace("\u00a0", " ").split())
        pdf_name, word_name = download_hrefs(built_site, lang, f"toolkit/{slug}")
        (description,) = rows[pdf_name].xpath('.//*[contains(@class, "wilguide-downloads__description")]')
        assert text(description) == meta, slug
        assert not rows[word_name].xpath('.//*[contains(@class, "wilguide-downloads__description")]'), word_name


def test_each_downloads_page_links_to_the_other_languages_files(built_site):
    """An employer on the English page may need the French checklists for a student, and the reverse."""
    expected = {
        "fr": ("Le guide, les listes de vérification et les modèles existent aussi en anglais : Downloads.", "en", "Downloads"),
        "en": ("The guide and every checklist and template are also available in French: Téléchargements.", "fr", "Téléchargements"),
    }
    for lang, (sentence, other, title) in expected.items():
        page = document(built_site, PREFIX[lang] + "downloads")
        (link,) = page.xpath(f'//article//a[@hreflang="{other}"]')
        assert " ".join(link.getparent().text_content().replace("\u00a0", " ").split()) == sentence
        assert link.get("lang") == other and link.text_content() == title
        target = urljoin(f"/{PREFIX[lang]}downloads/", link.get("href"))
        assert target == f"/{PREFIX[other]}downloads/"
        (heading,) = document(built_site, PREFIX[other] + "downloads").xpath("//article//h1")
        assert "".join(heading.xpath("text()")).strip() == title  # its permalink sign left out
