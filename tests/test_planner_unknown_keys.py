"""A setting of content/planner.yml that the planner does not read (a typo: with_mentr, minuts,
until_week) is reported at its own line, with the setting it was probably meant to be; without
one close enough, with the settings allowed there. Otherwise the planner ignores it and quietly
does something else than the editor wrote.

The expected line is found by searching the written copy for the typo; the expected suggestion is
the setting as the real planner.yml writes it."""

from __future__ import annotations

import re

import pytest

from planner_yml_copies import DATA_FILE, findings_in_changed_copy, line_in_copy

NOT_READ = "is not a setting the planner reads"

# (old text of planner.yml, the same with a typo, the typo as written, the message after file:line)
TYPOS = [
    pytest.param(
        "    with_mentor: false  # an evaluation",
        "    with_mentr: false  # an evaluation",
        "with_mentr:",
        f"meeting 'mid-review': 'with_mentr' {NOT_READ}; did you mean 'with_mentor'?",
        id="meeting-with_mentor",
    ),
    pytest.param(
        "    minutes: 30\n    with_student: false\n",
        "    minuts: 30\n    with_student: false\n",
        "minuts:",
        f"meeting 'preparation': 'minuts' {NOT_READ}; did you mean 'minutes'?",
        id="meeting-minutes",
    ),
    pytest.param(
        "    until_weeks: 13\n",
        "    until_week: 13\n",
        "until_week: 13",
        f"band 'medium': 'until_week' {NOT_READ}; did you mean 'until_weeks'?",
        id="band",
    ),
    pytest.param(
        "{phase: steady, until: 13w, every: biweekly, range: [weekly, biweekly]}",
        "{phase: steady, until: 13w, every: biweekly, rnage: [weekly, biweekly]}",
        "rnage:",
        f"band 'long', rhythm: 'rnage' {NOT_READ}; did you mean 'range'?",
        id="rhythm-segment",
    ),
    pytest.param(
        "    daily_weeks: 2\n",
        "    daily_week: 2\n",
        "daily_week:",
        f"formats 'remote': 'daily_week' {NOT_READ}; did you mean 'daily_weeks'?",
        id="format",
    ),
    pytest.param(
        "    shift: 1\n",
        "    shfit: 1\n",
        "shfit:",
        f"preferences 'fewer': 'shfit' {NOT_READ}; did you mean 'shift'?",
        id="preference",
    ),
    pytest.param(
        '    note_name: {fr: "Code canadien du travail"',
        '    note_nme: {fr: "Code canadien du travail"',
        "note_nme:",
        f"province 'FED': 'note_nme' {NOT_READ}; did you mean 'note_name'?",
        id="province",
    ),
    pytest.param(
        "    also: [Easter Monday]\n",
        "    alsoo: [Easter Monday]\n",
        "alsoo:",
        f"province 'QC': 'alsoo' {NOT_READ}; did you mean 'also'?",
        id="province-also",
    ),
    pytest.param(
        '{zone: America/Winnipeg, name: {fr: "Heure du Centre',
        '{zone: America/Winnipeg, nmae: {fr: "Heure du Centre',
        "nmae:",
        f"zone 'America/Winnipeg': 'nmae' {NOT_READ}; did you mean 'name'?",
        id="zone",
    ),
    pytest.param(
        "  - key: prepare\n    name:",
        "  - key: prepare\n    nam:",
        "nam:",
        f"phase 'prepare': 'nam' {NOT_READ}; did you mean 'name'?",
        id="phase",
    ),
    pytest.param(
        "  max_months: 16 ",
        "  max_month: 16 ",
        "max_month:",
        f"limits: 'max_month' {NOT_READ}; did you mean 'max_months'?",
        id="limits",
    ),
    pytest.param(
        "prepare_before_start: 2w\n",
        "prepare_before_stat: 2w\n",
        "prepare_before_stat:",
        f"'prepare_before_stat' {NOT_READ}; did you mean 'prepare_before_start'?",
        id="top-level",
    ),
]


@pytest.mark.parametrize("old, new, typo, message", TYPOS)
def test_a_misspelt_setting_is_reported_at_its_line_with_the_setting_meant(tmp_path, monkeypatch, old, new, typo, message):
    findings = findings_in_changed_copy(tmp_path, monkeypatch, [(old, new)])
    assert f"content/planner.yml:{line_in_copy(tmp_path, typo)}: {message}" in findings


def test_an_optional_setting_misspelt_is_the_only_mistake_reported(tmp_path, monkeypatch):
    # The meeting keeps its default (the mentor attends): nothing else is wrong, so nothing else is said.
    findings = findings_in_changed_copy(tmp_path, monkeypatch, [("    with_mentor: false  #", "    with_mentr: false  #")])
    assert findings == [
        f"content/planner.yml:{line_in_copy(tmp_path, 'with_mentr:')}: meeting 'mid-review': 'with_mentr' {NOT_READ}; did you mean 'with_mentor'?"
    ]


def test_every_misspelt_setting_is_reported_together(tmp_path, monkeypatch):
    findings = findings_in_changed_copy(
        tmp_path,
        monkeypatch,
        [("    with_mentor: false  #", "    with_mentr: false  #"), ("    note_name: {fr:", "    note_nme: {fr:")],
    )
    assert findings == [
        f"content/planner.yml:{line_in_copy(tmp_path, 'with_mentr:')}: meeting 'mid-review': 'with_mentr' {NOT_READ}; did you mean 'with_mentor'?",
        f"content/planner.yml:{line_in_copy(tmp_path, 'note_nme:')}: province 'FED': 'note_nme' {NOT_READ}; did you mean 'note_name'?",
    ]


def test_a_setting_like_none_other_gets_the_list_of_settings(tmp_path, monkeypatch):
    # The real file's top-level settings, in its order: what an editor may write there.
    settings = re.findall(r"^([a-z_]+):", DATA_FILE.read_text(encoding="utf-8"), re.M)
    findings = findings_in_changed_copy(tmp_path, monkeypatch, [("limits:\n", "colour: blue\nlimits:\n")])
    assert findings == [f"content/planner.yml:{line_in_copy(tmp_path, 'colour:')}: 'colour' {NOT_READ}; use one of: {', '.join(settings)}"]
