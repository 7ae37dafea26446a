"""What the planner reads from the guide's Markdown pages: titles, heading ids and list items.

Agenda prompts come from the checklist pages (through ``wilguide.checklists`` when that package
is installed, see ``agenda_items``) or from the list under a guide heading. Only the source
files are read, so the planner's data does not depend on the order pages are rendered in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{\s*[^}]*#([\w-]+)[^}]*\}\s*$")
LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    line: int


@dataclass(frozen=True)
class Page:
    path: Path
    title: str
    headings: tuple[Heading, ...]
    lines: tuple[str, ...]

    def heading(self, anchor: str) -> Heading | None:
        return next((h for h in self.headings if h.id == anchor), None)


def plain(markdown: str) -> str:
    """Inline Markdown as plain text: link text kept, emphasis, code marks and HTML dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{\s*[:#.][^}]*\}", "", text)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    text = re.sub(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=256)
def _read(path: Path, mtime: float) -> Page:
    lines = tuple(path.read_text(encoding="utf-8").splitlines())
    headings = []
    title = ""
    in_fence = False
    start = 0
    if lines and lines[0].strip() == "---":  # front matter
        start = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
    for number, line in enumerate(lines[start:], start + 1):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        raw = match.group(2)
        explicit = EXPLICIT_ID.search(raw)
        text = plain(EXPLICIT_ID.sub("", raw))
        anchor = explicit.group(1) if explicit else slugify(text, "-")
        headings.append(Heading(len(match.group(1)), text, anchor, number))
        if len(match.group(1)) == 1 and not title:
            title = text
    return Page(path, title, tuple(headings), lines)


def read_page(path: Path) -> Page | None:
    """The page, or None when the file does not exist."""
    path = Path(path)
    if not path.is_file():
        return None
    return _read(path, path.stat().st_mtime)


def list_items(page: Page, anchor: str = "") -> list[str]:
    """Plain text of the list items in the page (or in the section under ``anchor``).

    Only the outermost list level counts: nested items are details of their parent item.
    """
    return [text for text in (plain(item).strip(" \"“”«»") for item in section_list_items(page, anchor)) if text]


def section_list_items(page: Page, anchor: str = "") -> list[str]:
    """The Markdown of the outermost list items in the page (or in the section under ``anchor``),
    each item's continuation lines joined to it, links and emphasis kept."""
    first, last = 0, len(page.lines)
    if anchor:
        heading = page.heading(anchor)
        if heading is None:
            return []
        first = heading.line  # the line after the heading (lines are 1-based)
        following = [h for h in page.headings if h.line > heading.line and h.level <= heading.level]
        last = following[0].line - 1 if following else len(page.lines)
    items: list[tuple[int, str]] = []
    in_fence = False
    for line in page.lines[first:last]:
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = LIST_ITEM.match(line)
        if match and len(match.group(1)) <= 4:
            items.append((len(match.group(1)), match.group(2)))
        elif items and line.strip() and line.startswith(" " * (items[-1][0] + 2)) and not LIST_ITEM.match(line):
            items[-1] = (items[-1][0], items[-1][1] + " " + line.strip())  # continuation line
    if not items:
        return []
    outer = min(indent for indent, _ in items)
    return [text for indent, text in items if indent == outer]


def agenda_items(docs_dir: Path, lang: str, target: str) -> list[str]:
    """The prompts a page (``toolkit/x.md``) or a section (``page.md#id``) offers.

    A checklist page (front matter ``checklist:``) is read with ``wilguide.checklists``, so the
    planner sees exactly the items the checklist page and its downloads show; its errors
    (ContentError) go up unchanged. Other pages give the items of their outermost list.
    """
    page_path, _, anchor = target.partition("#")
    path = Path(docs_dir) / lang / page_path
    checklist = _checklist(Path(docs_dir), lang, page_path)
    if checklist is not None:
        return checklist_texts(checklist, anchor)
    page = read_page(path)
    return list_items(page, anchor) if page else []


def _checklist(docs_dir: Path, lang: str, page_path: str):
    """The parsed checklist when ``page_path`` is a checklist page, else None."""
    folder, _, name = page_path.rpartition("/")
    path = docs_dir / lang / page_path
    if folder != "toolkit" or not path.is_file():
        return None
    from wilguide.checklists.parser import is_checklist_page, load_checklist, split_front_matter

    try:
        meta = split_front_matter(path.read_text(encoding="utf-8"))[0]
    except ValueError:
        return None  # the checklists hook reports broken front matter on checklist pages
    if not is_checklist_page(meta):
        return None  # a page still in preparation: use the next agenda source
    return load_checklist(docs_dir, lang, name[: -len(".md")])


def checklist_texts(checklist, section_id: str = "") -> list[str]:
    """Plain item texts of a parsed checklist, or of its section with that id."""
    sections = [s for s in checklist.sections if not section_id or s.id == section_id]
    return [plain(item.text) for section in sections for item in section.items if item.text.strip()]
