"""Differences between the two languages reported where the editor made them: once a page pair is
recorded in step (content/translation-record.yml), an order difference goes to the one file that
changed since, with the other file's line.

Fixtures as in test_contentcheck.py: tests/fixtures/contentcheck/<case>/ copied over valid/.
"""

from __future__ import annotations

from pathlib import Path

from test_contentcheck import findings_of, fixture_tree
from wilguide.contentcheck.translations_cli import main as translations_main


def recorded(root: Path) -> Path:
    """Every page pair recorded in step, as an editor does after checking them."""
    assert translations_main(["--root", str(root), "record", "--all"]) == 0
    return root


def test_h2s_swapped_in_french_after_the_record_are_reported_in_french_with_the_english_line(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    page = root / "docs/fr/guide.md"
    text = page.read_text(encoding="utf-8")
    first, second = text.index("## Comment s'y prendre"), text.index("## Outils")
    page.write_text(text[:first] + text[second:].rstrip("\n") + "\n\n" + text[first:second].rstrip("\n") + "\n", encoding="utf-8")
    assert findings_of(root) == [
        "docs/fr/guide.md:11: the H2 { #what-to-do } is out of order: in docs/en/guide.md:7 it comes first; both languages "
        "have the same H2s in the same order",
    ]
