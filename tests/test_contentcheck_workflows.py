"""The GitHub Actions workflows cannot run here: check what they promise editors, statically."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def commands(job: dict) -> list[str]:
    return [step.get("run") or step.get("uses") for step in job["steps"]]


def test_pull_requests_run_the_content_check_then_the_tests_and_keep_a_preview():
    workflow = load("pull-request.yml")
    assert "pull_request" in workflow["on"]
    check, tests = workflow["jobs"]["content-check"], workflow["jobs"]["tests"]
    assert "bash scripts/check-content.sh" in commands(check)
    assert tests["needs"] == "content-check"
    steps = commands(tests)
    assert steps.index("bash .ci/run") < steps.index("bash scripts/build.sh -d site")
    assert "actions/upload-artifact@v4" in steps
    upload = next(step for step in tests["steps"] if step.get("uses") == "actions/upload-artifact@v4")
    assert upload["with"]["path"] == "site/"
    # The translation status needs the whole history.
    for job in (check, tests):
        assert job["steps"][0]["with"]["fetch-depth"] == 0


def test_main_is_deployed_to_github_pages_with_its_url():
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    build_step = next(step for step in build["steps"] if step.get("run", "").startswith("bash scripts/build.sh"))
    assert build_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build_step["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "actions/upload-pages-artifact@v3" in commands(build)
    assert deploy["needs"] == "build" and commands(deploy) == ["actions/deploy-pages@v4"]


def test_deployments_reuse_the_generated_files_so_an_unchanged_download_keeps_its_date():
    # The downloads page dates each file by its cached copy; a deployment that typeset everything
    # again would date every file the day of the deployment, changed or not.
    build = load("pages.yml")["jobs"]["build"]
    steps = commands(build)
    cache = next(step for step in build["steps"] if step.get("uses") == "actions/cache@v4")
    assert cache["with"]["path"] == ".cache/wilguide"
    assert cache["with"]["restore-keys"] == "wilguide-"
    assert cache["with"]["key"].startswith("wilguide-")
    assert steps.index("actions/cache@v4") < steps.index("bash scripts/build.sh -d site")


def test_pull_request_template_has_the_contributing_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for promise in ("bash scripts/check-content.sh", "wilguide-translations record", "bash scripts/serve.sh",
                    "nav_translations", "references"):
        assert promise in template
    assert template.count("- [ ]") == 7
