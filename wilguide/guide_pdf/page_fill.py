"""Chapters whose last few lines spill onto a page of their own, and how much tighter to set them.

Every chapter of the guide starts on a new page, so a chapter that runs three lines too long
leaves a page almost empty. Such a chapter is set a little tighter (line spacing, space between
paragraphs: the `.tight-1` and `.tight-2` rules of guide.css) when that pulls its last lines back.
The appendix's checklists and templates are left as they are: their space is for writing.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .. import cache

# A chapter's last page less than a fifth full reads like a printing mistake (about 9 lines of 46).
SHORT = 0.2
# How much of a chapter's full pages each level of tightness wins back, measured on the guide
# (line spacing 1.45 to 1.36 and 1.32, with the space around paragraphs, lists and headings). A
# chapter that needs more is left as it is rather than squeezed out of shape.
LEVEL_GAINS = (0.05, 0.10)

CHAPTER = re.compile(r'<section class="chapter" id="([^"]+)">')
APPENDIX = '<section class="part appendix"'
HTML_LANGUAGE = re.compile(r'<html lang="([^"]+)"')
PART_OR_CHAPTER = re.compile(
    r'(?P<part><section class="part[^"]*" id="[^"]+">)\s*(?P<title><h1 class="part-title">.*?</h1>)?'
    r'|<section class="chapter" id="(?P<chapter>[^"]+)">',
    re.S,
)


@dataclass(frozen=True)
class ChapterEnd:
    chapter: str  # its id
    full_pages: int  # the pages before its last one
    fill: float  # how much of its last page's text area holds text, 0 to 1
    first: int = 0  # its first page, counted from 0


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
    """Which chapters of one document to set tighter.

    A chapter is tried when a layout of the whole guide shows it ending on a short page: it is laid
    out on its own, tighter (each chapter starts on a new page, so it lays out alone as in the
    guide), and kept tighter only if that takes its last page away. The decision is kept in the
    generator cache under the chapter's content, so the next typesetting of the guide applies it
    from its first layout and only a chapter whose content changed is tried again.

    ``lay_out_alone(html)`` lays out a small document and returns its pages; ``key`` holds what
    else shapes a layout (stylesheet, WeasyPrint's version), for the cache.
    """

    def __init__(self, document: str, lay_out_alone, key: list[str]):
        self._source = document
        self._lay_out_alone = lay_out_alone
        self._chapters, may_tighten = chapters_to_weigh(document)
        self._alone = {chapter: html for chapter, html in chapters_alone(document).items() if chapter in may_tighten}
        self._key = [*key, cache.source_of(sys.modules[__name__])]
        self.levels: dict[str, int] = {}
        self._decided: set[str] = set()
        self._shortened: list[tuple[int, int, dict[str, int]]] = []  # see predicted_pages
        for chapter, html in self._alone.items():
            known = self._decision_path(html)
            if known.exists():
                self._decided.add(chapter)
                level = int(known.read_text(encoding="utf-8"))
                if level:
                    self.levels[chapter] = level

    @property
    def document(self) -> str:
        return with_tightening(self._source, self.levels)

    def refit(self, pages) -> bool:
        """Read a layout of ``self.document``; True when a chapter is newly set tighter and the
        guide must be laid out again."""
        changed = False
        self._shortened = []
        for end in chapter_ends(pages, self._chapters):
            if end.chapter not in self._alone or end.chapter in self._decided or not is_short(end):
                continue
            self._decided.add(end.chapter)
            level = tightening([end]).get(end.chapter, 0)
            if level:
                alone = self._lay_out_alone(with_tightening(self._alone[end.chapter], {end.chapter: level}))
                tighter = chapter_ends(alone, [end.chapter])[0]
                if tighter.full_pages < end.full_pages:
                    self.levels[end.chapter] = level
                    within = anchor_pages(alone)
                    self._shortened.append((end.first, end.full_pages - tighter.full_pages, within))
                    changed = True
                else:
                    level = 0
            self._record(self._alone[end.chapter], level)
        return changed

    def predicted_pages(self, placed: dict[str, int]) -> dict[str, int]:
        """Where the referenced anchors of the last layout will be once the chapters just set
        tighter are: inside such a chapter, where its layout alone put them; after it, as many
        pages earlier as it lost. Page numbers count from 1; the chapters' first pages from 0."""
        def lost_before(page: int) -> int:
            return sum(lost for first, lost, _ in self._shortened if first + 1 < page)

        predicted = {}
        for anchor, page in placed.items():
            inside = next(((first, within) for first, _, within in self._shortened if anchor in within), None)
            if inside:
                first, within = inside
                predicted[anchor] = first + within[anchor] - lost_before(first + 1)
            else:
                predicted[anchor] = page - lost_before(page)
        return predicted

    def _decision_path(self, html: str) -> Path:
        return cache.cached_path("guide-pdf-fit", [*self._key, html], ".txt")

    def _record(self, html: str, level: int) -> None:
        cache.cached_file("guide-pdf-fit", [*self._key, html], ".txt", lambda path: path.write_text(str(level), encoding="utf-8"))


def anchor_pages(pages) -> dict[str, int]:
    """Each anchor's page number in a layout (the page counter: the guide's cover is page 1)."""
    found: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        for anchor in page.anchors:
            found.setdefault(anchor, number)
    return found


def chapters_alone(document: str) -> dict[str, str]:
    """Each chapter as a document of its own: the guide's head, the chapter in its part's section
    (with the part's title when the chapter opens the part), so that it lays out as in the guide."""
    language = HTML_LANGUAGE.search(document)
    head = f'<html lang="{language.group(1) if language else "en"}"><head><meta charset="utf-8"><title>-</title></head><body>'
    alone = {}
    part_open = part_title = ""  # the part the next chapter is in, and its title until a chapter took it
    position = 0
    for match in PART_OR_CHAPTER.finditer(document):
        if match.group("part"):
            # Without its id: the part's anchor is not on this chapter's pages (predicted_pages).
            part_open = re.sub(r' id="[^"]+"', "", match.group("part"))
            part_title, position = match.group("title") or "", match.end()
            continue
        if "</section>" in document[position : match.start()]:
            part_open = part_title = ""  # the part closed before this chapter
        closing = document.index("</section>", match.end()) + len("</section>")
        chapter = document[match.start() : closing]
        inner = f"{part_open}{part_title}{chapter}</section>" if part_open else chapter
        alone[match.group("chapter")] = f"{head}{inner}</body></html>"
        part_title, position = "", closing
    return alone


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
        ends.append(ChapterEnd(chapter, last - first, _fill(pages[last]), first))
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
