"""Two mistakes the content check used to miss or misplace: an English checklist item that feeds
the check-in planner, changed without refreshing the node tests' copy of the planner's data
(tests/js/plan-data.en.json), and a checklist line that looks like an item but is not one."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_project, line_of, replace_once
from test_contentcheck import findings_of, fixture_tree
from wilguide.checklists import parse_checklist
from wilguide.contentcheck import load_project, run_rules
from wilguide.contentcheck.planner_fixture import FIXTURE
from wilguide.findings import ContentError

ROOT = Path(__file__).resolve().parent.parent
REFRESH = (
    "run .venv/bin/python -m wilguide.planner.test_copies and commit the files it refreshes "
    "(editing in the browser? say so in the pull request)"
)
ITEM = f"this item is also a prompt in the check-in planner, and {FIXTURE} no longer matches it: {REFRESH}"
FIRST_WEEK = Path("docs/en/toolkit/first-week.md")
SECOND_CONTACT = "whom the student can go to with a concern. { #second-contact }\n"


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the real tree with the node tests' copy of the planner data, as committed."""
    root = copy_project(tmp_path / "project")
    (root / FIXTURE).parent.mkdir(parents=True)
    shutil.copy2(ROOT / FIXTURE, root / FIXTURE)
    return root


def planner_fixture_findings(root: Path) -> list[str]:
    return [str(finding) for finding in run_rules(load_project(root), ["planner-fixture"])]


def test_the_real_copy_matches(project):
    assert planner_fixture_findings(project) == []


def test_an_item_added_to_an_agenda_in_both_languages_is_reported_at_its_english_line(project):
    """One item added to the First week's orientation (an agenda of the planner) in both languages,
    with the same key: every other rule is content, and the check used to say "no problems"."""
    line = replace_once(project / FIRST_WEEK, SECOND_CONTACT, SECOND_CONTACT + "- [ ] Show where the coffee is. { #coffee-spot }\n") + 1
    french = "confier une inquiétude. { #second-contact }\n"
    replace_once(project / "docs/fr/toolkit/first-week.md", french, french + "- [ ] Montrer où est le café. { #coffee-spot }\n")
    assert [str(finding) for finding in run_rules(load_project(project))] == [f"{FIRST_WEEK}:{line}: {ITEM}"]


def test_an_english_item_reworded_is_reported_at_its_line(project):
    line = replace_once(project / FIRST_WEEK, "Train the student on the tools", "Train the student in the tools")
    assert planner_fixture_findings(project) == [f"{FIRST_WEEK}:{line}: {ITEM}"]


def test_an_english_item_removed_is_reported_at_its_sections_heading(project):
    replace_once(project / FIRST_WEEK, "- [ ] Train the student on the tools and software the job uses. { #tools-training }\n", "")
    heading = line_of(project / FIRST_WEEK, "{ #orientation }")
    assert planner_fixture_findings(project) == [
        f"{FIRST_WEEK}:{heading}: the items under this heading are prompts in the check-in planner, and {FIXTURE} no longer "
        f"matches them (an item was removed or moved): {REFRESH}"
    ]


def test_a_french_item_changes_nothing(project):
    """The node tests read the English data only."""
    replace_once(project / "docs/fr/toolkit/first-week.md", "{ #tools-training }", "Et ses raccourcis. { #tools-training }")
    assert planner_fixture_findings(project) == []


def test_a_change_that_is_not_an_item_names_the_copy(project):
    replace_once(project / "content" / "planner.yml", "    minutes: 30\n", "    minutes: 35\n")
    assert planner_fixture_findings(project) == [
        f"{FIXTURE}:1: this copy of the check-in planner's English data no longer matches content/planner.yml and the English "
        f"pages it reads (changed: meeting 'preparation'): {REFRESH}"
    ]


