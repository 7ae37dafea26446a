"""What readers meet around the content, in each language: the 404 page, the theme's wording, the
language switcher, link names, the editors' links, dates, and search by the words readers use."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from PIL import Image

from conftest import SITE_URL, is_redirect_page
from locators import one
from page_waits import count_search_answers, type_search_query, wait_for_search_answer
from wilguide.guide_pdf.labels import long_date
from wilguide.search_keywords import KeywordsError, page_keywords

LANGUAGES = {"fr": "", "en": "en/"}
SITE_PATH = urlsplit(SITE_URL).path
REPOSITORY = "https://github.com/example-org/wil-mentoring-guide"


def parse(path: Path):
    return lxml.html.parse(str(path)).getroot()


def built_pages(site: Path, lang: str) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html"))
            if (lang == "en") == p.relative_to(site).as_posix().startswith("en/") and not is_redirect_page(p)]


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize(
    "lang, heading, home, title",
    [
        ("fr", "Page introuvable", SITE_PATH, "Page introuvable - Guide de mentorat en AIT"),
        ("en", "Page not found", SITE_PATH + "en/", "Page not found - WIL Mentoring Guide"),
    ],
)
def test_404_page_speaks_the_reader_language_and_offers_a_way_on(built_site, lang, heading, home, title):
    document = parse(built_site / LANGUAGES[lang] / "404.html")
    assert text(document.cssselect("article h1")[0]) == heading
    assert document.findtext(".//title") == title
    links = [a.get("href") for a in document.cssselect("article a[href]")]
    assert links == [home, home + "#start-in-15-minutes", home + "toolkit/"]
    # The step-by-step path is a section of the home page.
    home_page = parse(built_site / LANGUAGES[lang] / "index.html")
    assert home_page.cssselect("#start-in-15-minutes")
    assert (built_site / LANGUAGES[lang] / "toolkit" / "index.html").exists()
    form = document.cssselect("article form")[0]
    assert form.get("action") == home and form.cssselect('input[name="q"]')
    label = form.cssselect("label")[0]
    assert label.get("for") == form.cssselect("input")[0].get("id")


def test_french_theme_wording(built_site):
    """Material's French strings that read wrong are corrected on every French page."""
    pages = built_pages(built_site, "fr")
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for wrong in ["Editer cette page", "presse-papier\"", "Lien vers cette section", "Sélectionner la langue"]:
            assert wrong not in html, f"{path}: {wrong}"
    check_in = parse(built_site / "practices" / "check-in" / "index.html")
    edit = check_in.cssselect("footer a[rel=edit]")[0]
    assert text(edit) == "Modifier cette page"
    assert check_in.cssselect('a.headerlink[title="Lien permanent vers cette section"]')
    config = check_in.cssselect("#__config")[0].text
    assert "Copier dans le presse-papiers" in config and "Tapez un mot pour lancer la recherche" in config
    # Material puts ": " after these words itself: French wants a no-break space before the colon.
    assert json.loads(config)["translations"]["search.result.term.missing"] == "Non trouvé\u00a0"
    names = [a.get("aria-label") for a in check_in.cssselect("a.md-footer__link")]
    assert names and all(re.match(r"(Précédent|Suivant)\u00a0: ", name) for name in names), names


@pytest.mark.parametrize(
    "day, lang, expected",
    [
        (dt.date(2026, 12, 1), "fr", "1er\u00a0décembre\u00a02026"),  # a date on one line
        (dt.date(2026, 12, 2), "fr", "2\u00a0décembre\u00a02026"),
        (dt.date(2026, 12, 11), "fr", "11\u00a0décembre\u00a02026"),
        (dt.date(2026, 12, 1), "en", "December 1, 2026"),
    ],
)
def test_dates_read_naturally(day, lang, expected):
    assert long_date(day, lang) == expected


FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]


