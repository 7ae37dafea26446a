"""A changed copy of content/planner.yml, loaded the way the build loads it: for the tests of its
settings' messages (file:line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wilguide.findings import ContentError
from wilguide.planner import load_planner_config

DATA_FILE = Path(__file__).resolve().parent.parent / "content" / "planner.yml"


def findings_in_copy(tmp_path: Path, monkeypatch, old: str, new: str) -> tuple[list[str], int]:
    """The findings for a copy of planner.yml at content/planner.yml with ``old`` replaced, and the
    line of the replacement's last line."""
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in planner.yml"
    changed = text.replace(old, new, 1)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "planner.yml").write_text(changed, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ContentError) as caught:
        load_planner_config(Path("content/planner.yml"))
    return [str(f) for f in caught.value.findings], changed[: changed.index(new) + len(new)].rstrip("\n").count("\n") + 1
