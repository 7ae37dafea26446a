"""The menu (``nav:`` in mkdocs.yml): every entry is a page, every page is in it, and every section
title has a title in each other language. MkDocs' own warnings name no line, and a quiet build
(``-q``) does not show them at all, so a typo in the menu could pass unseen."""

from __future__ import annotations

import difflib
import logging
import re
from pathlib import Path

from ..findings import Finding
from ..i18n_state import nav_translations
from .project import Project


def navigation(project: Project) -> list[Finding]:
    config = project.config
    if not config.nav:
        return []  # no menu written: MkDocs lists every page itself
    settings = Path(config.config_file_path)
    where = _Lines(settings.read_text(encoding="utf-8"), project.display(settings))
    sections, paths = _walk(config.nav)
    default = project.default_language
    pages = project.pages[default]
    findings = []
    # MkDocs' own settings (validation: nav:) say whether these stop a strict build; so they do here.
    missing_stops, omitted_stops = (_stops(config, key) for key in ("not_found", "omitted_files"))
    for path in paths:
        if missing_stops and path not in pages:
            findings.append(where.finding(path, f"the menu (nav:) lists '{path}', but there is no page docs/{default}/{path}"
                                          f"{_closest(path, pages)}"))
    for name, page in pages.items():
        if omitted_stops and name not in paths:
            findings.append(Finding(page.display, 1, f"this page is not in the menu: add '{name}' under nav: in "
                                    f"{where.display}, in the section where readers should find it"))
    for lang in project.languages:
        if lang == default:
            continue
        translated = nav_translations(config, lang)
        for title in sections:
            if title not in translated:
                findings.append(where.finding(f"{title}:", f"the menu section '{title}' has no title in '{lang}': add "
                                              f"'{title}: …' under nav_translations: of the '{lang}' language in {where.display}"))
    return findings


def _stops(config, key: str) -> bool:
    return config.validation.nav[key] >= logging.WARNING


def _walk(entries, sections=None, paths=None) -> tuple[list[str], list[str]]:
    """The section titles and the page paths of the menu, in order (web addresses left out)."""
    sections = [] if sections is None else sections
    paths = [] if paths is None else paths
    for entry in entries:
        if isinstance(entry, dict):
            for title, value in entry.items():
                if isinstance(value, list):
                    sections.append(title)
                    _walk(value, sections, paths)
                elif isinstance(value, str) and "://" not in value:
                    paths.append(value)
        elif isinstance(entry, str) and "://" not in entry:
            paths.append(entry)
    return sections, paths


def _closest(path: str, pages) -> str:
    close = difflib.get_close_matches(path, list(pages), n=1, cutoff=0.8)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Lines:
    """Finds the line of a menu entry in mkdocs.yml (after its `nav:` line)."""

    def __init__(self, text: str, display: str):
        self.lines = text.splitlines()
        self.display = display
        self.start = next((i for i, line in enumerate(self.lines) if re.match(r"nav:\s*$", line)), 0)

    def finding(self, needle: str, message: str) -> Finding:
        for index in range(self.start, len(self.lines)):
            line = self.lines[index] if "#" in needle else self.lines[index].split("#", 1)[0]  # a YAML comment
            if re.search(rf"(?:^|[\s:-]){re.escape(needle)}\s*$", line.rstrip()):
                return Finding(self.display, index + 1, message)
        return Finding(self.display, self.start + 1, message)
