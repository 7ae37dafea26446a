"""Keyboard only: the skip link comes first, every tab stop shows a focus ring that contrasts with
what is behind it and follows the document order, and the language switcher, search, checklists
and planner work without a mouse."""

from __future__ import annotations

import re

import pytest

from page_waits import count_search_answers, wait_for_search_answer

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Check what a reader sees once transitions end (a fading ring is neither on nor off).
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
MAX_TAB_STOPS = 400

# Describes the focused element: what draws its focus ring, whether that ring is drawn, whether
# it can be seen, its contrast against what is behind it, and whether it follows the previous
# stop in document order.
FOCUS_STATE = """async () => {
  // Let the page react to the focus change (Material opens search on focus) and repaint.
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await frames();
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Search opens from a timer that focus in its field starts (on a phone the field shows only
  // then); search on a phone holds the page still (body.style.top) until it has closed, and focus
  // leaves it first, then the page brings the focused element into view. Wait for either, and two
  // frames more only then: two frames more at every stop were a third of the tab walks' time.
  const search = document.getElementById("__search");
  const opening = () => el.closest(".md-search") && search && !search.checked;
  const held = () => document.body.style.top && !el.closest(".md-search");
  let waited = false;
  for (let t = Date.now(); (opening() || held()) && Date.now() - t < 3000; waited = true) await frames();
  if (waited) await frames();
  // Material's palette toggles are visually hidden radio buttons; their label shows the ring.
  const ring = el.matches("input.md-option") ? el.nextElementSibling : el;
  const style = getComputedStyle(ring);
  const rgba = (color) => {
    const parts = color.match(/[\\d.]+/g).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  // The ring sits on the element's own background when drawn inside it, else on its parent's.
  let node = parseFloat(style.outlineOffset) < 0 ? ring : ring.parentElement;
  const layers = [];
  for (; node; node = node.parentElement) {
    const bg = rgba(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let background = [255, 255, 255, 1];
  for (const layer of layers.reverse()) background = over(layer, background);
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ringColor = over(rgba(style.outlineColor), background);
  const [light, dark] = [luminance(ringColor), luminance(background)].sort((a, b) => b - a);
  const rect = ring.getBoundingClientRect();
  const inViewport = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 &&
    rect.top < innerHeight && rect.left < innerWidth;
  const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const previous = window.__previousFocus;
  window.__previousFocus = el;
  return {
    name: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}.${[...el.classList].join(".")} ` +
      `"${(el.getAttribute("aria-label") || el.textContent || el.value || "").trim().slice(0, 40)}"`,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== "none",
    contrast: (light + 0.05) / (dark + 0.05),
    visible: inViewport && ring.checkVisibility({opacityProperty: true, visibilityProperty: true}) &&
      !!hit && (ring.contains(hit) || hit.contains(ring)),
    inOrder: !previous || previous === el ||
      !!(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
    first: !previous,
  };
}"""


@pytest.fixture(params=["light", "dark"])
def keyboard_page(browser_pool, request):
    with browser_pool.page(color_scheme=request.param, viewport=DESKTOP) as page:
        yield page


def open_page(page, url: str):
    page.goto(url)
    page.add_style_tag(content=NO_MOTION)


def tab(page, key: str = "Tab") -> dict | None:
    page.keyboard.press(key)
    return page.evaluate(FOCUS_STATE)


# The stop reached, or false after noting it as the previous stop (FOCUS_STATE's document order).
_REACHED_OR_PASSED = "s => document.activeElement.matches(s) || (window.__previousFocus = document.activeElement, false)"


