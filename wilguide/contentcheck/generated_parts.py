"""The parts the build generates from content files: checked here too, so the editors' command
reports a broken content/planner.yml, a planner link to a renamed heading or a deleted marker
before the build does, with the same messages (the same functions make them)."""

from __future__ import annotations

from ..checklists.bundle import order_findings
from ..checklists.parser import find_checklist_slugs
from ..checklists.web import INDEX_PAGE, missing_index_markers
from ..findings import ContentError, Finding
from ..planner import DATA_FILE_NAME, PAGE, load_planner_config, missing_markers, plan_data
from . import markdown_text
from .project import Project


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
    checks = {PAGE: missing_markers, INDEX_PAGE: missing_index_markers}
    findings = []
    for lang in project.languages:
        for name, missing in checks.items():
            page = project.pages[lang].get(name)
            if page is not None:
                findings += missing(page.text, page.display)
    return findings


def tool_order(project: Project) -> list[Finding]:
    """The toolkit index's "Which tool, when" list links every checklist and template: the ZIP of
    all of them numbers their files in that order (checklists/bundle.py)."""
    findings = []
    for lang in project.languages:
        index = project.pages[lang].get(INDEX_PAGE)
        slugs = find_checklist_slugs(project.docs_dir, lang)
        if index is None or not slugs:
            continue
        titles = {slug: _title(project, lang, slug) for slug in slugs}
        findings += order_findings(index.path, titles, index.display)
    return findings


def _title(project: Project, lang: str, slug: str) -> str:
    page = project.pages[lang].get(f"toolkit/{slug}.md")
    return (markdown_text.page_title(page.text) if page else None) or slug
