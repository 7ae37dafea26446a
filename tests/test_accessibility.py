"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best-practice rules) on every built
page, in both languages, in the light and dark palettes, and on the site's interactive states: open search with results, open
language switcher, open navigation drawer, ticked checklists, a filled planner and its errors.

One Chromium for the whole file; each palette gets its own browser context (prefers-color-scheme
is emulated, and the test checks that Material really switched palette). The dark palette only
changes colours, so there axe runs its colour-contrast rule alone.

Each page is opened once per palette, and the walks check more than axe, without browsing the site
again: the light palette's walk (on a desktop) records every request the pages make once each page's
network is idle, so a page that asks for a missing file (a 404) or for anything outside the site
fails; the dark palette's walk is made at a small phone's width, 320 CSS pixels, where no page may
scroll sideways."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import is_redirect_page
from page_layout import sideways_overflow
from page_waits import count_search_answers, wait_for_search_answer

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
LANGUAGES = {"fr": "", "en": "en/"}
# prefers-color-scheme -> the Material scheme mkdocs.yml maps it to
SCHEMES = {"light": "default", "dark": "slate"}
MISSING_PAGE = "page-that-does-not-exist/"
# The light palette's walk is made on a desktop, the dark one at a small phone's width (320 CSS
# pixels, WCAG 1.4.10 Reflow): colours are checked on both layouts, and every page must fit.
WALK_VIEWPORTS = {"light": {"width": 1280, "height": 800}, "dark": {"width": 320, "height": 640}}
# Run after transitions end: axe measures colours, and a half-faded element has wrong ones.
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def language_pages(site: Path, lang: str) -> list[str]:
    """URL paths (below the site root) of every built HTML page of one language. A 404 page is
    visited the way readers meet it: at a missing address in its language."""
    prefix = LANGUAGES[lang]
    other_prefixes = [p for p in LANGUAGES.values() if p and p != prefix]
    paths = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if not rel.startswith(prefix) or any(rel.startswith(p) for p in other_prefixes) or is_redirect_page(html):
            continue  # redirect pages send the reader on at once: tests/test_placement_path.py checks them
        if rel == prefix + "404.html":
            paths.append(prefix + MISSING_PAGE)
        elif rel.endswith("index.html"):
            paths.append(rel.removesuffix("index.html"))
        else:
            paths.append(rel)
    return paths


def axe_violations(page, scheme: str = "light") -> list[str]:
    """Run axe on the page as it is now; one line per violation and element. The dark palette
    changes colours only: there axe checks colour contrast, the light palette runs every rule."""
    page.add_style_tag(content=NO_MOTION)
    if not page.evaluate("typeof axe !== 'undefined'"):  # the walk's pages load it with the page
        page.add_script_tag(path=str(AXE))
    only = {"type": "tag", "values": WCAG_TAGS} if scheme == "light" else {"type": "rule", "values": ["color-contrast"]}
    result = page.evaluate(
        """only => axe.run(document, {runOnly: only, resultTypes: ['violations']})""",
        only,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}: {' '.join(node['target'])}"
        f"{': ' + node['failureSummary'].splitlines()[-1].strip() if node.get('failureSummary') else ''}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@pytest.fixture(params=list(SCHEMES))
def scheme(request):
    return request.param


@pytest.fixture
def palette_page(browser_pool, scheme):
    with browser_pool.page(color_scheme=scheme, viewport={"width": 1280, "height": 800}) as page:
        yield page


def open_page(page, url: str, scheme: str):
    response = page.goto(url)
    assert response is not None
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], "palette not applied"
    return response


@dataclass
class Walk:
    """What a walk over every page of one language, in one palette, found."""

    statuses: dict[str, int] = field(default_factory=dict)  # each page's own status, by URL path
    problems: list[str] = field(default_factory=list)  # axe violations, one line each
    missing: list[str] = field(default_factory=list)  # requests answered 404 (or failing), and by which page
    requested: set[str] = field(default_factory=set)  # every URL requested
    too_wide: dict[str, int] = field(default_factory=dict)  # pages that scroll sideways: by how many pixels


