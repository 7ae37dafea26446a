"""One name per practice: the title (H1) of each page in ``practices/`` is the practice's name, and
every place that names a practice writes it the same way, in each language:

- the home page's cards (``-   __Name__`` followed, in the same card, by a link to the page);
- the practices overview (``### 1. Name { #… }`` followed by a link to the page);
- links whose text looks like a version of the name (it starts with a capital letter and shares the
  name's first or last word, or uses only words of the name): a short or older name is reported;
- the menu: ``nav:`` in mkdocs.yml gives a practice page no title of its own, so the menu shows the
  page's title.
"""

from __future__ import annotations

import posixpath
import re

from ..findings import Finding
from . import markdown_text
from .project import Page, Project

PRACTICES = "practices/"
OVERVIEW = "practices/index.md"
HOME = "index.md"

CARD_TITLE = re.compile(r"^-[ \t]+__(?P<name>[^_\n]+)__[ \t]*$", re.M)
CARD_START = re.compile(r"^-[ \t]", re.M)
NUMBERED = re.compile(r"^\d+\.\s*")
LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+)\)")
WORD = re.compile(r"[\w'’-]+")


def practice_names(project: Project) -> list[Finding]:
    findings = []
    for lang in project.languages:
        pages = project.pages[lang]
        names = _names(pages)
        if not names:
            continue
        if HOME in pages:
            findings += _cards(pages[HOME], names)
        if OVERVIEW in pages:
            findings += _overview(pages[OVERVIEW], names)
        for page in pages.values():
            findings += _links(page, names)
    return findings + _nav(project)


def _names(pages: dict[str, Page]) -> dict[str, tuple[str, Page, int]]:
    """{page name: (practice name, page, line of its title)} for the pages in practices/."""
    names = {}
    for name, page in pages.items():
        if name.startswith(PRACTICES) and name != OVERVIEW:
            title = next((h for h in page.headings if h.level == 1), None)
            if title:
                names[name] = (title.text.strip(), page, title.line)
    return names


def _target(page: Page, url: str) -> str:
    path = url.split("#", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path)) if path.endswith(".md") else ""


def _mismatch(page: Page, line: int, written: str, target: str, names) -> Finding | None:
    name, practice, title_line = names[target]
    if written == name:
        return None
    return Finding(
        page.display,
        line,
        f'"{written}" is not the name of the practice {target}: write "{name}", the title of '
        f"{practice.display}:{title_line} (one name per practice, the same everywhere)",
    )


def _cards(page: Page, names) -> list[Finding]:
    text = page.code_free
    starts = [m.start() for m in CARD_START.finditer(text)] + [len(text)]
    findings = []
    for match in CARD_TITLE.finditer(text):
        end = next(s for s in starts if s > match.start())
        targets = [_target(page, link.group("target")) for link in LINK.finditer(text, match.end(), end)]
        target = next((t for t in targets if t in names), None)
        if target:
            found = _mismatch(page, page.line(match.start("name")), match.group("name").strip(), target, names)
            findings += [found] if found else []
    return findings


def _overview(page: Page, names) -> list[Finding]:
    findings = []
    lines = page.code_free.split("\n")
    headings = [h for h in page.headings if h.level >= 2]
    for index, heading in enumerate(headings):
        last = headings[index + 1].line - 1 if index + 1 < len(headings) else len(lines)
        section = "\n".join(lines[heading.line : last])
        targets = [_target(page, link.group("target")) for link in LINK.finditer(section)]
        target = next((t for t in targets if t in names), None)
        if target and heading.level == 3:
            found = _mismatch(page, heading.line, NUMBERED.sub("", heading.text.strip()), target, names)
            findings += [found] if found else []
    return findings


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _looks_like_a_name(text: str, name: str) -> bool:
    text_words, name_words = _words(text), _words(name)
    if not text_words or not text[:1].isupper():
        return False
    return (
        text_words[0] == name_words[0]
        or text_words[-1] == name_words[-1]
        or set(text_words) <= set(name_words)
    )


def _links(page: Page, names) -> list[Finding]:
    findings = []
    for match in LINK.finditer(page.code_free):
        target = _target(page, match.group("target"))
        if target not in names or "#" in match.group("target"):
            continue
        text = match.group("text").strip()
        if names[target][0] in text:
            continue  # the exact name, introduced: "Read the practice: Manage expectations"
        if _looks_like_a_name(text, names[target][0]):
            found = _mismatch(page, page.line(match.start("text")), text, target, names)
            findings += [found] if found else []
    return findings


def _nav(project: Project) -> list[Finding]:
    """Practice pages listed in nav: with a title of their own (``- Title: practices/x.md``)."""
    config_file = project.root / "mkdocs.yml"
    if not config_file.is_file():
        return []
    text = config_file.read_text(encoding="utf-8")
    findings = []
    for match in re.finditer(r"^[ \t]*-[ \t]*(?P<title>[^:\n]+?):[ \t]*(?P<path>practices/[\w./-]+\.md)[ \t]*$", text, re.M):
        if match.group("path") == OVERVIEW:
            continue
        findings.append(
            Finding(
                project.display(config_file),
                text[: match.start()].count("\n") + 1,
                f'the menu gives {match.group("path")} its own title, "{match.group("title").strip()}": write '
                f'`- {match.group("path")}` so the menu shows the page\'s title, the practice\'s one name',
            )
        )
    return findings
