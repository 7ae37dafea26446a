"""The suite's collection hook (tests/collection_order.py), run by pytest-xdist with two workers on
a small project of its own: tests that share a module-scoped fixture run in one worker, so the
fixture is made once. The accessibility walks are such a fixture: when the groups were ignored,
two of the four walks over every page were made twice per run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

SHARED_FIXTURE_TESTS = '''
import os

import pytest


@pytest.fixture(scope="module")
def made_once():
    with open(os.environ["FIXTURE_LOG"], "a", encoding="utf-8") as log:
        log.write(os.environ.get("PYTEST_XDIST_WORKER", "main") + "\\n")


@pytest.mark.parametrize("n", range(8))
def test_reads_the_shared_fixture(made_once, n):
    pass


@pytest.mark.parametrize("n", range(8))
def test_stands_alone(n):
    pass
'''


def test_tests_sharing_a_module_fixture_run_in_one_worker(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "conftest.py").write_text(
        f"import sys\nsys.path.insert(0, {str(TESTS)!r})\n"
        "from collection_order import pytest_collection_modifyitems  # noqa: F401\n",
        encoding="utf-8",
    )
    (tmp_path / "test_shared.py").write_text(SHARED_FIXTURE_TESTS, encoding="utf-8")
    log = tmp_path / "fixture.log"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-p", "no:cacheprovider", "-q", "-v"],
        cwd=tmp_path,
        env={**os.environ, "FIXTURE_LOG": str(log)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "16 passed" in result.stdout, result.stdout[-3000:]
    made = log.read_text(encoding="utf-8").split()
    assert len(made) == 1, f"the module fixture was made by {made}: its tests were split between workers\n{result.stdout[-3000:]}"
