"""Check every external link of the built site with LinkChecker, retry what fails, and say where
each broken link is cited.

LinkChecker crawls the built pages and checks each external URL once. What it reports as broken
is checked again after a pause (sites fail for a moment; a weekly report of those is noise), and
what still fails is reported with the Markdown files and lines that cite it. A permanent redirect
(301, 308) is a warning with the new address, so the citation can be updated; a temporary one is
normal web behaviour and is not reported.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CONFIG = Path(__file__).with_name("linkcheckerrc")
PERMANENT = re.compile(r"Redirected to `([^']+)' status: (301|308)\b")


@dataclass
class LinkResult:
    url: str
    ok: bool
    result: str  # LinkChecker's words: "404 Not Found", "ReadTimeout: …"
    warning: str = ""

    @property
    def permanent_redirect(self) -> str | None:
        """The new address when the URL moved for good."""
        match = PERMANENT.search(self.warning)
        return match.group(1) if match else None


@dataclass
class Report:
    broken: list[LinkResult] = field(default_factory=list)
    moved: list[LinkResult] = field(default_factory=list)
    citations: dict[str, list[str]] = field(default_factory=dict)  # url: ["docs/en/x.md:12", ...]
    checked: int = 0


def linkchecker(args: list[str], stdin: str | None = None, timeout: float = 3600) -> list[LinkResult]:
    """Run LinkChecker with the project's settings; one result per external URL it checked."""
    # LinkChecker run as root switches to the user "nobody", who cannot read a site built in a
    # private temporary folder (CI runs as root): keep the user who built the site.
    script = ("import sys; import linkcheck.command.linkchecker as cli; cli.drop_privileges = lambda: None; "
              "sys.argv[0] = 'linkchecker'; cli.linkchecker()")
    timeout_args = ["--timeout", os.environ["WILGUIDE_LINKCHECK_TIMEOUT"]] if os.environ.get("WILGUIDE_LINKCHECK_TIMEOUT") else []
    command = [sys.executable, "-c", script, "--config", str(CONFIG), "--check-extern",
               "--no-status", "--verbose", "--output", "csv", *timeout_args, *args]
    finished = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=timeout)
    if finished.returncode not in (0, 1):  # 1 means "some links are broken"
        raise RuntimeError(f"LinkChecker failed (exit {finished.returncode}): {finished.stderr.strip()[-2000:]}")
    rows = [line for line in finished.stdout.splitlines() if line and not line.startswith("#")]
    results = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        url = row["urlname"]
        if not url.startswith(("http://", "https://")):
            continue  # the site's own files: the test suite checks those on every build
        results.append(LinkResult(url, row["valid"] == "True", row["result"], row["warningstring"]))
    return results


def check_site(site_dir: Path, ignore: list[str], retries: int = 2, pause: float = 60.0,
               timeout: float = 3600) -> tuple[list[LinkResult], int]:
    """(results of the URLs still broken or moved after the retries, number of URLs checked)."""
    start_pages = [str(path) for path in sorted(site_dir.glob("**/index.html"))]
    ignore_args = [arg for pattern in ignore for arg in ("--ignore-url", pattern)]
    own = [re.compile(pattern) for pattern in ignore]
    results = {result.url: result for result in linkchecker([*ignore_args, *start_pages], timeout=timeout)
               if not any(pattern.search(result.url) for pattern in own)}
    checked = len(results)
    for _ in range(retries):
        failing = [url for url, result in results.items() if not result.ok]
        if not failing:
            break
        time.sleep(pause)
        # Checked again one by one from a list, so the retry does not crawl the site again.
        for result in linkchecker(["--stdin"], stdin="\n".join(failing) + "\n", timeout=timeout):
            results[result.url] = result
    return [r for r in results.values() if not r.ok or r.permanent_redirect], checked


def citations(docs_dir: Path, url: str) -> list[str]:
    """``file:line`` of every line of the Markdown sources that cites the URL."""
    root = docs_dir.parent
    places = []
    bare = url.rstrip("/")
    pattern = re.compile(re.escape(bare) + r"/?(?=[\s)\"'>\]]|$)")
    for path in sorted(docs_dir.rglob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                places.append(f"{path.relative_to(root).as_posix()}:{number}")
    return places


def build_report(results: list[LinkResult], docs_dir: Path, checked: int) -> Report:
    report = Report(checked=checked)
    for result in sorted(results, key=lambda r: r.url):
        (report.broken if not result.ok else report.moved).append(result)
        report.citations[result.url] = citations(docs_dir, result.url)
    return report


def report_markdown(report: Report, run_url: str = "") -> str:
    """The body of the one issue that lists broken links (opened or updated by the workflow)."""
    lines = [f"The weekly check of the built site's external links found {len(report.broken)} broken "
             f"link{'s' * (len(report.broken) != 1)} and {len(report.moved)} moved for good, "
             f"among {report.checked} checked. Each was checked again before this report."]
    if run_url:
        lines[0] += f" Run: {run_url}"
    if report.broken:
        lines += ["", "## Broken links", "", "| Link | Result | Cited at |", "|---|---|---|"]
        lines += [f"| {r.url} | {r.result} | {'<br>'.join(report.citations[r.url]) or 'not in the Markdown (theme or settings)'} |"
                  for r in report.broken]
    if report.moved:
        lines += ["", "## Moved permanently (update the citation)", "", "| Link | New address | Cited at |", "|---|---|---|"]
        lines += [f"| {r.url} | {r.permanent_redirect} | {'<br>'.join(report.citations[r.url]) or 'not in the Markdown'} |"
                  for r in report.moved]
    if not report.broken and not report.moved:
        lines += ["", "Every external link works."]
    return "\n".join(lines) + "\n"
