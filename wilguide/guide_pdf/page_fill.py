"""Chapters whose last few lines spill onto a page of their own, and how much tighter to set them.

Every chapter of the guide starts on a new page, so a chapter that runs three lines too long
leaves a page almost empty. Laid out once, each such chapter is set a little tighter (line
spacing, space between paragraphs: the `.tight-1` and `.tight-2` rules of guide.css) and laid out
again. The appendix's checklists and templates are left as they are: their space is for writing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A chapter's last page less than a fifth full reads like a printing mistake (about 9 lines of 46).
SHORT = 0.2
# How much of a chapter's full pages each level of tightness wins back, measured on the guide
# (line spacing 1.45 to 1.36 and 1.32, with the space around paragraphs, lists and headings). A
# chapter that needs more is left as it is rather than squeezed out of shape.
LEVEL_GAINS = (0.05, 0.10)

CHAPTER = re.compile(r'<section class="chapter" id="([^"]+)">')
APPENDIX = '<section class="part appendix"'


@dataclass(frozen=True)
class ChapterEnd:
    chapter: str  # its id
    full_pages: int  # the pages before its last one
    fill: float  # how much of its last page's text area holds text, 0 to 1


def tightening(ends: list[ChapterEnd]) -> dict[str, int]:
    """Each chapter to set tighter, with its level (1 or 2): the lightest that should pull its
    last page's lines back onto the pages before it."""
    levels = {}
    for end in ends:
        if not is_short(end):
            continue
        need = end.fill / end.full_pages
        level = next((level for level, gain in enumerate(LEVEL_GAINS, start=1) if need <= gain), None)
        if level:
            levels[end.chapter] = level
    return levels


class Fitting:
    """Which chapters of one document to set tighter, decided over its successive layouts: from the
    first (every chapter as usual), then checked on the next, where a chapter that still ends on a
    short page goes back to its usual setting (its lines are then fewer on their own page, not
    more)."""

    def __init__(self, document: str):
        self._source = document
        self._chapters, self._may_tighten = chapters_to_weigh(document)
        self.levels: dict[str, int] = {}
        self._step = "weigh"

    @property
    def document(self) -> str:
        return with_tightening(self._source, self.levels)

    def refit(self, pages) -> bool:
        """Read a layout of ``self.document``; True when the levels changed and it must be laid out again."""
        if self._step == "done":
            return False
        ends = [end for end in chapter_ends(pages, self._chapters) if end.chapter in self._may_tighten]
        if self._step == "weigh":
            self.levels = tightening(ends)
            self._step = "check" if self.levels else "done"
            return bool(self.levels)
        self._step = "done"
        failed = {end.chapter for end in ends if end.chapter in self.levels and is_short(end)}
        self.levels = {chapter: level for chapter, level in self.levels.items() if chapter not in failed}
        return bool(failed)


def is_short(end: ChapterEnd) -> bool:
    """Its last page holds only a few of its lines."""
    return end.full_pages > 0 and end.fill < SHORT


def chapters_to_weigh(document: str) -> tuple[list[str], set[str]]:
    """Every chapter's id, in order, and those that may be set tighter: all but the appendix's."""
    main, _, _ = document.partition(APPENDIX)
    return CHAPTER.findall(document), set(CHAPTER.findall(main))


def with_tightening(document: str, levels: dict[str, int]) -> str:
    """``document`` with each chapter of ``levels`` marked with its tightness class."""
    if not levels:
        return document

    def mark(match: re.Match) -> str:
        level = levels.get(match.group(1))
        return f'<section class="chapter tight-{level}" id="{match.group(1)}">' if level else match.group(0)

    return CHAPTER.sub(mark, document)


def chapter_ends(pages, chapters: list[str]) -> list[ChapterEnd]:
    """Where each of ``chapters`` (every chapter's id, in order) ends, from WeasyPrint's pages.

    A chapter starts on the first page that carries its id (a box split across pages carries it
    on each); its last page is the one before the next chapter's first, as chapters start on a new
    page. The fill is the bottom of the page's lowest line or image, running header and footer
    left out, over the height of the text area.
    """
    wanted = set(chapters)
    starts: dict[str, int] = {}
    for number, page in enumerate(pages):
        for anchor in page.anchors:
            if anchor in wanted:
                starts.setdefault(anchor, number)
    boundaries = sorted({*starts.values(), len(pages)})
    ends = []
    for chapter, first in starts.items():
        last = next(boundary for boundary in boundaries if boundary > first) - 1
        ends.append(ChapterEnd(chapter, last - first, _fill(pages[last])))
    return ends


def _fill(page) -> float:
    from weasyprint.formatting_structure import boxes

    page_box = page._page_box
    top = page_box.content_box_y()
    lowest = top

    def walk(box) -> None:
        nonlocal lowest
        if isinstance(box, boxes.MarginBox):  # running header and footer
            return
        if isinstance(box, (boxes.LineBox, boxes.ReplacedBox)):
            lowest = max(lowest, box.position_y + box.margin_height())
            return
        for child in getattr(box, "children", ()):
            walk(child)

    walk(page_box)
    return (lowest - top) / page_box.height
