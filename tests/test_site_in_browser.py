"""The foundation as a reader meets it in Chromium: the switcher keeps the page, search answers in
the reader's language and stems French. (That no request leaves the site, on any page, is checked
by the walk over every page in tests/test_accessibility.py.)"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from page_waits import count_search_answers, type_search_query, wait_for_search_answer

pytestmark = pytest.mark.browser

def test_switcher_goes_to_the_same_page_in_the_other_language(page, site_server):
    page.goto(site_server + "practices/feedback/")
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(lambda url: urlsplit(url).path.startswith(urlsplit(site_server).path + "en/"))
    assert page.url == site_server + "en/practices/feedback/"
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("prefix, query", [("", "mentorat"), ("en/", "mentoring")])
def test_search_shows_only_results_in_the_reader_language(page, site_server, prefix, query):
    hrefs, _ = search_box_results(page, site_server, prefix, query)
    assert hrefs
    for href in hrefs:
        in_english = href.startswith(site_server + "en/")
        assert in_english == (prefix == "en/"), href


def test_french_search_matches_stems_and_elided_words(page, site_server, built_site):
    """The search worker the page really loads, with our French configuration, on known sentences."""
    config = json.loads((built_site / "search" / "search_index.json").read_text())["config"]
    page.goto(site_server)
    # search-scope.js has pointed Material at workers/search-stemming.js by now.
    worker = page.evaluate("new URL(JSON.parse(document.getElementById('__config').textContent).search, location.href).href")
    assert "/workers/search-stemming.js?material=search." in worker
    docs = [
        {"location": "x/", "title": "Essai", "text": "Les chevaux mangeaient à l'hôtel."},
        {"location": "y/", "title": "Suivi", "text": "La rétroaction fait partie de la supervision."},
    ]
    index = {"options": {"suggest": False}, "config": config, "docs": docs}
    queries = ["cheval", "chevaux", "hôtel", "l'hôtel", "mangeaient", "rétroaction", "supervision", "rétro", "supervisio"]
    found = page.evaluate(
        """async ([url, index, queries]) => {
            const worker = new Worker(url);
            const ask = message => new Promise(resolve => {
              worker.onmessage = event => resolve(event.data);
              worker.postMessage(message);
            });
            await ask({type: 0, data: index});            // SETUP -> READY
            const results = {};
            for (const query of queries) {
              const answer = await ask({type: 2, data: query});  // QUERY -> RESULT
              results[query] = answer.data.items.flat().map(item => item.location);
            }
            return results;
        }""",
        [worker, index, queries],
    )
    assert found == {query: ["x/"] for query in queries[:5]} | {query: ["y/"] for query in queries[5:]}


def search_box_results(page, site_server, prefix, query):
    """Type a query into Material's search box; the result links and the highlighted words."""
    page.set_viewport_size({"width": 1280, "height": 800})
    count_search_answers(page)
    page.goto(site_server + prefix)
    page.keyboard.press("/")  # Material's keyboard shortcut opens search
    type_search_query(page, query)
    # The list first shows the results of shorter queries (the worker answers each key in turn).
    wait_for_search_answer(page, query)
    results = page.locator(".md-search-result__item a")
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    marks = page.locator(".md-search-result mark").evaluate_all("marks => marks.map(m => m.textContent)")
    return hrefs, [mark.lower() for mark in marks]


@pytest.mark.parametrize(
    "prefix, query, highlighted",
    [
        ("", "rétroaction", "rétroaction"),   # whole words: nothing was found before
        ("", "supervision", "supervision"),
        ("", "stagiaires", "stagiaire"),      # plural
        ("", "généraux", "général"),          # an irregular plural finds the singular
        ("", "l'évaluation", "évaluation"),   # elided article
        ("", "rétro", "rétroaction"),         # prefix
        ("", "retroaction", "rétroaction"),   # no accents typed: the text's accented word is marked
        ("", "reussite", "réussite"),
        ("en/", "feedback", "feedback"),
        ("en/", "supervisor", "supervisor"),
        ("en/", "check-ins", "check"),        # the hyphen separates words
        ("en/", "superv", "supervis"),
    ],
)
def test_search_box_finds_whole_words_forms_and_prefixes(page, site_server, prefix, query, highlighted):
    hrefs, marks = search_box_results(page, site_server, prefix, query)
    for href in hrefs:
        assert href.startswith(site_server + "en/") == (prefix == "en/"), href
    # Material highlights the words that matched: the searched word, in one of its forms.
    assert any(mark.startswith(highlighted) for mark in marks), marks[:20]


def test_search_without_accents_highlights_the_accented_word_on_the_page_opened(page, site_server):
    """Material passes the matched terms (?h=) to the page opened, which marks them literally."""
    search_box_results(page, site_server, "", "retroaction")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_url(lambda url: "h=" in urlsplit(url).query)
    # Material marks the words once the page has fetched and loaded the search index, after the
    # page's own load: wait for its marks (it places them all in one pass), then read them.
    marked = page.locator("article mark[data-md-highlight]")
    marked.first.wait_for(timeout=10_000)
    marks = marked.evaluate_all("marks => marks.map(m => m.textContent)")
    assert "rétroaction" in [mark.lower() for mark in marks], (page.url, marks[:20])
