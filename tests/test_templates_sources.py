"""The templates' sources: the example-goal library holds specific goals in both languages, and a
broken template or example-goal file is reported as file:line with how to fix it, by the parser,
the fast content check and the build."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import mkdocs_build
from wilguide.checklists import compare_translations, parse_checklist
from wilguide.checklists.examples import parse_example_goals
from wilguide.contentcheck import load_project, run_rules
from wilguide.findings import ContentError
from wilguide.yamlload import safe_load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "content" / "example-goals.yml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contentcheck"


def errors(call) -> list[str]:
    with pytest.raises(ContentError) as raised:
        call()
    return [str(finding) for finding in raised.value.findings]


def test_the_library_has_eight_fields_of_four_specific_goals_in_both_languages():
    data = safe_load(EXAMPLES.read_text(encoding="utf-8"))  # read independently of the checker
    fields = data["fields"]
    assert len(fields) >= 8
    for field in fields:
        assert field["name"]["fr"].strip() and field["name"]["en"].strip()
        assert len(field["goals"]) >= 4, field["key"]
        for goal in field["goals"]:
            assert set(goal) == {"fr", "en"}
            assert goal["fr"].strip() != goal["en"].strip()  # written in each language
            for lang, vague in (("en", ("Learn", "Understand", "Know ")), ("fr", ("Apprendre", "Comprendre", "Connaître"))):
                assert not goal[lang].startswith(vague), goal[lang]
            assert len(goal["en"].split()) >= 8  # specific: an action, a result, how you will know
    # The checker agrees, and both languages come out with the same number of goals per field.
    parsed = parse_example_goals(EXAMPLES.read_text(encoding="utf-8"), EXAMPLES, ["fr", "en"])
    assert [len(field.goals) for field in parsed] == [len(field["goals"]) for field in fields]


BROKEN_EXAMPLES = """\
fields:
  - key: health
    name: {fr: "Santé", en: "Health"}
    goals:
      - fr: "Faire le rapport de relève sans oublier d'élément."
        en: "Give the handover without leaving anything out."
      - fr: "Présenter un cas en réunion d'équipe."
      - fr: "Comprendre le fonctionnement de l'unité."
        en: "Understand how the unit works."
  - key: health
    name: {fr: "Encore", en: "Again"}
    goals:
      - {fr: "Rédiger une note.", en: "Write a note."}
  - key: Bad Key
    name: {en: "<b>Trades</b>"}
"""


def test_example_goal_mistakes_are_reported_at_their_line():
    assert errors(lambda: parse_example_goals(BROKEN_EXAMPLES, "content/example-goals.yml", ["fr", "en"])) == [
        "content/example-goals.yml:7: field 'health', goal 2: 'text' has no 'en' text: write it in every language of the site",
        "content/example-goals.yml:8: field 'health', goal 3 (en): starts with 'understand', which no one can observe; "
        "start with what the student will do, e.g. 'Write…', 'Present…'",
        "content/example-goals.yml:8: field 'health', goal 3 (fr): starts with 'comprendre', which no one can observe; "
        "start with what the student will do, e.g. 'Write…', 'Present…'",
        "content/example-goals.yml:10: the field key 'health' is used twice (first on line 2)",
        "content/example-goals.yml:14: field 3: 'key' must be lowercase words joined by hyphens, like natural-sciences",
    ]


def test_invalid_yaml_in_the_library_names_its_line():
    text = 'fields:\n  - key: health\n    name: {fr: "Santé", en: "Health"\n    goals: []\n'
    [message] = errors(lambda: parse_example_goals(text, "content/example-goals.yml", ["fr", "en"]))
    assert message.startswith("content/example-goals.yml:4: not valid YAML")


TEMPLATE = """\
---
description: A plan.
form:
  fields: [student, supervisor]
  examples: goal
---

# Plan

## Goals { #goals }

