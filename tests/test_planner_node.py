"""Run the planner's JavaScript unit tests (node's built-in runner) as part of pytest."""

import gzip
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_node_unit_tests_pass():
    node = shutil.which("node")
    assert node, "node is missing: scripts/test.sh installs it"
    result = subprocess.run(
        [node, "--no-warnings", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass " in result.stdout and "# pass 0" not in result.stdout


PLANNER_FILES = [
    "assets/javascripts/planner/planner.js",
    "assets/javascripts/planner/schedule.js",
    "assets/javascripts/planner/ics.js",
    "assets/stylesheets/planner.css",
]


def test_planner_script_and_style_stay_within_11_kib_gzipped(built_site):
    """What a phone downloads for the planner (issue 15's budget): the files as the site serves
    them, each gzipped at level 9."""
    sizes = {name: len(gzip.compress((built_site / name).read_bytes(), 9)) for name in PLANNER_FILES}
    assert sum(sizes.values()) <= 11 * 1024, sizes
