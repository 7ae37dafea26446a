"""Markdown blocks that render wrong without any warning from Markdown or MkDocs: a table whose
rows do not have as many cells as its header (raw pipes, or values in the wrong column), a note box
(``!!! note``) whose text is not indented under it (an empty box, the text outside it), a box of a
type Material does not know (an unstyled box) or a quotation box (the guide invents no quotes), an
image with no description for readers who cannot see it, and a page without its one ``# Title``
(the menu, the browser tab and the guide PDF's contents take the page's title from it)."""

from __future__ import annotations

import re

from ..findings import Finding
from ..markdown_tables import cells, is_separator
from .project import Page, Project

BOX = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)")
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\(")
HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^>]*)>", re.I)
# Material's box types (and their aliases); quote and cite are left out on purpose: no invented quotations.
BOX_KINDS = (
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example",
)
QUOTATION_BOXES = ("quote", "cite")
TITLE = re.compile(r"^# \S", re.M)


def blocks(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        lines = page.code_free.split("\n")
        findings += [Finding(page.display, line, message) for line, message in _tables(lines)]
        findings += [Finding(page.display, line, message) for line, message in _boxes(lines)]
        findings += _images(page)
        findings += _title(page)
    return findings


def _tables(lines: list[str]):
    index = 0
    while index < len(lines) - 1:
        header, under = lines[index], lines[index + 1]
        if "|" in header and is_separator(under):
            width = len(cells(header))
            if len(cells(under)) != width:
                yield index + 2, (f"this table's line of dashes has {len(cells(under))} columns but its header has {width}: "
                                  f"write one '---' per column, for example |{'---|' * width}")
            row = index + 2
            while row < len(lines) and "|" in lines[row] and lines[row].strip():
                if len(cells(lines[row])) != width:
                    yield row + 1, (f"this table row has {_count(len(cells(lines[row])))} but the header has {width}: "
                                    "add or remove a '|' so that each value sits in its column (an empty cell is '| |')")
                row += 1
            index = row
        else:
            index += 1


def _count(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _boxes(lines: list[str]):
    for index, line in enumerate(lines):
        box = BOX.match(line)
        if not box:
            continue
        kind = box.group("kind")
        if kind in QUOTATION_BOXES:
            yield index + 1, (f"{box.group('marker')} {kind} is not used in this guide (no invented quotations): quote a "
                              "published source in the text, with its reference, or use !!! example for a sample")
        elif kind not in BOX_KINDS:
            yield index + 1, (f"unknown box type '{kind}': it would show as a plain box; use note, tip, warning, "
                              "example or info")
        following = next((text for text in lines[index + 1 :] if text.strip()), None)
        if following is None or _indent(following) < _indent(box.group("indent")) + 4:
            yield index + 1, (f"this box ({box.group('marker')} {box.group('kind')}) has no text under it: indent the lines "
                              "of its text by four spaces, right under this line")


def _title(page: Page) -> list[Finding]:
    """One ``# Title``, first thing after the front matter (unless the front matter has a title)."""
    if page.text.startswith("---") and not page.front_matter_end:
        return []  # a front matter left open or empty: the front-matter rule reports it
    titles = list(TITLE.finditer(page.code_free))
    first_line = next((line for line in page.code_free[page.front_matter_end:].split("\n") if line.strip()), "")
    has_meta_title = re.search(r"^title:", page.text[: page.front_matter_end], re.M)
    findings = []
    if not first_line.startswith("# ") and not has_meta_title:
        where = page.line(page.front_matter_end) if page.front_matter_end else 1
        findings.append(Finding(page.display, where, "the page does not start with its '# Title': write it on the first "
                                "line after the front matter (the menu, the browser tab and the guide PDF's contents use it)"))
    findings += [Finding(page.display, page.line(title.start()), "a second '# Title' on this page: use '## ' for a section")
                 for title in titles[1:]]
    return findings


def _images(page: Page) -> list[Finding]:
    findings = []
    for image in MARKDOWN_IMAGE.finditer(page.code_free):
        if not image.group("alt").strip():
            findings.append(Finding(page.display, page.line(image.start()), "this image has no description for readers who "
                                    "cannot see it: write what it shows between the brackets, as in ![A mentor and a student "
                                    "at a desk](…)"))
    for image in HTML_IMAGE.finditer(page.code_free):
        if not re.search(r"\balt\s*=", image.group("attributes"), re.I):
            findings.append(Finding(page.display, page.line(image.start()), "this image has no description for readers who "
                                    "cannot see it: add alt=\"what it shows\" to the <img> tag"))
    return findings
