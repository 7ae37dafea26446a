"""axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best-practice rules) on every built
page, in both languages, in the light and dark palettes, and on the site's interactive states: open search with results, open
language switcher, open navigation drawer, ticked checklists, a filled planner and its errors.

One Chromium for the whole file; each palette gets its own browser context (prefers-color-scheme
is emulated, and the test checks that Material really switched palette). The dark palette only
changes colours, so there axe runs its colour-contrast rule alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import is_redirect_page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
LANGUAGES = {"fr": "", "en": "en/"}
# prefers-color-scheme -> the Material scheme mkdocs.yml maps it to
SCHEMES = {"light": "default", "dark": "slate"}
MISSING_PAGE = "page-that-does-not-exist/"
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
def palette_page(browser, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def open_page(page, url: str, scheme: str):
    response = page.goto(url)
    assert response is not None
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], "palette not applied"
    return response


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page_passes_axe(palette_page, site_server, built_site, lang, scheme):
    paths = language_pages(built_site, lang)
    # Every Markdown page of the language plus its 404 page.
    assert len(paths) >= len(list((ROOT / "docs" / lang).rglob("*.md"))) + 1
    assert LANGUAGES[lang] + MISSING_PAGE in paths
    problems = []
    for path in paths:
        response = open_page(palette_page, site_server + path, scheme)
        assert response.status == (404 if path.endswith(MISSING_PAGE) else 200), path
        problems += [f"/{path}: {line}" for line in axe_violations(palette_page, scheme)]
    assert not problems, f"{len(problems)} accessibility violations ({lang}, {scheme}):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang, query", [("fr", "mentorat"), ("en", "mentoring")])
def test_open_search_with_results_passes_axe(palette_page, site_server, lang, query, scheme):
    open_page(palette_page, site_server + LANGUAGES[lang], scheme)
    palette_page.locator("input.md-search__input").focus()
    palette_page.keyboard.type(query)
    palette_page.locator(".md-search-result__item a").first.wait_for()
    # Each keystroke re-renders the results: check them once they stop changing.
    palette_page.wait_for_function(
        """() => new Promise((done) => {
          const list = () => document.querySelector(".md-search-result__list").innerHTML;
          const before = list();
          setTimeout(() => done(before === list()), 300);
        })"""
    )
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
