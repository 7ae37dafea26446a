"""Which meetings the planner names the mentor at: all but the evaluations, which the guide keeps
the mentor out of (docs/<lang>/roles.md#who-does-what). A setting of content/planner.yml
(with_mentor: false), checked at its line, that the script's data carries only where it is false."""

from __future__ import annotations

from pathlib import Path

import pytest

from wilguide.planner import load_planner_config, plan_data
from wilguide.planner.test_copies import fake_url

from planner_yml_copies import findings_in_copy

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "content" / "planner.yml"
DOCS = ROOT / "docs"
# The roles chapter's row for the evaluations, its Mentor column's heading, and what that column says.
EVALUATIONS_ROW = {
    "en": ("Evaluations (mid-placement and final)", "Mentor"),
    "fr": ("Évaluations (mi-stage et finale)", "Mentorat"),
}
NO_ROLE = "—"


@pytest.mark.parametrize("key", ["with_mentor", "with_student"])
@pytest.mark.parametrize("value", ["maybe", '"false"', "0", "1", "[false]"])
def test_a_setting_that_is_not_true_or_false_is_reported_at_its_line(tmp_path, monkeypatch, key, value):
    exit = "  - key: exit\n    phase: exit\n"  # the meeting, not the phase of the same key
    findings, line = findings_in_copy(tmp_path, monkeypatch, exit, f"{exit}    {key}: {value}\n")
    assert findings == [f"content/planner.yml:{line}: meeting 'exit': '{key}' must be true or false, without quotes; leave it out for true"]


def mentor_cell(lang: str) -> str:
    """What the roles chapter's table says the mentor does in the evaluations."""
    label, heading = EVALUATIONS_ROW[lang]
    rows = [line.strip("|").split("|") for line in (DOCS / lang / "roles.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("|")]
    header = [cell.strip() for cell in rows[0]]
    [row] = [row for row in rows if row[0].strip() == label]
    return row[header.index(heading)].strip()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_data_leaves_the_mentor_out_of_the_evaluations_only(lang):
    assert mentor_cell(lang) == NO_ROLE, "roles.md now gives the mentor a part in the evaluations: revisit with_mentor"
    meetings = plan_data(load_planner_config(DATA_FILE), DOCS, lang, fake_url)["meetings"]
    flagged = {key: meeting["withMentor"] for key, meeting in meetings.items() if "withMentor" in meeting}
    # The final evaluation and the mid-placement review (formal or, in a short placement, informal).
    assert flagged == {"final-evaluation": False, "mid-review": False, "informal-review": False}
