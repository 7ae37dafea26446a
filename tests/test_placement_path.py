"""The path through a placement: the step-by-step page, the home page and planner that lead to it,
the navigation, and the redirect pages that keep a moved page's old address working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import ROOT, SITE_URL
from test_accessibility import axe_violations
from wilguide.findings import ContentError
from wilguide.redirects import load

LANGUAGES = {"fr": "", "en": "en/"}
SPINE = "placement-step-by-step/"
# The steps of a placement, in order (issue 14): the same H2 IDs in both languages.
STEPS = ["before-the-start", "first-day", "first-week", "every-week", "midpoint", "last-weeks", "the-end", "after"]
TITLES = {"fr": "Le stage pas à pas", "en": "Placement step by step"}
START_HERE = {"fr": "Commencer ici", "en": "Start here"}
SPELLED_OUT = {"fr": "apprentissage intégré au travail (AIT)", "en": "Work-integrated learning (WIL)"}
# Old addresses in content/redirects.yml, each kept in both languages.
OLD_ADDRESSES = ["pas-a-pas/", "start/"]
PHONE = {"width": 375, "height": 667}


def built(site: Path, lang: str, url: str) -> Path:
    return site / LANGUAGES[lang] / url / "index.html"


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def resolve(site: Path, page: Path, href: str) -> Path:
    """The built file a relative link of ``page`` leads to (section dropped)."""
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if not target.suffix else target


def heading_text(heading) -> str:
    """A heading's words, without its permalink."""
    return "".join(heading.xpath("text()")).strip()


def step_links(document, step: str) -> list[str]:
    """Every link between a step's H2 and the next H2."""
    heading = document.get_element_by_id(step)
    links = []
    for element in heading.itersiblings():
        if element.tag == "h2":
            break
        links += [a.get("href") for a in element.iter("a") if a.get("href") and "headerlink" not in (a.get("class") or "")]
    return links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_step_by_step_page_has_every_step_in_order(built_site, lang):
    document = parse(built(built_site, lang, SPINE))
    assert heading_text(document.xpath("//article//h1")[0]) == TITLES[lang]
    ids = [h2.get("id") for h2 in document.xpath("//article//h2")]
    assert [i for i in ids if i in STEPS] == STEPS, ids
    assert ids[: len(STEPS)] == STEPS, "the steps come first, before the background sections"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_opens_with_a_list_of_the_steps(built_site, lang):
    """On a phone the table of contents is hidden in the menu: the page lists its steps before the
    first one, each link named as its heading."""
    document = parse(built(built_site, lang, SPINE))
    first_step = document.get_element_by_id(STEPS[0])
    lists = [element for element in first_step.itersiblings(preceding=True) if element.tag == "ol"]
    assert len(lists) == 1, "one numbered list of the steps before the first step"
    links = lists[0].xpath("./li/a")
    assert [a.get("href") for a in links] == [f"#{step}" for step in STEPS]
    headings = [heading_text(document.get_element_by_id(step)) for step in STEPS]
    assert [a.text_content().strip() for a in links] == headings


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_step_links_a_tool_and_a_practice_that_exist(built_site, lang):
    page = built(built_site, lang, SPINE)
    document = parse(page)
    toolkit = (built_site / LANGUAGES[lang] / "toolkit").resolve()
    practices = (built_site / LANGUAGES[lang] / "practices").resolve()
    for step in STEPS:
        targets = [resolve(built_site, page, href) for href in step_links(document, step) if not href.startswith("#")]
        assert all(target.exists() for target in targets), (step, [t for t in targets if not t.exists()])
        assert any(toolkit in target.parents for target in targets), f"{lang} {step}: no link to a tool"
        assert any(practices in target.parents for target in targets), f"{lang} {step}: no link to a practice page"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_step_by_step_page_comes_right_after_home_in_the_nav(built_site, lang):
    home = built(built_site, lang, "")
    document = parse(home)
    # Page links only: the home page's own table of contents sits in the nav on small screens.
    nav_links = [a.get("href") for a in document.cssselect("nav.md-nav--primary > ul a.md-nav__link[href]")]
    nav_links = [href for href in nav_links if not href.startswith("#")]
    assert resolve(built_site, home, nav_links[0]) == home.resolve()
    assert resolve(built_site, home, nav_links[1]) == built(built_site, lang, SPINE).resolve(), nav_links[:3]
    following = document.cssselect("a.md-footer__link--next")[0].get("href")
    assert resolve(built_site, home, following) == built(built_site, lang, SPINE).resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fifteen_minute_path_and_planner_point_to_the_step_by_step_page(built_site, lang):
    spine = built(built_site, lang, SPINE).resolve()
    home = built(built_site, lang, "")
    first_step = parse(home).xpath('//h2[@id="start-in-15-minutes"]/following-sibling::ol[1]/li[1]//a/@href')
    assert resolve(built_site, home, first_step[0]) == spine
    planner = built(built_site, lang, "toolkit/planner/")
    assert spine in [resolve(built_site, planner, a.get("href")) for a in parse(planner).xpath("//article//a[@href]")]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_first_screen_on_a_phone_leads_to_the_step_by_step_page(browser_pool, site_server, lang):
    with browser_pool.page(viewport=PHONE, is_mobile=True, has_touch=True) as page:
        page.goto(site_server + LANGUAGES[lang])
        title = page.locator("article h1")
        assert SPELLED_OUT[lang] in title.inner_text()
        start = page.locator("article a", has_text=START_HERE[lang]).first
        assert start.is_visible()
        box = start.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"below the first screen: {box}"
        assert page.evaluate("window.scrollY") == 0
        start.click()
        page.wait_for_url("**/" + LANGUAGES[lang] + SPINE)
        assert page.locator("article h1").evaluate("h => h.firstChild.textContent").strip() == TITLES[lang]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_step_by_step_page_and_phone_home_pass_axe(browser_pool, site_server, lang):
    with browser_pool.page(viewport=PHONE) as page:
        problems = []
        for url in (SPINE, ""):
            page.goto(site_server + LANGUAGES[lang] + url)
            problems += [f"/{LANGUAGES[lang]}{url}: {line}" for line in axe_violations(page)]
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("old", OLD_ADDRESSES)
def test_old_address_is_a_redirect_page_in_its_language(built_site, lang, old):
    page = built(built_site, lang, old)
    document = parse(page)
    assert document.get("lang") == lang
    assert document.xpath('//meta[@name="robots"]/@content') == ["noindex"]
    assert document.xpath('//link[@rel="canonical"]/@href') == [SITE_URL + LANGUAGES[lang] + SPINE]
    refresh = document.xpath('//meta[@http-equiv="refresh"]/@content')[0]
    assert resolve(built_site, page, refresh.split("url=", 1)[1]) == built(built_site, lang, SPINE).resolve()
    link = document.xpath("//main//a")[0]  # for readers whose browser does not follow the refresh
    assert link.text_content() == TITLES[lang]
    assert resolve(built_site, page, link.get("href")) == built(built_site, lang, SPINE).resolve()


