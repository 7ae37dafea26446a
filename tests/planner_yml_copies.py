"""A changed copy of content/planner.yml, loaded the way the build loads it: for the tests of its
settings' messages (file:line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wilguide.findings import ContentError
from wilguide.planner import load_planner_config

DATA_FILE = Path(__file__).resolve().parent.parent / "content" / "planner.yml"
COPY = Path("content") / "planner.yml"  # under tmp_path, as the build names it in its messages


def findings_in_copy(tmp_path: Path, monkeypatch, old: str, new: str) -> tuple[list[str], int]:
    """The findings for a copy of planner.yml at content/planner.yml with ``old`` replaced, and the
    line of the replacement's last line."""
    findings = findings_in_changed_copy(tmp_path, monkeypatch, [(old, new)])
    changed = (tmp_path / COPY).read_text(encoding="utf-8")
    return findings, changed[: changed.index(new) + len(new)].rstrip("\n").count("\n") + 1


def findings_in_changed_copy(tmp_path: Path, monkeypatch, changes: list[tuple[str, str]]) -> list[str]:
    """The findings for a copy of planner.yml at content/planner.yml with each (old, new) of
    ``changes`` made once, in turn."""
    text = DATA_FILE.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"test setup: {old!r} not in planner.yml"
        text = text.replace(old, new, 1)
    (tmp_path / "content").mkdir()
    (tmp_path / COPY).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as caught:
        load_planner_config(COPY)
    return [str(f) for f in caught.value.findings]


def line_in_copy(tmp_path: Path, snippet: str) -> int:
    """The line of the written copy that holds ``snippet``, which must be on one line only."""
    lines = [n for n, line in enumerate((tmp_path / COPY).read_text(encoding="utf-8").splitlines(), 1) if snippet in line]
    assert len(lines) == 1, f"test setup: {snippet!r} is on lines {lines} of the copy"
    return lines[0]
