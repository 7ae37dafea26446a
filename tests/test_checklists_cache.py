"""Checklist downloads are cached by content hash: a clean cache regenerates everything, a rebuild
with no checklist change regenerates nothing, and a change regenerates only what it touches.
(A real build's use of the cache is tested in test_other_base_urls.py, the keys in test_cache_keys.py.)"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from wilguide import cache
from wilguide.checklists import load_all
from wilguide.checklists.downloads import produce_downloads

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("checklists-pdf", "checklists-docx", "checklists-zip")
VALUES = {"publisher": "Test Publisher"}


def replaced(text: str, old: str, new: str) -> str:
    """The text with its first ``old`` replaced; the test fails if there is nothing to replace."""
    assert old in text, f"test setup: {old!r} is not in the text any more"
    return text.replace(old, new, 1)


def generated_since(before: dict[str, int]) -> dict[str, int]:
    return {kind: cache.generated_count.get(kind, 0) - before.get(kind, 0) for kind in KINDS}


def produce(docs: Path, lang: str):
    return produce_downloads(list(load_all(docs, ["fr", "en"])[lang].values()), lang, VALUES)


def test_clean_cache_generates_all_then_nothing_then_only_the_changed_checklist(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    for lang in ("fr", "en"):
        shutil.copytree(ROOT / "docs" / lang / "toolkit", docs / lang / "toolkit")

    before = dict(cache.generated_count)
    first = produce(docs, "en")
    # Nine checklists and two templates.
    assert generated_since(before) == {"checklists-pdf": 11, "checklists-docx": 11, "checklists-zip": 1}
    mtimes = {d.path: d.path.stat().st_mtime_ns for d in first}

    before = dict(cache.generated_count)
    second = produce(docs, "en")
    assert generated_since(before) == {"checklists-pdf": 0, "checklists-docx": 0, "checklists-zip": 0}
    assert second == first
    assert {d.path: d.path.stat().st_mtime_ns for d in second} == mtimes

    # Prose outside the items and line positions are not part of any download.
    for lang in ("fr", "en"):
        page = docs / lang / "toolkit" / "first-week.md"
        text = page.read_text(encoding="utf-8")
        page.write_text(replaced(text, "\n## ", "\nAnother web-only sentence.\n\n## "), encoding="utf-8")
    before = dict(cache.generated_count)
    assert produce(docs, "en") == first
    assert generated_since(before) == {"checklists-pdf": 0, "checklists-docx": 0, "checklists-zip": 0}

    # Rewording one item regenerates that checklist's PDF and Word file, and the ZIP.
    page = docs / "en" / "toolkit" / "first-week.md"
    page.write_text(replaced(page.read_text(encoding="utf-8"), "Set up lunch or a coffee", "Plan a lunch or a coffee"), encoding="utf-8")
    before = dict(cache.generated_count)
    third = produce(docs, "en")
    assert generated_since(before) == {"checklists-pdf": 1, "checklists-docx": 1, "checklists-zip": 1}
    changed = {d.url for d, old in zip(third, first) if d.path != old.path}
    assert changed == {
        "toolkit/downloads/first-week-welcome-and-onboarding.pdf",
        "toolkit/downloads/first-week-welcome-and-onboarding.docx",
        "toolkit/downloads/all-checklists-and-templates.zip",
    }


def test_the_downloads_take_the_plan_their_files_were_started_with(tmp_path, monkeypatch):
    """A build starts the missing files (start_in_parallel), then lists the downloads: the second
    step reuses the first one's printed checklists and keys, unless the settings differ."""
    from wilguide.checklists import downloads

    def stand_in(kind, key, suffix, produce):  # nothing typeset: a file whose content is its key
        target = tmp_path / "cache" / kind / f"{cache.content_hash(key)}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(cache.content_hash(key), encoding="utf-8")
        return target

    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "cached_file", stand_in)
    checklists = list(load_all(ROOT / "docs", ["fr", "en"])["fr"].values())
    listed = produce_downloads(checklists, "fr", VALUES)  # every file now in the cache

    plan, futures = downloads.start_in_parallel(checklists, "fr", VALUES)
    assert futures == []  # nothing missing, nothing started
    worked_out = []
    real_planned_files = downloads.planned_files
    monkeypatch.setattr(downloads, "planned_files", lambda checklist, *rest: worked_out.append(checklist.slug) or real_planned_files(checklist, *rest))
    assert produce_downloads(checklists, "fr", VALUES, plan) == listed
    assert worked_out == []

    # Other settings: the plan is not theirs, and the files follow the new publisher.
    other = produce_downloads(checklists, "fr", {"publisher": "Another Publisher"}, plan)
    assert len(worked_out) == len(checklists) == 11
    assert [d.path for d in other] != [d.path for d in listed]
    # Other checklists (a later build's, read again): not theirs either.
    worked_out.clear()
    reread = list(load_all(ROOT / "docs", ["fr", "en"])["fr"].values())
    reread = [dataclasses.replace(checklist) for checklist in reread]
    assert produce_downloads(reread, "fr", VALUES, plan) == listed
    assert len(worked_out) == 11
