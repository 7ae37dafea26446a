"""The "figure-sources" rule, second half: a figure's paragraph links to the references entry that
gives it. An entry is its ``###`` heading and the text down to the next heading, its "Figures cited
in this guide" line included; figures are compared as the other figure rules write them (spaces
made plain).

Fixture: tests/fixtures/contentcheck/figure-entries/, copied over valid/ as in test_contentcheck.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import copy_project, replace_once
from wilguide.contentcheck import load_project, run_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contentcheck"
FIX = "link the sentence to the source that gives it, or add the figure to"


def fixture_tree(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "valid", root)
    shutil.copytree(FIXTURES / "figure-entries", root, dirs_exist_ok=True)
    return root


def findings_of(root: Path, rules=None) -> list[str]:
    """Every rule's findings by default, so the fixture also proves the other rules stay quiet."""
    return [str(finding) for finding in run_rules(load_project(root), rules)]


def test_figures_linked_to_an_entry_that_does_not_hold_them(tmp_path):
    # Quiet: a figure in the entry's "Figures cited" line; a paragraph linking two entries, each
    # figure in one of them; "5 000 $" written with other no-break spaces than its entry; a link to
    # a section (#sources), not to an entry. "$7,500" is on no entry: only the "figures" rule speaks.
    # "250" sits above the first entry and "3,000" below an H2 that ends #statcan-daily-2020: the
    # page holds them, no entry does. "10%" is under four other entries: too many to name.
    assert findings_of(fixture_tree(tmp_path)) == [
        'docs/en/guide.md:12: the figure "600" is not in the entry #ohrc-ableism-2016 of docs/en/references.md '
        f"(it is under #bher-consultation-2020): {FIX} that entry",
        f'docs/en/guide.md:14: the figure "10%" is not in the entry #ohrc-ableism-2016 of docs/en/references.md: {FIX} that entry',
        'docs/en/guide.md:16: the figure "1,200" is not in the entries #bher-consultation-2020 or #ohrc-ableism-2016 of '
        f"docs/en/references.md (it is under #statcan-2020 and #statcan-daily-2020): {FIX} one of those entries",
        f'docs/en/guide.md:18: the figure "250" is not in the entry #statcan-2020 of docs/en/references.md: {FIX} that entry',
        'docs/en/guide.md:24: the figure "50%" is not in the entry #bher-consultation-2020 of docs/en/references.md '
        f"(it is under #statcan-2020): {FIX} that entry",
        'docs/en/guide.md:26: the figure "$7,500" is not on docs/en/references.md: add it there, written the same way, '
        "next to its source, and link this sentence to that source",
        f'docs/en/guide.md:30: the figure "3,000" is not in the entry #statcan-daily-2020 of docs/en/references.md: {FIX} that entry',
        'docs/en/toolkit/tips.md:9: the figure "600" is not in the entry #ohrc-ableism-2016 of docs/en/references.md '
        f"(it is under #bher-consultation-2020): {FIX} that entry",
        'docs/fr/guide.md:14: the figure "600" is not in the entry #statcan-2020 of docs/fr/references.md '
        f"(it is under #bher-consultation-2020): {FIX} that entry",
    ]


def test_a_link_to_no_entry_is_left_to_the_links_rule(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / "docs/en/toolkit/tips.md", "#ohrc-ableism-2016", "#ohrc-ableism")
    assert not [finding for finding in findings_of(root, ["figure-sources"]) if "tips.md" in finding]


def test_the_real_guide_with_a_figure_linked_to_the_wrong_source(tmp_path):
    # The report's example (4c) on the real pages, which otherwise pass (test_real_tree_has_no_finding).
    root = copy_project(tmp_path / "project")
    sentence = "academic professionals ([BHER, 2020](references.md#{}))"
    line = replace_once(root / "docs/en/why-mentoring.md", sentence.format("bher-consultation-2020"), sentence.format("ohrc-pregnancy"))
    assert findings_of(root, ["figure-sources"]) == [
        f'docs/en/why-mentoring.md:{line}: the figure "600" is not in the entry #ohrc-pregnancy of docs/en/references.md '
        f"(it is under #bher-consultation-2020): {FIX} that entry",
    ]
