"""An editor's mistake fails the build with a message that names the file (and the line).

The mistakes are made together in one copy of the project (the `broken_build` and
`broken_late_build` fixtures of conftest.py): one build reports them all."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.slow


def test_a_page_in_one_language_only_fails_the_build(broken_build):
    assert broken_build.result.returncode != 0
    assert "docs/fr/nouvelle-page.md:1: this page has no 'en' version" in broken_build.stderr


def test_a_broken_link_fails_the_build_naming_the_file(broken_build):
    assert broken_build.result.returncode != 0
    assert re.search(r"en/roles\.md.*missing-page\.md", broken_build.stderr)


def test_a_broken_anchor_fails_the_build_naming_the_file(broken_build):
    assert broken_build.result.returncode != 0
    assert re.search(r"fr/roles\.md.*#no-such-section", broken_build.stderr)


def test_an_unknown_placeholder_fails_the_build_with_file_and_line(broken_build):
    line = broken_build.lines["placeholder"]
    assert broken_build.result.returncode != 0
    assert f"docs/en/contribute.md:{line}: unknown placeholder {{{{ contact_mail }}}}" in broken_build.stderr


def test_a_nav_entry_pointing_nowhere_fails_the_build_with_its_line(broken_build):
    line = broken_build.lines["menu"]
    assert broken_build.result.returncode != 0
    assert f"mkdocs.yml:{line}: the menu (nav:) lists 'no-such-page.md', but there is no page docs/fr/no-such-page.md" in broken_build.stderr


def test_a_table_row_short_of_a_cell_fails_the_build_with_its_line(broken_build):
    line = broken_build.lines["table"]  # the last of the lines appended: the short row
    assert f"docs/en/employers.md:{line}: this table row has 1 cell but the header has 2" in broken_build.stderr


def test_a_box_without_indented_text_fails_the_build_with_its_line(broken_build):
    line = broken_build.lines["box"] - 1  # the box's line, above the text appended without indent
    assert f"docs/fr/employers.md:{line}: this box (!!! note) has no text under it" in broken_build.stderr
