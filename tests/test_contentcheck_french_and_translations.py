"""What an editor reads for three small mistakes: a French colon or guillemet with no space at all,
an "intern" in English copy, and a page changed since its translation was recorded (the line it
points at is the first changed one).

Fixtures as in test_contentcheck.py: tests/fixtures/contentcheck/<case>/ copied over valid/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import replace_once
from test_contentcheck import findings_of, fixture_tree
from test_translation_record import git
from wilguide.contentcheck import load_project
from wilguide.contentcheck.translations import translation_status
from wilguide.contentcheck.translations_cli import main as translations_main

ROOT = Path(__file__).resolve().parent.parent
HOW_TO_TYPE = "on macOS Option+Space, on Windows Alt+0160, or copy one from another « : » on this page"


def test_french_colon_and_guillemets_with_no_space_at_all(tmp_path):
    # Not reported (french-missing-spaces/docs/fr/guide.md:19-31): code, icons' codes, a mailto:
    # whose address is a placeholder, text marked English (<span lang="en">, { lang="en" }), a
    # time, an address, an attribute list, a box, a definition list and a link definition's label.
    # Checklist items are read too: the build turns " :" into a no-break space, but adds none to "dates:".
    colon = (f'add a no-break space (U+00A0) before it, so the line cannot break there ({HOW_TO_TYPE}), '
             'or, if the words are English, mark them <span lang="en">…</span>')
    before = f"add a no-break space (U+00A0) before it, so the line cannot break there ({HOW_TO_TYPE})"
    after = f"add a no-break space (U+00A0) after it, so the line cannot break there ({HOW_TO_TYPE})"
    assert findings_of(fixture_tree(tmp_path, "french-missing-spaces")) == [
        f'docs/fr/guide.md:2: no space before ":" in "rôle:": {colon}',
        f'docs/fr/guide.md:11: no space before ":" in "Auteur:": {colon}',
        f'docs/fr/guide.md:11: no space before ":" in "Date**:": {colon}',
        f'docs/fr/guide.md:11: no space before ":" in "rôle:": {colon}',
        f'docs/fr/guide.md:12: an ordinary space next to "«": type a no-break space (U+00A0) instead, so the line '
        f"cannot break there ({HOW_TO_TYPE})",
        f'docs/fr/guide.md:12: no space after "«" in "«bonjour": {after}',
        f'docs/fr/guide.md:12: no space before "»" in "bonjour»": {before}',
        f'docs/fr/guide.md:12: no space before "»" in "merci»": {before}',
        f'docs/fr/guide.md:12: no space before "»" in "revoir»": {before}',
        # a tag next to the guillemet is no space: the reader sees «hello»
        f'docs/fr/guide.md:13: no space after "«" in "«hello": {after}',
        f'docs/fr/guide.md:13: no space before "»" in "hello»": {before}',
        f'docs/fr/toolkit/checklist.md:10: no space before ":" in "dates:": {colon}',
    ]


def test_a_percent_sign_right_after_a_number(tmp_path):
    # An English keyboard's "42%" passed every check; a "%" inside an address is not French text.
    root = fixture_tree(tmp_path)
    line = replace_once(
        root / "docs/fr/guide.md",
        "1. Fixez le rythme.",
        "1. Fixez le rythme pour 42% des cas, ou 12,5%, selon <https://example.org/d%C3%A9pistage-2016%20x>.",
    )
    before = f"add a no-break space (U+00A0) before it, so the line cannot break there ({HOW_TO_TYPE})"
    assert findings_of(root, ["french-spacing"]) == [
        f'docs/fr/guide.md:{line}: no space before "%" in "12,5%": {before}',
        f'docs/fr/guide.md:{line}: no space before "%" in "42%": {before}',
    ]


def test_the_house_term_for_intern_reads_without_nested_quotes(tmp_path):
    root = fixture_tree(tmp_path)
    shutil.copy(ROOT / "content" / "house-terms.yml", root / "content" / "house-terms.yml")
    line = replace_once(root / "docs/en/guide.md", "1. Set the rhythm.", "1. Set the rhythm with your intern.")
    assert findings_of(root, ["house-terms"]) == [
        f'docs/en/guide.md:{line}: "intern": the house term is "student" (or "co-op student", "student in '
        'placement"; "intern" fits one type of placement only, while "internship" as a type of placement is fine)',
    ]


@pytest.fixture
def recorded(tmp_path) -> Path:
    """The valid fixture in a Git repository, every pair recorded in step."""
    root = fixture_tree(tmp_path)
    git(root, "init", "-q", "-b", "main")
    assert translations_main(["--root", str(root), "record", "--all"]) == 0
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Both languages, recorded in step")
    return root


def warning_lines(root: Path) -> list[str]:
    warnings, errors = translation_status(load_project(root))
    assert errors == []
    return [":".join(str(warning).split(":")[:2]) for warning in warnings]


def test_a_translation_warning_points_at_the_changed_line_not_the_line_before(recorded):
    # The diff shows one line of context before the change: the warning skips it.
    line = replace_once(recorded / "docs/fr/guide.md", "2. Revoyez-le", "2. Revoyez-le ensemble")
    assert line == 10
    assert warning_lines(recorded) == ["docs/fr/guide.md:10"]


def test_a_removed_line_is_reported_where_it_was(recorded):
    # Line 9 ("1. Fixez le rythme.") removed: line 9 is now the one that followed it.
    replace_once(recorded / "docs/fr/guide.md", "1. Fixez le rythme.\n", "")
    assert warning_lines(recorded) == ["docs/fr/guide.md:9"]


def test_a_removed_last_line_is_reported_at_the_new_last_line(recorded):
    page = recorded / "docs/en/guide.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    page.write_text("".join(lines[:-1]), encoding="utf-8")
    assert warning_lines(recorded) == [f"docs/en/guide.md:{len(lines) - 1}"]
