#!/usr/bin/env python3
"""Benchmark of the built guide on this machine; writes bench/REPORT.md.

Measures, as medians of several runs:
- build times of the project (clean with a cold generator cache, clean with a warm cache, rebuild
  with nothing changed, rebuild after editing one page), and the same for a plain Material + i18n
  build of the same Markdown (a derived mkdocs.yml without hooks, overrides or extra CSS/JS);
- where the project's build time goes (a profile of the hooks);
- bytes each sample page transfers in Chromium (network log), with and without gzip, by kind;
- Lighthouse scores (mobile and desktop) on a sample of pages;
- the size of the planner's own JavaScript and CSS (read from the source files);
- what the two fill-in templates (learning plan, mentoring agreement) add to a build: their PDF and
  Word files generated with an empty cache (cold) and taken from it (warm), and their pages'
  Markdown rendering. `--templates-only` prints just that, in a few seconds.
- how long the first search takes after the reader opens the box (the index loads on demand);
- under `mkdocs serve`, how long an edited page takes to come back (project and plain), and how long
  the guide PDF takes to catch up with it (it is typeset in the background);
- the clean build with a cold cache against the build before parallel typesetting (that commit,
  exported and built in the same run), against the same content typeset by one worker, and as a
  ratio to the plain build of the same run (`--only cold` times just that);
- the load average at each measurement, next to each figure; the full suite's wall time, read from
  bench/ci-time.json (bench/time_ci.py measures it apart).

Not part of the tests. Run it when the machine is otherwise idle (about 15 minutes on 2 cores):

    (cd bench && npm ci --ignore-scripts)      # Lighthouse 12.8.2, pinned in bench/package-lock.json
    .venv/bin/python bench/time_ci.py           # once in a while: the full suite's wall time (ci-time.json)
    .venv/bin/python bench/run.py               # --runs N, --lighthouse-runs N, --skip-lighthouse, --mobile-only
    .venv/bin/python bench/run.py --templates-only   # the templates' cost alone
    .venv/bin/python bench/run.py --only serve,cold --output /tmp/report.md   # a few sections only
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import io
import json
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
REPORT = BENCH / "REPORT.md"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SITE_PATH = "/guide-mentorat/"
# What a build reads (the same list the tests copy).
PROJECT_FILES = ["mkdocs.yml", "docs", "overrides", "hooks", "includes", "content", "wilguide"]
EDITED_PAGE = "docs/fr/practices/feedback.md"
EDITED_PAGE_URL = "practices/feedback/"
GUIDE_PDF_URL = "downloads/guide-de-mentorat-en-ait.pdf"  # the French guide PDF (wilguide.guide_pdf.build.file_name)
BYTES_PAGES = ["", "en/", "toolkit/planner/", "en/toolkit/planner/"]
LIGHTHOUSE_PAGES = ["", "en/", "practices/check-in/", "en/toolkit/first-week/", "toolkit/planner/", "en/toolkit/planner/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics"}
# The planner's own code, as the page loads it (planner.js imports the other two).
PLANNER_ASSETS = [
    "docs/assets/javascripts/planner/planner.js",
    "docs/assets/javascripts/planner/schedule.js",
    "docs/assets/javascripts/planner/ics.js",
    "docs/assets/stylesheets/planner.css",
]

# Targets the report checks (issue 8).
TARGET_MOBILE_PERFORMANCE = 95
TARGET_OTHER_SCORES = 100
TARGET_REBUILD_RATIO = 1.2
TARGET_HOME_EXTRA_BYTES = 10 * 1024
TARGET_PLANNER_BYTES = 15 * 1024  # issue 8: "aim under 15 KB before compression"
# Issue 18: the search index loads on demand, and the main thread stays free on mobile.
TARGET_HOME_BYTES = 80 * 1024  # each language, gzip, transferred on a cold load
TARGET_PLANNER_PAGE_BYTES = 95 * 1024
TARGET_FIRST_SEARCH_MS = 300
TARGET_MOBILE_PERFORMANCE_NOW = 98
TARGET_MOBILE_TBT_MS = 150
SEARCH_QUERIES = {"": "rétroaction", "en/": "feedback"}
TARGET_SERVE_RELOAD_RATIO = 1.5  # issue 17: an edited page comes back at most 1.5 × as late as plain's
# Issue 18: a cold clean build at most half of the build before parallel typesetting. That build
# is the last commit that typeset every PDF in the build's own process, one after the other; it is
# exported and built in the same run, because this machine's speed changes from day to day (the
# figure first recorded for it was 18.38 s on 2026-11-30, 15.58 × plain).
BEFORE_PARALLEL_COMMIT = "828e103"
TARGET_COLD_RATIO = 0.5
# What `--only` can pick; 'cold' alone times only the cold clean build ('builds' includes it).
SECTIONS = ("builds", "cold", "serve", "bytes", "search", "lighthouse", "templates")
# The full test suite's wall time is measured apart (bench/time_ci.py), not on every bench run.
CI_TIME = BENCH / "ci-time.json"

# The machine is often shared: every figure is reported with the load average (1 minute) of the
# moment it was measured, so a slow figure can be told from a busy machine.
LOADS: dict[str, list[float]] = {}


def note_load(what: str) -> None:
    LOADS.setdefault(what, []).append(os.getloadavg()[0])


def settle(below: float = 1.0, longest: float = 180.0) -> float:
    """Wait (at most ``longest`` seconds) until the 1-minute load average is under ``below``: the
    builds and browsers this bench has just run leave a load that would slow the next measurements
    (Lighthouse multiplies main-thread time by 4). Returns the load it stopped at."""
    deadline = time.monotonic() + longest
    while os.getloadavg()[0] >= below and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()[0]


def load_range(what: str) -> str:
    return format_loads(LOADS.get(what) or [])


def format_loads(loads: list[float]) -> str:
    if not loads:
        return "?"
    low, high = min(loads), max(loads)
    return f"{low:.1f}" if round(low, 1) == round(high, 1) else f"{low:.1f}–{high:.1f}"


# ---------------------------------------------------------------------------------------------
# A static host: the site under SITE_PATH, each language's 404 page, gzip when asked for.


class StaticHost(SimpleHTTPRequestHandler):
    site: Path = Path(".")
    compress = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site), **kwargs)

    def log_message(self, *args):
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(SITE_PATH):
            self.send_error(404)
            return None
        relative = path[len(SITE_PATH):]
        target = self.site / relative
        if target.is_dir():
            target = target / "index.html"
        status = 200
        if not target.is_file():
            status = 404
            target = self.site / "en" / "404.html"
            if not relative.startswith("en/") or not target.exists():
                target = self.site / "404.html"
        body = target.read_bytes()
        content_type = self.guess_type(str(target))
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") or target.suffix in {".js", ".json"} else ""))
        if self.compress and target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Builds


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def export_commit(commit: str, target: Path) -> Path:
    """The files a build reads, as they were at ``commit`` (from git, whatever the work tree holds)."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "--", *PROJECT_FILES],
                             cwd=ROOT, capture_output=True, check=True).stdout
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def markdown_words(project: Path) -> int:
    """Words in the pages of both languages: how much there is to typeset."""
    return sum(len(page.read_text(encoding="utf-8").split()) for page in (project / "docs").rglob("*.md"))


