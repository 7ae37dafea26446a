"""The browser contexts lent to tests (tests/browser_pool.py): a context is lent again only once
what the previous test stored is gone, and two pages asked for at once come from two contexts."""

from __future__ import annotations

import time

import pytest

from browser_pool import BrowserPool, serve_empty_pages

pytestmark = pytest.mark.browser

LEAVE_EVERYTHING = """async () => {
  localStorage.setItem("left", "1");
  sessionStorage.setItem("left", "1");
  document.cookie = "left=1; path=/";
  await new Promise((done) => {
    const open = indexedDB.open("left", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("things");
    open.onsuccess = () => { open.result.close(); done(); };
  });
  await (await caches.open("left")).put("/left", new Response("1"));
}"""
WHAT_IS_LEFT = """async () => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  cookies: document.cookie,
  databases: (await indexedDB.databases()).map((database) => database.name),
  caches: await caches.keys(),
  geolocation: (await navigator.permissions.query({name: "geolocation"})).state,
})"""
NOTHING_LEFT = {"local": [], "session": [], "cookies": "", "databases": [], "caches": [], "geolocation": "prompt"}


@pytest.fixture
def two_origins():
    servers = [serve_empty_pages() for _ in range(2)]
    yield [f"http://127.0.0.1:{server.server_port}/" for server in servers]
    for server in servers:
        server.shutdown()


@pytest.fixture
def pool(browser):
    pool = BrowserPool(browser)
    yield pool
    pool.close()


def test_a_context_is_lent_again_with_nothing_the_last_test_stored(pool, two_origins):
    with pool.page(locale="fr-CA") as first:
        first.context.grant_permissions(["geolocation"])
        for origin in two_origins:
            first.goto(origin)
            first.evaluate(LEAVE_EVERYTHING)
            assert first.evaluate(WHAT_IS_LEFT) != NOTHING_LEFT  # stored, and seen by the check
        first_context = first.context

    with pool.page(locale="fr-CA") as again:
        assert again.context is first_context  # kept, not made again
        assert again.context.pages == [first_context.pages[0], again]  # the idle page and this one
        for origin in two_origins:
            again.goto(origin)
            assert again.evaluate(WHAT_IS_LEFT) == NOTHING_LEFT, origin


def test_two_pages_at_once_come_from_two_contexts_and_other_options_from_another(pool, two_origins):
    with pool.page() as one, pool.page() as other:
        assert one.context is not other.context
        one.goto(two_origins[0])
        one.evaluate(LEAVE_EVERYTHING)
        other.goto(two_origins[0])
        assert other.evaluate(WHAT_IS_LEFT) == NOTHING_LEFT  # a second visitor
    with pool.page(color_scheme="dark") as dark:
        assert dark.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")


def test_a_context_whose_idle_page_was_closed_is_not_lent_again(pool, two_origins):
    with pool.page() as first:
        first.context.pages[0].close()  # the idle page: as if its renderer had crashed
        first_context = first.context
    with pool.page() as again:
        assert again.context is not first_context
        again.goto(two_origins[0])
        assert again.evaluate(WHAT_IS_LEFT) == NOTHING_LEFT


def test_a_context_given_a_fake_clock_is_not_lent_again(pool, two_origins):
    with pool.page() as first:
        first.clock.set_fixed_time("2026-09-10T12:00:00")  # page.clock is the whole context's
        first.goto(two_origins[0])
        assert first.evaluate("new Date().getFullYear()") == 2026 and first.evaluate("new Date().getMonth()") == 8
        first_context = first.context
    with pool.page() as again:
        assert again.context is not first_context
        again.goto(two_origins[0])
        assert abs(again.evaluate("Date.now()") / 1000 - time.time()) < 60
