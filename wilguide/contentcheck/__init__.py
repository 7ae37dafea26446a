"""The content check: every problem in the editors' pages at once, as ``file:line: message``.

`scripts/check-content.sh` runs it in seconds, without a browser or a build (``cli.py``); the
build runs the structural rules too (``hooks/content_check.py``), so a broken link fails
`mkdocs build` with its file and line. Each rule is a plain function ``rule(project) ->
list[Finding]`` (``rules.py``), over a ``Project`` that reads the pages the way MkDocs does
(``project.py``).
"""

from .project import Project, load_project, project_from_config
from .rules import ALL_RULES, BUILD_RULES, run_rules

__all__ = ["ALL_RULES", "BUILD_RULES", "Project", "load_project", "project_from_config", "run_rules"]