def test_the_refresh_command_needs_no_test_tools_and_rewrites_both_copies(tmp_path):
    """An editor who ran only the content check's setup has no pytest: the command the message gives
    must work without it, from the project's folder, and write back the committed copies."""
    for part in ("content", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "tests" / "js").mkdir(parents=True)
    no_pytest = "import runpy, sys; sys.modules['pytest'] = None; runpy.run_module('wilguide.planner.test_copies', run_name='__main__')"
    done = subprocess.run([sys.executable, "-c", no_pytest], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["refreshed tests/js/plan-data.en.json", "refreshed tests/js/holidays.en.json"]
    for name in ("plan-data.en.json", "holidays.en.json"):
        assert (tmp_path / "tests" / "js" / name).read_text(encoding="utf-8") == (ROOT / "tests" / "js" / name).read_text(encoding="utf-8")


def test_the_refresh_command_reports_a_broken_checklist_at_its_line_and_writes_nothing(tmp_path):
    """A link in a printed note is an editor's mistake: the command says where, as the check does,
    instead of a Python traceback, and leaves the committed copies as they were."""
    for part in ("content", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    (tmp_path / "tests" / "js").mkdir(parents=True)
    page = tmp_path / "docs" / "en" / "toolkit" / "final-evaluation-exit.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    note = next(number for number, line in enumerate(lines, 1) if line.startswith("!!! note"))
    lines[note] += " See the [check-in planner](planner.md)."  # the note's text, on the line after its title
    page.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "wilguide.planner.test_copies"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"docs/en/toolkit/final-evaluation-exit.md:{note}: a note before the first section is printed in the files" in done.stderr
    assert "nothing refreshed" in done.stderr
    assert list((tmp_path / "tests" / "js").iterdir()) == []


def test_a_project_without_the_copy_is_not_checked(tmp_path):
    assert run_rules(load_project(fixture_tree(tmp_path)), ["planner-fixture"]) == []


def test_malformed_items_are_reported_on_the_line_that_was_changed(tmp_path):
    """A French line without "- [ ] " used to be read as more of the item above, which then took
    its key: the check reported items missing in the English file instead."""
    assert findings_of(fixture_tree(tmp_path, "malformed-items")) == [
        'docs/fr/toolkit/checklist.md:11: this line looks like a checklist item but is not one: write "- [ ] text { #key }" '
        "(dash, space, [ ], space)",
        "docs/fr/toolkit/checklist.md:13: an item ends with its key: this line continues the item of line 12 after "
        '{ #prepare-desk }: start a new item with "- [ ] "',
    ]


PAGE = "---\ndescription: x\nchecklist: true\n---\n\n# T\n\n## S { #s }\n\n- [ ] First. { #first }\n"
LOOKS_LIKE = 'this line looks like a checklist item but is not one: write "- [ ] text { #key }" (dash, space, [ ], space)'


def findings_in(text: str) -> list[str]:
    try:
        parse_checklist(text, "page.md", "en")
    except ContentError as error:
        return [str(finding) for finding in error.findings]
    return []


@pytest.mark.parametrize("line", ["-[ ] Second. { #second }", "[ ] Second. { #second }", "- [] Second. { #second }",
                                  "- [ ]Second. { #second }", "*[x] Second.", "  -[ ] Second. { #second }"])
def test_a_line_that_looks_like_an_item(line):
    assert findings_in(PAGE + line + "\n") == [f"page.md:11: {LOOKS_LIKE}"]


def test_a_line_that_looks_like_the_first_item():
    assert findings_in(PAGE.replace("- [ ] First.", "-[ ] First.")) == [f"page.md:10: {LOOKS_LIKE}"]


@pytest.mark.parametrize("line, key", [("Second. { #second }", "first"), ("  and more.", "first")])
def test_a_line_after_an_items_key(line, key):
    assert findings_in(PAGE + line + "\n") == [
        f'page.md:11: an item ends with its key: this line continues the item of line 10 after {{ #{key} }}: start a new item with "- [ ] "'
    ]


def test_a_field_ends_with_its_key_too():
    page = PAGE + "- [_] Target date { #target-date lines=1 }\nNotes { #notes }\n"
    assert findings_in(page) == [
        'page.md:12: an item ends with its key: this line continues the item of line 11 after { #target-date }: start a new item with "- [ ] "'
    ]


def test_items_written_across_lines_and_links_stay_valid():
    page = PAGE.replace("- [ ] First. { #first }", "- [ ] First,\n  on two lines. { #first }\n- [ ] Second\ncontinued lazily. { #second }")
    page += "\n[A link](other.md) at the start of a paragraph.\n"
    assert findings_in(page) == []