def walk_every_page(browser, base: str, site: Path, lang: str, scheme: str) -> Walk:
    """Open every page of a language in one palette and run axe on it; in the light palette (the
    default), also wait for each page's network to be idle and record its requests."""
    walk, current, record = Walk(), [""], scheme == "light"
    context = browser.new_context(color_scheme=scheme, viewport=WALK_VIEWPORTS[scheme])
    # axe is compiled once per page with the page, instead of sent over and injected after load.
    context.add_init_script(path=str(AXE))

    def on_response(response):
        expected = response.request.is_navigation_request() and response.url.endswith(MISSING_PAGE)
        if response.status >= 400 and not expected:
            walk.missing.append(f"{response.status} {response.url} (from /{current[0]})")

    if record:
        context.on("response", on_response)
        context.on("requestfailed", lambda request: walk.missing.append(f"{request.failure} {request.url} (from /{current[0]})"))
        context.on("request", lambda request: walk.requested.add(request.url))
    page = context.new_page()
    try:
        for path in language_pages(site, lang):
            current[0] = path
            walk.statuses[path] = open_page(page, base + path, scheme).status
            walk.problems += [f"/{path}: {line}" for line in axe_violations(page, scheme)]
            overflow = sideways_overflow(page)
            if overflow:
                walk.too_wide[path] = overflow
            if record:
                page.wait_for_load_state("networkidle")  # every request the page makes is in the log
    finally:
        context.close()
    return walk


@pytest.fixture(scope="module")
def walks(browser, site_server, built_site):
    """walks(lang, scheme): the walk over every page of a language in a palette, made once."""
    done: dict[tuple[str, str], Walk] = {}

    def walk(lang: str, scheme: str) -> Walk:
        if (lang, scheme) not in done:
            done[lang, scheme] = walk_every_page(browser, site_server, built_site, lang, scheme)
        return done[lang, scheme]

    return walk


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_passes_axe(walks, built_site, lang, scheme):
    walk = walks(lang, scheme)
    # Every Markdown page of the language plus its 404 page.
    assert len(walk.statuses) >= len(list((ROOT / "docs" / lang).rglob("*.md"))) + 1
    assert walk.statuses.get(LANGUAGES[lang] + MISSING_PAGE) == 404
    wrong = {path: status for path, status in walk.statuses.items() if status != 200 and not path.endswith(MISSING_PAGE)}
    assert not wrong, wrong
    assert not walk.problems, f"{len(walk.problems)} accessibility violations ({lang}, {scheme}):\n" + "\n".join(walk.problems)


def test_browsing_every_page_requests_nothing_missing(walks, site_server):
    """Every page of both languages, as the light palette's walks above opened them."""
    done = [walks(lang, "light") for lang in LANGUAGES]
    assert all(len(walk.statuses) >= 20 for walk in done)
    # The listener saw what the pages load, not only the pages themselves: stylesheets, scripts,
    # the planner's module; so an empty list of outside requests means something.
    paths = {urlsplit(url).path for walk in done for url in walk.requested}
    assert any(path.endswith(".css") for path in paths) and any(path.endswith(".js") for path in paths), paths
    assert any(path.endswith("/assets/javascripts/planner/planner.js") for path in paths), paths
    # Material's alternate integration would fetch sitemap.xml next to each hreflang link.
    assert not [path for path in paths if path.endswith("sitemap.xml")]
    missing = sorted({line for walk in done for line in walk.missing})
    elsewhere = sorted({url for walk in done for url in walk.requested if not url.startswith(site_server)})
    assert not missing + elsewhere, "requested but missing:\n" + "\n".join(missing) + "\nrequests leaving the site:\n" + "\n".join(elsewhere)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_fits_320_px_without_scrolling_sideways(walks, lang):
    walk = walks(lang, "dark")
    assert WALK_VIEWPORTS["dark"]["width"] == 320
    assert LANGUAGES[lang] + "toolkit/planner/" in walk.statuses and len(walk.statuses) >= 20
    assert walk.too_wide == {}


