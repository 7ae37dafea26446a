"""Reading a page's Markdown source while keeping every character where it was.

Rules look for headings, links, words and numbers with regular expressions. To keep their line
numbers right, the parts a rule must not read (code, HTML comments, link addresses…) are
*blanked*: replaced by spaces of the same length, line breaks kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# The same pattern as MkDocs (mkdocs.utils.meta): a page whose first line is `---` has front
# matter up to the next `---` or `...` line.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

INLINE_LINK_TARGET = re.compile(
    r"\]\(\s*(?P<target><[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(?P<target><[^>\n]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]*:|[^\s<>@]+@)[^\s<>]*>", re.I)
BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*(?:[#.]|[\w-]+=)[^{}\n]*\}")
# Inline text marked as another language: *check-in*{ lang="en" }
OTHER_LANGUAGE = re.compile(
    r"(?P<text>\*[^*\n]+\*|_[^_\n]+_|\[[^\]\n]*\])\{:?[^{}\n]*?\blang=[\"']?(?P<lang>[A-Za-z-]+)[^{}\n]*\}"
)
# An HTML element marked as a language, within one paragraph: <span lang="en">…</span>
LANGUAGE_ELEMENT = re.compile(
    r"<(?P<tag>[A-Za-z][\w-]*)\b[^<>]*\blang=[\"']?(?P<lang>[A-Za-z-]+)[^<>]*>(?:(?!\n[ \t]*\n).)*?</(?P=tag)\s*>", re.S
)
COPY_KEYS_IN_FRONT_MATTER = re.compile(r"^(?:description|title):[ \t]*(?P<value>.*(?:\n[ \t]+.*)*)", re.M)
PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.S)

# A line that starts a list item ("- ", "* ", "1. ", "1) "), matched at the line's start.
LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{:?(?P<attrs>[^{}]*)\})?[ \t]*#*[ \t]*$")
EXPLICIT_ID = re.compile(r"(?:^|\s)#([^\s}]+)")


def blank(text: str, spans) -> str:
    """``text`` with every (start, end) span replaced by spaces, line breaks kept."""
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def front_matter_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the front matter block, delimiters included, or None."""
    match = FRONT_MATTER.match(text)
    return (0, match.end()) if match else None


def fenced_code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~, possibly indented in an admonition or a list)."""
    spans, offset, opened = [], 0, None
    for line in text.splitlines(keepends=True):
        fence = FENCE.match(line)
        if opened is None:
            if fence:
                opened = (offset, fence.group(1))
        elif fence and fence.group(1)[0] == opened[1][0] and len(fence.group(1)) >= len(opened[1]) \
                and not line[fence.end():].strip():
            spans.append((opened[0], offset + len(line)))
            opened = None
        offset += len(line)
    if opened is not None:  # an unclosed fence runs to the end, as in Markdown
        spans.append((opened[0], len(text)))
    return spans


def without_code(text: str) -> str:
    """Code blocks, inline code and HTML comments blanked: what the reader sees as prose or markup."""
    text = blank(text, fenced_code_spans(text))
    text = blank(text, [m.span() for m in HTML_COMMENT.finditer(text)])
    return blank(text, [m.span() for m in INLINE_CODE.finditer(text)])


def prose(text: str, lang: str | None = None) -> str:
    """Only the words a reader reads: also blanks link addresses, HTML tags, attribute lists
    (``{ #id }``), placeholders, URLs, e-mail addresses, text marked as another language than
    ``lang``, and front matter other than the description and title."""
    span = front_matter_span(text)
    if span:
        keep = [m.span("value") for m in COPY_KEYS_IN_FRONT_MATTER.finditer(text, 0, span[1])]
        gaps, start = [], 0
        for keep_start, keep_end in keep:
            gaps.append((start, keep_start))
            start = keep_end
        text = blank(text, gaps + [(start, span[1])])
    text = without_code(text)
    if lang:
        other = [m.span("text") for m in OTHER_LANGUAGE.finditer(text) if m.group("lang") != lang]
        other += [m.span() for m in LANGUAGE_ELEMENT.finditer(text) if m.group("lang") != lang]
        text = blank(text, other)
    spans = [m.span("target") for m in INLINE_LINK_TARGET.finditer(text)]
    spans += [m.span("target") for m in REFERENCE_DEFINITION.finditer(text)]
    for pattern in (AUTOLINK, HTML_TAG, ATTRIBUTE_LIST, PLACEHOLDER):
        spans += [m.span() for m in pattern.finditer(text)]
    text = blank(text, spans)
    return blank(text, [m.span() for m in BARE_URL.finditer(text)])


@dataclass(frozen=True)
class Link:
    target: str
    offset: int


def links(code_free_text: str) -> list[Link]:
    """Markdown link and image targets (inline and reference definitions), in page order."""
    found = [Link(m.group("target"), m.start("target")) for m in INLINE_LINK_TARGET.finditer(code_free_text)]
    found += [Link(m.group("target"), m.start("target")) for m in REFERENCE_DEFINITION.finditer(code_free_text)]
    return sorted(
        (Link(link.target[1:-1] if link.target.startswith("<") else link.target, link.offset) for link in found),
        key=lambda link: link.offset,
    )


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str | None
    line: int


def headings(code_free_text: str, first_line: int = 1) -> list[Heading]:
    """ATX headings (``## Title { #id }``) that start a line; ``first_line`` numbers the first line."""
    found = []
    for number, line in enumerate(code_free_text.split("\n"), start=first_line):
        match = HEADING.match(line)
        if not match:
            continue
        explicit = EXPLICIT_ID.search(match.group("attrs") or "")
        found.append(Heading(len(match.group("hashes")), match.group("text"), explicit.group(1) if explicit else None, number))
    return found


def page_title(markdown: str) -> str | None:
    """A page's title as MkDocs takes it: the front matter's ``title``, else its first ``# `` heading."""
    front_matter = FRONT_MATTER.match(markdown)
    if front_matter:
        meta = yaml.safe_load(front_matter.group(1)) or {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
        markdown = markdown[front_matter.end() :]
    for line in markdown.splitlines():
        heading = HEADING.match(line)
        if heading and len(heading.group("hashes")) == 1:
            return heading.group("text")
    return None
