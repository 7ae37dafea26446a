"""Independent documents are typeset in worker processes; their errors still stop the build with
file:line, and a rebuild with everything cached starts no worker and never imports WeasyPrint."""

from __future__ import annotations

import json
import pickle
import selectors
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILD_TIMEOUT, ROOT, build_env, copy_generator_cache, mkdocs_build
from wilguide import workers
from wilguide.checklists import load_all
from wilguide.checklists.downloads import start_in_parallel
from wilguide.findings import ContentError, Finding

BROKEN_PAGE = Path("docs/en/toolkit/first-week.md")
BROKEN_TEXT = "Give a tour of the workplace"


def break_checklist(root: Path) -> int:
    """Hide a backspace (U+0008) in one item, as a bad paste would; return that item's line."""
    page = root / BROKEN_PAGE
    lines = page.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines, 1) if BROKEN_TEXT in line)
    lines[number - 1] = lines[number - 1].replace("Give a tour", "Give a tour\b", 1)
    page.write_text("\n".join(lines), encoding="utf-8")
    return number


def seeded_cache(tmp_path: Path) -> Path:
    return copy_generator_cache(tmp_path / "cache")


def test_a_content_error_keeps_its_file_and_line_across_processes():
    error = ContentError([Finding("docs/en/toolkit/x.md", 12, "a problem"), Finding("docs/fr/a.md", 3, "another")])
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == "docs/en/toolkit/x.md:12: a problem\ndocs/fr/a.md:3: another"
    assert copy.findings == error.findings


def test_a_checklist_error_raised_in_a_worker_process_names_its_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    for lang in ("fr", "en"):
        shutil.copytree(ROOT / "docs" / lang / "toolkit", tmp_path / "docs" / lang / "toolkit")
    line = break_checklist(tmp_path)
    broken = load_all(tmp_path / "docs", ["fr", "en"])["en"]["first-week"]
    started = workers.started_count[0]
    try:
        _, futures = start_in_parallel([broken], "en", {"publisher": "Test Publisher"})
        assert len(futures) == 2, "the PDF and the Word file, each in a worker"
        assert workers.started_count[0] == started + 1, "a worker pool was started"
        for future in futures:
            with pytest.raises(ContentError) as raised:
                future.result(timeout=600)
            assert str(raised.value).startswith(f"{BROKEN_PAGE.as_posix()}:{line}: invisible control character U+0008")
    finally:
        workers.shutdown(cancel=True)
    assert not list((tmp_path / "cache").glob("checklists-*/*")), "nothing half-written is cached"


@pytest.mark.slow
def test_a_build_stops_on_a_checklist_error_raised_in_a_worker(project_copy, tmp_path):
    line = break_checklist(project_copy)
    result = mkdocs_build(project_copy, tmp_path / "site", WILGUIDE_CACHE_DIR=str(seeded_cache(tmp_path)))
    assert result.returncode != 0
    assert f"{BROKEN_PAGE.as_posix()}:{line}: invisible control character U+0008" in result.stderr, result.stderr[-4000:]
    assert "Traceback" not in result.stderr


# Runs `mkdocs build` and records, when the process ends, whether WeasyPrint was imported and how
# many worker pools were started.
BUILD_AND_REPORT = """
import atexit, json, sys
report, site = sys.argv[1:3]

def write_report():
    workers = sys.modules.get("wilguide.workers")
    with open(report, "w") as handle:
        json.dump({"weasyprint": "weasyprint" in sys.modules, "pools": workers.started_count[0] if workers else None}, handle)

atexit.register(write_report)
sys.argv = ["mkdocs", "build", "--strict", "-d", site]
from mkdocs.__main__ import cli
cli()
"""


@pytest.mark.slow
def test_a_rebuild_with_everything_cached_starts_no_worker_and_does_not_import_weasyprint(project_copy, tmp_path):
    cache = seeded_cache(tmp_path)
    env = build_env(WILGUIDE_CACHE_DIR=str(cache))
    first = mkdocs_build(project_copy, tmp_path / "site1", WILGUIDE_CACHE_DIR=str(cache))  # fills what is missing
    assert first.returncode == 0, first.stderr[-4000:]

    report = tmp_path / "report.json"
    second = subprocess.run(
        [sys.executable, "-c", BUILD_AND_REPORT, str(report), str(tmp_path / "site2")],
        cwd=project_copy, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert second.returncode == 0, second.stderr[-4000:]
    assert json.loads(report.read_text()) == {"weasyprint": False, "pools": 0}
    assert (tmp_path / "site2" / "downloads" / "guide-de-mentorat-en-ait.pdf").read_bytes() == (
        tmp_path / "site1" / "downloads" / "guide-de-mentorat-en-ait.pdf"
    ).read_bytes()


def process_state(pid: int) -> str:
    """R, S, Z...: a process's state from /proc, or "gone"."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


def read_line_within(stream, seconds: float) -> str:
    """The next line a child process prints, or a failure if none comes within ``seconds``
    (instead of waiting for ever on a child that hangs before it prints)."""
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        if not selector.select(timeout=seconds):
            raise AssertionError(f"no line within {seconds} s")
    return stream.readline()


def test_workers_end_when_the_process_that_started_them_is_killed():
    """`mkdocs serve` stopped with SIGKILL (or SIGTERM, which Python does not clean up after)
    must not leave its typesetting workers behind, waiting for ever."""
    script = ("import os, time; from wilguide import workers; workers.submit(os.getpid).result(); "
              "print(*workers._pool[0]._processes, flush=True); time.sleep(120)")
    build = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(pid) for pid in read_line_within(build.stdout, 60).split()]
        assert pids  # (the pool starts its processes as jobs come)
        assert all(process_state(pid) not in ("gone", "Z") for pid in pids)
    finally:
        build.kill()
        build.wait(timeout=30)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(process_state(pid) not in ("gone", "Z") for pid in pids):
        time.sleep(0.2)
    left = {pid: process_state(pid) for pid in pids if process_state(pid) not in ("gone", "Z")}
    assert not left, f"workers still running after their parent was killed: {left}"
