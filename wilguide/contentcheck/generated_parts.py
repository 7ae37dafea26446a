"""The parts the build generates from content files: checked here too, so the editors' command
reports a broken content/planner.yml, a planner link to a renamed heading or a deleted marker
before the build does, with the same messages."""

from __future__ import annotations

from ..checklists.web import BUNDLE_MARKER, LIST_MARKER
from ..findings import ContentError, Finding
from ..planner import DATA_FILE_NAME, MARKERS, PAGE, load_planner_config, plan_data
from .project import Project

TOOLKIT_INDEX = "toolkit/index.md"


def planner_data(project: Project) -> list[Finding]:
    """content/planner.yml parses, and its links and agendas resolve in every language."""
    path = project.root / "content" / DATA_FILE_NAME
    if not path.exists():
        return []
    findings: list[Finding] = []
    with project.working_directory():
        try:
            config = load_planner_config(path.relative_to(project.root), project.languages)
        except ContentError as error:
            return list(error.findings)
        for lang in project.languages:
            try:
                plan_data(config, project.docs_dir, lang, lambda target: target)
            except ContentError as error:
                findings += error.findings
    return findings


def page_markers(project: Project) -> list[Finding]:
    """The pages the build fills in keep the markers it fills."""
    needed = {
        PAGE: (MARKERS, "the planner page must contain the line {marker}"),
        TOOLKIT_INDEX: ((LIST_MARKER, BUNDLE_MARKER), "the toolkit index needs the marker {marker} where the checklists and their ZIP are listed"),
    }
    findings = []
    for lang in project.languages:
        for name, (markers, message) in needed.items():
            page = project.pages[lang].get(name)
            if page is None:
                continue
            findings += [Finding(page.display, 1, message.format(marker=marker)) for marker in markers if marker not in page.text]
    return findings
