"""The rules, by name. The build runs BUILD_RULES (build_check.py); the command runs all.

House terms and figures are editorial: they stay out of the build, so a preview (`mkdocs serve`)
never stops on a word choice, while the pull-request check still requires them.
"""

from __future__ import annotations

from typing import Callable

from ..findings import Finding
from .abbreviations import abbreviation_files
from .build_check import BUILD_RULES, run_rules_unless_unchanged  # noqa: F401 (imported from here too)
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

def run_rules(project: Project, names=None) -> list[Finding]:
    """Every finding of the named rules (all by default), sorted by file and line, without repeats."""
    findings: set[Finding] = set()
    for name in names or ALL_RULES:
        findings.update(ALL_RULES[name](project))
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))

