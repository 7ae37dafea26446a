"""Whole builds of a project copy: the guide PDF's cache across builds, and the skip switch of serve.

Each test uses its own cache folder, seeded with the project's other generated files (checklists…)
but no guide PDF, so the guide is typeset from scratch while the rest is reused.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pypdf
import pytest

from conftest import ROOT, build_env, mkdocs_build

pytestmark = pytest.mark.slow
LANGUAGES = {"fr": "", "en": "en/"}


def seeded_cache(tmp_path: Path) -> Path:
    target = tmp_path / "cache"
    source = ROOT / ".cache" / "wilguide"
    if source.is_dir():
        shutil.copytree(source, target, ignore=lambda folder, names: [n for n in names if n.startswith("guide-pdf")])
    target.mkdir(exist_ok=True)
    return target


def guide_pdfs(site: Path) -> dict[str, Path]:
    found = {}
    for lang, prefix in LANGUAGES.items():
        pdfs = sorted((site / prefix / "downloads").glob("*.pdf"))
        assert len(pdfs) == 1, f"expected one guide PDF in {site / prefix / 'downloads'}, found {pdfs}"
        found[lang] = pdfs[0]
    return found


def test_an_unchanged_guide_is_reused_and_a_changed_page_typesets_its_language_again(project_copy, tmp_path):
    cache = seeded_cache(tmp_path)
    env = {"WILGUIDE_CACHE_DIR": str(cache), "WILGUIDE_SKIP_GUIDE_PDF": "1"}  # ignored by mkdocs build

    first = mkdocs_build(project_copy, tmp_path / "site1", **env)
    assert first.returncode == 0, first.stderr[-4000:]
    assert "WILGUIDE_SKIP_GUIDE_PDF only applies to mkdocs serve" in first.stderr
    for lang in LANGUAGES:
        assert f"guide PDF ({lang}): typeset in" in first.stderr
    first_pdfs = guide_pdfs(tmp_path / "site1")

    second = mkdocs_build(project_copy, tmp_path / "site2", **env)
    assert second.returncode == 0, second.stderr[-4000:]
    for lang in LANGUAGES:
        assert f"guide PDF ({lang}): unchanged, reused from the cache" in second.stderr
        assert guide_pdfs(tmp_path / "site2")[lang].read_bytes() == first_pdfs[lang].read_bytes()
    assert "typeset in" not in second.stderr

    page = project_copy / "docs" / "fr" / "why-mentoring.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\nUne phrase ajoutée par le test du cache.\n", encoding="utf-8")
    third = mkdocs_build(project_copy, tmp_path / "site3", **env)
    assert third.returncode == 0, third.stderr[-4000:]
    assert "guide PDF (fr): typeset in" in third.stderr
    assert "guide PDF (en): unchanged, reused from the cache" in third.stderr
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(guide_pdfs(tmp_path / "site3")["fr"]).pages)
    assert "Une phrase ajoutée par le test du cache." in " ".join(text.split())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_serve_can_skip_the_guide_pdf_and_the_downloads_page_says_so(project_copy, tmp_path):
    cache = seeded_cache(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
            cwd=project_copy,
            env=build_env(WILGUIDE_SKIP_GUIDE_PDF="1", WILGUIDE_CACHE_DIR=str(cache)),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}/guide-mentorat/"
        deadline = time.monotonic() + 240
        status = None
        while time.monotonic() < deadline:
            assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text()[-4000:]}"
            try:
                status, body = fetch(base + "downloads/")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        assert status == 200, f"mkdocs serve did not serve the downloads page:\n{log.read_text()[-4000:]}"
        for lang, prefix in LANGUAGES.items():
            status, body = fetch(base + prefix + "downloads/")
            row = lxml.html.fromstring(body).xpath("//tr[@data-download='guide']")[0]
            assert not row.xpath(".//a"), "no link to a PDF that was not built"
            assert "WILGUIDE_SKIP_GUIDE_PDF" in row.text_content()
        assert "guide PDF (fr): skipped" in log.read_text()
        assert not (cache / "guide-pdf").exists(), "nothing was typeset"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
