"""Waits for what a page does after an action, on the exact condition rather than after a pause.

A loaded 2-core machine can delay any of these past a fixed pause, and a read made too early fails
a test that is right (or passes one that is wrong).
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

# Material sends its search worker one query (message type 2) per key released and draws the
# first results in the handler of each answer (type 3). Counting both from the page's side tells
# when the last query typed has been answered; a list that merely stopped changing for a moment
# can still be a shorter query's. Added once per page, whatever the number of navigations.
_COUNT_SEARCH_ANSWERS = """(() => {
  if (window.__searchAnswers) return;
  const answers = window.__searchAnswers = { asked: 0, answered: 0, last: null };
  const NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    const worker = new NativeWorker(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message) => {
      if (message && message.type === 2) { answers.asked += 1; answers.last = message.data; }
      post(message);
    };
    // Added before Material's own listener, so the results are drawn when the count is read.
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) answers.answered += 1;
    });
    return worker;
  };
})()"""


def count_search_answers(page) -> None:
    """Call before the page is opened: from then on, `wait_for_search_answer` can be used on it."""
    page.add_init_script(_COUNT_SEARCH_ANSWERS)


def type_search_query(page, query: str) -> None:
    """Type `query` into the open search box key by key, as a reader does.

    Material reads the box on each key released. Playwright types a character its keyboard layout
    lacks ("é") as inserted text, with no key event, so a query ending in one would never be sent
    whole; a reader's keyboard releases a key for it. Releasing Shift, which the box ignores, does.
    """
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    page.keyboard.press("Shift")


def wait_for_search_answer(page, query: str, timeout: float = 10_000) -> None:
    """Wait until Material's worker has answered `query`, the text in the box, and nothing after it."""
    page.wait_for_function(
        """(query) => {
          const answers = window.__searchAnswers;
          return answers.last === query && answers.answered === answers.asked;
        }""",
        arg=query,
        timeout=timeout,
    )


def announced(locator, timeout: float = 5_000) -> str | None:
    """The text of a live region once the page has written it (the scripts write it a moment after
    clearing it, so that screen readers announce it again). Returns the text it holds at the end,
    empty or not, so that the caller's assertion says what is wrong."""
    try:
        locator.page.wait_for_function("element => element.textContent !== ''", arg=locator.element_handle(), timeout=timeout)
    except PlaywrightTimeoutError:
        pass
    return locator.text_content()
