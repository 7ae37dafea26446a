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


# The long lists by place, as a reader sees them: each link's name, then the bold lead of the item
# it must land on. Places the page has no rule for share the "other places" item.
INJURY_PLACES = {
    "en": ["Ontario", "British Columbia", "Alberta", "Quebec", "Federally regulated workplaces", "New Brunswick",
           "Saskatchewan", "Manitoba", "Nova Scotia", "Prince Edward Island", "Newfoundland and Labrador", "Yukon",
           "Northwest Territories and Nunavut"],
    "fr": ["Ontario", "Colombie-Britannique", "Alberta", "Québec", "Milieux de travail sous réglementation fédérale",
           "Nouveau-Brunswick", "Saskatchewan", "Manitoba", "Nouvelle-Écosse", "Île-du-Prince-Édouard",
           "Terre-Neuve-et-Labrador", "Yukon", "Territoires du Nord-Ouest et Nunavut"],
}
PLACE_LISTS = {
    **{(lang, "injury"): [(place, place + ".") for place in places] for lang, places in INJURY_PLACES.items()},
    ("en", "standards"): [
        ("Ontario", "Ontario."), ("British Columbia", "British Columbia."), ("Quebec", "Quebec: labour standards."),
        ("Federally regulated private sector", "Federally regulated private sector"),
        ("Federal public service", "Federal public service."), ("New Brunswick", "New Brunswick."),
        ("Saskatchewan", "Saskatchewan."), ("Manitoba", "Manitoba."), ("Nova Scotia", "Nova Scotia."),
        ("Prince Edward Island", "Prince Edward Island."), ("Alberta", "Other provinces and territories"),
        ("Newfoundland and Labrador", "Other provinces and territories"), ("Yukon", "Other provinces and territories"),
        ("Northwest Territories", "Other provinces and territories"), ("Nunavut", "Other provinces and territories")],
    ("fr", "standards"): [
        ("Ontario", "Ontario."), ("Colombie-Britannique", "Colombie-Britannique."),
        ("Québec", "Québec : les normes du travail."),
        ("Secteur privé sous réglementation fédérale", "Secteur privé sous réglementation fédérale"),
        ("Fonction publique fédérale", "Fonction publique fédérale."), ("Nouveau-Brunswick", "Nouveau-Brunswick."),
        ("Saskatchewan", "Saskatchewan."), ("Manitoba", "Manitoba."), ("Nouvelle-Écosse", "Nouvelle-Écosse."),
        ("Île-du-Prince-Édouard", "Île-du-Prince-Édouard."), ("Alberta", "Autres provinces et territoires"),
        ("Terre-Neuve-et-Labrador", "Autres provinces et territoires"), ("Yukon", "Autres provinces et territoires"),
        ("Territoires du Nord-Ouest", "Autres provinces et territoires"), ("Nunavut", "Autres provinces et territoires")],
    ("en", "insurance"): [
        ("Ontario", "Ontario, unpaid placement."), ("British Columbia", "British Columbia."), ("Alberta", "Alberta."),
        ("Quebec", "Quebec."), ("Federal public service", "Federal public service."), ("New Brunswick", "New Brunswick."),
        ("Saskatchewan", "Saskatchewan."), ("Manitoba", "Manitoba."), ("Nova Scotia", "Nova Scotia."),
        ("Newfoundland and Labrador", "Newfoundland and Labrador."),
        ("Prince Edward Island", "Other provinces and territories"), ("Yukon", "Other provinces and territories"),
        ("Northwest Territories", "Other provinces and territories"), ("Nunavut", "Other provinces and territories")],
    ("fr", "insurance"): [
        ("Ontario", "Ontario, stage non rémunéré."), ("Colombie-Britannique", "Colombie-Britannique."),
        ("Alberta", "Alberta."), ("Québec", "Québec."), ("Fonction publique fédérale", "Fonction publique fédérale."),
        ("Nouveau-Brunswick", "Nouveau-Brunswick."), ("Saskatchewan", "Saskatchewan."), ("Manitoba", "Manitoba."),
        ("Nouvelle-Écosse", "Nouvelle-Écosse."), ("Terre-Neuve-et-Labrador", "Terre-Neuve-et-Labrador."),
        ("Île-du-Prince-Édouard", "Autres provinces et territoires"), ("Yukon", "Autres provinces et territoires"),
        ("Territoires du Nord-Ouest", "Autres provinces et territoires"), ("Nunavut", "Autres provinces et territoires")],
    ("en", "harassment"): [
        ("Quebec", "Quebec: the anti-harassment policy."), ("Ontario", "Ontario."),
        ("British Columbia", "British Columbia."), ("Alberta", "Alberta."), ("New Brunswick", "New Brunswick."),
        ("Federally regulated workplaces", "Federally regulated workplaces."), ("Saskatchewan", "Saskatchewan."),
        ("Manitoba", "Manitoba."), ("Nova Scotia", "Nova Scotia."), ("Prince Edward Island", "Prince Edward Island."),
        ("Newfoundland and Labrador", "Newfoundland and Labrador."), ("Yukon", "Yukon."),
        ("Northwest Territories", "Northwest Territories and Nunavut."), ("Nunavut", "Northwest Territories and Nunavut.")],
    ("fr", "harassment"): [
        ("Québec", "Québec : la politique contre le harcèlement."), ("Ontario", "Ontario."),
        ("Colombie-Britannique", "Colombie-Britannique."), ("Alberta", "Alberta."),
        ("Nouveau-Brunswick", "Nouveau-Brunswick."),
        ("Milieux de travail sous réglementation fédérale", "Milieux de travail sous réglementation fédérale."),
        ("Saskatchewan", "Saskatchewan."), ("Manitoba", "Manitoba."), ("Nouvelle-Écosse", "Nouvelle-Écosse."),
        ("Île-du-Prince-Édouard", "Île-du-Prince-Édouard."), ("Terre-Neuve-et-Labrador", "Terre-Neuve-et-Labrador."),
        ("Yukon", "Yukon."), ("Territoires du Nord-Ouest", "Territoires du Nord-Ouest et Nunavut."),
        ("Nunavut", "Territoires du Nord-Ouest et Nunavut.")],
}
SAFETY_PLACES = {
    "en": ["Ontario", "British Columbia", "Quebec", "New Brunswick", "Saskatchewan", "Manitoba", "Alberta", "Nova Scotia",
           "Prince Edward Island", "Newfoundland and Labrador", "Yukon"],
    "fr": ["Ontario", "Colombie-Britannique", "Québec", "Nouveau-Brunswick", "Saskatchewan", "Manitoba", "Alberta",
           "Nouvelle-Écosse", "Île-du-Prince-Édouard", "Terre-Neuve-et-Labrador", "Yukon"],
}
PLACE_LISTS[("en", "safety")] = [(place, place + ".") for place in SAFETY_PLACES["en"]] + [
    ("Northwest Territories", "Northwest Territories and Nunavut."), ("Nunavut", "Northwest Territories and Nunavut."),
    ("Federally regulated workplaces", "Federally regulated workplaces.")]