@pytest.mark.parametrize("lang, query", [("fr", "mentorat"), ("en", "mentoring")])
def test_open_search_with_results_passes_axe(palette_page, site_server, lang, query, scheme):
    count_search_answers(palette_page)
    open_page(palette_page, site_server + LANGUAGES[lang], scheme)
    palette_page.locator("input.md-search__input").focus()
    palette_page.keyboard.type(query)
    # Each keystroke re-renders the results: check those of the whole query.
    wait_for_search_answer(palette_page, query)
    assert palette_page.locator(".md-search-result__item a").count() > 0  # results, not "no result"
    assert not axe_violations(palette_page, scheme)


def test_open_language_switcher_passes_axe(palette_page, site_server, scheme):
    open_page(palette_page, site_server + "practices/feedback/", scheme)
    palette_page.locator(".md-select button").focus()
    palette_page.locator(".md-select__link").first.wait_for(state="visible")
    assert not axe_violations(palette_page, scheme)


def test_open_navigation_drawer_on_a_phone_passes_axe(palette_page, site_server, scheme):
    palette_page.set_viewport_size({"width": 390, "height": 844})
    open_page(palette_page, site_server + "en/practices/check-in/", scheme)
    palette_page.locator('label[for="__drawer"].md-header__button').click()
    palette_page.locator(".md-sidebar--primary .md-nav__link:visible").first.wait_for()
    assert not axe_violations(palette_page, scheme)


@pytest.mark.parametrize("path", ["toolkit/first-week/", "en/toolkit/inclusive-self-check/"])
def test_checklist_with_ticked_items_passes_axe(palette_page, site_server, path, scheme):
    open_page(palette_page, site_server + path, scheme)
    boxes = palette_page.locator(".wg-checklist__box")
    assert boxes.count() >= 3
    for index in range(3):
        boxes.nth(index).check()
    assert palette_page.locator(".wg-checklist__box:checked").count() == 3
    assert not axe_violations(palette_page, scheme)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_planner_with_errors_and_with_a_plan_passes_axe(palette_page, site_server, lang, scheme):
    open_page(palette_page, site_server + LANGUAGES[lang] + "toolkit/planner/", scheme)
    form = palette_page.locator("#planner-form")
    form.wait_for(state="visible")
    # Error state: an impossible date and no end.
    palette_page.fill("#planner-start", "2026-02-30")
    form.locator("button[type=submit]").click()
    palette_page.locator("#planner-errors").wait_for(state="visible")
    assert not axe_violations(palette_page, scheme), "error state"
    # A generated plan.
    palette_page.fill("#planner-start", "2026-09-08")
    palette_page.fill("#planner-weeks", "16")
    palette_page.fill("#planner-student", "Alex")
    form.locator("button[type=submit]").click()
    palette_page.locator("#planner-result").wait_for(state="visible")
    assert palette_page.locator("#planner-timeline li, #planner-timeline tr").count() > 3
    assert not axe_violations(palette_page, scheme), "plan"


def test_axe_reports_violations(page):
    """The harness fails on a page with known problems (so a green run means something)."""
    page.set_content(
        '<html lang="fr"><head><title>t</title></head><body><main>'
        '<p style="color:#aaa;background:#fff">texte pâle</p><img src="x.png"><input type="text">'
        "</main></body></html>"
    )
    found = {line.split(" ")[0] for line in axe_violations(page)}
    assert {"color-contrast", "image-alt", "label"} <= found, found
    assert {line.split(" ")[0] for line in axe_violations(page, "dark")} == {"color-contrast"}
