"""scripts/setup.sh installs the lock files as written, without resolving dependencies, so a lock
file that misses a package must stop the install with a clear message, not leave a broken
environment behind."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow  # installs packages into a new virtual environment


def test_a_lock_file_that_misses_a_package_stops_the_install(tmp_path):
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", project / "scripts" / "setup.sh")
    # python-dateutil 4 needs tzdata, which this lock file leaves out.
    (project / "requirements.txt").write_text("python-dateutil==4.0.0\n", encoding="utf-8")
    (project / "requirements-test.txt").write_text("-r requirements.txt\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "lock-check"\nversion = "0"\n\n[tool.setuptools]\npy-modules = []\n', encoding="utf-8"
    )
    result = subprocess.run(["bash", "-c", "source scripts/setup.sh && setup_python test"],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "requirements-test.txt does not pin every package it needs; run scripts/lock.sh" in result.stderr
    assert "python-dateutil 4.0.0 requires tzdata, which is not installed." in result.stderr
    assert not list((project / ".venv").glob(".installed-*")), "the broken install was recorded as done"
