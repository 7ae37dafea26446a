"""Browser contexts kept for the whole run and lent to one test at a time, emptied in between.

A new context per test made each page start from nothing: a new renderer process, Material's
scripts compiled again, its stylesheets parsed again. That was about 0.7 s of CPU per browser test,
against about 0.3 s for a new page in a kept context (measured on a page of the guide, bench/REPORT.md).

What a test can leave behind, and how the pool removes it before lending the context again:
- the pages it opened: all closed;
- what pages store (local and session storage, cookies, IndexedDB, Cache Storage, service
  workers): cleared for every origin the context navigated to;
- permissions granted: cleared;
- a fake clock (``page.clock``, which is the context's): the context is closed, not lent again.
Page-level settings (window size, emulated media, init scripts, routes, listeners) go with the
page. Only the HTTP cache and the compiled code are kept: the served site does not change during a
run. A test that changes the context itself (``page.context``: its init scripts, routes, headers,
offline mode or geolocation) makes its own context with ``browser.new_context`` instead.

Each kept context holds one idle page on a server of its own at 127.0.0.1. Chromium gives pages of
the same site one renderer process, and ports do not count in a site, so the test's pages join that
process with its caches warm instead of starting a new one.
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator
from urllib.parse import urlsplit


class _EmptyPage(BaseHTTPRequestHandler):
    """The same small HTML page at every address."""

    def do_GET(self):
        body = b"<!doctype html><title>idle</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve_empty_pages() -> ThreadingHTTPServer:
    """A server at 127.0.0.1, on a port of its own, giving a small HTML page at every address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EmptyPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Playwright's clock (page.clock) belongs to the whole context, and nothing takes it out again: a
# context whose pages see it (Playwright's injected clock, or a time far from the real one) is
# closed instead of lent again.
_FAKE_CLOCK = "now => typeof globalThis.__pwClock !== 'undefined' || Math.abs(Date.now() - now) > 60000"


class _KeptContext:
    def __init__(self, browser, options: dict, idle_url: str):
        self.context = browser.new_context(**options)
        self.idle_page = self.context.new_page()
        self.idle_page.goto(idle_url)
        self.session = self.context.new_cdp_session(self.idle_page)
        self.origins: set[str] = set()  # where the tests' pages went (the idle page stores nothing)
        self.context.on("request", self._note_origin)

    def _note_origin(self, request) -> None:
        if request.is_navigation_request():
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https"):
                self.origins.add(f"{parts.scheme}://{parts.netloc}")

    def empty(self) -> None:
        """Close the test's pages and clear what they stored; raises if the context is unusable."""
        if self.idle_page.is_closed():
            raise RuntimeError("the idle page is gone")
        if self.idle_page.evaluate(_FAKE_CLOCK, time.time() * 1000):
            raise RuntimeError("the test set a fake clock (page.clock), which stays with the context")
        for page in self.context.pages:
            if page is not self.idle_page:
                page.close()
        for origin in sorted(self.origins):
            self.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()


class BrowserPool:
    """Lends pages of kept browser contexts, one context per test at a time."""

    def __init__(self, browser):
        self.browser = browser
        self._idle: dict[str, list[_KeptContext]] = {}
        self._server = serve_empty_pages()
        self._idle_url = f"http://127.0.0.1:{self._server.server_port}/"

    @contextmanager
    def page(self, **options) -> Iterator:
        """A new page in a context made with ``options`` (as ``browser.new_context`` takes them),
        lent to the caller alone until the block ends. Two pages asked for at once with the same
        options come from two contexts: two visitors."""
        key = json.dumps(options, sort_keys=True)
        idle = self._idle.setdefault(key, [])
        kept = idle.pop() if idle else _KeptContext(self.browser, options, self._idle_url)
        try:
            yield kept.context.new_page()
        finally:
            try:
                kept.empty()
            except Exception:  # a crashed page or renderer: start afresh next time
                with suppress(Exception):  # the browser may be gone too; its fixture reports that
                    kept.context.close()
            else:
                idle.append(kept)

    def close(self) -> None:
        for idle in self._idle.values():
            for kept in idle:
                kept.context.close()
        self._idle.clear()
        self._server.shutdown()