def write_plain_config(project: Path) -> Path:
    """mkdocs.yml without the project's hooks, theme overrides and extra CSS/JS: plain Material +
    i18n on the same Markdown. Placeholders then stay as text, and links to generated files
    dangle, so the plain build is not strict."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("hooks", "extra_css", "extra_javascript"):
        text = re.sub(rf"^{key}:\n(?:[ \t]+.*\n|\n)*", "", text, flags=re.M)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.M)
    text = re.sub(r"^  - wilguide\.abbreviation_marks .*\n", "  - abbr\n", text, flags=re.M)  # Markdown's own
    text = re.sub(r"^strict: true\n", "strict: false\n", text, flags=re.M)
    assert "hooks:" not in text and "custom_dir" not in text and "abbreviation_marks" not in text
    plain = project / "mkdocs.plain.yml"
    plain.write_text(text, encoding="utf-8")
    return plain


@dataclass
class Build:
    project: Path
    config: Path
    site: Path
    env: dict
    strict: bool

    def command(self) -> list[str]:
        return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(self.config), "-d", str(self.site),
                "--strict" if self.strict else "--no-strict"]

    def run(self) -> float:
        start = time.perf_counter()
        result = subprocess.run(self.command(), cwd=self.project, env=self.env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0 or not (self.site / "index.html").exists():
            raise SystemExit(f"build failed ({' '.join(self.command())}):\n{result.stderr[-4000:]}")
        return elapsed

    def clean(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)


@dataclass
class BuildTimes:
    cold: list[float] = field(default_factory=list)
    clean: list[float] = field(default_factory=list)
    unchanged: list[float] = field(default_factory=list)
    edited: list[float] = field(default_factory=list)


def edit_page(project: Path, run: int) -> None:
    page = project / EDITED_PAGE
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"\n\nBenchmark edit \d+\.\n$", "\n", text)
    page.write_text(text.rstrip("\n") + f"\n\nBenchmark edit {run}.\n", encoding="utf-8")


def run_cold(build: Build, cache: Path | None) -> float:
    """One clean build with an empty generator cache."""
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
    build.clean()
    return build.run()


@dataclass
class ColdBaselines:
    """Cold clean builds the project's is compared with, timed in turns with it."""

    before: list[float] = field(default_factory=list)  # BEFORE_PARALLEL_COMMIT
    one_worker: list[float] = field(default_factory=list)  # today's content, WILGUIDE_WORKERS=1
    words_before: int = 0
    words_now: int = 0


def time_builds(builds: list[tuple[Build, Path | None]], runs: int,
                also_cold: list[tuple[Build, Path | None, list[float]]] = ()) -> list[BuildTimes]:
    """Time each build (with its generator cache, or None) the same way. The builds take turns run
    by run, so a slow moment of a shared machine weighs on the project and the plain build alike.
    ``also_cold`` builds take their turn in the cold runs only, each appending to its own list."""
    times = [BuildTimes() for _ in builds]

    def each(record) -> None:
        for (build, cache), measured in zip(builds, times):
            record(build, cache, measured)
        if record is cold:
            for build, cache, measured in also_cold:
                measured.append(run_cold(build, cache))

    def cold(build, cache, measured):
        measured.cold.append(run_cold(build, cache))

    def clean(build, cache, measured):
        build.clean()
        measured.clean.append(build.run())

    def unchanged(build, cache, measured):
        measured.unchanged.append(build.run())

    def edited(build, cache, measured):
        edit_page(build.project, len(measured.edited))
        measured.edited.append(build.run())

    for step in (cold, clean, unchanged, edited):
        for _ in range(runs):
            note_load(f"build {step.__name__}")
            each(step)
    return times


def profile_hooks(build: Build, edit_run: int | None) -> list[tuple[str, float]]:
    """Seconds spent in each hook function during one build (cProfile, cumulative)."""
    if edit_run is not None:
        edit_page(build.project, edit_run)
    profile_file = build.project / "build.prof"
    command = build.command()
    profiled = [sys.executable, "-m", "cProfile", "-o", str(profile_file), "-m", "mkdocs", *command[3:]]
    subprocess.run(profiled, cwd=build.project, env=build.env, check=True, capture_output=True)
    stats = pstats.Stats(str(profile_file))
    per_hook: dict[str, float] = {}
    whole = 0.0
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():
        path = Path(filename)
        whole = max(whole, cumulative)
        if path.parent.name == "hooks" and path.parent.parent == build.project and (function.startswith("on_") or function == "<module>"):
            # <module>: importing the hook, with everything it imports (paid on every build)
            key = f"hooks/{path.name} {'import' if function == '<module>' else function}"
            per_hook[key] = per_hook.get(key, 0.0) + cumulative
    rows = sorted(per_hook.items(), key=lambda item: -item[1])
    return [("whole build (profiled)", whole), *rows]


def time_cold_builds(builds: list[tuple[Build, Path | None]], runs: int,
                     also_cold: list[tuple[Build, Path | None, list[float]]] = ()) -> list[list[float]]:
    """Only the clean build with an empty generator cache, each build in turn, ``also_cold`` as in
    time_builds (the loads go where time_builds puts its cold runs', so the report reads them the
    same way)."""
    times: list[list[float]] = [[] for _ in builds]
    for _ in range(runs):
        note_load("build cold")
        for (build, cache), measured in zip(builds, times):
            measured.append(run_cold(build, cache))
        for build, cache, measured in also_cold:
            measured.append(run_cold(build, cache))
    return times


# ---------------------------------------------------------------------------------------------
# mkdocs serve: an edited page coming back, and the guide PDF catching up


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


