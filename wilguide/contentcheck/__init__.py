"""The content check: every problem in the editors' pages at once, as ``file:line: message``.

`scripts/check-content.sh` runs it in seconds, without a browser or a build (``cli.py``); the
build runs the structural rules too (``hooks/content_check.py``), so a broken link fails
`mkdocs build` with its file and line. Each rule is a plain function ``rule(project) ->
list[Finding]`` (``rules.py``), over a ``Project`` that reads the pages the way MkDocs does
(``project.py``).
"""

from .build_check import BUILD_RULES
from .project import Project, load_project, project_from_config

__all__ = ["ALL_RULES", "BUILD_RULES", "Project", "load_project", "project_from_config", "run_rules"]


def __getattr__(name: str):
    """ALL_RULES and run_rules import every rule's module: only when asked for (a rebuild with
    nothing changed skips the check, build_check.py)."""
    if name in ("ALL_RULES", "run_rules"):
        from . import rules

        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
