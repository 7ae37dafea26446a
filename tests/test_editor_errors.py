"""An editor's mistake fails the build with a message that names the file."""

from __future__ import annotations

import re

from conftest import mkdocs_build


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_to(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_unmodified_copy_builds(project_copy, tmp_path):
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_page_in_one_language_only_fails_the_build(project_copy, tmp_path):
    (project_copy / "docs" / "fr" / "nouvelle-page.md").write_text("---\ndescription: x\n---\n\n# Nouvelle\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/fr/nouvelle-page.md:1: this page has no 'en' version" in result.stderr


def test_a_broken_link_fails_the_build_naming_the_file(project_copy, tmp_path):
    append_to(project_copy / "docs" / "en" / "roles.md", "\nSee [the missing page](missing-page.md).\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"en/roles\.md.*missing-page\.md", result.stderr)


def test_a_broken_anchor_fails_the_build_naming_the_file(project_copy, tmp_path):
    append_to(project_copy / "docs" / "fr" / "roles.md", "\nVoir [la section](competencies.md#no-such-section).\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert re.search(r"fr/roles\.md.*#no-such-section", result.stderr)


def test_a_nav_entry_pointing_nowhere_fails_the_build(project_copy, tmp_path):
    replace_in(project_copy / "mkdocs.yml", "      - competencies.md\n", "      - competencies.md\n      - no-such-page.md\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-page.md" in result.stderr


def test_an_unknown_placeholder_fails_the_build_with_file_and_line(project_copy, tmp_path):
    page = project_copy / "docs" / "en" / "contribute.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    append_to(page, "\nWrite to {{ contact_mail }}.\n")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/en/contribute.md:{lines + 2}: unknown placeholder {{{{ contact_mail }}}}" in result.stderr