PLACE_LISTS[("fr", "safety")] = [(place, place + ".") for place in SAFETY_PLACES["fr"]] + [
    ("Territoires du Nord-Ouest", "Territoires du Nord-Ouest et Nunavut."), ("Nunavut", "Territoires du Nord-Ouest et Nunavut."),
    ("Milieux de travail sous réglementation fédérale", "Milieux de travail sous réglementation fédérale.")]
# Items of those lists that name no single place, so no link leads to them.
ITEMS_WITHOUT_A_LINK = {
    ("en", "injury"): [], ("fr", "injury"): [],
    ("en", "standards"): ["Quebec: the rights of students on placement.", "Quebec public service.",
                          "A student who works from another province or territory."],
    ("fr", "standards"): ["Québec : les droits des stagiaires.", "Fonction publique du Québec.",
                          "Stagiaire qui travaille depuis une autre province ou un autre territoire."],
    ("en", "insurance"): ["Ontario, paid placement.", "Ontario, days worked from home."],
    ("fr", "insurance"): ["Ontario, stage rémunéré.", "Ontario, jours de télétravail."],
    ("en", "harassment"): ["Quebec: students on placement."],
    ("en", "safety"): [], ("fr", "safety"): [],
    ("fr", "harassment"): ["Québec : la protection des stagiaires."],
}
# What a screen reader announces after the place's name, so two links named "Alberta" differ.
LIST_TOPICS = {("en", "injury"): "after an injury", ("fr", "injury"): "après un accident",
               ("en", "standards"): "employment standards", ("fr", "standards"): "normes du travail",
               ("en", "insurance"): "injury insurance", ("fr", "insurance"): "assurance en cas d'accident",
               ("en", "harassment"): "harassment rules", ("fr", "harassment"): "règles sur le harcèlement",
               ("en", "safety"): "health and safety", ("fr", "safety"): "santé et sécurité"}
# The page each list is on: the harassment rules sit with what to do about harassment.
LIST_PAGES = {"injury": "legal-hr-basics", "standards": "legal-hr-basics", "insurance": "legal-hr-basics",
              "safety": "legal-hr-basics",
              "harassment": "inclusive-mentoring"}


def item_lead(li):
    """The bold lead of a list item, at its start or, in an item of several paragraphs, at the start of the first."""
    return (li.xpath("./strong") or li.xpath("./p[1]/strong"))[0]


def words(element) -> str:
    return " ".join(element.text_content().replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang, topic", sorted(PLACE_LISTS))
def test_a_reader_jumps_straight_to_their_province_in_each_long_list(built_site, lang, topic):
    """Employment standards, injury insurance, health and safety training, the duties after an injury
    and the harassment rules are long lists by place: on a phone, Yukon is a dozen screens below the
    top. A line of links (on screen only) leads from each place's name to what the page says about it."""
    page = built_page(built_site, lang, LIST_PAGES[topic])
    (jump,) = page.xpath(f"//article//p[contains(concat(' ', @class, ' '), ' wg-screen-only ')]"
                         f"[.//a[starts-with(@href, '#{topic}-')]]")
    links = jump.xpath(".//a")
    expected = PLACE_LISTS[(lang, topic)]
    assert [words(a) for a in links] == [name for name, _ in expected]
    targets = []
    for link, (name, lead) in zip(links, expected):
        assert link.get("aria-label") == f"{name}, {LIST_TOPICS[(lang, topic)]}"
        (target,) = page.xpath(f"//article//*[@id='{link.get('href')[1:]}']")
        # An item of several paragraphs carries its id on its first paragraph, where it starts.
        if target.tag == "p" and target.getparent().tag == "li" and target.getparent()[0] is target:
            target = target.getparent()
        assert target.tag == "li", f"{link.get('href')} is a <{target.tag}>, not an item of the list"
        assert words(item_lead(target)) == lead, f"{name!r} leads to the item on {words(item_lead(target))!r}"
        assert name in words(target), f"the item {name!r} leads to does not name it"
        targets.append(target)
    (the_list,) = {target.getparent() for target in targets}
    unlinked = [words(item_lead(li)) for li in the_list.xpath("./li") if li not in targets]
    assert unlinked == ITEMS_WITHOUT_A_LINK[(lang, topic)]
