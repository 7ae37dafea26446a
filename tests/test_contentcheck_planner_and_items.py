"""Two mistakes the content check used to miss or misplace: an English checklist item that feeds
the check-in planner, changed without refreshing the node tests' copy of the planner's data
(tests/js/plan-data.en.json), and a checklist line that looks like an item but is not one."""

from __future__ import annotations

import pytest

from test_contentcheck import findings_of, fixture_tree
from wilguide.checklists import parse_checklist
from wilguide.findings import ContentError

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