def test_downloads_page_dates_use_the_french_ordinal(built_site):
    """Each date is a whole French date, the one its datetime gives (the 1st of a month reads
    "1er", as test_dates_read_naturally checks: the build's own date cannot be chosen here)."""
    times = list(parse(built_site / "downloads" / "index.html").iter("time"))
    assert times, "the downloads page dates its files"
    for time in times:
        day = dt.date.fromisoformat(time.get("datetime"))
        match = re.fullmatch(r"(1er|[2-9]|[12][0-9]|3[01])\u00a0(\w+)\u00a0(\d{4})", time.text or "")
        assert match, time.text
        assert match.groups() == ("1er" if day.day == 1 else str(day.day), FRENCH_MONTHS[day.month - 1], str(day.year)), time.text


@pytest.mark.parametrize("lang, other, name", [("fr", "en", "English"), ("en", "fr", "Français")])
def test_language_links_carry_their_language_and_the_button_names_the_other(built_site, lang, other, name):
    for path in built_pages(built_site, lang):
        document = parse(path)
        links = document.cssselect("a.md-select__link")
        assert {a.get("lang") for a in links} == {"fr", "en"}, path
        assert all(a.get("lang") == a.get("hreflang") for a in links)
        shown = document.cssselect(".md-select button .wg-language-button__name")
        assert [(s.get("lang"), text(s)) for s in shown] == [(other, name)], path