def test_redirect_pages_stay_out_of_the_sitemap_and_the_search(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert SPINE in sitemap
    search = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in search["docs"]}
    assert any(SPINE in location for location in locations)
    for lang, prefix in LANGUAGES.items():
        for old in OLD_ADDRESSES:
            assert f"/{prefix}{old}<" not in sitemap, prefix + old
            assert prefix + old not in locations, prefix + old


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("old", OLD_ADDRESSES)
def test_old_address_sends_the_reader_to_the_page(page, site_server, lang, old):
    page.goto(site_server + LANGUAGES[lang] + old)
    page.wait_for_url(site_server + LANGUAGES[lang] + SPINE)
    assert page.locator("article h1").evaluate("h => h.firstChild.textContent").strip() == TITLES[lang]


def write_redirects(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "redirects.yml"
    path.write_text(text, encoding="utf-8")
    return path


PAGES = {"index.md", "placement-step-by-step.md", "practices/check-in.md"}


def test_the_project_redirects_file_is_valid():
    redirects = load(ROOT / "content" / "redirects.yml", "content/redirects.yml", {"placement-step-by-step.md"})
    assert [(r.old, r.page) for r in redirects] == [("pas-a-pas", "placement-step-by-step.md"), ("start", "placement-step-by-step.md")]


def test_redirect_mistakes_name_the_file_and_line(tmp_path):
    path = write_redirects(
        tmp_path,
        "# comment\nold-check-in: practices/check-in.md#agenda\nvieux: practices/nowhere.md\n"
        "/en/start/: index.md\npractices/check-in: index.md\n",
    )
    with pytest.raises(ContentError) as error:
        load(path, "content/redirects.yml", PAGES)
    lines = str(error.value).splitlines()
    assert lines[0].startswith("content/redirects.yml:3: 'practices/nowhere.md' is not a page of the site")
    assert lines[1].startswith("content/redirects.yml:4: '/en/start/' is not an old address")
    assert lines[2].startswith("content/redirects.yml:5: 'practices/check-in' is still the address of a page")
    assert len(lines) == 3


def test_a_section_is_kept_in_the_redirect(tmp_path):
    path = write_redirects(tmp_path, "old-agenda: practices/check-in.md#agenda\n")
    [redirect] = load(path, "content/redirects.yml", PAGES)
    assert (redirect.old, redirect.page, redirect.section) == ("old-agenda", "practices/check-in.md", "#agenda")
