"""The legal and HR chapter as a reader gets it: in both languages, in the menu, dated, saying it
is not legal advice, and every source it cites listed on the references page with an address."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html as lxml_html

LANGUAGE_ROOTS = {"fr": "", "en": "en/"}
# What a reader must see, written as the reader sees it (not read from the page source).
DATED_DISCLAIMER = {
    "fr": ["État au 1er décembre 2026", "ce n'est pas un avis juridique"],
    "en": ["As of December 1, 2026", "it is not legal advice"],
}
# The chapter cites many sources; fewer than this means citations stopped being found at all.
MIN_CITED_SOURCES = 10


def built_page(site: Path, lang: str, slug: str):
    path = site / LANGUAGE_ROOTS[lang] / slug / "index.html"
    assert path.exists(), f"{path} was not built"
    return lxml_html.fromstring(path.read_bytes())


def article_text(page) -> str:
    (article,) = page.xpath("//article")
    return " ".join(article.text_content().replace("\u00a0", " ").replace("\u202f", " ").split())


def external_addresses(element) -> set[str]:
    # The theme's "edit this page" button is not a citation.
    hrefs = element.xpath(".//a[not(contains(@class, 'md-content__button'))]/@href")
    return {href for href in hrefs if urlsplit(href).scheme in ("http", "https")}


def entry_elements(references, anchor: str) -> list:
    """The heading with this ID and everything after it up to the next heading of a source or group."""
    headings = references.xpath(f"//article//*[@id='{anchor}']")
    assert headings, f"no entry #{anchor} on the references page"
    heading = headings[0]
    assert heading.tag in ("h2", "h3"), f"#{anchor} on the references page is a <{heading.tag}>, not a source heading"
    entry = [heading]
    for sibling in heading.itersiblings():
        if sibling.tag in ("h2", "h3"):
            break
        entry.append(sibling)
    return entry


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_legal_page_is_in_the_menu_dated_and_says_it_is_not_legal_advice(built_site, lang):
    page = built_page(built_site, lang, "legal-hr-basics")
    text = article_text(page)
    for phrase in DATED_DISCLAIMER[lang]:
        assert phrase in text, f"the {lang} legal page does not say: {phrase!r}"
    home = built_page(built_site, lang, "")
    menu_targets = {href.rstrip("/").rsplit("/", 1)[-1] for href in home.xpath("//nav//a/@href")}
    assert "legal-hr-basics" in menu_targets, f"the {lang} menu has no link to the legal page"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_source_the_legal_page_cites_is_on_the_references_page_with_an_address(built_site, lang):
    page_url = f"https://site.invalid/{LANGUAGE_ROOTS[lang]}legal-hr-basics/"
    references_path = urlsplit(f"https://site.invalid/{LANGUAGE_ROOTS[lang]}references/").path
    page = built_page(built_site, lang, "legal-hr-basics")
    references = built_page(built_site, lang, "references")
    (article,) = page.xpath("//article")

    cited = set()
    for href in article.xpath(".//a/@href"):
        target = urlsplit(urljoin(page_url, href))
        if target.netloc == "site.invalid" and target.path == references_path and target.fragment:
            cited.add(target.fragment)
    assert len(cited) >= MIN_CITED_SOURCES, f"only {sorted(cited)} cited from the {lang} legal page"
    for anchor in sorted(cited):
        entry = entry_elements(references, anchor)
        assert any(external_addresses(part) for part in entry), f"references #{anchor} ({lang}) gives no web address"

    listed = external_addresses(references)
    unlisted = external_addresses(article) - listed
    assert not unlisted, f"addresses on the {lang} legal page missing from its references page: {sorted(unlisted)}"


# Every place the after-injury list covers, as a reader sees it named.
INJURY_DUTIES_PLACES = {
    "en": ["Ontario", "British Columbia", "Alberta", "Quebec", "Federally regulated workplaces", "New Brunswick",
           "Saskatchewan", "Manitoba", "Nova Scotia", "Prince Edward Island", "Newfoundland and Labrador", "Yukon",
           "Northwest Territories and Nunavut"],
    "fr": ["Ontario", "Colombie-Britannique", "Alberta", "Québec", "Sous réglementation fédérale", "Nouveau-Brunswick",
           "Saskatchewan", "Manitoba", "Nouvelle-Écosse", "Île-du-Prince-Édouard", "Terre-Neuve-et-Labrador", "Yukon",
           "Territoires du Nord-Ouest et Nunavut"],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_reader_after_an_injury_jumps_straight_to_their_province(built_site, lang):
    """The after-injury duties are a long list: on a phone, Yukon is a dozen screens below the steps.
    A line of links (on screen only) leads to each place's item, and every item has one."""
    page = built_page(built_site, lang, "legal-hr-basics")
    (jump,) = page.xpath("//article//p[contains(concat(' ', @class, ' '), ' wg-screen-only ')][.//a[starts-with(@href, '#injury-')]]")
    links = jump.xpath(".//a")
    assert [" ".join(a.text_content().split()) for a in links] == INJURY_DUTIES_PLACES[lang]
    items = []
    for link in links:
        (target,) = page.xpath(f"//article//*[@id='{link.get('href')[1:]}']")
        assert target.tag == "li", f"{link.get('href')} is a <{target.tag}>, not an item of the list"
        lead = " ".join(target.xpath("./strong")[0].text_content().split())
        assert lead == link.text_content().strip() + ".", f"{link.get('href')} leads to the item on {lead!r}"
        items.append(target)
    (duties,) = {item.getparent() for item in items}
    assert len(duties.xpath("./li")) == len(items), "an item of the after-injury list has no link"
