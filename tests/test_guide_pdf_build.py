"""`mkdocs serve` of a project copy may skip the guide PDF, and the downloads page then says so.

The test's cache is seeded with the project's other generated files (checklists…) but no guide PDF,
so nothing is typeset while the rest is reused. The guide PDF's cache across builds is tested in
test_other_base_urls.py.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pytest

from conftest import SITE_PATH, build_env, copy_generator_cache

pytestmark = pytest.mark.slow
LANGUAGES = {"fr": "", "en": "en/"}


def seeded_cache(tmp_path: Path) -> Path:
    return copy_generator_cache(tmp_path / "cache", skip=lambda name: name.startswith("guide-pdf"))


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
        base = f"http://127.0.0.1:{port}{SITE_PATH}"  # mkdocs serve keeps the path of site_url
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
