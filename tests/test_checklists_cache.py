"""Checklist downloads are cached by content hash: a clean cache regenerates everything, a rebuild
with no checklist change regenerates nothing, and a change regenerates only what it touches."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import copy_project, mkdocs_build
from wilguide import cache
from wilguide.checklists import load_all
from wilguide.checklists.downloads import produce_downloads

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("checklists-pdf", "checklists-docx", "checklists-zip")
VALUES = {"publisher": "Test Publisher"}


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
        page.write_text(text.replace("\n## ", "\nAnother web-only sentence.\n\n## ", 1), encoding="utf-8")
    before = dict(cache.generated_count)
    assert produce(docs, "en") == first
    assert generated_since(before) == {"checklists-pdf": 0, "checklists-docx": 0, "checklists-zip": 0}

    # Rewording one item regenerates that checklist's PDF and Word file, and the ZIP.
    page = docs / "en" / "toolkit" / "first-week.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Set up lunch or a coffee", "Plan a lunch or a coffee"), encoding="utf-8")
    before = dict(cache.generated_count)
    third = produce(docs, "en")
    assert generated_since(before) == {"checklists-pdf": 1, "checklists-docx": 1, "checklists-zip": 1}
    changed = {d.url for d, old in zip(third, first) if d.path != old.path}
    assert changed == {
        "toolkit/downloads/first-week-welcome-and-onboarding.pdf",
        "toolkit/downloads/first-week-welcome-and-onboarding.docx",
        "toolkit/downloads/all-checklists.zip",
    }


def _cached_files(cache_dir: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for kind in KINDS for path in (cache_dir / kind).glob("*") if path.is_file()}


def test_a_real_build_uses_the_cache(tmp_path):
    """Two strict builds sharing an empty cache: the first generates all 46 files, the second none."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    # The guide PDF is not under test here and is the slowest step: leave its hook out.
    config.write_text(config.read_text(encoding="utf-8").replace("  - hooks/guide_pdf.py\n", ""), encoding="utf-8")
    cache_dir = tmp_path / "cache"

    result = mkdocs_build(project, tmp_path / "site1", WILGUIDE_CACHE_DIR=str(cache_dir))
    assert result.returncode == 0, result.stderr[-4000:]
    first = _cached_files(cache_dir)
    assert len(first) == 2 * (11 + 11 + 1)  # per language: 9 checklists and 2 templates, PDF and Word, a ZIP

    result = mkdocs_build(project, tmp_path / "site2", WILGUIDE_CACHE_DIR=str(cache_dir))
    assert result.returncode == 0, result.stderr[-4000:]
    assert _cached_files(cache_dir) == first  # no new file, none rewritten
    for name in ("toolkit/downloads/toutes-les-listes-de-verification.zip", "en/toolkit/downloads/all-checklists.zip"):
        assert (tmp_path / "site1" / name).read_bytes() == (tmp_path / "site2" / name).read_bytes()
