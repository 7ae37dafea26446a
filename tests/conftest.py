"""Shared fixtures: one strict build of the whole site per test session, a local web server that
serves it the way a static host does, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import asdict, dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

from browser_pool import BrowserPool
# A hook, found by pytest under this name: it marks and orders the collected tests.
from collection_order import pytest_collection_modifyitems  # noqa: F401
from pdf_pages import PdfDocument, PdfPage, extract_document

ROOT = Path(__file__).resolve().parent.parent
# The tests hold large parsed documents (both guide PDFs, the built pages). Run after every 700 new
# objects, Python's collector walked them again and again: the guide PDF's test modules took about
# 14 % less CPU with it run after 50,000, as wilguide/guide_pdf/render.py does while typesetting.
gc.set_threshold(50_000, *gc.get_threshold()[1:])
# The test builds are a published site, as the Pages workflow deploys it: an address a reader
# could visit (not the default stand-in on example.org) and a repository for the edit links.
# tests/test_other_base_urls.py builds once with neither, as a fresh clone does.
SITE_URL = "https://example-org.github.io/wil-mentoring-guide/"
SITE_PATH = urlsplit(SITE_URL).path
REPO_URL = "https://github.com/example-org/wil-mentoring-guide"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The site generator the builds run: MkDocs, or ProperDocs, its maintained fork, which
# scripts/test-properdocs.sh tests as the way off MkDocs (MAINTAINERS.md).
BUILDER = os.environ.get("WILGUIDE_BUILDER", "mkdocs")
if BUILDER == "properdocs":
    import properdocs.replacement  # noqa: F401  (answers the mkdocs.* imports of the code under test)
# The guide's checklists, as a reader finds them in the toolkit (written out: a checklist that
# disappears, or a new one nobody tested, fails the tests that use this list).
CHECKLIST_SLUGS = [
    "before-first-day",
    "check-in-agenda",
    "expectations-conversation",
    "final-evaluation-exit",
    "first-week",
    "inclusive-self-check",
    "mid-placement-review",
    "sel-reflection",
    "when-things-go-wrong",
]

# The files a build needs, copied when a test builds a modified project.
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "includes", "content", "wilguide"]
# A whole build from a cold cache takes well under a minute on an idle machine; a build that takes
# ten is stuck, and the test says so instead of waiting for ever.
BUILD_TIMEOUT = 600


# The test being run: a build checks that its test is marked slow, so `pytest -m "not slow"` never
# builds the site (tests that read the session's build are marked slow automatically, below).
_running: list = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    _running[:] = [item]


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL, REPO_URL=REPO_URL)
    # Generated files (PDF, Word) are cached by content hash: share the project's cache.
    env.setdefault("WILGUIDE_CACHE_DIR", str(ROOT / ".cache" / "wilguide"))
    env.update(extra)
    return env


def mkdocs_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run a strict build in a separate process (the i18n plugin keeps global state)."""
    if _running and _running[0].get_closest_marker("slow") is None:
        raise AssertionError(f"{_running[0].nodeid} builds the site: mark it @pytest.mark.slow")
    return subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
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


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
    """Run ``make(folder)`` once per test run, even when pytest-xdist splits the run over several
    worker processes: the first worker to ask makes it under a file lock, the others wait for it and
    read what it returned (a JSON-able dict), so the site is built once, not once per worker."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(str(shared / f"{name}.lock")):
        if not record.is_file():
            folder.mkdir(exist_ok=True)
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
    return folder, json.loads(record.read_text(encoding="utf-8"))


def build_record(result: subprocess.CompletedProcess) -> dict:
    return {"args": result.args, "returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}


def completed(record: dict) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess(record["args"], record["returncode"], record["stdout"], record["stderr"])


def copy_generator_cache(target: Path, skip: Callable[[str], bool] = lambda name: False) -> Path:
    """A copy of the project's generator cache (what the session build generated), for a build that
    must not touch it. Files still being written by another test's build (*.part, and Jinja's
    *.tmp) are left out: they vanish when done, and a copy would fail on them."""
    source = ROOT / ".cache" / "wilguide"
    if source.is_dir():
        writing = (".part", ".tmp")
        shutil.copytree(source, target, ignore=lambda folder, names: [n for n in names if n.endswith(writing) or skip(n)])
    target.mkdir(parents=True, exist_ok=True)
    return target


@pytest.fixture
def layouts(monkeypatch) -> list:
    """One entry per WeasyPrint layout (HTML.render) made during the test."""
    import weasyprint

    made: list = []
    real_render = weasyprint.HTML.render
    monkeypatch.setattr(weasyprint.HTML, "render", lambda self, *a, **k: made.append(1) or real_render(self, *a, **k))
    return made


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per run, strictly. WILGUIDE_TEST_SITE reuses a build (local runs only)."""
    reuse = os.environ.get("WILGUIDE_TEST_SITE")
    if reuse:
        return Path(reuse)
    site, record = once_per_run(tmp_path_factory, "site", lambda folder: build_record(mkdocs_build(ROOT, folder)))
    assert record["returncode"] == 0, f"strict build failed:\n{record['stderr'][-6000:]}"
    return site


