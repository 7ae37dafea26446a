"""Lists that Markdown reads as plain text: Python-Markdown starts a list only at the start of a
block (after a blank line, a heading or a box's title). An item written right under a sentence
("Before the first day:" then "- Set the rhythm.") or right under a second paragraph of the item
above it shows on the page, and in the guide PDF, as one paragraph with its dashes, and neither
Markdown nor MkDocs warns."""

from __future__ import annotations

import re

from ..findings import Finding
from .blocks import BOX
from .markdown_text import HEADING, LIST_ITEM
from .project import Project

TAB = re.compile(r'^[ \t]*===\+?[ \t]+"')
# Blocks that are not paragraphs: a table, HTML, a definition (links, abbreviations, footnotes),
# a definition list's description.
NOT_A_PARAGRAPH = re.compile(r"^[ \t]*(?:\||<|\*?\[[^\]]*\]:|:[ \t])")


def list_starts(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        for line, item in swallowed_items(page.code_free.split("\n")):
            findings.append(Finding(page.display, line, (
                f'this list item follows line {line - 1} without a blank line, so it shows as text in that paragraph '
                f'("{_start(item)}"): leave an empty line above it'
            )))
    return findings


def swallowed_items(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, line) of the first list item in each paragraph that does not start with one."""
    found = []
    for first, block in paragraph_blocks(lines):
        if LIST_ITEM.match(block[0]) or NOT_A_PARAGRAPH.match(block[0]):
            continue
        for offset, line in enumerate(block[1:], start=1):
            if LIST_ITEM.match(line):
                found.append((first + offset, line))
                break
    return found


def paragraph_blocks(lines: list[str]):
    """(first line number, lines) of each paragraph-like block: runs of non-blank lines, split
    after a heading or a box's or tab's title, whose body Markdown reads as a block of its own."""
    block: list[str] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip() or HEADING.match(line.strip()) or BOX.match(line) or TAB.match(line):
            if block:
                yield first, block
            block = []
            continue
        if not block:
            first = number
        block.append(line)
    if block:
        yield first, block


def _start(line: str, length: int = 40) -> str:
    text = line.strip()
    return text if len(text) <= length else text[:length].rstrip() + "…"
