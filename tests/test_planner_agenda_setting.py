"""The check-in's agenda in the planner: the whole checklist at every check-in, as the guide says
("Use the same agenda every time"), while the daily touchpoints take turns through theirs. Which
kinds take turns is a setting of content/planner.yml (prompts_in_turn), checked at its line.

The expected agenda is what a reader sees: the "- [ ]" lines of docs/<lang>/toolkit/check-in-agenda.md,
read with a plain regex, not through the planner's page reader."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wilguide.planner import load_planner_config, plan_data
from wilguide.planner.test_copies import fake_url

from planner_yml_copies import findings_in_copy

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "content" / "planner.yml"
DOCS = ROOT / "docs"
ITEM = re.compile(r"^- \[ \] (.*?)(?: \{ #[\w-]+ \})?$", re.M)
SCHEDULE = (DOCS / "assets" / "javascripts" / "planner" / "schedule.js").as_uri()


def checklist_items(lang: str) -> list[str]:
    """The regular check-in's items as written, spaces made plain (the build puts no-break spaces
    before French colons and inside « »)."""
    text = (DOCS / lang / "toolkit" / "check-in-agenda.md").read_text(encoding="utf-8")
    return [plain(item) for item in ITEM.findall(text)]


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("value", ["all", "yes", "0", "2", "13", "4.5", "[5]"])
def test_a_bad_prompts_in_turn_is_reported_at_its_line(tmp_path, monkeypatch, value):
    findings, line = findings_in_copy(tmp_path, monkeypatch, "  - key: check-in\n", f"  - key: check-in\n    prompts_in_turn: {value}\n")
    assert findings == [
        f"content/planner.yml:{line}: meeting 'check-in': 'prompts_in_turn' must be a whole number from 3 to 12 "
        "(how many prompts each meeting shows, taking turns); leave it out to list the whole agenda every time"
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_check_in_data_carries_its_whole_checklist_and_does_not_take_turns(lang):
    meetings = plan_data(load_planner_config(DATA_FILE), DOCS, lang, fake_url)["meetings"]
    expected = checklist_items(lang)
    assert len(expected) == 10, expected
    assert [plain(prompt) for prompt in meetings["check-in"]["prompts"]] == expected
    assert "inTurn" not in meetings["check-in"], "a check-in must list its whole agenda"
    # The daily touchpoints still show part of their pool at each meeting.
    touchpoint = meetings["touchpoint"]
    assert 0 < touchpoint.get("inTurn", 0) < len(touchpoint["prompts"]), touchpoint.get("inTurn")


# The page's own script, fed the data the build makes from planner.yml: the agenda of each
# check-in of a 15-week and a 16-month placement, as the page and the calendar file show it.
PLAN_CHECK_INS = """
import { readFileSync } from "node:fs";
import { buildPlan } from "%s";
const data = JSON.parse(readFileSync(0, "utf8"));
const base = { start: "2026-09-08", end: "2026-12-18", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", followup: "yes" };
const plans = [base, { ...base, start: "2026-05-04", end: "2027-08-27", format: "remote" }];
console.log(JSON.stringify(plans.flatMap((input) => buildPlan(input, data).meetings.filter((m) => m.kind === "check-in").map((m) => m.prompts))));
""" % SCHEDULE


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_check_in_of_a_plan_lists_the_whole_checklist_in_each_language(lang):
    node = shutil.which("node")
    assert node, "node is missing: scripts/test.sh installs it"
    data = plan_data(load_planner_config(DATA_FILE), DOCS, lang, fake_url)
    result = subprocess.run([node, "--input-type=module", "-e", PLAN_CHECK_INS], input=json.dumps(data),
                            capture_output=True, text=True, timeout=60, check=True)
    agendas = json.loads(result.stdout)
    assert len(agendas) >= 10, len(agendas)
    expected = checklist_items(lang)
    for number, prompts in enumerate(agendas, 1):
        assert [plain(prompt) for prompt in prompts] == expected, f"check-in {number}"