@pytest.fixture(scope="session")
def pdf_document(tmp_path_factory) -> Callable[[Path], PdfDocument]:
    """pdf_document(path): the PDF's pages and bookmarks (tests/pdf_pages.py), read once per run for
    all workers."""

    @functools.lru_cache(maxsize=None)
    def read(path: Path, size: int, mtime: int) -> PdfDocument:
        name = "pdf-pages-" + hashlib.sha256(f"{path}|{size}|{mtime}".encode()).hexdigest()[:16]
        _, record = once_per_run(tmp_path_factory, name, lambda folder: asdict(extract_document(path)))
        return PdfDocument([PdfPage(**page) for page in record["pages"]], record["outline"])

    def document(path: Path) -> PdfDocument:
        path = Path(path).resolve()
        return read(path, path.stat().st_size, path.stat().st_mtime_ns)

    return document


@pytest.fixture(scope="session")
def pdf_pages(pdf_document) -> Callable[[Path], list[PdfPage]]:
    """pdf_pages(path): the PDF's pages, read once per run for all workers."""
    return lambda path: pdf_document(path).pages


# The settings a fresh clone leaves empty or at the guide's own values, set otherwise: the address of
# a preview (mkdocs serve's), no repository, a publisher and an EDI guide per language.
PREVIEW_URL = "http://127.0.0.1:8000/"
SAMPLE_PUBLISHER = {"fr": "Organisme Témoin du Nord", "en": "Northern Sample Agency"}
SAMPLE_EDI_GUIDE = {"fr": "https://edi.example.net/guide-fr", "en": "https://edi.example.net/guide-en"}


