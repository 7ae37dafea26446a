"""Markdown blocks that render wrong without any warning from Markdown or MkDocs: a table whose
rows do not have as many cells as its header (raw pipes, or values in the wrong column), a note box
(``!!! note``, or a collapsible ``??? note``) whose text is not indented under it (an empty box, the
text outside it) or that a line indented by fewer than four spaces ends early, a box title not in
double quotes (the box is titled with its type, in English, or is no box at all), two or four
exclamation marks instead of three (the line shows as text), a box of a type Material does not know
(an unstyled box) or a quotation box (the guide invents no quotes), an image with no description for
readers who cannot see it, and a page without its one ``# Title`` (the menu, the browser tab and the
guide PDF's contents take the page's title from it)."""

from __future__ import annotations

import re

from ..findings import Finding
from ..markdown_tables import cells, is_separator
from .project import Page, Project

BOX = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)")
# What may follow a box's type: Material's "inline" and "end" placements, then the title in double
# quotes (Python-Markdown's admonition and pymdownx.details read the same line).
BOX_TITLE = re.compile(r'(?: +(?:inline|end))*(?: +".*")?[ \t]*$')
# Two marks, or four and more: the line is a paragraph that shows them (an image's "![" is not one).
WRONG_MARKS = re.compile(r"^[ \t]*(?:!{1,2}[ \t]+(?=\w)|!{4,}[ \t]*)(?P<rest>.*)$")
QUOTES = re.compile("[\"«»“”„]")
APOSTROPHES = "'‘’"
SAMPLE_BOX = 'example "Title"'
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
        marks = WRONG_MARKS.match(line)
        if marks:
            yield index + 1, _marks_problem(marks)
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
        elif not BOX_TITLE.match(line[box.end() :]):
            yield index + 1, _title_problem(box, line[box.end() :])
        following = next((text for text in lines[index + 1 :] if text.strip()), None)
        if following is None or _indent(following) < _indent(box.group("indent")) + 4:
            yield index + 1, (f"this box ({box.group('marker')} {box.group('kind')}) has no text under it: indent the lines "
                              "of its text by four spaces, right under this line")
        else:
            yield from _box_end(lines, index, _indent(box.group("indent")))


def _marks_problem(marks: re.Match) -> str:
    return f"a box starts with three exclamation marks: !!! {marks.group('rest').strip() or SAMPLE_BOX}"


def _title_problem(box: re.Match, rest: str) -> str:
    """Unquoted words become the box's CSS classes and its title is its type, in English; any other
    character (an apostrophe, « », curly quotes) stops the line from being a box at all."""
    words = " ".join(QUOTES.sub(" ", rest).split()).strip(APOSTROPHES)
    example = f'{box.group("marker")} {box.group("kind")} "{words}"'
    if re.fullmatch(r"[\w -]*", rest):
        effect = f'the box is titled "{box.group("kind").capitalize()}", in English'
    else:
        effect = "the line shows as plain text, not as a box"
    return f"the box's title must be in double quotes: {example} (without them, {effect})"


def _box_end(lines: list[str], opened: int, box_indent: int):
    """A line indented by 1 to 3 spaces under a box's text ends the box there, silently: Markdown
    takes it, and everything after it, out of the box (a list item in the box becomes a new list)."""
    for index in range(opened + 1, len(lines)):
        line = lines[index]
        if not line.strip():
            continue
        depth = _indent(line) - box_indent
        if depth >= 4:
            continue
        if depth > 0:
            yield index + 1, (f"this line is indented by {_spaces(_indent(line))}: the box opened at line {opened + 1} ends "
                              f"here: indent it by {_spaces(box_indent + 4)} to keep it in the box")
        return


def _spaces(count: int) -> str:
    return {1: "1 space", 4: "four spaces"}.get(count, f"{count} spaces")


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
