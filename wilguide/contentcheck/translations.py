"""Translation status: which page pairs an editor recorded as saying the same thing, and what
changed since.

``content/translation-record.yml`` keeps, for each page pair, the Git blob id of each language's
file at the moment an editor checked that both say the same (``.venv/bin/wilguide-translations record``
writes it; the pull request shows the change). A pair whose files still have those ids is in step.
When a file changed since, the status says so on the other language's page, with the lines that
changed (read from the recorded blob, which Git keeps once the record is committed).

Blob ids are computed here, exactly as ``git hash-object`` does, so the status itself needs no
Git; only the short diff needs the repository's objects.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..findings import Finding
from ..planner.yamllines import LineDict, load_with_lines
from ..yamlload import yaml_problem
from .project import Project
from .renames import redirected_addresses, renamed_title, retired_page_problem

RECORD_FILE = "content/translation-record.yml"
RECORD_HEADER = """\
# Translation record: for each page pair, the Git blob id of each language's file when an editor
# last checked that both languages say the same thing. Do not edit by hand: after checking a pair,
# run `.venv/bin/wilguide-translations record PAGE` (for example `.venv/bin/wilguide-translations record roles.md`)
# and commit this file with the pages. `.venv/bin/wilguide-translations status` lists the pairs that changed.
"""
BLOB_ID = re.compile(r"^[0-9a-f]{40}$")
MAX_DIFF_LINES = 24

IN_STEP, CHANGED, NOT_RECORDED = "in step", "changed", "not recorded"


def blob_id(data: bytes) -> str:
    """The id Git gives a file's content (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class PairStatus:
    name: str  # page path inside each language folder, e.g. "roles.md"
    state: str
    changed: list[str] = field(default_factory=list)  # languages whose file changed since the record
    diffs: dict[str, list[str]] = field(default_factory=dict)  # language: unified diff lines (may be empty)
    diff_unavailable: dict[str, str] = field(default_factory=dict)  # language: why no diff


def record_path(project: Project) -> Path:
    return project.root / RECORD_FILE


def load_record(project: Project) -> tuple[dict[str, dict[str, str]], list[Finding]]:
    """The record ({page: {lang: blob id}}) and the problems in its file, each at its line."""
    record, problems, _ = _read_record(project)
    return record, problems


def _read_record(project: Project) -> tuple[dict[str, dict[str, str]], list[Finding], list[str]]:
    """load_record's result, and what to tell the editor about each recorded page that is gone
    without a redirect for its old address (recording is refused until it has one)."""
    path = record_path(project)
    display = project.display(path)
    if not path.is_file():
        return {}, [], []
    try:
        data = load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, path.read_text(encoding="utf-8"))
        return {}, [Finding(display, line, f"not valid YAML ({problem}): "
                                           "restore the file from Git and run `.venv/bin/wilguide-translations record` again")], []
    if data is None:
        return {}, [], []
    problems: list[Finding] = []
    lost: list[str] = []
    if not isinstance(data, LineDict) or not isinstance(data.get("pages", {}), LineDict):
        return {}, [Finding(display, 1, "expected `pages:` followed by one entry per page: "
                                        "run `.venv/bin/wilguide-translations record --all` to write it again")], []
    pairs = project.counterparts()
    redirects = redirected_addresses(project)
    pages: LineDict = data.get("pages") or LineDict()
    record: dict[str, dict[str, str]] = {}
    for name, entry in pages.items():
        line = pages.line_of(name)
        if name not in pairs:
            message, kept = retired_page_problem(name, redirects)
            problems.append(Finding(display, line, message))
            if not kept:
                lost.append(message)
            continue
        if not isinstance(entry, dict):
            problems.append(Finding(display, line, f"`{name}` needs one blob id per language, like `{{fr: …, en: …}}`: "
                                                   f"run `.venv/bin/wilguide-translations record {name}`"))
            continue
        ids = {}
        for lang, value in entry.items():
            if lang not in project.languages:
                problems.append(Finding(display, line, f"`{name}`: `{lang}` is not a language of the site "
                                                       f"({', '.join(project.languages)})"))
            elif not isinstance(value, str) or not BLOB_ID.match(value):
                problems.append(Finding(display, line, f"`{name}`: the {lang} value is not a Git blob id (40 hexadecimal "
                                                       f"characters): run `.venv/bin/wilguide-translations record {name}`"))
            else:
                ids[lang] = value
        record[name] = ids
    return record, problems, lost


def _recorded_text(project: Project, blob: str) -> tuple[str | None, str]:
    """The file as recorded, from Git's objects, or (None, why not)."""
    return _git_blob(project.root, blob)


@functools.lru_cache(maxsize=256)
def _git_blob(root: Path, blob: str) -> tuple[str | None, str]:
    # Cached: the status's diff and the rename check both read a changed page's recorded version.
    if shutil.which("git") is None:
        return None, "git is not installed"
    result = subprocess.run(["git", "cat-file", "blob", blob], cwd=root, capture_output=True, timeout=30)
    if result.returncode != 0:
        return None, ("the recorded version is not in this repository (a shallow clone, or a record "
                      "written from uncommitted files)")
    return result.stdout.decode("utf-8-sig", errors="replace"), ""


def _diff(old: str, new: str, label: str) -> list[str]:
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"{label} (recorded)", label, n=1, lineterm=""))
    if len(lines) > MAX_DIFF_LINES:
        lines = lines[:MAX_DIFF_LINES] + [f"… {len(lines) - MAX_DIFF_LINES} more diff lines"]
    return lines