def tab_to(page, selector: str, limit: int = 40) -> dict:
    """Tab until ``selector`` has focus; its FOCUS_STATE. The stops on the way are not described:
    each description waits two frames or more, most of a planner test's time."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(_REACHED_OR_PASSED, selector):
            return page.evaluate(FOCUS_STATE)
    raise AssertionError(f"{selector} not reached in {limit} tab stops")


def focus_problems(state: dict) -> list[str]:
    problems = []
    if not state["ring"]:
        problems.append("no focus ring")
    elif state["contrast"] < 3:
        problems.append(f"focus ring contrast {state['contrast']:.2f}:1 (< 3:1)")
    if not state["visible"]:
        problems.append("focused element not visible")
    if not state["inOrder"]:
        problems.append("out of document order")
    return problems


def walk_tab_stops(page) -> list[dict]:
    """Tab from the top of the page until focus leaves the page or comes back around."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        state = tab(page)
        if state is None or (stops and state["first"]):
            break
        stops.append(state)
    else:
        raise AssertionError(f"more than {MAX_TAB_STOPS} tab stops: is focus trapped?")
    return stops


@pytest.mark.parametrize(
    "path, viewport",
    [
        ("en/practices/check-in/", DESKTOP),
        ("toolkit/first-week/", DESKTOP),
        ("toolkit/planner/", DESKTOP),
        ("en/page-that-does-not-exist/", DESKTOP),
        ("practices/check-in/", PHONE),
        ("en/toolkit/planner/", PHONE),
    ],
    ids=["page-desktop", "checklist-desktop", "planner-desktop", "404-desktop", "page-phone", "planner-phone"],
)
def test_every_tab_stop_shows_focus_in_document_order(keyboard_page, site_server, path, viewport):
    keyboard_page.set_viewport_size(viewport)
    open_page(keyboard_page, site_server + path)
    stops = walk_tab_stops(keyboard_page)
    assert len(stops) > 5, [s["name"] for s in stops]
    problems = [f"{i}: {s['name']}: {', '.join(focus_problems(s))}" for i, s in enumerate(stops) if focus_problems(s)]
    assert not problems, f"{len(problems)} of {len(stops)} tab stops on /{path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", ["practices/check-in/", "en/toolkit/first-week/"])
def test_first_tab_reaches_the_skip_link_which_moves_to_the_content(keyboard_page, site_server, path):
    open_page(keyboard_page, site_server + path)
    state = tab(keyboard_page)
    assert keyboard_page.evaluate("document.activeElement.matches('a.md-skip')"), state
    assert not focus_problems(state), state
    target = keyboard_page.evaluate("document.activeElement.hash")
    keyboard_page.keyboard.press("Enter")
    assert keyboard_page.evaluate("location.hash") == target
    # The next Tab continues from the content, not from the header.
    tab(keyboard_page)
    assert keyboard_page.evaluate("!!document.activeElement.closest('.md-content')")


@pytest.mark.parametrize("path, other_lang, other_path", [("practices/feedback/", "en", "en/practices/feedback/"), ("en/toolkit/", "fr", "toolkit/")])
def test_language_switcher_works_with_the_keyboard(keyboard_page, site_server, path, other_lang, other_path):
    open_page(keyboard_page, site_server + path)
    state = tab_to(keyboard_page, ".md-select button")
    assert not focus_problems(state), state
    keyboard_page.keyboard.press("Enter")
    links = keyboard_page.locator(".md-select__link")
    links.first.wait_for(state="visible")
    # The language links come right after the button, each visible with its ring.
    for index in range(links.count()):
        state = tab(keyboard_page)
        assert keyboard_page.evaluate("i => document.activeElement === document.querySelectorAll('.md-select__link')[i]", index)
        assert not focus_problems(state), state
    keyboard_page.locator(f'.md-select__link[hreflang="{other_lang}"]').focus()
    keyboard_page.keyboard.press("Enter")
    keyboard_page.wait_for_url(site_server + other_path)
    assert keyboard_page.locator("html").get_attribute("lang") == other_lang


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("prefix, query", [("", "mentorat"), ("en/", "feedback")])
def test_search_opens_and_reaches_a_result_with_the_keyboard(keyboard_page, site_server, viewport, prefix, query):
    keyboard_page.set_viewport_size(viewport)
    count_search_answers(keyboard_page)
    open_page(keyboard_page, site_server + prefix)
    state = tab_to(keyboard_page, "input.md-search__input")
    # Focusing the field opens search (Material does it from a timer the focus starts).
    keyboard_page.locator("#__search:checked").wait_for(state="attached", timeout=5_000)
    assert not focus_problems(state), state
    keyboard_page.keyboard.type(query)
    wait_for_search_answer(keyboard_page, query)  # each keystroke re-renders the results
    state = tab(keyboard_page, "ArrowDown")
    assert keyboard_page.evaluate("!!document.activeElement.closest('.md-search-result__item')"), state
    assert not focus_problems({**state, "inOrder": True}), state
    href = keyboard_page.evaluate("document.activeElement.href")
    keyboard_page.keyboard.press("Enter")
    keyboard_page.wait_for_url(href)
    assert href.startswith(site_server + prefix) and (prefix or not href.startswith(site_server + "en/"))


