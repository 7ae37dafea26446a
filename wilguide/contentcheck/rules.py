"""The rules, by name. The build runs BUILD_RULES (hooks/content_check.py); the command runs all.

House terms and figures are editorial: they stay out of the build, so a preview (`mkdocs serve`)
never stops on a word choice, while the pull-request check still requires them.
"""

from __future__ import annotations

from typing import Callable

from ..findings import Finding
from .figures import figures_on_references
from .house_terms import house_terms
from .links import links_and_anchors
from .project import Project
from .structure import (
    checklist_items_in_every_language,
    front_matter,
    headings_in_every_language,
    known_placeholders,
    pages_in_every_language,
)

Rule = Callable[[Project], list[Finding]]

ALL_RULES: dict[str, Rule] = {
    "pages": pages_in_every_language,
    "front-matter": front_matter,
    "headings": headings_in_every_language,
    "checklists": checklist_items_in_every_language,
    "links": links_and_anchors,
    "placeholders": known_placeholders,
    "house-terms": house_terms,
    "figures": figures_on_references,
}

# Page parity and placeholders already fail the build from their own hooks; checklists from theirs.
BUILD_RULES = ("front-matter", "headings", "links")


def run_rules(project: Project, names=None) -> list[Finding]:
    """Every finding of the named rules (all by default), sorted by file and line, without repeats."""
    findings: set[Finding] = set()
    for name in names or ALL_RULES:
        findings.update(ALL_RULES[name](project))
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))