def pair_statuses(project: Project, record: dict[str, dict[str, str]] | None = None) -> list[PairStatus]:
    """One status per page that exists in every language."""
    if record is None:
        record, _ = load_record(project)
    statuses = []
    for name, versions in project.counterparts().items():
        if set(versions) != set(project.languages):
            continue  # a missing page is the page-parity rule's error, not a translation status
        recorded = record.get(name, {})
        if set(recorded) != set(versions):
            statuses.append(PairStatus(name, NOT_RECORDED))
            continue
        status = PairStatus(name, IN_STEP)
        for lang, page in versions.items():
            if blob_id(page.path.read_bytes()) == recorded[lang]:
                continue
            status.state = CHANGED
            status.changed.append(lang)
            old, why = _recorded_text(project, recorded[lang])
            if old is None:
                status.diff_unavailable[lang] = why
            else:
                status.diffs[lang] = _diff(old, page.text, page.display)
        statuses.append(status)
    return statuses


def changed_alone(project: Project) -> set[Path]:
    """The files that alone in their page pair changed since the pair was recorded in step.

    A difference between the two languages then comes from that file's edit, so a finding about
    the pair goes there, where the editor sees it next to the edit. A pair with no record, or with
    both files changed, has no such file."""

    def find() -> set[Path]:
        record, _ = load_record(project)
        found = set()
        for name, versions in project.counterparts().items():
            recorded = record.get(name, {})
            if set(recorded) != set(versions):
                continue
            changed = [page.path for lang, page in versions.items() if blob_id(page.path.read_bytes()) != recorded[lang]]
            if len(changed) == 1:
                found.add(changed[0].resolve())
        return found

    return project.cached("changed-alone", find)


def title_renames(project: Project, record: dict[str, dict[str, str]], names=None) -> list[Finding]:
    """Checklists whose title changed since their record without their old file names kept."""
    findings = []
    for name, versions in project.counterparts().items():
        if names is not None and name not in names:
            continue
        for lang, page in versions.items():
            recorded = record.get(name, {}).get(lang)
            if recorded and recorded != blob_id(page.path.read_bytes()):
                finding = renamed_title(page, _recorded_text(project, recorded)[0])
                if finding:
                    findings.append(finding)
    return findings


def translation_status(project: Project) -> tuple[list[Finding], list[Finding]]:
    """(warnings for pairs not in step, errors in the record file and renames that break saved links)."""
    record, errors = load_record(project)
    errors = errors + title_renames(project, record)
    warnings = []
    for status in pair_statuses(project, record):
        versions = project.counterparts()[status.name]
        if status.state == NOT_RECORDED:
            first = versions[project.languages[0]]
            warnings.append(Finding(first.display, 1, (
                f"warning: no translation record for {status.name}: check that every language says the same, "
                f"then run `.venv/bin/wilguide-translations record {status.name}`")))
            continue
        if status.state != CHANGED:
            continue
        for lang in status.changed:
            page = versions[lang]
            others = [versions[other].display for other in project.languages if other != lang]
            if len(status.changed) == len(project.languages):
                action = "both languages changed since the record: check they still say the same"
            else:
                action = f"update {', '.join(others)} to match if needed"
            details = status.diffs.get(lang) or [f"(changes not shown: {status.diff_unavailable.get(lang, 'no line changed')})"]
            first_line = _first_changed_line(status.diffs.get(lang), len(page.text.splitlines()))
            warnings.append(Finding(page.display, first_line, (
                f"warning: changed since its translation was recorded in step: {action}, then run "
                f"`.venv/bin/wilguide-translations record {status.name}`\n" + "\n".join("    " + line for line in details))))
    return sorted(warnings), errors


def _first_changed_line(diff: list[str] | None, last_line: int) -> int:
    """The current file's line of the diff's first added or removed line (for a removal, the line
    that now stands where it was), not the context line its hunk starts with."""
    line = None  # the current file's line number of the next diff line, once in a hunk
    for text in diff or []:
        hunk = re.match(r"^@@ -\d+(?:,\d+)? \+(\d+)", text)
        if hunk:
            line = int(hunk.group(1))
        elif line is not None and text[:1] in ("+", "-"):
            return max(1, min(line, last_line))
        elif line is not None and text[:1] == " ":
            line += 1
    return 1


def record_pairs(project: Project, names: list[str]) -> list[str]:
    """Record the given pairs (every pair when ``names`` is empty) as in step; return their names."""
    pairs = {name: versions for name, versions in project.counterparts().items()
             if set(versions) == set(project.languages)}
    unknown = [name for name in names if name not in pairs]
    if unknown:
        raise ValueError(f"not a page in every language: {', '.join(unknown)} (give the path inside docs/<language>/, "
                         "for example `practices/feedback.md`)")
    record, errors, lost = _read_record(project)
    lost += [f"{finding.path}:{finding.line}: {finding.message}" for finding in title_renames(project, record, names or None)]
    if lost:
        raise ValueError("an old address would stop working:\n" + "\n".join("  " + problem for problem in lost))
    if errors:
        # Keep the valid entries, drop the broken ones: the editor asked for a fresh record of them.
        record = {name: ids for name, ids in record.items() if name in pairs}
    chosen = names or list(pairs)
    for name in chosen:
        record[name] = {lang: blob_id(page.path.read_bytes()) for lang, page in sorted(pairs[name].items())}
    body = {"pages": {name: dict(sorted(record[name].items())) for name in sorted(record)}}
    text = RECORD_HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, default_flow_style=None, width=200)
    record_path(project).write_text(text, encoding="utf-8")
    return chosen
