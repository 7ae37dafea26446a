"""The weekly external link check, run against a local server that serves good, redirected,
missing, slow and flaky pages (nothing leaves the machine)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wilguide.links import external
from wilguide.links.__main__ import main as links_main


class CitedSites(BaseHTTPRequestHandler):
    flaky_calls = 0

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        if self.path == "/good":
            self._answer(200)
        elif self.path == "/old-address":
            self._answer(301, location="/good")
        elif self.path == "/for-now":
            self._answer(302, location="/good")
        elif self.path == "/slow":
            time.sleep(4)  # longer than the test's LinkChecker timeout
            self._answer(200)
        elif self.path == "/flaky":
            type(self).flaky_calls += 1
            self._answer(503 if type(self).flaky_calls == 1 else 200)
        else:
            self._answer(404)

    def _answer(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def cited_sites():
    CitedSites.flaky_calls = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), CitedSites)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(autouse=True)
def no_pause_between_requests(tmp_path, monkeypatch):
    """The project's LinkChecker settings, except the pause between two requests to the same host
    (every test site here is the same local host): the tests wait for answers, not for politeness."""
    settings = external.CONFIG.read_text(encoding="utf-8")
    assert "\nmaxrequestspersecond=2\n" in settings, "test setup: the settings' request rate moved"
    local = tmp_path / "linkcheckerrc"
    local.write_text(settings.replace("\nmaxrequestspersecond=2\n", "\nmaxrequestspersecond=1000\n"), encoding="utf-8")
    monkeypatch.setattr(external, "CONFIG", local)


@pytest.fixture
def project(tmp_path, cited_sites) -> Path:
    """A built site citing each kind of page, its Markdown sources and its settings."""
    root = tmp_path / "project"
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "fr").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Fixture\nsite_url: !ENV [SITE_URL, 'https://example.org/guide/']\n"
        "repo_url: https://github.com/example-org/fixture\n", encoding="utf-8")
    (root / "docs/en/index.md").write_text(
        "# Sources\n\n"
        f"- [Good]({cited_sites}/good)\n"
        f"- [Moved]({cited_sites}/old-address)\n"
        f"- [Missing]({cited_sites}/missing)\n", encoding="utf-8")
    (root / "docs/fr/index.md").write_text(
        "# Sources\n\n"
        f"Une page lente : <{cited_sites}/slow>.\n\n"
        f"[Absente]({cited_sites}/missing) et [temporaire]({cited_sites}/for-now), [instable]({cited_sites}/flaky).\n",
        encoding="utf-8")
    site = root / "site"
    (site / "en").mkdir(parents=True)
    links = {
        "index.html": ["slow", "missing", "for-now", "flaky"],
        "en/index.html": ["good", "old-address", "missing"],
    }
    for page, paths in links.items():
        anchors = "".join(f'<a href="{cited_sites}/{path}">{path}</a>' for path in paths)
        own = '<link rel="canonical" href="https://example.org/guide/en/"><a href="https://github.com/example-org/fixture">repo</a>'
        (site / page).write_text(f"<!doctype html><html><head>{own}</head><body>{anchors}"
                                 '<a href="en/index.html">en</a></body></html>', encoding="utf-8")
    return root


def run(project: Path, *extra: str) -> int:
    return links_main(["--root", str(project), "--site", str(project / "site"), "--report", str(project / "report.md"),
                       "--pause", "0", *extra])


def test_report_lists_broken_and_moved_links_with_their_citations(project, cited_sites, monkeypatch):
    monkeypatch.setenv("WILGUIDE_LINKCHECK_TIMEOUT", "2")
    assert run(project) == 1
    report = (project / "report.md").read_text(encoding="utf-8")
    assert report.startswith("The weekly check of the built site's external links found 2 broken links and 1 moved for good, among 6 checked. Each was checked again before this report.")
    broken = report.split("## Broken links")[1].split("## Moved permanently")[0]
    assert f"| {cited_sites}/missing | 404 Not Found | docs/en/index.md:5<br>docs/fr/index.md:5 |" in broken
    assert f"| {cited_sites}/slow | ReadTimeout" in broken and "| docs/fr/index.md:3 |" in broken
    moved = report.split("## Moved permanently (update the citation)")[1]
    assert f"| {cited_sites}/old-address | {cited_sites}/good | docs/en/index.md:4 |" in moved
    # A temporary redirect is normal; a page that failed once then answered was retried.
    for fine in ("/good", "/for-now", "/flaky"):
        assert f"\n| {cited_sites}{fine} |" not in report  # no row of its own
    # The site's own address and its repository are not external links.
    assert "example.org" not in report and "github.com" not in report


def test_without_retries_a_flaky_page_is_reported(project, cited_sites, monkeypatch):
    monkeypatch.setenv("WILGUIDE_LINKCHECK_TIMEOUT", "2")
    assert run(project, "--retries", "0") == 1
    assert f"| {cited_sites}/flaky | 503 Service Unavailable |" in (project / "report.md").read_text(encoding="utf-8")


def test_a_site_that_is_not_built_is_named(tmp_path, capsys):
    assert links_main(["--root", str(tmp_path), "--site", str(tmp_path / "nowhere")]) == 2
    assert "no built site here (build it first: bash scripts/build.sh)" in capsys.readouterr().err
