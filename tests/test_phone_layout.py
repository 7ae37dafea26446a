"""What a reader sees on a phone (360 px wide), measured in Chromium: text tables keep a readable
column, headings take no blank line, buttons look like buttons, the planner's boxes and tables
line up, and the two download buttons of a checklist stack evenly."""

from __future__ import annotations

import pytest

from locators import one

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}}
LANGUAGES = {"fr": "", "en": "en/"}


@pytest.fixture(params=list(LANGUAGES))
def phone(request, browser_pool, site_server):
    lang = request.param
    with browser_pool.page(locale=f"{lang}-CA", **PHONE) as page:
        yield lang, page, f"{site_server}{LANGUAGES[lang]}"


def test_the_rhythm_by_phase_table_keeps_a_readable_column(phone):
    # Its wordiest row was 393 px (fr) and 414 px (en) tall, two words a line.
    _, page, base = phone
    page.goto(f"{base}practices/check-in/")
    table = one(page.locator("article table").filter(has=page.locator("th", has_text="Phase")))
    heights = table.evaluate("t => [...t.rows].map((row) => row.getBoundingClientRect().height)")
    assert len(heights) >= 5
    assert max(heights) < 300, heights


def test_headings_take_no_blank_line_for_their_hidden_link(phone):
    # The ¶ after a heading (shown on hover) wrapped to a line of its own under dozens of headings.
    _, page, base = phone
    taller = []
    for path in ("practices/", "practices/expectations/", "practices/check-in/", "why-mentoring/"):
        page.goto(f"{base}{path}")
        taller += page.evaluate("""path => [...document.querySelectorAll('article :is(h2, h3)')].flatMap((h) => {
            const range = document.createRange();
            range.setStartBefore(h.firstChild);
            const link = h.querySelector('.headerlink');
            link ? range.setEndBefore(link) : range.setEndAfter(h.lastChild);
            // Lines the heading's text takes, against the lines the heading box holds.
            const text = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            const lines = Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight));
            return lines > text ? [`${path} ${h.textContent.trim()}: ${lines} lines for ${text} of text`] : [];
        })""", path)
    assert not taller, "\n".join(taller)


def test_the_start_button_is_not_underlined_like_a_link_in_text(phone):
    _, page, base = phone
    page.goto(base)
    button = one(page.locator("article a.md-button--primary"))
    assert button.evaluate("a => getComputedStyle(a).textDecorationLine") == "none"


def test_the_planner_labels_stay_beside_their_boxes_and_its_hours_table_is_ruled(phone):
    _, page, base = phone
    page.goto(f"{base}toolkit/planner/")
    page.wait_for_selector("#planner-form:not([hidden])")
    # A label that wraps starts each line right of its box (it ran back under the box).
    lines = page.evaluate("""() => {
        const box = document.getElementById('planner-avoid'), label = document.querySelector('label[for=planner-avoid]');
        const range = document.createRange();
        range.selectNodeContents(label);
        return {
            box: box.getBoundingClientRect().right,
            lefts: [...range.getClientRects()].map((r) => r.left),
            lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
        };
    }""")
    assert lines["lines"] >= 2, f"the label should wrap on a phone: {lines}"
    assert min(lines["lefts"]) >= lines["box"], lines
    page.fill("#planner-start", "2026-09-08")
    page.fill("#planner-end", "2026-12-18")
    page.fill("#planner-place", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NDQ4MGRhYjgtMzc0Ny00ZjQx%40thread.v2/0")
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector("#planner-result:not([hidden])")
    # A video-call address wraps in full lines: no line but the last holding a few characters (a lone
    # "-" once stood on a line of its own, after "meetup").
    widths = page.locator(".planner-meeting").first.evaluate("""li => {
        const p = [...li.querySelectorAll('p')].find((p) => p.textContent.includes('teams.microsoft.com'));
        const range = document.createRange();
        range.selectNodeContents(p);
        const lines = new Map();
        for (const r of range.getClientRects()) lines.set(Math.round(r.top), Math.max(lines.get(Math.round(r.top)) ?? 0, r.right));
        const left = p.getBoundingClientRect().left;
        return [...lines.values()].map((right) => right - left);
    }""")
    assert len(widths) >= 2 and min(widths[:-1]) > 40, widths  # the last line may be short
    # The theme's table style: row headings to the left, cells padded and ruled (it had none).
    heading, cell = page.locator("#planner-hours th").first, page.locator("#planner-hours td").first
    assert heading.evaluate("th => getComputedStyle(th).textAlign") in ("left", "start")
    style = cell.evaluate("td => { const s = getComputedStyle(td); return [parseFloat(s.paddingLeft), s.borderTopStyle]; }")
    assert style[0] > 0 and style[1] != "none", style


def test_a_checklists_two_download_buttons_stack_evenly(phone):
    _, page, base = phone
    page.goto(f"{base}toolkit/before-first-day/")
    widths = page.locator(".wg-checklist-downloads .md-button").evaluate_all("all => all.map((a) => a.getBoundingClientRect().width)")
    assert len(widths) == 2 and abs(widths[0] - widths[1]) < 1, widths