@pytest.mark.browser
@pytest.mark.parametrize("start, target", [("en/practices/check-in/", "practices/check-in/"), ("practices/check-in/", "en/practices/check-in/")])
def test_switching_language_keeps_the_section(page, site_server, start, target):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_server + start + "#warning-signs")
    page.locator(".md-header .md-select").hover()
    lang = "en" if target.startswith("en/") else "fr"
    page.locator(f'a.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_url(site_server + target + "#warning-signs")
    assert page.evaluate("document.documentElement.lang") == lang
    # A section reached after the page opened is kept too.
    page.goto(site_server + start + "#why-it-matters")
    # The page updates its links on "hashchange", an event of its own: return once it has run.
    page.evaluate("""() => new Promise((done) => {
      addEventListener("hashchange", () => done(), { once: true });
      location.hash = "#tools";
    })""")
    href = page.locator(f'a.md-select__link[hreflang="{lang}"]').get_attribute("href")
    assert href.endswith("#tools")


def accessible_name(link) -> str:
    return " ".join((link.get("aria-label") or link.text_content()).split())


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_links_with_the_same_name_lead_to_the_same_place(built_site, lang):
    """Same name, same page. Sections are not compared: a citation names its source's author, and
    two sources by one author are two entries of the same references page."""
    problems = []
    for path in built_pages(built_site, lang):
        destinations = defaultdict(set)
        for link in parse(path).cssselect("article a[href], footer a[href]"):
            name = accessible_name(link)
            if name and "headerlink" not in (link.get("class") or ""):
                destinations[name].add(urljoin(str(path), link.get("href")).split("#")[0])
        problems += [f"{path.relative_to(built_site)}: {name!r} -> {sorted(places)}" for name, places in destinations.items() if len(places) > 1]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, edit, repository", [("fr", "Modifier cette page", "Aller au dépôt"), ("en", "Edit this page", "Go to repository")])
def test_editors_links_are_in_the_footer_not_the_header(built_site, lang, edit, repository):
    for path in built_pages(built_site, lang):
        document = parse(path)
        assert not [a for a in document.cssselect(".md-header a[href], .md-sidebar a[href]") if a.get("href").startswith(REPOSITORY)], path
        assert not document.cssselect(".md-content__button"), path
    document = parse(built_site / LANGUAGES[lang] / "roles" / "index.html")
    links = {text(a): a.get("href") for a in document.cssselect("footer a[href]")}
    assert links[edit] == f"{REPOSITORY}/edit/main/docs/{lang}/roles.md"
    assert links[repository] == REPOSITORY
    contribute = parse(built_site / LANGUAGES[lang] / "contribute" / "index.html")
    assert any(a.get("href") == REPOSITORY for a in contribute.cssselect("article a[href]"))


def test_search_keywords_are_checked_for_editors():
    assert page_keywords({"search": {"keywords": ["at risk", "struggling"]}}, "x.md:2") == ["at risk", "struggling"]
    assert page_keywords({}, "x.md:1") == []
    with pytest.raises(KeywordsError, match=r"docs/en/x.md:3: search.keywords must be a list"):
        page_keywords({"search": {"keywords": "struggling"}}, "docs/en/x.md:3")


def search_results(page, site_server, prefix, query) -> list[str]:
    page.set_viewport_size({"width": 1280, "height": 800})
    count_search_answers(page)
    page.goto(site_server + prefix)
    page.keyboard.press("/")
    type_search_query(page, query)
    # Each keystroke re-renders the results: read those of the whole query.
    wait_for_search_answer(page, query)
    results = page.locator(".md-search-result__item > a")
    return [urlsplit(href).path.removeprefix(SITE_PATH) for href in results.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.browser
@pytest.mark.parametrize(
    "prefix, query, answer",
    [
        ("en/", "struggling", "en/when-things-go-wrong/"),
        ("en/", "underperforming", "en/when-things-go-wrong/"),
        ("en/", "at risk", "en/when-things-go-wrong/"),
        ("", "en difficulté", "when-things-go-wrong/"),
        ("", "échec", "when-things-go-wrong/"),
    ],
)
def test_search_finds_the_words_readers_use(page, site_server, prefix, query, answer):
    """The chapter written for the bad days answers first; the check-in page's warning signs follow."""
    results = search_results(page, site_server, prefix, query)
    assert results[0] == answer, results
    assert prefix + "practices/check-in/" in results[:4], results
    assert not any("references/" in path for path in results[:1])


@pytest.mark.browser
@pytest.mark.parametrize("prefix, query", [("", "TRAES"), ("en/", "BHER")])
def test_references_rank_below_the_chapters(page, site_server, prefix, query):
    results = search_results(page, site_server, prefix, query)
    assert len(results) >= 2
    assert not results[0].startswith(prefix + "references/"), results


@pytest.mark.browser
@pytest.mark.parametrize("prefix, term", [("", "Rencontre de suivi"), ("en/", "Check-in")])
def test_glossary_terms_stand_out_from_their_definitions(page, site_server, prefix, term):
    page.goto(site_server + prefix + "glossary/")
    terms = page.locator("article dl > dt")
    assert terms.count() >= 20
    assert int(page.locator("article dl > dt", has_text=term).first.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    assert int(page.locator("article dl > dd").first.evaluate("e => getComputedStyle(e).fontWeight")) <= 400


def edge_shade(wrap, side: str) -> int:
    """How much darker than white the middle pixel of the wrapper's edge column is (0: white)."""
    image = Image.open(io.BytesIO(wrap.screenshot())).convert("L")
    x = image.width - 3 if side == "right" else 2
    column = sorted(image.getpixel((x, y)) for y in range(image.height))
    return 255 - column[len(column) // 2]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["roles/", "en/roles/"])
def test_a_table_wider_than_a_phone_shows_that_it_scrolls(browser_pool, site_server, path):
    """On a phone the roles table's last column is cut off: a shade on the side that hides
    columns tells the reader to swipe; none on a side with nothing more to see."""
    with browser_pool.page(color_scheme="light", viewport={"width": 375, "height": 800}) as page:
        page.goto(site_server + path)
        wraps = page.locator("article .md-typeset__scrollwrap")
        assert wraps.count() == 1
        wrap = wraps.first
        wrap.scroll_into_view_if_needed()
        assert wrap.evaluate("e => e.scrollWidth > e.clientWidth + 40")
        assert edge_shade(wrap, "left") == 0
        assert edge_shade(wrap, "right") >= 20
        wrap.evaluate("e => { e.scrollLeft = e.scrollWidth }")
        assert edge_shade(wrap, "left") >= 20
        assert edge_shade(wrap, "right") == 0


@pytest.mark.browser
@pytest.mark.parametrize("path", ["en/placement-step-by-step/", "placement-step-by-step/"])
def test_a_page_title_takes_only_the_lines_its_words_need_on_a_phone(browser_pool, site_server, path):
    """The title's hidden ¶ link wrapped to a line of its own: a blank line under the title."""
    with browser_pool.page(viewport={"width": 375, "height": 740}) as page:
        page.goto(site_server + path)
        title = one(page.locator("article h1"))
        lines = title.evaluate("""(h) => {
            const words = document.createRange();
            words.selectNodeContents(h.firstChild);
            return new Set([...words.getClientRects()].map((r) => Math.round(r.top))).size;
        }""")
        line_height = title.evaluate("(h) => parseFloat(getComputedStyle(h).lineHeight)")
        assert title.bounding_box()["height"] <= lines * line_height + 2, (lines, line_height)


@pytest.mark.browser
@pytest.mark.parametrize("path, title, other", [("", "Guide de mentorat en AIT", "English"), ("en/", "WIL Mentoring Guide", "Français")])
def test_the_header_shows_the_whole_title_on_a_phone(browser_pool, site_server, path, title, other):
    """One line in the header cut the title to "Guide d…" on a 375px phone, two to "Guide de
    mentorat…" at 320px (the narrowest screen WCAG 1.4.10 asks for): it now takes up to three."""
    with browser_pool.page(viewport={"width": 320, "height": 740}) as page:
        page.goto(site_server + path)
        shown = one(page.locator(".md-header__topic:first-child .md-ellipsis"))
        assert shown.inner_text() == title
        cut = shown.evaluate("(e) => [e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight]")
        assert cut == [0, 0], f"the title is cut by {cut} pixels (width, height)"
        header, box = one(page.locator(".md-header")).bounding_box(), shown.bounding_box()
        middle = lambda b: b["y"] + b["height"] / 2
        assert abs(middle(box) - middle(header)) <= 3, "the title is not centred in the header"
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (box, header)
        language = one(page.locator(".wg-language-button__name"))
        assert language.inner_text() == other and language.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["en/practices/check-in/#warning-signs", "practices/feedback/#give-feedback"])
def test_a_section_opened_by_its_link_lands_just_below_the_header(browser_pool, site_server, path):
    with browser_pool.page(viewport={"width": 1280, "height": 800}) as page:
        page.goto(site_server + path)
        heading = one(page.locator(f"[id='{path.split('#')[1]}']"))
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        top = heading.bounding_box()["y"]
        assert header < top <= header + 30, (header, top)


def contrast(a, b) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb[:3]]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_logo_stands_out_from_the_header(browser_pool, site_server, scheme):
    """The logo's SVG used currentColor, which an <img> draws black: 2.5:1 on the teal header."""
    with browser_pool.page(viewport={"width": 1280, "height": 800}, color_scheme=scheme) as page:
        page.goto(site_server + "en/")
        logo = one(page.locator(".md-header .md-logo img"))
        shot = Image.open(io.BytesIO(logo.screenshot())).convert("RGB")
        background = Image.open(io.BytesIO(page.locator(".md-header").screenshot())).convert("RGB").getpixel((2, 2))
        colours = [colour for _, colour in shot.getcolors(shot.width * shot.height)]
        darkest, lightest = min(colours, key=sum), max(colours, key=sum)
        drawn = max((darkest, lightest), key=lambda colour: contrast(colour, background))
        assert contrast(drawn, background) >= 3, (drawn, background)  # WCAG 1.4.11, graphics


@pytest.mark.browser
def test_on_a_host_with_one_404_page_an_english_address_gets_the_english_page(browser_pool, built_site):
    """GitHub Pages serves the root 404.html (French) for every missing address, /en/ ones too."""
    import functools
    import threading

    from conftest import SITE_PATH, SiteServer, StaticHostHandler

    class OneNotFoundPage(StaticHostHandler):
        def _not_found(self):
            self.path = "/404.html"  # the only one such a host knows
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = SiteServer(("127.0.0.1", 0), functools.partial(OneNotFoundPage, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    try:
        with browser_pool.page() as page:
            page.goto(base + "en/practices/old-page/")
            page.wait_for_function("document.documentElement.lang === 'en'", timeout=10_000)
            assert one(page.locator("article h1")).inner_text() == "Page not found"
            page.goto(base + "pratiques/ancienne-page/")  # a French address keeps the French page
            assert one(page.locator("article h1")).inner_text() == "Page introuvable"
            assert page.evaluate("document.documentElement.lang") == "fr"
    finally:
        server.shutdown()
