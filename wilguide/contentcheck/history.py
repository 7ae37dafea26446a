"""Translation status: pages changed in one language after the other language last changed.

Read from git history (the last commit touching each file, plus uncommitted changes). Pages
changed in the same commit are in sync, so a change committed with its translation (or a pull
request merged as one commit) leaves no warning. These are warnings: a typo fixed in one language
needs no translation, but a reviewer should know.
Without git, outside a repository or in a shallow clone the status cannot be known: it is
skipped with a note, never guessed.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..findings import Finding
from .project import Project

UNCOMMITTED = -1


@dataclass(frozen=True)
class LastChange:
    rank: int  # position in the history, 0 = newest commit; UNCOMMITTED = changed in the working tree
    commit: str = ""
    timestamp: int = 0

    def describe(self) -> str:
        if self.rank == UNCOMMITTED:
            return "uncommitted changes"
        day = datetime.fromtimestamp(self.timestamp, timezone.utc).strftime("%Y-%m-%d")
        return f"{day}, commit {self.commit[:7]}"


class HistoryUnavailable(Exception):
    """Why the translation status cannot be read."""


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise HistoryUnavailable(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return result.stdout


def last_changes(root: Path, folder: Path) -> tuple[Path, dict[str, LastChange]]:
    """The repository's folder, and {path relative to it: LastChange} for the files under ``folder``."""
    if shutil.which("git") is None:
        raise HistoryUnavailable("git is not installed")
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").strip())
    except HistoryUnavailable:
        raise HistoryUnavailable("this folder is not a git repository") from None
    if _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
        raise HistoryUnavailable(
            "this is a shallow clone without the full history (run `git fetch --unshallow`; "
            "in GitHub Actions, give actions/checkout `fetch-depth: 0`)"
        )
    scope = folder.resolve().relative_to(top.resolve()).as_posix()
    changes: dict[str, LastChange] = {}
    log = _git(top, "-c", "core.quotepath=off", "log", "--format=%x00%H %ct", "--name-only", "--", scope)
    for rank, entry in enumerate(log.split("\x00")[1:]):
        header, *names = entry.strip("\n").split("\n")
        commit, timestamp = header.split()
        for name in filter(None, names):
            changes.setdefault(name, LastChange(rank, commit, int(timestamp)))
    status = _git(top, "-c", "core.quotepath=off", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", scope)
    records = status.split("\x00")
    index = 0
    while index < len(records):
        record = records[index]
        index += 1
        if len(record) < 4:
            continue
        if record[0] in "RC":  # a rename is followed by its former name
            index += 1
        changes[record[3:]] = LastChange(UNCOMMITTED)
    return top.resolve(), changes


def translation_status(project: Project) -> tuple[list[Finding], str | None]:
    """(warnings, None), or ([], why the status is unknown)."""
    try:
        top, changes = last_changes(project.root, project.docs_dir)
    except (HistoryUnavailable, OSError, subprocess.SubprocessError) as error:
        return [], str(error)
    warnings = []
    for versions in project.counterparts().values():
        if len(versions) < 2:
            continue
        known = {}
        for lang, page in versions.items():
            change = changes.get(page.path.resolve().relative_to(top).as_posix())
            if change is not None:
                known[lang] = change
        if len(known) < 2:
            continue
        newest_lang = min(known, key=lambda lang: known[lang].rank)
        newest = known[newest_lang]
        for lang, change in known.items():
            if change.rank > newest.rank:
                page, newer = versions[lang], versions[newest_lang]
                warnings.append(
                    Finding(page.display, 1, f"warning: {newer.display} changed after this page (there: {newest.describe()}; "
                            f"here: {change.describe()}): check that this page still says the same, and update it if not")
                )
    return sorted(warnings), None
