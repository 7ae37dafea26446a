"""mkdocs serve keeps up with typing: an edited page reloads before the guide PDF is typeset again,
and the PDF then replaces the previous one in the served site.

The guide PDF's background process waits for a gate file (WILGUIDE_TEST_TYPESET_GATE, read only
by wilguide/guide_pdf/background.py for tests): while the gate is closed the PDF cannot be done,
so "the page came back first" does not depend on how busy the machine is.
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import lxml.html
import pypdf
import pytest

from conftest import SITE_PATH, build_env, copy_generator_cache, shorten_nav

pytestmark = pytest.mark.slow
EDIT = "Une phrase ajoutée pendant l'aperçu, numéro 4172."
# What the French downloads page says while the PDF catches up (wilguide/guide_pdf/labels.py).
UPDATING = "ce fichier est en cours de mise à jour avec vos dernières modifications"


# The preview's address is printed on the guide PDF's cover, so the PDF is typeset here three times
# (both languages, then French again). What is tested is when it is done, not what it holds: a
# short navigation (conftest.shorten_nav) keeps each typesetting a few seconds long.


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


def wait_for(condition, what: str, server, log: Path, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text()[-4000:]}"
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}:\n{log.read_text()[-4000:]}")


def guide_row(base: str):
    status, body = get(base + "downloads/")
    if status != 200:
        return None
    rows = lxml.html.fromstring(body.decode("utf-8")).xpath("//tr[@data-download='guide']")
    return rows[0] if rows else None


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages).split())


def test_an_edited_page_reloads_before_the_guide_pdf_which_then_catches_up(project_copy, tmp_path):
    # The checklists are reused; the guide PDF is typeset for this server's address.
    cache = copy_generator_cache(tmp_path / "cache")
    shorten_nav(project_copy)
    gate = tmp_path / "gate"
    gate.touch()  # open: the first PDF may be typeset
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project_copy,
            env=build_env(WILGUIDE_CACHE_DIR=str(cache), WILGUIDE_TEST_TYPESET_GATE=str(gate)),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}{SITE_PATH}"  # mkdocs serve keeps the path of site_url

        def pdf_ready():
            row = guide_row(base)
            if row is None or row.xpath(".//*[@data-download-note]") or not row.xpath(".//a/@href"):
                return None
            status, data = get(urllib.request.urljoin(base + "downloads/", row.xpath(".//a/@href")[0]))
            return data if status == 200 and data.startswith(b"%PDF") else None

        first_pdf = wait_for(pdf_ready, "the first guide PDF", server, log, 1200)
        assert EDIT not in pdf_text(first_pdf)

        gate.unlink()  # closed: the next PDF cannot be done until the test says so
        page = project_copy / "docs" / "fr" / "why-mentoring.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{EDIT}\n", encoding="utf-8")

        wait_for(lambda: EDIT in get(base + "why-mentoring/")[1].decode("utf-8"), "the edited page", server, log, 600)
        # The page is back while the PDF is not done: the downloads page says so and keeps the old file.
        row = guide_row(base)
        note = " ".join(row.xpath("string(.//*[@data-download-note])").split())
        assert UPDATING in note
        href = row.xpath(".//a/@href")[0]
        assert get(urllib.request.urljoin(base + "downloads/", href))[1] == first_pdf
        # Logged once the rebuild is over (the job starts then, so that it does not slow the rebuild).
        wait_for(lambda: "guide PDF (fr): typesetting in the background" in log.read_text(), "the log line", server, log, 120)

        gate.touch()
        new_pdf = wait_for(
            lambda: (data := pdf_ready()) and data != first_pdf and data, "the new guide PDF", server, log, 1200
        )
        assert EDIT in pdf_text(new_pdf)
        # The table written when the PDF caught up is the French one (the config had moved on to English).
        assert "Guide de mentorat en AIT" in guide_row(base).text_content()
        assert "guide PDF (fr): typeset in the background" in log.read_text()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