def test_navigation_drawer_works_with_the_keyboard_on_a_phone(keyboard_page, site_server):
    keyboard_page.set_viewport_size(PHONE)
    open_page(keyboard_page, site_server + "en/practices/check-in/")
    state = tab_to(keyboard_page, 'label[for="__drawer"]')
    assert not focus_problems(state), state
    keyboard_page.keyboard.press("Enter")
    assert keyboard_page.locator("#__drawer").is_checked()
    # Focus moves into the drawer, which opens on the current page's section; the section's
    # title comes first and goes back up a level.
    assert keyboard_page.evaluate("document.activeElement.matches('.md-sidebar--primary label.md-nav__title')")
    section_toggle = keyboard_page.evaluate("document.activeElement.htmlFor")
    drawer_stops = []
    for _ in range(MAX_TAB_STOPS):
        state = tab(keyboard_page)
        if not keyboard_page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
        drawer_stops.append(state)
    else:
        raise AssertionError(f"more than {MAX_TAB_STOPS} tab stops in the drawer: is focus trapped?")
    assert len(drawer_stops) >= 3, drawer_stops
    problems = [f"{s['name']}: {', '.join(focus_problems(s))}" for s in drawer_stops if focus_problems(s)]
    assert not problems, problems
    # Tabbing out of the drawer closes it, so the next stop is not hidden under it.
    assert not keyboard_page.locator("#__drawer").is_checked()
    assert not focus_problems({**state, "inOrder": True}), state
    # Back up a level from the section panel, then Escape closes the drawer on its button.
    keyboard_page.locator('label.md-header__button[for="__drawer"]').focus()
    keyboard_page.keyboard.press("Enter")
    keyboard_page.keyboard.press("Enter")
    assert not keyboard_page.locator(f"#{section_toggle}").is_checked()
    state = tab(keyboard_page)
    assert not focus_problems({**state, "inOrder": True}), state
    keyboard_page.keyboard.press("Escape")
    assert not keyboard_page.locator("#__drawer").is_checked()
    assert keyboard_page.evaluate("document.activeElement.matches('label.md-header__button[for=\"__drawer\"]')")


def test_tabbing_out_of_search_on_a_phone_brings_the_link_reached_into_view(keyboard_page, site_server):
    """Search on a phone covers the page and holds it still (Material fixes the body in place, at
    the reader's scroll position) until it has closed. Tab moves focus out of search first, so the
    browser cannot scroll to the link reached; once released, the page goes back to where the
    reader was, and the link stays off screen unless the page brings it into view (overrides/
    main.html). Found by a CI run on a busy machine. An earlier version of this test slowed the CPU
    30 times at the top of the page, where the link reached is in view anyway: it no longer failed
    without the fix. From halfway down the page it fails every time without it."""
    keyboard_page.set_viewport_size(PHONE)
    open_page(keyboard_page, site_server + "en/toolkit/planner/")
    keyboard_page.evaluate("window.scrollTo(0, 2500)")  # reading halfway down the page
    assert keyboard_page.evaluate("scrollY") == 2500
    keyboard_page.keyboard.press("/")  # Material's keyboard shortcut to search
    keyboard_page.wait_for_function("document.activeElement.closest('.md-search') && document.body.style.top")
    state = tab(keyboard_page)
    assert keyboard_page.evaluate("!document.activeElement.closest('.md-search')"), state
    assert not focus_problems({**state, "inOrder": True}), state


