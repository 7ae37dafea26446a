"""The planner's JavaScript tests read a committed copy of its English data,
tests/js/plan-data.en.json. Rewording an English checklist item that a meeting uses as an agenda
prompt makes that copy stale, and only the test suite used to say so, minutes later in CI, in
terms an editor cannot act on. This rule says it at the item's line, with what to do.

It stays out of the build's rules: a stale test copy must not stop a preview.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..checklists.parser import is_checklist_source, load_checklist
from ..findings import ContentError, Finding
from ..planner import DATA_FILE_NAME, load_planner_config, plan_data
from ..planner.data import MAX_PROMPTS, MIN_PROMPTS
from ..planner.pages import agenda_items, read_page
from ..planner.test_copies import PLAN_DATA_COPY, REFRESH_COMMAND, fake_url
from .project import Project

FIXTURE = PLAN_DATA_COPY
LANG = "en"  # the node tests read the English data only
REFRESH = f"run {REFRESH_COMMAND} and commit the files it refreshes (editing in the browser? say so in the pull request)"


def planner_fixture(project: Project) -> list[Finding]:
    """tests/js/plan-data.en.json is the data the build makes for English today."""
    fixture_path = project.root / FIXTURE
    config_path = project.root / "content" / DATA_FILE_NAME
    if not fixture_path.is_file() or not config_path.is_file() or LANG not in project.languages:
        return []
    with project.working_directory():
        try:
            config = load_planner_config(config_path.relative_to(project.root), project.languages)
            current = plan_data(config, project.docs_dir, LANG, fake_url)
        except ContentError:
            return []  # the planner and checklists rules report why the data cannot be made
        fixture = _read_fixture(fixture_path)
        if fixture == current:
            return []
        if fixture is None:  # unreadable: as stale as a wrong one, and refreshed the same way
            return [_fixture_finding("it is not valid JSON")]
        return _item_findings(project, config, current, fixture) or [_fixture_finding(_changes(current, fixture))]


def _read_fixture(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _item_findings(project: Project, config, current: dict, fixture: dict) -> list[Finding]:
    """Findings at the English items (or their heading) whose prompts differ; empty when every
    difference lies elsewhere in the data."""
    if set(current) != set(fixture) or any(current[key] != fixture[key] for key in current if key != "meetings"):
        return []
    old_meetings = fixture["meetings"] if isinstance(fixture["meetings"], dict) else {}
    if set(old_meetings) != set(current["meetings"]):
        return []
    findings: list[Finding] = []
    for meeting in config.meetings:
        new, old = current["meetings"][meeting["key"]], old_meetings.get(meeting["key"])
        if not isinstance(old, dict) or {**new, "prompts": None} != {**old, "prompts": None}:
            return []  # a name, a link or a setting changed: not an item
        if new["prompts"] != old["prompts"]:
            findings += _prompt_findings(project, meeting, new["prompts"], old["prompts"])
    return findings


def _prompt_findings(project: Project, meeting: dict, prompts: list[str], old: list[str]) -> list[Finding]:
    """At each item whose prompt is new or reworded; at the heading over the items when some were
    only removed or moved."""
    source = _prompt_source(project.docs_dir, meeting)
    if source is None:
        return []
    display = project.display(project.docs_dir / LANG / source.page)
    lines = _item_lines(project.docs_dir, source)
    changed = [line for prompt, line in zip(prompts, lines) if prompt not in old]
    if changed:
        return [Finding(display, line, f"this item is also a prompt in the check-in planner, and {FIXTURE} no longer matches it: {REFRESH}")
                for line in changed]
    why = " (an item was removed or moved)" if lines else ""
    return [Finding(display, _heading_line(project.docs_dir, source),
                    f"the items under this heading are prompts in the check-in planner, and {FIXTURE} no longer matches them{why}: {REFRESH}")]


def _prompt_source(docs_dir: Path, meeting: dict):
    """The agenda source the prompts come from: the first with enough items (as plan_data picks it)."""
    return next((source for source in meeting["agenda"] if len(agenda_items(docs_dir, LANG, source.target)) >= MIN_PROMPTS), None)


def _item_lines(docs_dir: Path, source) -> list[int]:
    """The line of each prompt's item, in prompt order; empty for a guide page's list (its lines
    are not kept: the finding then goes to the heading)."""
    checklist = _checklist(docs_dir, source.page)
    if checklist is None:
        return []
    sections = [s for s in checklist.sections if not source.anchor or s.id == source.anchor]
    return [item.line for section in sections for item in section.items if item.text.strip()][:MAX_PROMPTS]


def _heading_line(docs_dir: Path, source) -> int:
    """The line of the source's heading, or of the page's title for a whole page."""
    page = read_page(docs_dir / LANG / source.page)
    if page is None:
        return 1
    heading = page.heading(source.anchor) if source.anchor else next((h for h in page.headings if h.level == 1), None)
    return heading.line if heading else 1


def _checklist(docs_dir: Path, page: str):
    folder, _, name = page.rpartition("/")
    path = docs_dir / LANG / page
    if folder != "toolkit" or not path.is_file() or not is_checklist_source(path.read_text(encoding="utf-8")):
        return None
    return load_checklist(docs_dir, LANG, name.removesuffix(".md"))


def _changes(current: dict, fixture: dict) -> str:
    """What differs, by meeting and by top-level part, e.g. "changed: meeting 'touchpoint', strings"."""
    old_meetings = fixture.get("meetings") if isinstance(fixture.get("meetings"), dict) else {}
    meetings = [*current["meetings"], *(key for key in old_meetings if key not in current["meetings"])]
    changed = [f"meeting '{key}'" for key in meetings if old_meetings.get(key) != current["meetings"].get(key)]
    changed += [key for key in sorted(set(current) | set(fixture)) if key != "meetings" and current.get(key) != fixture.get(key)]
    return f"changed: {', '.join(changed)}"


def _fixture_finding(why: str) -> Finding:
    """When the difference is not an item: name the fixture and what changed in it."""
    return Finding(FIXTURE, 1, f"this copy of the check-in planner's English data no longer matches content/{DATA_FILE_NAME} "
                   f"and the English pages it reads ({why}): {REFRESH}")