|        | Goal { #goal } | Date { #date lines=1 } |
|--------|----------------|------------------------|
| Goal 1 |                |                        |
| Goal 2 |  filled in     |                        |
| Goal 3 |                |
"""


def test_a_broken_template_is_reported_at_its_lines():
    text = TEMPLATE + "\n## More { #more }\n\n- [_] { #empty-label }\n- [_] Notes { #notes lines=40 }\n- [_] Who to call\n"
    assert errors(lambda: parse_checklist(text, "docs/en/toolkit/plan.md", "en")) == [
        "docs/en/toolkit/plan.md:15: cells under 'Goal' stay empty: they are the fields to fill in",
        "docs/en/toolkit/plan.md:16: this row has 2 cells; the header has 3",
        "docs/en/toolkit/plan.md:20: text field 'empty-label' has no label: write it before the marker",
        "docs/en/toolkit/plan.md:21: lines=40: give the field's height as a whole number of lines from 1 to 12",
        "docs/en/toolkit/plan.md:22: text field needs a key: end it with a marker such as { #meeting-rhythm } "
        "(lowercase letters, digits, hyphens)",
    ]


def test_a_key_used_twice_points_to_its_first_use():
    text = TEMPLATE + "\n## More { #more }\n\n- [_] Notes { #notes }\n- [_] Other notes { #notes }\n- [_] A date { #date }\n"
    assert errors(lambda: parse_checklist(text, "docs/en/toolkit/plan.md", "en")) == [
        "docs/en/toolkit/plan.md:15: cells under 'Goal' stay empty: they are the fields to fill in",
        "docs/en/toolkit/plan.md:16: this row has 2 cells; the header has 3",
        "docs/en/toolkit/plan.md:21: duplicate key 'notes' (already used on line 20)",
        "docs/en/toolkit/plan.md:22: duplicate key 'date' (already used on line 12)",  # the table's column
    ]


def test_the_examples_setting_must_name_a_column():
    text = TEMPLATE.replace("examples: goal", "examples: target").replace("| Goal 2 |  filled in     |", "| Goal 2 |                |")
    text = text.replace("| Goal 3 |                |\n", "")
    assert errors(lambda: parse_checklist(text, "docs/en/toolkit/plan.md", "en")) == [
        "docs/en/toolkit/plan.md:3: form.examples is 'target', but no table has a column { #target }: name one of its columns",
    ]


def test_both_languages_need_the_same_fields_and_tables():
    english = TEMPLATE.replace("| Goal 2 |  filled in     |", "| Goal 2 |                |").replace("| Goal 3 |                |\n", "")
    french = english.replace("Goal {", "Objectif {").replace("{ #date lines=1 }", "{ #date }").replace("| Goal 2 |                |                        |\n", "")
    french += "\n- [_] Notes { #notes }\n"
    reference = parse_checklist(french, "docs/fr/toolkit/plan.md", "fr")
    other = parse_checklist(english, "docs/en/toolkit/plan.md", "en")
    assert [str(f) for f in compare_translations(reference, other)] == [
        "docs/fr/toolkit/plan.md:16: field 'notes' has no counterpart in docs/en/toolkit/plan.md",
        "docs/en/toolkit/plan.md:12: 'goal' is a table in section 'goals' with 2 row(s) and columns (labels), goal (3 lines), "
        "date (1 lines) here but a table in section 'goals' with 1 row(s) and columns (labels), goal (3 lines), date (3 lines) "
        "in docs/fr/toolkit/plan.md:12: make them match",
    ]


def test_the_content_check_reports_a_broken_example_goal_file(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "valid", root)
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "example-goals.yml").write_text(BROKEN_EXAMPLES, encoding="utf-8")
    found = [str(f) for f in run_rules(load_project(root), ["checklists"])]
    assert "content/example-goals.yml:10: the field key 'health' is used twice (first on line 2)" in found
    assert len(found) == 5


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_broken_example_goal_file_or_template_fails_the_build_at_its_line(project_copy, tmp_path):
    examples = project_copy / "content" / "example-goals.yml"
    replace_in(examples, '        en: "Update the setup guide', '        fr_typo: "Update the setup guide')
    plan = project_copy / "docs" / "fr" / "toolkit" / "learning-plan.md"
    replace_in(plan, "| Objectif 5  |                            |", "| Objectif 5  | rempli                     |")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    plan_line = next(n for n, line in enumerate(plan.read_text(encoding="utf-8").splitlines(), 1) if "| rempli " in line)
    goal_line = next(n for n, line in enumerate(examples.read_text(encoding="utf-8").splitlines(), 1) if "fr_typo" in line) - 1
    assert f"docs/fr/toolkit/learning-plan.md:{plan_line}: cells under 'Objectif\u00a0: ce que votre stagiaire saura faire' stay empty" in result.stderr
    assert f"content/example-goals.yml:{goal_line}: field 'software-it', goal 2: 'text' has no 'en' text" in result.stderr


@pytest.mark.parametrize(("lang", "title"), [("fr", "Plan d'apprentissage"), ("en", "Learning plan")])
def test_the_planners_first_week_and_midpoint_meetings_link_the_learning_plan(lang, title):
    from wilguide.planner import load_planner_config, plan_data

    data = plan_data(load_planner_config(ROOT / "content" / "planner.yml"), ROOT / "docs", lang, lambda target: "/" + target)
    for meeting in ("expectations", "mid-review", "informal-review", "quarterly-review"):
        assert data["meetings"][meeting]["template"] == {"title": title, "href": "/toolkit/learning-plan.md"}, meeting
    assert data["meetings"]["check-in"]["template"] is None
    assert data["strings"]["template_link"].startswith("{title}")