def test_checklist_items_tick_with_the_space_bar(keyboard_page, site_server):
    open_page(keyboard_page, site_server + "en/toolkit/first-week/")
    state = tab_to(keyboard_page, ".wg-checklist__box", limit=120)
    assert not focus_problems(state), state
    box = keyboard_page.locator(".wg-checklist__box").first
    keyboard_page.keyboard.press("Space")
    assert box.is_checked()
    state = tab(keyboard_page)
    assert keyboard_page.evaluate("document.activeElement.matches('.wg-checklist__box')"), state
    assert not focus_problems(state), state
    keyboard_page.keyboard.press("Space")
    assert keyboard_page.locator(".wg-checklist__box:checked").count() == 2


def test_planner_is_filled_and_submitted_with_the_keyboard(keyboard_page, site_server):
    open_page(keyboard_page, site_server + "en/toolkit/planner/")
    tab_to(keyboard_page, "#planner-start", limit=120)
    # Submitting with no dates shows the errors and moves focus to them.
    keyboard_page.locator("#planner-form button[type=submit]").focus()
    keyboard_page.keyboard.press("Enter")
    errors = keyboard_page.locator("#planner-errors")
    errors.wait_for(state="visible")
    assert keyboard_page.evaluate("!!document.activeElement.closest('#planner-errors')")
    # Type the dates field by field with Tab, then submit from the keyboard.
    keyboard_page.locator("#planner-start").focus()
    keyboard_page.keyboard.type("2026-09-08")
    state = tab_to(keyboard_page, "#planner-weeks", limit=5)
    assert not focus_problems({**state, "inOrder": True}), state
    keyboard_page.keyboard.type("16")
    keyboard_page.locator("#planner-form button[type=submit]").focus()
    keyboard_page.keyboard.press("Enter")
    keyboard_page.locator("#planner-result").wait_for(state="visible")
    assert re.search(r"\d+ meetings", keyboard_page.locator("#planner-summary").inner_text())


def test_focus_checks_catch_missing_faint_hidden_and_out_of_order_focus(page):
    """The checks above fail on the problems they look for (so a green run means something)."""
    page.set_content(
        """<html lang="en"><body style="background:#fff">
        <a href="#a" style="outline:none">no ring</a>
        <a href="#b" style="outline:2px solid #eee">faint ring</a>
        <a href="#c" style="outline:2px solid #000;opacity:0">invisible</a>
        <a href="#d" tabindex="1" style="outline:2px solid #000">jumps the queue</a>
        </body></html>"""
    )
    stops = {state["name"].split('"')[1]: focus_problems(state) for state in walk_tab_stops(page)}
    assert stops["jumps the queue"] == []  # first stop: nothing before it
    assert stops["no ring"] == ["no focus ring", "out of document order"]
    assert stops["faint ring"][0].startswith("focus ring contrast")
    assert stops["invisible"] == ["focused element not visible"]


@pytest.mark.parametrize("path", ["en/toolkit/learning-plan/", "toolkit/check-in-agenda/"])
def test_tabbing_backwards_never_leaves_focus_under_the_sticky_header(browser_pool, site_server, path):
    """Shift+Tab scrolls each field just into view, at the top edge: under the header, unless the
    page says the header covers that strip."""
    with browser_pool.page(viewport=DESKTOP) as page:
        open_page(page, site_server + path)
        page.locator(".md-footer a").first.focus()  # start from the end of the page, going up
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
        covered, seen = [], 0
        for _ in range(40):
            page.keyboard.press("Shift+Tab")
            box = page.evaluate("""() => {
                const el = document.activeElement;
                if (!el.closest('.md-content')) return null;
                const r = el.getBoundingClientRect();
                return { name: el.getAttribute('aria-label') || el.id || el.textContent.trim().slice(0, 40), top: r.top };
            }""")
            if box is None:
                continue
            seen += 1
            if box["top"] < header - 1:
                covered.append(f"{box['name']}: top {box['top']:.0f} px, header to {header:.0f} px")
        assert seen >= 12, seen  # the walk went through the page, not around the header
        assert not covered, "\n".join(covered)
