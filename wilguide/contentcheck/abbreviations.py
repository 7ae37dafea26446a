"""The abbreviation files (includes/abbreviations.<lang>.md): every line a definition. The build
reads them only for the glossary's table, so the command checks them even when no page prints one."""

from __future__ import annotations

from .. import abbreviations
from ..findings import ContentError, Finding
from .project import Project


def abbreviation_files(project: Project) -> list[Finding]:
    findings = []
    for lang in project.languages:
        path = abbreviations.definitions_file(project.root, lang)
        if not path.exists():
            continue
        try:
            abbreviations.load(path, project.root)
        except ContentError as error:
            findings.extend(error.findings)
    return findings
