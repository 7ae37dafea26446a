"""The rules, by name. The build runs BUILD_RULES (hooks/content_check.py); the command runs all.

House terms and figures are editorial: they stay out of the build, so a preview (`mkdocs serve`)
never stops on a word choice, while the pull-request check still requires them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .. import cache
from ..findings import Finding
from .abbreviations import abbreviation_files
from .blocks import blocks
from .figures import figures_linked_to_sources, figures_on_references
from .french_spacing import french_spacing
from .generated_parts import page_markers, planner_data, tool_order
from .glossary_terms import glossary_terms
from .front_matter import front_matter
from .house_terms import house_terms
from .link_names import link_names
from .list_starts import list_starts
from .links import links_and_anchors
from .navigation import navigation
from .paragraph_length import paragraph_length
from .planner_fixture import planner_fixture
from .practice_names import practice_names
from .project import Project
from .structure import (
    checklist_items_in_every_language,
    headings_in_every_language,
    known_placeholders,
    pages_in_every_language,
)

Rule = Callable[[Project], list[Finding]]

ALL_RULES: dict[str, Rule] = {
    "pages": pages_in_every_language,
    "front-matter": front_matter,
    "headings": headings_in_every_language,
    "glossary-terms": glossary_terms,
    "checklists": checklist_items_in_every_language,
    "links": links_and_anchors,
    "link-names": link_names,
    "placeholders": known_placeholders,
    "house-terms": house_terms,
    "figures": figures_on_references,
    "figure-sources": figures_linked_to_sources,
    "practice-names": practice_names,
    "french-spacing": french_spacing,
    "abbreviations": abbreviation_files,
    "navigation": navigation,
    "blocks": blocks,
    "list-starts": list_starts,
    "paragraph-length": paragraph_length,
    "planner": planner_data,
    "planner-fixture": planner_fixture,
    "markers": page_markers,
    "tool-order": tool_order,
}

# Everything that would stop the build, checked before it starts, so an editor sees every problem
# in one build (page parity, placeholders and checklists keep their own hooks' checks as well).
# Not "planner-fixture": a stale test copy is the pull request's business, not a preview's. Not
# "tool-order": a checklist left out of "Which tool, when" still goes in the ZIP, after the others.
BUILD_RULES = (
    "pages", "front-matter", "headings", "glossary-terms", "checklists", "links", "placeholders", "abbreviations", "navigation", "blocks", "list-starts",
    "planner", "markers",
)


def run_rules(project: Project, names=None) -> list[Finding]:
    """Every finding of the named rules (all by default), sorted by file and line, without repeats."""
    findings: set[Finding] = set()
    for name in names or ALL_RULES:
        findings.update(ALL_RULES[name](project))
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))


class _Found(Exception):
    def __init__(self, findings: list[Finding]):
        self.findings = findings


def _inputs(project: Project, names) -> list[str | bytes]:
    """Everything a check's result depends on: the pages' text, which other files exist, the
    settings, and the checker's code with the Markdown and MkDocs versions that render pages."""
    files = []
    for file in project.files:
        files.append(file.src_uri)
        if file.is_documentation_page():
            files.append(Path(file.abs_src_path).read_bytes())
    includes = sorted((project.root / "includes").glob("*.md")) + sorted((project.root / "content").glob("*.yml"))
    files += [data for path in includes for data in (path.name, path.read_bytes())]
    return [",".join(names), *project.markdown_identity, *files, cache.code_identity()]


def run_rules_unless_unchanged(project: Project, names) -> list[Finding]:
    """``run_rules``, skipped when the same pages, files, settings and code passed it before: a
    rebuild with nothing changed then reads the pages instead of checking them. Only a clean result
    is remembered, so a problem is reported on every build until it is fixed."""

    def check(stamp: Path) -> None:
        findings = run_rules(project, names)
        if findings:
            raise _Found(findings)
        stamp.write_text("no finding\n", encoding="utf-8")

    try:
        cache.cached_file("content-check", _inputs(project, names), ".ok", check)
    except _Found as found:
        return found.findings
    return []
