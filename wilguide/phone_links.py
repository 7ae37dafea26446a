"""Phone numbers in a page become links a phone can call, kept on one line.

On a phone, "call 9-1-1" broke as "9-1-" / "1", and no number could be tapped, in the very
sections a reader opens when someone is in distress. The numbers are written in the Markdown as
readers see them (9-1-1, 9-8-8, 1-855-242-3310); each becomes a ``tel:`` link that does not wrap,
outside links, code and headings.

``PhoneLinksExtension`` does it while Markdown converts a page, on Markdown's own tree (as its
abbr extension does) and in the HTML written in the page's Markdown: parsing every built page's
HTML a second time was the largest cost this step added to a rebuild. ``link_phone_numbers`` does
it in an HTML fragment (such as a checklist's items, which reach the page after Markdown): the
standard library's HTML parser finds the text (a ">" inside an attribute is not the end of a tag),
and the fragment is otherwise left byte for byte as it was.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

# Canada's three-digit lines (9-1-1, 9-8-8, 2-1-1, 8-1-1) and toll-free or local numbers written
# with hyphens: 1-855-242-3310, 613-555-0100.
PHONE_NUMBER = re.compile(r"(?<![\w-])(?:[2-9]-1-1|9-8-8|(?:1-)?[2-9]\d\d-\d{3}-\d{4})(?![\w-])")
# Every number above holds one of these: text without any is left alone, unparsed (most of it).
MAY_HOLD_A_NUMBER = re.compile(r"-\d\d\d-\d\d\d\d|-1-1|-8-8")
SKIPPED = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "textarea", "title"}
_SKIPPED_TAG = re.compile(r"<(/?)(%s)\b[^>]*?(/?)>\s*$" % "|".join(sorted(SKIPPED)), re.I)


class PhoneLinksExtension(Extension):
    """Make each phone number in a page a ``tel:`` link (class ``wg-tel``)."""

    def extendMarkdown(self, md):
        # After inline parsing (20), attribute lists (8) and abbreviations (7): the text is final.
        md.treeprocessors.register(_PhoneLinks(md), "wilguide_phone_links", 6)


class _PhoneLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str):
                stash[index] = link_phone_numbers(block)
        _link_inside(root, stash)


def _link_inside(element: etree.Element, stash: list) -> None:
    """Link the numbers in ``element``'s own text and in its children, with their tails."""
    for index in reversed(range(len(element))):
        child = element[index]
        if child.tag not in SKIPPED:
            _link_inside(child, stash)
        if child.tail and not isinstance(child.tail, AtomicString):
            child.tail, links = _split(child.tail, stash)
            element[index + 1:index + 1] = links
    if element.text and not isinstance(element.text, AtomicString):
        element.text, links = _split(element.text, stash)
        element[0:0] = links


def _split(text: str, stash: list) -> tuple[str, list[etree.Element]]:
    """The text before the first number, and a link for each number carrying the text after it."""
    if not MAY_HOLD_A_NUMBER.search(text):
        return text, []
    skipped = _inside_raw_skipped_elements(text, stash)
    matches = [match for match in PHONE_NUMBER.finditer(text) if not any(start <= match.start() < end for start, end in skipped)]
    if not matches:
        return text, []
    links = []
    for match, following in zip(matches, matches[1:] + [None]):
        number = match.group()
        link = etree.Element("a", {"class": "wg-tel", "href": "tel:" + number.replace("-", "")})
        link.text = AtomicString(number)
        link.tail = text[match.end():following.start() if following else None]
        links.append(link)
    return text[:matches[0].start()], links


def _inside_raw_skipped_elements(text: str, stash: list) -> list[tuple[int, int]]:
    """Where ``text`` is inside a link or code written as inline HTML (``<a href="…">9-1-1</a>``):
    Markdown keeps each such tag aside and leaves a placeholder for it in the text."""
    ranges, depth, start = [], 0, 0
    for placeholder in HTML_PLACEHOLDER_RE.finditer(text):
        block = stash[int(placeholder.group(1))]
        tag = _SKIPPED_TAG.match(block) if isinstance(block, str) else None
        if not tag or tag.group(3):  # another tag, or a self-closing one
            continue
        if not tag.group(1):
            depth, start = depth + 1, placeholder.end() if depth == 0 else start
        elif depth:
            depth -= 1
            if depth == 0:
                ranges.append((start, placeholder.start()))
    if depth:
        ranges.append((start, len(text)))
    return ranges


class _Text(HTMLParser):
    """Where each run of text outside the skipped elements starts in the HTML, and the run."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # entities stay out of the runs, as written
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.depth, self.runs = 0, []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.depth += tag in SKIPPED

    def handle_endtag(self, tag):
        self.depth -= tag in SKIPPED and self.depth > 0

    def handle_data(self, data):
        if not self.depth:
            line, column = self.getpos()
            self.runs.append((self.line_starts[line - 1] + column, data))


def link_phone_numbers(html: str) -> str:
    """The HTML with each phone number in its text made a ``tel:`` link (class ``wg-tel``)."""
    if not MAY_HOLD_A_NUMBER.search(html):
        return html
    pieces, done = [], 0
    for start, text in _Text(html).runs:
        pieces += [html[done:start], PHONE_NUMBER.sub(_link, text)]
        done = start + len(text)
    return "".join(pieces) + html[done:]


def _link(match: re.Match) -> str:
    number = match.group()
    return f'<a class="wg-tel" href="tel:{number.replace("-", "")}">{number}</a>'