def wait_until(condition, what: str, server: subprocess.Popen, log: Path, seconds: float = 1800, step: float = 0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped while waiting for {what}:\n{log.read_text()[-4000:]}")
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise SystemExit(f"timed out waiting for {what}:\n{log.read_text()[-4000:]}")


@dataclass
class ServeTimes:
    reloaded: list[float] = field(default_factory=list)
    pdf_caught_up: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)  # 1-minute load average at each edit


def time_serve(build: Build, runs: int, with_pdf: bool) -> ServeTimes:
    """Start `mkdocs serve`, then edit one page ``runs`` times: seconds until the served page shows
    the edit, and (``with_pdf``) until the served guide PDF has changed. Each edit starts once
    the previous one has fully caught up."""
    port = free_port()
    base = f"http://127.0.0.1:{port}{SITE_PATH}"
    log = build.project / "serve.log"
    env = dict(build.env, SITE_URL=base)
    times = ServeTimes()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(build.config), "-a", f"127.0.0.1:{port}"],
            cwd=build.project, env=env, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        def pdf_now() -> bytes | None:
            status, page = fetch(base + "downloads/")
            if status != 200 or b"data-download-note" in page:
                return None  # not there yet, or marked "being updated"
            status, data = fetch(base + GUIDE_PDF_URL)
            return data if status == 200 and data.startswith(b"%PDF") else None

        wait_until(lambda: fetch(base + EDITED_PAGE_URL)[0] == 200, "the first build", server, log, step=0.5)
        pdf = wait_until(pdf_now, "the first guide PDF", server, log, step=0.5) if with_pdf else None
        page = build.project / EDITED_PAGE
        original = page.read_text(encoding="utf-8")
        for run in range(runs):
            marker = f"Serve benchmark edit {run} {time.time_ns()}."
            times.load.append(os.getloadavg()[0])
            start = time.perf_counter()
            page.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            wait_until(lambda: marker.encode() in fetch(base + EDITED_PAGE_URL)[1], "the edited page", server, log)
            times.reloaded.append(time.perf_counter() - start)
            if with_pdf:
                pdf = wait_until(lambda: (data := pdf_now()) and data != pdf and data, "the guide PDF", server, log, step=0.25)
                times.pdf_caught_up.append(time.perf_counter() - start)
            print(f"  serve edit {run}: page {times.reloaded[-1]:.2f} s"
                  + (f", PDF {times.pdf_caught_up[-1]:.2f} s" if with_pdf else "") + f" (load {times.load[-1]:.1f})", flush=True)
        page.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return times


# ---------------------------------------------------------------------------------------------
# Bytes transferred (Chromium's network log)


def kind_of(resource_type: str, url: str, mime: str) -> str:
    if resource_type == "Document":
        return "HTML"
    if resource_type == "Stylesheet":
        return "CSS"
    if resource_type == "Script" or url.endswith(".js"):
        return "JS"
    if resource_type == "Font":
        return "fonts"
    if "json" in mime:
        return "JSON (search index, data)"
    if resource_type == "Image":
        return "images"
    return "other"


def page_bytes(browser, url: str) -> dict[str, dict[str, int]]:
    """Bytes on the wire (headers included) and decoded body bytes, by kind, for one cold load."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    responses: dict[str, tuple[str, str, str]] = {}
    wire: dict[str, int] = {}
    body: dict[str, int] = {}
    cdp.on("Network.responseReceived", lambda e: responses.__setitem__(e["requestId"], (e["type"], e["response"]["url"], e["response"].get("mimeType", ""))))
    cdp.on("Network.dataReceived", lambda e: body.__setitem__(e["requestId"], body.get(e["requestId"], 0) + e["dataLength"]))
    cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], e["encodedDataLength"]))
    note_load(f"bytes {urlsplit(url).path}")
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    totals: dict[str, dict[str, int]] = {}
    for request_id, (resource_type, response_url, mime) in responses.items():
        if not response_url.startswith("http"):
            continue
        kind = kind_of(resource_type, response_url, mime)
        entry = totals.setdefault(kind, {"wire": 0, "body": 0, "requests": 0})
        entry["wire"] += wire.get(request_id, 0)
        entry["body"] += body.get(request_id, 0)
        entry["requests"] += 1
    return totals


def measure_bytes(base_url: str, paths: list[str]) -> dict[str, dict[str, dict]]:
    from playwright.sync_api import sync_playwright

    results: dict[str, dict[str, dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])
        for path in paths:
            results[path] = {}
            for compressed in (True, False):
                StaticHost.compress = compressed
                results[path]["gzip" if compressed else "identity"] = page_bytes(browser, base_url + path)
        StaticHost.compress = True
        browser.close()
    return results


# The first search on a page just loaded: the reader opens the box with "/" and types the word at
# TYPING_DELAY_MS a key (a brisk typist). Timed in the page: from the key up of the last letter to
# the results on screen (Material sends the query on key up), and from focus in the box. The index
# is only requested once the box has focus, so its download and the index build happen meanwhile.
TYPING_DELAY_MS = 80
WATCH_FIRST_SEARCH = """() => {
  const list = document.querySelector(".md-search-result__list");
  const input = document.querySelector("input.md-search__input");
  let focusAt = null, lastKeyAt = null;
  input.addEventListener("focus", () => { focusAt ??= performance.now(); });
  input.addEventListener("keyup", () => { lastKeyAt = performance.now(); });
  window.__firstSearch = expected => new Promise(resolve => {
    const done = () => {
      if (input.value !== expected || lastKeyAt === null || !list.querySelector(".md-search-result__item")) return false;
      const now = performance.now();
      resolve({ fromLastKey: now - lastKeyAt, fromFocus: now - focusAt });
      return true;
    };
    new MutationObserver((_, observer) => { if (done()) observer.disconnect(); }).observe(list, { childList: true, subtree: true });
  });
}"""


def measure_first_search(base_url: str, queries: dict[str, str], runs: int) -> dict[str, list[dict]]:
    """For each language, the first search on a freshly loaded page: milliseconds from the last key
    and from focus in the box to the results."""
    from playwright.sync_api import sync_playwright

    results: dict[str, list[dict]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path, query in queries.items():
            results[path] = []
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.goto(base_url + path, wait_until="networkidle")
                note_load(f"search {path}")
                page.evaluate(WATCH_FIRST_SEARCH)
                page.evaluate("query => { window.__firstAnswer = window.__firstSearch(query); }", query)
                page.keyboard.press("/")
                page.locator("input.md-search__input").press_sequentially(query, delay=TYPING_DELAY_MS)
                results[path].append(page.evaluate("window.__firstAnswer"))
                context.close()
        browser.close()
    return results


def read_ci_time(path: Path) -> dict | None:
    """The full suite's wall time, written by bench/time_ci.py (seconds, load, commit, date)."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def total(kinds: dict[str, dict[str, int]], key: str = "wire") -> int:
    return sum(entry[key] for entry in kinds.values())


