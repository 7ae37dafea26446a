"""Phone numbers are links a phone can call, each on one line (wilguide/phone_links.py)."""

from __future__ import annotations

import re

import markdown
import pytest

from locators import every
from pdf_pages import poppler_text
from test_guide_pdf import guide_link
from wilguide.phone_links import PhoneLinksExtension, link_phone_numbers


def test_numbers_in_text_become_tel_links_and_nothing_else_does():
    html = (
        '<p>Call 9-1-1, or text 9-8-8; Hope for Wellness: 1-855-242-3310.</p>'
        '<p><a href="../references/">9-8-8</a> <code>9-1-1</code></p><h2 id="x">9-8-8</h2>'
        "<p>Dates and codes stay text: 2026-09-08, 5-9-8-8-1, 19-1-1.</p>"
        '<p title="If in danger > call 9-1-1"><!-- 9-8-8 -->Attributes and comments stay as written.</p>'
    )
    assert link_phone_numbers(html) == (
        '<p>Call <a class="wg-tel" href="tel:911">9-1-1</a>, or text <a class="wg-tel" href="tel:988">9-8-8</a>; '
        'Hope for Wellness: <a class="wg-tel" href="tel:18552423310">1-855-242-3310</a>.</p>'
        '<p><a href="../references/">9-8-8</a> <code>9-1-1</code></p><h2 id="x">9-8-8</h2>'
        "<p>Dates and codes stay text: 2026-09-08, 5-9-8-8-1, 19-1-1.</p>"
        '<p title="If in danger > call 9-1-1"><!-- 9-8-8 -->Attributes and comments stay as written.</p>'
    )


@pytest.mark.parametrize("number, address", [
    ("2-1-1", "211"), ("8-1-1", "811"), ("9-8-8", "988"), ("613-555-0100", "6135550100"), ("1-800-999-9775", "18009999775"),
])
def test_a_page_holding_one_number_gets_it_linked(number, address):
    """A page is searched only if it may hold a number: each kind of number, alone in a page, passes."""
    assert link_phone_numbers(f"<p>Call {number}.</p>") == f'<p>Call <a class="wg-tel" href="tel:{address}">{number}</a>.</p>'


def test_a_page_without_numbers_is_returned_unparsed():
    html = '<p title="a > b">Dates stay text: 2026-09-08 &amp; 2-1-0.</p><p>Unclosed <b>tag'
    assert link_phone_numbers(html) is html  # the same object: not taken apart and joined again


def test_markdown_pages_get_their_numbers_linked_as_they_are_converted():
    """The extension the build gives Markdown: text, emphasis and blocks of HTML written in the
    Markdown get links; links, code and headings, in Markdown or written as HTML, keep their text."""
    source = (
        "Call 9-1-1 or *text 9-8-8*; Hope for Wellness: 1-855-242-3310.\n\n"
        "[9-8-8](../references/) `9-1-1` <a href=\"tel:911\">9-1-1</a> <code>2-1-1</code> then 8-1-1.\n\n"
        "## Dial 9-1-1\n\n"
        "<ul class=\"wg-checklist\">\n<li><label title=\"a > b\">Give 613-555-0100 to 9-1-1.</label></li>\n</ul>\n\n"
        "- Dates and codes stay text: 2026-09-08, 5-9-8-8-1, 19-1-1."
    )
    html = markdown.markdown(source, extensions=["toc", PhoneLinksExtension()])
    assert html == (
        '<p>Call <a class="wg-tel" href="tel:911">9-1-1</a> or <em>text <a class="wg-tel" href="tel:988">9-8-8</a></em>; '
        'Hope for Wellness: <a class="wg-tel" href="tel:18552423310">1-855-242-3310</a>.</p>\n'
        '<p><a href="../references/">9-8-8</a> <code>9-1-1</code> <a href="tel:911">9-1-1</a> <code>2-1-1</code> '
        'then <a class="wg-tel" href="tel:811">8-1-1</a>.</p>\n'
        '<h2 id="dial-9-1-1">Dial 9-1-1</h2>\n'
        '<ul class="wg-checklist">\n<li><label title="a > b">Give <a class="wg-tel" href="tel:6135550100">613-555-0100</a> '
        'to <a class="wg-tel" href="tel:911">9-1-1</a>.</label></li>\n</ul>\n\n'
        "<ul>\n<li>Dates and codes stay text: 2026-09-08, 5-9-8-8-1, 19-1-1.</li>\n</ul>"
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", ["when-things-go-wrong/", "en/when-things-go-wrong/", "en/toolkit/when-things-go-wrong/"])
def test_on_a_small_phone_each_number_is_one_tappable_line(browser_pool, site_server, path):
    with browser_pool.page(viewport={"width": 320, "height": 640}) as page:
        page.goto(site_server + path)
        numbers = every(page.locator("article a[href^='tel:']"))
        assert {"9-1-1", "9-8-8"} <= {number.inner_text() for number in numbers}
        for number in numbers:
            assert number.get_attribute("href") == "tel:" + number.inner_text().replace("-", "")
            lines = number.evaluate("(a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size")
            assert lines == 1, number.inner_text()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_printed_guide_shows_numbers_without_their_tel_address(built_site, lang):
    _, guide = guide_link(built_site, lang)
    text = poppler_text(guide, "-layout")
    assert "9-1-1" in text and "9-8-8" in text
    # On paper a number is its own address: no "9-1-1 (911)", as a web link gets "(example.org)".
    shown_address = re.compile(r"\d-\d{1,4}\s+\((?:tel:)?\d+\)")
    assert not shown_address.search(text), re.search(r".{40}" + shown_address.pattern, text)
