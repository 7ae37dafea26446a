"""What search engines, link previews and crawlers read: hreflang alternates (seen by two
independent HTML parsers), robots.txt, page titles, image sizes and Open Graph cards. (The browse
of every page with no request missing is part of the walk in tests/test_accessibility.py.)"""

from __future__ import annotations

import struct
from pathlib import Path

import html5lib
import lxml.html
import pytest


from conftest import SITE_URL, is_redirect_page

LANGUAGES = {"fr": "", "en": "en/"}
SITE_NAMES = {"fr": "Guide de mentorat en AIT", "en": "WIL Mentoring Guide"}
LOCALES = {"fr": "fr_CA", "en": "en_CA"}
HTML = "{http://www.w3.org/1999/xhtml}"


def pages(site: Path, lang: str) -> list[Path]:
    """Every content page of a language (404 pages apart)."""
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if (lang == "en") == rel.startswith("en/") and not is_redirect_page(path):
            found.append(path)
    return found


def page_path(site: Path, path: Path) -> str:
    """The page's URL path below the site root: "" for the home page, "en/roles/"."""
    return "" if path.parent == site else path.parent.relative_to(site).as_posix() + "/"


def page_url(site: Path, path: Path) -> str:
    return SITE_URL + page_path(site, path)


def alternates_lxml(path: Path) -> list[tuple[str, str]]:
    document = lxml.html.parse(str(path)).getroot()
    return [(link.get("hreflang"), link.get("href")) for link in document.iter("link") if link.get("rel") == "alternate" and link.get("hreflang")]


def alternates_html5lib(path: Path) -> list[tuple[str, str]]:
    document = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=True)
    return [
        (link.get("hreflang"), link.get("href"))
        for link in document.iter(HTML + "link")
        if link.get("rel") == "alternate" and link.get("hreflang")
    ]


@pytest.mark.parametrize("parser", [alternates_lxml, alternates_html5lib], ids=["lxml", "html5lib"])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_lists_its_alternates_with_x_default(built_site, lang, parser):
    paths = pages(built_site, lang)
    assert len(paths) >= 20
    for path in paths:
        url = page_url(built_site, path)
        counterpart = url.replace(SITE_URL + "en/", SITE_URL) if lang == "en" else url.replace(SITE_URL, SITE_URL + "en/", 1)
        french, english = (url, counterpart) if lang == "fr" else (counterpart, url)
        found = sorted(parser(path))
        assert found == sorted([("fr", french), ("en", english), ("x-default", french)]), path


def test_alternates_are_plain_rel_tokens(built_site):
    for path in built_site.rglob("*.html"):
        assert 'rel="alternate "' not in path.read_text(encoding="utf-8"), path


def test_robots_txt_names_the_absolute_sitemap(built_site):
    lines = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: https://example-org.github.io/wil-mentoring-guide/sitemap.xml" in lines
    assert (built_site / "sitemap.xml").exists()


def heading(document) -> str:
    return " ".join(document.cssselect("article h1")[0].text_content().replace("¶", "").split())


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_title_names_the_page_then_the_site_once(built_site, lang):
    site = SITE_NAMES[lang]
    for path in pages(built_site, lang):
        document = lxml.html.parse(str(path)).getroot()
        title = document.findtext(".//title")
        assert title.count(site) == 1, f"{path}: {title!r}"
        if path.parent == built_site / LANGUAGES[lang].rstrip("/") or path.parent == built_site and lang == "fr":
            assert title == site, path
        else:
            assert title == f"{heading(document)} - {site}", path


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_images_carry_their_size_and_the_logo_is_named(built_site, lang):
    for path in [*pages(built_site, lang), built_site / LANGUAGES[lang] / "404.html"]:
        document = lxml.html.parse(str(path)).getroot()
        for image in document.iter("img"):
            assert image.get("width", "").isdigit() and image.get("height", "").isdigit(), f"{path}: {lxml.html.tostring(image)[:120]}"
        logo = document.cssselect(".md-header .md-logo img")[0]
        assert logo.get("alt") == SITE_NAMES[lang], path


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang, other", [("fr", "en"), ("en", "fr")])
def test_open_graph_card_in_the_page_language(built_site, lang, other):
    for path in pages(built_site, lang):
        document = lxml.html.parse(str(path)).getroot()
        meta = {m.get("property"): m.get("content") for m in document.iter("meta") if m.get("property")}
        description = document.cssselect('meta[name="description"]')[0].get("content")
        title = document.findtext(".//title")
        assert meta["og:title"] == (title.removesuffix(" - " + SITE_NAMES[lang]) if " - " in title else title), path
        assert meta["og:description"] == description and len(description) > 40, path
        assert meta["og:site_name"] == SITE_NAMES[lang]
        assert meta["og:locale"] == LOCALES[lang] and meta["og:locale:alternate"] == LOCALES[other], path
        assert meta["og:url"] == page_url(built_site, path), path
        assert meta["og:type"] == "website"
        image = meta["og:image"]
        assert image.startswith(SITE_URL), image
        assert png_size(built_site / image.removeprefix(SITE_URL)) == (1200, 630)
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
