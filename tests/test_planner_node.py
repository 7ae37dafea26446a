"""Run the planner's JavaScript unit tests (node's built-in runner) as part of pytest."""

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