def planner_sizes() -> dict[str, dict[str, int]]:
    """Bytes of each of the planner's own files as the build serves them (minified), raw and
    gzipped as the static host sends them."""
    from wilguide.minify import minified

    sizes = {}
    for name in PLANNER_ASSETS:
        source = ROOT / name
        body = minified(source.suffix, source.read_text(encoding="utf-8")).encode()
        sizes[name] = {"raw": len(body), "gzip": len(gzip.compress(body, compresslevel=6, mtime=0))}
    return sizes


# ---------------------------------------------------------------------------------------------
# Lighthouse


WATCHED_AUDITS = ("hreflang", "unsized-images")


def lighthouse(url: str, form_factor: str) -> dict:
    command = [
        str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
        "--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    note_load(f"lighthouse {form_factor} {urlsplit(url).path}")
    result = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = sorted(
        {
            f"{audit_id}: {report['audits'][audit_id]['title']}"
            for name in CATEGORIES if name != "performance"
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] > 0
            for audit_id in [ref["id"]]
            if report["audits"][audit_id]["score"] is not None and report["audits"][audit_id]["score"] < 1
        }
    )
    metrics = {key: report["audits"][key]["numericValue"] for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")}
    # Issue 16: the hreflang links are read (an audit on a page without them is "not applicable"),
    # and images carry their size.
    watched = {audit_id: (report["audits"][audit_id].get("score"), report["audits"][audit_id].get("scoreDisplayMode"))
               for audit_id in WATCHED_AUDITS if audit_id in report["audits"]}
    return {"scores": scores, "failing": failing, "metrics": metrics, "watched": watched}


def run_lighthouse(base_url: str, pages: list[str], runs: int, form_factors=("mobile", "desktop"), warmups: int = 1) -> dict[str, dict[str, dict]]:
    """Median of ``runs`` per page and form factor, after ``warmups`` discarded runs of the first
    page: the first launches of Chromium and Lighthouse read their files from disk, and their
    time lands on the first page's total blocking time (the home page's ran 106–198 ms in first
    runs and 29–34 ms in later ones of the same build)."""
    for form_factor in form_factors:
        for _ in range(warmups):
            lighthouse(base_url + pages[0], form_factor)
    results: dict[str, dict[str, dict]] = {}
    for path in pages:
        results[path] = {}
        for form_factor in form_factors:
            samples = [lighthouse(base_url + path, form_factor) for _ in range(runs)]
            results[path][form_factor] = {
                "scores": {name: statistics.median(s["scores"][name] for s in samples) for name in CATEGORIES},
                "runs": [s["scores"] for s in samples],
                "failing": sorted({item for s in samples for item in s["failing"]}),
                "metrics": {key: statistics.median(s["metrics"][key] for s in samples) for key in samples[0]["metrics"]},
                "tbt_runs": [s["metrics"]["total-blocking-time"] for s in samples],
                "watched": {audit_id: sorted({str(s["watched"].get(audit_id)) for s in samples}) for audit_id in WATCHED_AUDITS},
            }
            print(f"  lighthouse {form_factor:7} /{path}: {results[path][form_factor]['scores']}", flush=True)
    return results


# ---------------------------------------------------------------------------------------------
# Report


def template_costs(runs: int) -> dict[str, list[float]]:
    """Seconds the templates add to a build, measured in this process on the project's sources:
    their downloads (PDF, Word and the share of the ZIP) with an empty generator cache and with a
    warm one, in both languages, and the rendering of their pages' Markdown (every build)."""
    sys.path.insert(0, str(ROOT))
    from wilguide import cache as generator_cache
    from wilguide.checklists import load_all
    from wilguide.checklists.downloads import produce_downloads
    from wilguide.checklists.web import render_checklist_markdown
    from wilguide.checklists.examples import load_example_goals

    languages = ["fr", "en"]
    loaded = load_all(ROOT / "docs", languages)
    templates = {lang: [c for c in loaded[lang].values() if c.kind == "template"] for lang in languages}
    values = {"publisher": "Benchmark"}
    times: dict[str, list[float]] = {"cold": [], "warm": [], "pages": []}
    previous = os.environ.get("WILGUIDE_CACHE_DIR")
    for run in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="wilguide-bench-templates-"))
        os.environ["WILGUIDE_CACHE_DIR"] = str(folder)
        try:
            for key in ("cold", "warm"):
                start = time.perf_counter()
                for lang in languages:
                    produce_downloads(templates[lang], lang, values)
                times[key].append(time.perf_counter() - start)
            start = time.perf_counter()
            examples = load_example_goals(languages)
            for lang in languages:
                downloads = produce_downloads(templates[lang], lang, values)
                for template in templates[lang]:
                    markdown = template.path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
                    render_checklist_markdown(markdown, template, downloads, f"toolkit/{template.slug}.md", examples)
            times["pages"].append(time.perf_counter() - start)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if previous is None:
        os.environ.pop("WILGUIDE_CACHE_DIR", None)
    else:
        os.environ["WILGUIDE_CACHE_DIR"] = previous
    assert generator_cache.generated_count.get("checklists-pdf", 0) == 4 * runs  # each cold run made the 4 PDFs
    return times


