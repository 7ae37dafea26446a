"""The build's content check (hooks/content_check.py): which rules it runs, and skipping them when
the same pages, files, settings and code passed them before.

Apart from rules.py so that a rebuild with nothing changed does not import the rules' modules
(about 10 ms): they are imported when the rules run.
"""

from __future__ import annotations

from pathlib import Path

from .. import cache
from ..findings import Finding
from .project import Project

# Everything that would stop the build, checked before it starts, so an editor sees every problem
# in one build (page parity, placeholders and checklists keep their own hooks' checks as well).
# Not "planner-fixture": a stale test copy is the pull request's business, not a preview's. Not
# "tool-order": a checklist left out of "Which tool, when" still goes in the ZIP, after the others.
BUILD_RULES = (
    "pages", "front-matter", "headings", "glossary-terms", "checklists", "links", "placeholders", "abbreviations", "navigation", "blocks", "list-starts",
    "planner", "markers",
)


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
        from . import rules  # the rules' modules, imported only when they run

        findings = rules.run_rules(project, names)
        if findings:
            raise _Found(findings)
        stamp.write_text("no finding\n", encoding="utf-8")

    try:
        cache.cached_file("content-check", _inputs(project, names), ".ok", check)
    except _Found as found:
        return found.findings
    return []
