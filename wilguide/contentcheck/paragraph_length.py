"""Paragraphs short enough to read on a phone. The guide's house style is short paragraphs: at
MAX_WORDS words a paragraph fills a phone's screen, and the reader loses the thread (French runs
longer than English for the same content, hence a limit that leaves room for it). Each
paragraph or list item longer than that is reported at its first line, to be split where its
thought turns (or made a list, when it is one).

Left out: the references page, whose entries record what each source is used for, and checklist
items ("- [ ]"), each of which is one thing to tick, worded so that it stands alone on paper.
"""

from __future__ import annotations

import re

from ..findings import Finding
from .list_starts import NOT_A_PARAGRAPH, paragraph_blocks
from .markdown_text import LIST_ITEM
from .project import Project

MAX_WORDS = 100
NOT_PROSE_PAGES = ("references.md",)
TASK_ITEM = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]")
WORD = re.compile(r"\w")


def paragraph_length(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        if page.name in NOT_PROSE_PAGES:
            continue
        front_matter_lines = page.text.count("\n", 0, page.front_matter_end)
        for line, words, start in long_paragraphs(page.text.split("\n"), page.prose.split("\n")):
            if line <= front_matter_lines:
                continue
            findings.append(Finding(page.display, line, (
                f"this paragraph has {words} words, more than {MAX_WORDS}, too long to follow on a phone "
                f'("{start}…"): split it where its thought turns, or make a list of it'
            )))
    return findings


def long_paragraphs(lines: list[str], prose_lines: list[str]) -> list[tuple[int, int, str]]:
    """(first line number, words, its first words) of each paragraph or list item over MAX_WORDS
    words. ``prose_lines`` are the same lines with everything but the words readers read blanked."""
    found = []
    for first, numbers in _units(lines):
        if TASK_ITEM.match(lines[first - 1]):
            continue
        words = [word for number in numbers for word in prose_lines[number - 1].split() if WORD.search(word)]
        if len(words) > MAX_WORDS:
            found.append((first, len(words), re.sub(r"[*_]", "", " ".join(words[:6]))))
    return found


def _units(lines: list[str]):
    """(first line number, line numbers) of each paragraph and list item: the blocks the
    list-starts rule reads, each list item a unit of its own, tables and definitions left out."""
    for first, block in paragraph_blocks(lines):
        unit: list[int] = []
        for number, line in enumerate(block, start=first):
            if NOT_A_PARAGRAPH.match(line) or LIST_ITEM.match(line):
                if unit:
                    yield unit[0], unit
                unit = [] if NOT_A_PARAGRAPH.match(line) else [number]
                continue
            unit.append(number)
        if unit:
            yield unit[0], unit
