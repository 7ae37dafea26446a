"""Phone numbers in a page become links a phone can call, kept on one line.

On a phone, "call 9-1-1" broke as "9-1-" / "1", and no number could be tapped, in the very
sections a reader opens when someone is in distress. The numbers are written in the Markdown as
readers see them (9-1-1, 9-8-8, 1-855-242-3310); this step finds them in the built page's text,
outside links, code and headings, and makes each a ``tel:`` link that does not wrap. The standard
library's HTML parser finds the text (a ">" inside an attribute is not the end of a tag); the
page is otherwise left byte for byte as it was.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Canada's three-digit lines (9-1-1, 9-8-8, 2-1-1, 8-1-1) and toll-free or local numbers written
# with hyphens: 1-855-242-3310, 613-555-0100.
PHONE_NUMBER = re.compile(r"(?<![\w-])(?:[2-9]-1-1|9-8-8|(?:1-)?[2-9]\d\d-\d{3}-\d{4})(?![\w-])")
# Every number above holds one of these: a page without any is left alone, unparsed (most pages).
MAY_HOLD_A_NUMBER = re.compile(r"-\d\d\d-\d\d\d\d|-1-1|-8-8")
SKIPPED = {"a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "textarea", "title"}


class _Text(HTMLParser):
    """Where each run of text outside the skipped elements starts in the page, and the run."""

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
    """The page with each phone number in its text made a ``tel:`` link (class ``wg-tel``)."""
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