@pytest.fixture(scope="session")
def configured_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """(site, build) of a copy of the project built once per run with those settings, for the tests
    of each (test_publisher_setting.py, test_other_base_urls.py). Each of them changes every
    checklist file (the address, the publisher are printed on them): one build makes them once.
    Without the guide PDF, whose cover is tested on its own and which is the slowest step."""

    def build(folder: Path) -> dict:
        project = copy_project(folder / "project")
        replace_once(project / "mkdocs.yml", '\n    publisher: ""\n', "\n    publisher:\n" + "".join(
            f"      {lang}: {name}\n" for lang, name in SAMPLE_PUBLISHER.items()))
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        edi, count = re.subn(r"\n    edi_guide_url:\n      fr: \S+\n      en: \S+\n", "\n    edi_guide_url:\n" + "".join(
            f"      {lang}: {url}\n" for lang, url in SAMPLE_EDI_GUIDE.items()), text)
        assert count == 1, "test setup: no edi_guide_url per language in mkdocs.yml"
        config.write_text(edi, encoding="utf-8")
        replace_once(config, "  - hooks/guide_pdf.py\n", "")
        cache = copy_generator_cache(folder / "cache")
        # No repository, as in a fresh clone's mkdocs.yml: the session build has one (REPO_URL).
        return build_record(mkdocs_build(project, folder / "site", SITE_URL=PREVIEW_URL, REPO_URL="", WILGUIDE_CACHE_DIR=str(cache)))

    folder, record = once_per_run(tmp_path_factory, "configured-site", build)
    return folder / "site", completed(record)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project that a test may break on purpose."""
    return copy_project(tmp_path / "project")


def append_line(page: Path, line: str) -> int:
    """Append a paragraph to a page; the number of the line it is on."""
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + line + "\n"
    page.write_text(text, encoding="utf-8")
    return text.count("\n")


# The guide PDF's chapters are the navigation's pages: with these few, a guide takes seconds to
# typeset instead of most of a minute, for tests of when a PDF is typeset, not of what it holds.
SHORT_NAV = "nav:\n  - index.md\n  - placement-step-by-step.md\n  - why-mentoring.md\n  - toolkit/index.md\n  - toolkit/first-week.md\n  - downloads.md\n"


def shorten_nav(project: Path) -> None:
    config = project / "mkdocs.yml"
    text, count = re.subn(r"^nav:\n(?:[ #].*\n|\n)*", SHORT_NAV, config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "test setup: no nav in mkdocs.yml"
    # The other pages are still built, only left out of the menu (and of the PDF).
    text, count = re.subn(r"^    omitted_files: warn$", "    omitted_files: info", text, flags=re.M)
    assert count == 1, "test setup: no nav validation in mkdocs.yml"
    config.write_text(text, encoding="utf-8")


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in a file (which must contain it); the line of the replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, snippet: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert snippet in text, f"test setup: {snippet!r} is not in {path}"
    return text[: text.index(snippet)].count("\n") + 1


@dataclass(frozen=True)
class BrokenBuild:
    """A strict build of a project copy carrying several mistakes at once."""

    result: subprocess.CompletedProcess
    lines: dict[str, int]  # the line of each mistake, by name

    @property
    def stderr(self) -> str:
        return self.result.stderr


def broken_copy_build(tmp_path_factory, name: str, break_copy: Callable[[Path], dict[str, int]]) -> BrokenBuild:
    """A copy of the project broken by ``break_copy`` (which returns the line of each mistake, by
    name), built once per run."""

    def make(folder: Path) -> dict:
        project = copy_project(folder / "project")
        lines = break_copy(project)
        return {"lines": lines, "result": build_record(mkdocs_build(project, folder / "site"))}

    _, record = once_per_run(tmp_path_factory, name, make)
    return BrokenBuild(completed(record["result"]), record["lines"])


@pytest.fixture(scope="session")
def broken_build(tmp_path_factory) -> BrokenBuild:
    """One copy of the project with every mistake that must stop the build before any page is
    written, built once: each editor-error test looks for its own file:line message in the output
    (the build reports them all together)."""
    return broken_copy_build(tmp_path_factory, "broken", break_early)


def break_early(project: Path) -> dict[str, int]:
    """Every mistake that stops the build before any page is written; the line of each, by name."""
    docs = project / "docs"
    (docs / "fr" / "nouvelle-page.md").write_text("---\ndescription: x\n---\n\n# Nouvelle\n", encoding="utf-8")
    lines = {
        "link": append_line(docs / "en" / "roles.md", "See [the missing page](missing-page.md)."),
        "anchor": append_line(docs / "fr" / "roles.md", "Voir [la section](competencies.md#no-such-section)."),
        "heading": append_line(docs / "fr" / "glossary.md", "## Une section de plus { #one-more-section }"),
        "glossary-term": replace_once(docs / "en" / "glossary.md", "Undue hardship { #undue-hardship }", "Undue hardship"),
        "placeholder": append_line(docs / "en" / "contribute.md", "Write to {{ contact_mail }}."),
        "malformed-item": replace_once(docs / "fr" / "toolkit" / "check-in-agenda.md", "{ #wins }", "{ #Wins! }"),
        "missing-item": line_of(docs / "fr" / "toolkit" / "first-week.md", "{ #coffee }"),
        "menu": replace_once(project / "mkdocs.yml", "      - competencies.md\n", "      - competencies.md\n      - no-such-page.md\n") + 1,
        "table": append_line(docs / "en" / "employers.md", "| One | Two |\n|---|---|\n| only one |"),
        "box": append_line(docs / "fr" / "employers.md", "!!! note \"Notre conseil\"\nTexte non indenté."),
        # Editorial rules stay out of the build: this house term must not fail it.
        "house-term": append_line(docs / "fr" / "closing-well.md", "Un feedback de plus."),
    }
    # The pair is recorded in step first, so that only the English side changed: the finding goes there
    # whatever the state of the committed record.
    from wilguide.contentcheck import load_project
    from wilguide.contentcheck.translations import record_pairs

    record_pairs(load_project(project), ["toolkit/first-week.md"])
    english = docs / "en" / "toolkit" / "first-week.md"
    kept = [line for line in english.read_text(encoding="utf-8").splitlines(keepends=True) if "{ #coffee }" not in line]
    assert len(kept) < len(english.read_text(encoding="utf-8").splitlines()), "test setup: no coffee item in English"
    english.write_text("".join(kept), encoding="utf-8")
    return lines


@pytest.fixture(scope="session")
def broken_late_build(tmp_path_factory) -> BrokenBuild:
    """One copy of the project with the mistakes found once the build has its pages (the
    planner's data), built once."""
    return broken_copy_build(tmp_path_factory, "broken-late", break_late)


def break_late(project: Path) -> dict[str, int]:
    return {
        "planner": replace_once(
            project / "content" / "planner.yml", "guide: practices/check-in.md#what-to-do", "guide: practices/check-in.md#gone"
        ),
    }


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


class SiteServer(ThreadingHTTPServer):
    """The test server. A browser that leaves a page while a file is still coming resets the
    connection: normal for a reader, so not printed as an error in the middle of the test run."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def site_server(built_site):
    """Base URL (ending in the site path) of a local server for the built site."""
    handler = functools.partial(StaticHostHandler, directory=str(built_site))
    server = SiteServer(("127.0.0.1", 0), handler)
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


@pytest.fixture(scope="session")
def browser_pool(browser):
    """Browser contexts lent to one test at a time and emptied in between (tests/browser_pool.py)."""
    pool = BrowserPool(browser)
    yield pool
    pool.close()


@pytest.fixture
def page(browser_pool, request):
    """A new browser page with nothing stored; tests may pass context options (locale, timezone)
    through indirect parametrization."""
    with browser_pool.page(**(getattr(request, "param", None) or {})) as page:
        yield page