def template_rows(times: dict[str, list[float]]) -> list[str]:
    labels = {
        "cold": "PDF and Word files of both templates, both languages, empty cache (first build)",
        "warm": "The same, warm cache (every later build)",
        "pages": "Rendering both templates' pages, both languages (every build)",
    }
    return [
        "| What the templates add | Seconds (median; every run) |",
        "|---|---|",
        *[f"| {labels[key]} | {median(values):.3f} ({', '.join(f'{v:.3f}' for v in values)}) |" for key, values in times.items()],
    ]


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "0")
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines() if line.startswith("PRETTY_NAME")), platform.platform())

    def version(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        except (OSError, IndexError):
            return "?"

    import importlib.metadata as metadata

    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Memory": f"{int(memory) / 1024 / 1024:.1f} GiB",
        "OS": os_name,
        "Python": platform.python_version(),
        "mkdocs / material / i18n": " / ".join(metadata.version(p) for p in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")),
        "Chromium": version(CHROMIUM, "--version"),
        "Node / Lighthouse": f"{version('node', '--version')} / {version(str(LIGHTHOUSE), '--version') if LIGHTHOUSE.exists() else 'not installed'}",
        "Load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def seconds_cell(values: list[float]) -> str:
    """The median, then every run: '2.95 (2.74, 3.17, ...)'."""
    return f"{median(values):.2f} ({', '.join(f'{t:.2f}' for t in values)})"


def median(values: list[float]) -> float:
    return statistics.median(values)


def kib(n: float) -> str:
    return f"{n / 1024:.1f}"


def mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def render_report(info, runs, ours: BuildTimes | None, plain: BuildTimes | None, profiles, bytes_ours, bytes_plain_home, lh, lh_runs, planner,
                  first_search=None, ci_time=None, templates=None,
                  serve: tuple[ServeTimes, ServeTimes] | None = None, cold: tuple[list[float], list[float]] | None = None,
                  baselines: ColdBaselines | None = None) -> str:
    """The report; a section left out of the run (``--only``, ``--skip-*``) is left out of the report,
    but for the rebuild target, which says it was not measured."""
    lines = [
        "# Benchmark report",
        "",
        f"Generated by `bench/run.py` on {datetime.date.today().isoformat()}. Re-run it on an idle machine to refresh.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {key} | {value} |" for key, value in info.items()],
        "",
        "## Targets",
        "",
    ]
    ratio = median(ours.unchanged) / median(plain.unchanged) if ours else None
    planner_raw, planner_gzip = (sum(entry[key] for entry in planner.values()) for key in ("raw", "gzip"))
    target_rows = [
        ("Rebuild with nothing changed ≤ 1.2 × plain Material + i18n",
         f"{ratio:.2f} × (load {load_range('build unchanged')})" if ratio else "not measured in this run (`--skip-builds`, or `--only` without `builds`)",
         bool(ratio) and ratio <= TARGET_REBUILD_RATIO),
    ]
    cold_ours, cold_plain = (ours.cold, plain.cold) if ours else cold if cold else (None, None)
    if cold_ours and baselines:
        now, before, one = median(cold_ours), median(baselines.before), median(baselines.one_worker)
        target_rows.append((f"Clean build, cold cache ≤ half the build before parallel typesetting (commit {BEFORE_PARALLEL_COMMIT}, built in this run)",
                            f"{now:.2f} s against {before:.2f} s ({now / before:.2f} ×); today's content typeset by one worker: "
                            f"{one:.2f} s ({now / one:.2f} ×) (load {load_range('build cold')})", now <= before * TARGET_COLD_RATIO))
    if serve:
        reload_ratio = median(serve[0].reloaded) / median(serve[1].reloaded)
        target_rows.append((f"serve: edit one page → page reloaded ≤ {TARGET_SERVE_RELOAD_RATIO:g} × plain",
                            f"{reload_ratio:.2f} × ({median(serve[0].reloaded):.2f} s against {median(serve[1].reloaded):.2f} s; "
                            f"load {format_loads(serve[0].load + serve[1].load)})", reload_ratio <= TARGET_SERVE_RELOAD_RATIO))
    if bytes_ours:
        home_ours = total(bytes_ours[""]["gzip"])
        home_plain = total(bytes_plain_home["gzip"])
        target_rows.append(("Home page (fr) transfers < plain home page + 10 KiB (gzip)", f"{kib(home_ours)} KiB vs {kib(home_plain)} + 10 KiB (load {load_range(f'bytes {SITE_PATH}')})",
                            home_ours < home_plain + TARGET_HOME_EXTRA_BYTES))
    target_rows.append(("Planner's own JS + CSS < 15 KiB before compression", f"{kib(planner_raw)} KiB ({kib(planner_gzip)} KiB gzip)", planner_raw < TARGET_PLANNER_BYTES))
    for path in bytes_ours or {}:
        limit = TARGET_PLANNER_PAGE_BYTES if "planner" in path else TARGET_HOME_BYTES if path in ("", "en/") else None
        if limit:
            sent = total(bytes_ours[path]["gzip"])
            target_rows.append((f"/{path} transfers ≤ {limit // 1024} KiB (gzip, cold load, search index not loaded)", f"{kib(sent)} KiB (load {load_range(f'bytes {SITE_PATH}{path}')})", sent <= limit))
    for path, times in (first_search or {}).items():
        from_key = [t["fromLastKey"] for t in times]
        from_focus = ", ".join(f"{t['fromFocus']:.0f}" for t in times)
        target_rows.append((f"First search on /{path} answers ≤ {TARGET_FIRST_SEARCH_MS} ms after the last key (median of {len(times)}; typed at {TYPING_DELAY_MS} ms a key after opening the box)",
                            f"{median(from_key):.0f} ms ({', '.join(f'{t:.0f}' for t in from_key)}; from focus: {from_focus}; load {load_range(f'search {path}')})", median(from_key) <= TARGET_FIRST_SEARCH_MS))
    if lh:
        mobile = [lh[p]["mobile"]["scores"] for p in lh]
        worst = {name: min(s[name] for s in mobile) for name in CATEGORIES}
        worst_tbt = max(lh[p]["mobile"]["metrics"]["total-blocking-time"] for p in lh)
        loads = [load for p in lh for load in LOADS.get(f"lighthouse mobile {SITE_PATH}{p}", [])]
        mobile_loads = f"{min(loads):.1f}–{max(loads):.1f}" if loads else "?"
        target_rows += [
            ("Lighthouse mobile performance ≥ 95 on every sampled page", f"lowest {worst['performance']:g}", worst["performance"] >= TARGET_MOBILE_PERFORMANCE),
            (f"Lighthouse mobile performance ≥ {TARGET_MOBILE_PERFORMANCE_NOW} on every sampled page (median of {lh_runs})", f"lowest {worst['performance']:g} (load {mobile_loads})", worst["performance"] >= TARGET_MOBILE_PERFORMANCE_NOW),
            (f"Lighthouse mobile total blocking time ≤ {TARGET_MOBILE_TBT_MS} ms on every sampled page (median of {lh_runs})", f"highest {worst_tbt:.0f} ms (load {mobile_loads})", worst_tbt <= TARGET_MOBILE_TBT_MS),
            *[(f"Lighthouse mobile {name} = 100 on every sampled page", f"lowest {worst[name]:g}", worst[name] >= TARGET_OTHER_SCORES) for name in CATEGORIES[1:]],
        ]
    if ci_time:
        target_rows.append(("Full test suite (`.ci/run`) wall time, for the record (issue 18)",
                            f"{ci_time['seconds'] / 60:.1f} min, {'passed' if ci_time['passed'] else 'FAILED'} (measured {ci_time['date']} at {ci_time['commit']}, "
                            f"load {ci_time['load_start']:.1f} at start, {ci_time['load_end']:.1f} at end"
                            + (f"; {ci_time['cpu_seconds']:.0f} s of CPU on {ci_time['cores']} cores, so at least "
                               f"{ci_time['cpu_seconds'] / ci_time['cores'] / 60:.1f} min" if "cpu_seconds" in ci_time else "") + ")",
                            ci_time["passed"]))
    else:
        target_rows.append(("Full test suite (`.ci/run`) wall time, for the record (issue 18)", "not measured: run `bench/time_ci.py` first", False))
    lines += ["| Target | Measured | |", "|---|---|---|", *[f"| {t} | {m} | {mark(ok)} |" for t, m, ok in target_rows], ""]
    lines += [
        "The load average (1 minute, 2 cores) is given next to each figure that depends on the machine: on a shared "
        "machine a figure measured under load says more about the load than about the site.",
        "",
    ]
    if ratio and ratio > TARGET_REBUILD_RATIO and profiles:
        (_, whole), *hooks = profiles[0][1]
        slowest = ", ".join(f"`{name}` ({seconds / whole:.0%})" for name, seconds in hooks[:4])
        lines += [
            f"The rebuild target is not met: the plain build's work is {1 / ratio:.0%} of the project's rebuild. "
            f"The largest extra costs, as shares of one profiled rebuild with nothing changed: {slowest}. "
            "Details under *Where the project's build time goes*.",
            "",
        ]

    if serve:
        lines += render_serve(*serve)
    if cold_ours and baselines:
        lines += render_cold(cold_ours, cold_plain, baselines)
    if not ours:
        lines += ["## Build time", "", "Not measured in this run (`--skip-builds`, or `--only` without `builds`).", ""]
    else:
        lines += [
            "## Build time",
            "",
            f"Seconds, median of {runs} runs (wall clock of `mkdocs build`, Python start-up included; every run listed; "
            "the project and the plain build take turns, run by run). "
            f"The project builds with `--strict`. *Plain* is the same Markdown and `mkdocs.yml` without `hooks:`, "
            "`custom_dir`, `extra_css` and `extra_javascript`: Material + i18n alone (placeholders stay as text). "
            f"The edit appends a sentence to `{EDITED_PAGE}`. *Cold* empties the generator cache "
            "(`WILGUIDE_CACHE_DIR`: PDF, Word and ZIP files, page IDs, passed content checks) as well as the "
            "site folder. Python's bytecode cache is on for both builds, as on an editor's machine.",
            "",
            "| Build | Project | Plain | Ratio | Load |",
            "|---|---|---|---|---|",
        ]
        for label, key in (("Clean, cold cache", "cold"), ("Clean, warm cache", "clean"), ("Rebuild, nothing changed", "unchanged"), ("Rebuild after editing one page", "edited")):
            mine, base = getattr(ours, key), getattr(plain, key)
            lines.append(
                f"| {label} | {seconds_cell(mine)} | {seconds_cell(base)} | {median(mine) / median(base):.2f} × | {load_range(f'build {key}')} |"
            )
        lines += ["", "### Where the project's build time goes", "",
                  "Cumulative seconds in each hook function during one profiled build, and in importing each hook "
                  "module with what it imports (cProfile slows everything down by a similar factor: read the shares, "
                  "not the absolute values). Rows under 0.01 s are left out.", ""]
        for title, rows in profiles:
            lines += [f"**{title}**", "", "| Function | Seconds |", "|---|---|"]
            lines += [f"| {name} | {seconds:.2f} |" for name, seconds in rows if seconds >= 0.01]
            lines.append("")

    if bytes_ours:
        lines += render_bytes(bytes_ours, bytes_plain_home)

    lines += [
        f"{'###' if bytes_ours else '##'} The planner's own JavaScript and CSS",
        "",
        "Bytes of the files as served (the build strips their comments and spaces, `wilguide/minify.py`; "
        "no bundler, and names are kept), and gzipped at "
        "level 6 one by one, as the static host sends them. Only the planner pages load them.",
        "",
        "| File | Raw | gzip |",
        "|---|---|---|",
        *[f"| `{name}` | {entry['raw']:,} | {entry['gzip']:,} |" for name, entry in planner.items()],
        f"| **total** | **{planner_raw:,}** ({kib(planner_raw)} KiB) | **{planner_gzip:,}** ({kib(planner_gzip)} KiB) |",
        "",
    ]

    if lh:
        lines += [
            "## Lighthouse",
            "",
            f"Lighthouse {info['Node / Lighthouse'].split(' / ')[-1]} with Debian's Chromium (headless), median of {lh_runs} runs per page "
            "and form factor (default mobile emulation with simulated throttling; `--preset=desktop`). "
            "Pages served by the same local gzip server. Before the first page, the bench waits for the load its own builds "
            "left to fall under 1 (at most 3 minutes) and makes warm-up runs it does not count (`--lighthouse-warmups`, "
            "default 1 per form factor): the first launches of Chromium and Lighthouse read their files from disk.",
            "",
            "| Page | Form factor | Performance | Accessibility | Best practices | SEO | LCP (ms) | TBT (ms) | TBT each run (ms) | CLS | Load |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for path, by_form in lh.items():
            for form_factor, result in by_form.items():
                s, m = result["scores"], result["metrics"]
                lines.append(
                    f"| /{path} | {form_factor} | {s['performance']:g} | {s['accessibility']:g} | {s['best-practices']:g} | {s['seo']:g} | "
                    f"{m['largest-contentful-paint']:.0f} | {m['total-blocking-time']:.0f} | {', '.join(f'{t:.0f}' for t in result.get('tbt_runs', []))} | "
                    f"{m['cumulative-layout-shift']:.3f} | {load_range(f'lighthouse {form_factor} {SITE_PATH}{path}')} |"
                )
        failing = sorted({item for by_form in lh.values() for result in by_form.values() for item in result["failing"]})
        lines += ["", "Audits below full score in accessibility, best practices or SEO in any run: " + ("none." if not failing else "")]
        lines += [f"- {item}" for item in failing]
        lines += ["", "Audits watched for issue 16, on every sampled page and run (score, display mode):", ""]
        for audit_id in WATCHED_AUDITS:
            seen = sorted({value for by_form in lh.values() for result in by_form.values() for value in result.get("watched", {}).get(audit_id, [])})
            lines.append(f"- `{audit_id}`: {', '.join(seen) or 'not reported'}")
        lines += [
            "",
            "The hreflang links are plain `rel=\"alternate\"` links (with `x-default`): `(1, 'binary')` means the audit read "
            "them and found them valid; `notApplicable` would mean it found none.",
            "",
        ]
    if templates:
        lines += [
            "## Fill-in templates",
            "",
            "What the learning plan and the mentoring agreement add, measured apart from the builds above "
            "(in one Python process, on the project's sources). The cold cost is paid once, on the first build "
            "after a template changes; a warm rebuild only looks the files up in the cache and renders the pages. "
            "Their pages also enter the guide PDF, which is typeset again whenever any page changes.",
            "",
            *template_rows(templates),
            "",
        ]
    return "\n".join(lines) + "\n"


def render_cold(ours: list[float], plain: list[float], baselines: ColdBaselines) -> list[str]:
    return [
        "## Clean build, cold cache",
        "",
        "Seconds (wall clock of `mkdocs build --strict`), median of the runs (every run listed); the builds take turns, "
        "run by run, and the generator cache and the site folder are emptied before each run. *Before* is commit "
        f"`{BEFORE_PARALLEL_COMMIT}`, the last one that typeset every PDF in the build's own process, exported from git "
        "and built with today's packages. *One worker* is today's project with `WILGUIDE_WORKERS=1`: the same work, "
        "typeset one document at a time beside the build. *Words*: all the Markdown pages of both languages, a measure "
        "of what the guide PDFs typeset.",
        "",
        "| Build | Seconds | Ratio to the project | Words | Load |",
        "|---|---|---|---|---|",
        f"| Project | {seconds_cell(ours)} | 1.00 × | {baselines.words_now:,} | {load_range('build cold')} |",
        f"| Project, one worker | {seconds_cell(baselines.one_worker)} | {median(baselines.one_worker) / median(ours):.2f} × | {baselines.words_now:,} | |",
        f"| Before ({BEFORE_PARALLEL_COMMIT}) | {seconds_cell(baselines.before)} | {median(baselines.before) / median(ours):.2f} × | {baselines.words_before:,} | |",
        f"| Plain Material + i18n | {seconds_cell(plain)} | {median(plain) / median(ours):.2f} × | {baselines.words_now:,} | |",
        "",
    ]


def render_serve(ours: ServeTimes, plain: ServeTimes) -> list[str]:
    return [
        "## Preview (`mkdocs serve`)",
        "",
        f"Seconds from saving an edit of `{EDITED_PAGE}` until the served page shows it (the server rebuilt "
        "and wrote it), median of the edits (every edit listed), project and plain each under its own "
        "`mkdocs serve`. For the project, also until the served French guide PDF was "
        "replaced by one typeset from the edited pages (it is typeset in a background process, so the "
        "page does not wait for it). Each edit starts once the previous one has caught up. "
        "*Load*: the load average at the project's edits, then at plain's.",
        "",
        "| Step | Project | Plain | Ratio | Load |",
        "|---|---|---|---|---|",
        f"| serve: edit one page → page reloaded | {seconds_cell(ours.reloaded)} | {seconds_cell(plain.reloaded)} | "
        f"{median(ours.reloaded) / median(plain.reloaded):.2f} × | {format_loads(ours.load)}; {format_loads(plain.load)} |",
        f"| serve: PDF caught up | {seconds_cell(ours.pdf_caught_up)} | — | — | {format_loads(ours.load)} |",
        "",
    ]


def render_bytes(bytes_ours, bytes_plain_home) -> list[str]:
    lines = [
        "## Bytes transferred",
        "",
        "One cold load in Chromium (new profile, no cache) until the network is idle, from a local static "
        "server that gzips text when asked (level 6), as a static host does. *Wire* is what Chromium's "
        "network log counts as transferred (headers included); *body* is the decoded size. KiB.",
        "",
        "| Page | Kind | Requests | Wire, gzip | Wire, no compression | Body |",
        "|---|---|---|---|---|---|",
    ]

    def rows_for(label: str, result: dict) -> list[str]:
        kinds = sorted(set(result["gzip"]) | set(result["identity"]))
        out = []
        for kind in kinds:
            g, i = result["gzip"].get(kind, {"wire": 0, "body": 0, "requests": 0}), result["identity"].get(kind, {"wire": 0, "body": 0, "requests": 0})
            out.append(f"| {label} | {kind} | {g['requests']} | {kib(g['wire'])} | {kib(i['wire'])} | {kib(g['body'])} |")
        out.append(f"| {label} | **total** | {sum(e['requests'] for e in result['gzip'].values())} | **{kib(total(result['gzip']))}** | **{kib(total(result['identity']))}** | {kib(total(result['gzip'], 'body'))} |")
        return out

    for path, result in bytes_ours.items():
        lines += rows_for(f"/{path}", result)
    lines += rows_for("/ (plain)", bytes_plain_home)
    lines += ["", "Load average while each page was measured: " + ", ".join(f"/{path} {load_range(f'bytes {SITE_PATH}{path}')}" for path in bytes_ours) + "."]
    lines += ["", "Fonts: none (the theme uses the system font stack, `theme.font: false`).", ""]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs per build measurement (default 7)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page and form factor (default 3)")
    parser.add_argument("--lighthouse-warmups", type=int, default=1, help="discarded Lighthouse runs before measuring (default 1)")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-builds", action="store_true", help="no build timings or profiles: one build of each site, to measure pages")
    parser.add_argument("--mobile-only", action="store_true", help="Lighthouse on the mobile form factor only (the targets are mobile)")
    parser.add_argument("--search-runs", type=int, default=3, help="first-search timings per language (default 3)")
    parser.add_argument("--serve-edits", type=int, default=5, help="edits under mkdocs serve (default 5)")
    parser.add_argument("--ci-time", type=Path, default=CI_TIME, help=f"the suite's wall time from bench/time_ci.py (default {CI_TIME.relative_to(ROOT)})")
    parser.add_argument("--output", type=Path, default=REPORT)
    parser.add_argument("--templates-only", action="store_true", help="print the templates' build cost and stop")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to run, among {', '.join(SECTIONS)} (default: all; "
                        "'cold' alone times only the cold clean build, which 'builds' includes)")
    args = parser.parse_args()
    if args.templates_only:
        print("\n".join(template_rows(template_costs(max(1, min(args.runs, 3))))))
        return
    only = set(args.only.split(","))
    if only - set(SECTIONS):
        raise SystemExit(f"unknown section(s): {', '.join(sorted(only - set(SECTIONS)))}; choose among {', '.join(SECTIONS)}")
    if args.skip_lighthouse:
        only.discard("lighthouse")
    if args.skip_builds:
        only.discard("builds")
    if "lighthouse" in only and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is missing: run (cd bench && npm ci --ignore-scripts) first")

    info = machine()
    info["Options of this run"] = " ".join(f"`{arg}`" for arg in sys.argv[1:]) or "defaults"
    print(f"Load average: {info['Load average at start']} (run on an idle machine for stable numbers)", flush=True)
    work = Path(tempfile.mkdtemp(prefix="wilguide-bench-"))
    try:
        ours_port, plain_port = free_port(), free_port()
        project = copy_project(work / "project")
        plain_project = copy_project(work / "plain")
        base_env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        # As on an editor's machine, Python keeps the project's compiled modules between builds.
        # Some sandboxes turn that off; installed packages (MkDocs, Material) are compiled at install
        # time either way, so leaving it off would charge only the project's hooks for compiling.
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        cache = work / "cache"
        ours = Build(project, project / "mkdocs.yml", work / "site", dict(base_env, SITE_URL=f"http://127.0.0.1:{ours_port}{SITE_PATH}", WILGUIDE_CACHE_DIR=str(cache)), strict=True)
        plain = Build(plain_project, write_plain_config(plain_project), work / "plain-site", dict(base_env, SITE_URL=f"http://127.0.0.1:{plain_port}{SITE_PATH}"), strict=False)

        ours_times = plain_times = profiles = cold = baselines = None
        if {"builds", "cold"} & only:
            before_project = export_commit(BEFORE_PARALLEL_COMMIT, work / "before")
            before = Build(before_project, before_project / "mkdocs.yml", work / "before-site",
                           dict(ours.env, WILGUIDE_CACHE_DIR=str(work / "before-cache")), strict=True)
            one_worker = Build(project, project / "mkdocs.yml", work / "one-worker-site",
                               dict(ours.env, WILGUIDE_CACHE_DIR=str(work / "one-worker-cache"), WILGUIDE_WORKERS="1"), strict=True)
            baselines = ColdBaselines(words_before=markdown_words(before_project), words_now=markdown_words(project))
            also_cold = [(before, work / "before-cache", baselines.before), (one_worker, work / "one-worker-cache", baselines.one_worker)]
        if "builds" in only:
            print("Timing builds (project and plain, in turns; before and one worker in the cold runs)...", flush=True)
            ours_times, plain_times = time_builds([(ours, cache), (plain, None)], args.runs, also_cold)
            print("Profiling hooks...", flush=True)
            profiles = [
                ("Rebuild, nothing changed", profile_hooks(ours, None)),
                ("Rebuild after editing one page", profile_hooks(ours, args.runs + 1)),
            ]
        elif "cold" in only:
            print("Timing cold clean builds (project, plain, before, one worker, in turns)...", flush=True)
            cold = tuple(time_cold_builds([(ours, cache), (plain, None)], args.runs, also_cold))
            print(f"  cold: project {cold[0]}, plain {cold[1]}, before {baselines.before}, one worker {baselines.one_worker} "
                  f"(load {load_range('build cold')})", flush=True)
        elif (ROOT / ".cache" / "wilguide").is_dir():  # the generated files need not be measured
            shutil.copytree(ROOT / ".cache" / "wilguide", cache)

        serve = None
        if "serve" in only:
            print("Timing edits under mkdocs serve (project, then plain)...", flush=True)
            serve = (time_serve(ours, args.serve_edits, with_pdf=True), time_serve(plain, args.serve_edits, with_pdf=False))

        bytes_ours = bytes_plain_home = first_search = None
        lh = {}
        if {"bytes", "search", "lighthouse"} & only:
            ours.run()  # the site that is measured below: current content, warm cache
            plain.run()
            servers = []
            for site, port in ((ours.site, ours_port), (plain.site, plain_port)):
                handler = type("Host", (StaticHost,), {"site": site})
                server = ThreadingHTTPServer(("127.0.0.1", port), handler)
                threading.Thread(target=server.serve_forever, daemon=True).start()
                servers.append(server)
            ours_url = f"http://127.0.0.1:{ours_port}{SITE_PATH}"
            plain_url = f"http://127.0.0.1:{plain_port}{SITE_PATH}"
            try:
                if "bytes" in only:
                    print("Measuring bytes...", flush=True)
                    bytes_ours = measure_bytes(ours_url, BYTES_PAGES)
                    bytes_plain_home = measure_bytes(plain_url, [""])[""]
                if "search" in only:
                    print("Timing the first search...", flush=True)
                    first_search = measure_first_search(ours_url, SEARCH_QUERIES, args.search_runs)
                if "lighthouse" in only:
                    print(f"Waiting for the machine to settle before Lighthouse (load {os.getloadavg()[0]:.2f})...", flush=True)
                    print(f"Running Lighthouse (load {settle():.2f})...", flush=True)
                    lh = run_lighthouse(ours_url, LIGHTHOUSE_PAGES, args.lighthouse_runs, ("mobile",) if args.mobile_only else ("mobile", "desktop"),
                                        args.lighthouse_warmups)
            finally:
                for server in servers:
                    server.shutdown()

        templates = None
        if "templates" in only:
            print("Timing the templates...", flush=True)
            templates = template_costs(3)
        info["Load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        args.output.write_text(
            render_report(info, args.runs, ours_times, plain_times, profiles, bytes_ours, bytes_plain_home, lh, args.lighthouse_runs, planner_sizes(),
                          first_search, read_ci_time(args.ci_time), templates, serve=serve, cold=cold, baselines=baselines),
            encoding="utf-8",
        )
        print(f"Wrote {args.output}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
