"""Checklist pages in the built site: download buttons point at real files with their real sizes,
the toolkit index lists every checklist and the ZIP, the list reads without JavaScript, and bad
sources stop the build with file and line."""

from __future__ import annotations

import posixpath
from pathlib import Path

import lxml.html
import pytest

from mkdocs.config import load_config

from conftest import SITE_URL
from wilguide.checklists import checklist_downloads, format_size, load_all, nav_order
from wilguide.checklists.downloads import bundle_name, file_name

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "en"]
CONFIG = load_config(str(ROOT / "mkdocs.yml"), site_url=SITE_URL)  # the address the session's site was built for
EVERY = load_all(ROOT / "docs", LANGS, nav_order(CONFIG.nav))  # checklists, then templates
CHECKLISTS = {lang: {slug: c for slug, c in found.items() if c.kind == "checklist"} for lang, found in EVERY.items()}
SLUGS = list(CHECKLISTS["fr"])  # in nav order, as the site lists them
ALL_SLUGS = list(EVERY["fr"])


def every_file(lang: str) -> list[str]:
    return [file_name(c, s) for c in EVERY[lang].values() for s in (".pdf", ".docx")]


def page_file(site: Path, lang: str, path: str) -> Path:
    prefix = "" if lang == "fr" else f"{lang}/"
    return site / prefix / path / "index.html"


def resolve(site: Path, page: Path, href: str) -> Path:
    target = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), href))
    return site / target


def download_links(document) -> list:
    return document.xpath("//a[contains(concat(' ', @class, ' '), ' wg-download ')]")


@pytest.mark.parametrize(("lang", "slug"), [(lang, slug) for lang in LANGS for slug in SLUGS])
def test_checklist_page_has_download_buttons_with_real_sizes_and_accessible_boxes(built_site, lang, slug):
    checklist = CHECKLISTS[lang][slug]
    page = page_file(built_site, lang, f"toolkit/{slug}")
    document = lxml.html.parse(str(page)).getroot()

    links = download_links(document)
    assert len(links) == 2
    for link, suffix, kind in zip(links, (".pdf", ".docx"), ("PDF", "DOCX")):
        target = resolve(built_site, page, link.get("href"))
        assert target.name == file_name(CHECKLISTS[lang][slug], suffix)
        assert target.is_file()
        assert f"({kind}, {format_size(target.stat().st_size, lang)})" in link.text_content()
        assert link.get("download") is not None

    # Without JavaScript: a list of disabled boxes, each with its own label, and no toolbar.
    boxes = document.xpath("//ul[@class='wg-checklist']/li/input[@type='checkbox']")
    assert [box.get("data-key") for box in boxes] == [item.key for item in checklist.items]
    for box, item in zip(boxes, checklist.items):
        assert box.get("disabled") is not None
        label = document.xpath(f"//label[@for='{box.get('id')}']")
        assert len(label) == 1
        assert label[0].text_content().replace("\u00a0", " ") == item.text.replace("\u00a0", " ")
    toolbar = document.xpath("//div[@class='wg-checklist-toolbar']")[0]
    assert toolbar.get("hidden") is not None
    assert toolbar.get("data-storage-key") == f"wilguide:checklist:{lang}:{slug}"
    assert toolbar.xpath(".//*[@aria-live='polite']")
    text = document.text_content()
    assert "{ #" not in text and "[ ]" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_toolkit_index_lists_every_checklist_its_downloads_the_zip_and_the_planner(built_site, lang):
    page = page_file(built_site, lang, "toolkit")
    document = lxml.html.parse(str(page)).getroot()
    hrefs = [a.get("href") for a in document.xpath("//article//a[@href]")]
    for slug in ALL_SLUGS:
        assert f"../{slug}/" in hrefs or f"{slug}/" in hrefs, slug
    targets = {resolve(built_site, page, link.get("href")).name for link in download_links(document)}
    expected = set(every_file(lang)) | {bundle_name(lang)}
    assert targets == expected
    for link in download_links(document):
        target = resolve(built_site, page, link.get("href"))
        assert target.is_file()
        assert format_size(target.stat().st_size, lang) in link.text_content()  # the real size
        if link.get("aria-label"):  # cards: the accessible name says which checklist
            assert link.get("aria-label").endswith(link.text_content())
    assert any(href.rstrip("/").endswith("planner") for href in hrefs)
    titles = [a.text_content() for a in document.xpath("//div[contains(@class, 'wg-checklist-cards')]//strong/a")]
    assert titles == [EVERY[lang][slug].title for slug in ALL_SLUGS]


BUNDLE_BUTTON = {"fr": "Toutes les listes de vérification et tous les modèles en PDF et en Word (ZIP, ", "en": "All checklists and templates as PDF and Word files (ZIP, "}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_bundle_button_says_what_the_zip_holds_in_one_pair_of_brackets(built_site, lang):
    """"… (PDF and Word) (ZIP, 1.4 MB)", and on paper its address in a third pair, read as a stack."""
    document = lxml.html.parse(str(page_file(built_site, lang, "toolkit"))).getroot()
    (button,) = document.xpath("//article//a[contains(@class, 'md-button--primary')][contains(@href, '.zip')]")
    text = button.text_content()
    assert text.startswith(BUNDLE_BUTTON[lang]) and text.count("(") == 1, text


def test_checklist_downloads_api_lists_files_in_order(built_site):
    for lang in LANGS:
        downloads = checklist_downloads(lang, CONFIG)
        assert [d.format for d in downloads] == ["PDF", "DOCX"] * len(ALL_SLUGS) + ["ZIP"]
        assert [posixpath.basename(d.url) for d in downloads[:-1]] == every_file(lang)
        prefix = "" if lang == "fr" else f"{lang}/"
        for download in downloads:
            built = built_site / prefix / download.url
            assert built.read_bytes() == download.path.read_bytes()
            assert download.size == built.stat().st_size
        assert checklist_downloads(lang) == downloads  # the same list, without the config, once built


@pytest.mark.slow
def test_an_item_missing_in_one_language_fails_the_build_with_file_and_line(broken_build):
    """The English first-week checklist lost its 'coffee' item (see conftest.broken_build)."""
    line = broken_build.lines["missing-item"]
    assert broken_build.result.returncode != 0
    assert (f"docs/en/toolkit/first-week.md:{line - 1}: item 'coffee' of docs/fr/toolkit/first-week.md:{line} has no "
            "counterpart here: add it after this item, or remove it there") in broken_build.stderr


@pytest.mark.slow
def test_a_malformed_item_fails_the_build_with_file_and_line(broken_build):
    """The French check-in agenda's item key became 'Wins!' (see conftest.broken_build)."""
    line = broken_build.lines["malformed-item"]
    assert broken_build.result.returncode != 0
    assert f"docs/fr/toolkit/check-in-agenda.md:{line}: bad item key 'Wins!'" in broken_build.stderr
