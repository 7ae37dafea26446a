"""Shared fixtures: one strict build of the whole site per test session, a local web server that
serves it the way a static host does, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/guide-mentorat/"
SITE_PATH = urlsplit(SITE_URL).path
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The site generator the builds run: MkDocs, or ProperDocs, its maintained fork, which
# scripts/test-properdocs.sh tests as the way off MkDocs (MAINTAINERS.md).
BUILDER = os.environ.get("WILGUIDE_BUILDER", "mkdocs")
if BUILDER == "properdocs":
    import properdocs.replacement  # noqa: F401  (answers the mkdocs.* imports of the code under test)
# The files a build needs, copied when a test builds a modified project.
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "includes", "content", "wilguide"]


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL)
    # Generated files (PDF, Word) are cached by content hash: share the project's cache.
    env.setdefault("WILGUIDE_CACHE_DIR", str(ROOT / ".cache" / "wilguide"))
    env.update(extra)
    return env


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a strict build in a separate process (the i18n plugin keeps global state)."""
    return subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
    )


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def is_redirect_page(html_file: Path) -> bool:
    """A page left at a moved page's old address (content/redirects.yml): not a page to read."""
    return 'http-equiv="refresh"' in html_file.read_text(encoding="utf-8", errors="replace")[:2000]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once, strictly. WILGUIDE_TEST_SITE reuses a build (local runs only)."""
    reuse = os.environ.get("WILGUIDE_TEST_SITE")
    if reuse:
        return Path(reuse)
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr[-6000:]}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break on purpose."""
    return copy_project(tmp_path / "project")


class StaticHostHandler(SimpleHTTPRequestHandler):
    """Serves the site under SITE_PATH with each language's 404 page, like a static host."""

    def log_message(self, *args):  # keep test output quiet
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(SITE_PATH):
            self.send_error(404)
            return None
        self.path = "/" + path[len(SITE_PATH):]
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").exists() or not target.exists():
            return self._not_found()
        return super().send_head()

    def _not_found(self):
        root = Path(self.directory)
        page = root / "en" / "404.html" if self.path.startswith("/en/") else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@pytest.fixture(scope="session")
def site_server(built_site):
    """Base URL (ending in the site path) of a local server for the built site."""
    handler = functools.partial(StaticHostHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SITE_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium. Missing Chromium is a failure, never a silent skip."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run the tests with scripts/test.sh, which installs it"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser page; tests may pass locale/timezone through indirect parametrization."""
    options = getattr(request, "param", None) or {}
    context = browser.new_context(**options)
    page = context.new_page()
    yield page
    context.close()


def pytest_collection_modifyitems(items):
    """Tests of the built site are marked `site`: scripts/test-properdocs.sh runs them on a build
    made by ProperDocs."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
