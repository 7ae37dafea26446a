"""The search index, the largest file of a page, loads when the reader turns to search, not with
the page; results then come as before (the search tests of test_site_in_browser.py and
test_site_foundation.py check what they are)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


def index_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if url.split("?")[0].endswith(INDEX)]


def load_quietly(page, url: str) -> list[str]:
    """Open the page and leave it idle a moment; every URL it requested."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(1500)
    assert any(url.endswith(".css") for url in requested)  # the requests were seen
    return requested


@pytest.mark.parametrize(
    "path, language_root, query",
    [("", "", "mentorat"), ("en/", "en/", "mentoring"), ("en/practices/check-in/", "en/", "feedback")],
)
def test_search_index_loads_only_once_the_reader_opens_search(page, site_server, path, language_root, query):
    page.set_viewport_size({"width": 1280, "height": 800})
    requested = load_quietly(page, site_server + path)
    assert index_requests(requested) == []
    page.keyboard.press("/")  # Material's shortcut: focus in the search box
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20_000)
    assert index_requests(requested) == [site_server + language_root + INDEX]


def test_search_button_on_a_small_screen_loads_the_index_and_finds(page, site_server):
    page.set_viewport_size({"width": 390, "height": 800})
    requested = load_quietly(page, site_server + "practices/check-in/")
    assert index_requests(requested) == []
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("rétroaction", delay=30)
    page.locator(".md-search-result__item a").first.wait_for(timeout=20_000)
    assert index_requests(requested) == [site_server + INDEX]
