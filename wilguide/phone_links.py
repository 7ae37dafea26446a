"""Phone numbers in a page become links a phone can call, kept on one line.

On a phone, "call 9-1-1" broke as "9-1-" / "1", and no number could be tapped, in the very
sections a reader opens when someone is in distress. The numbers are written in the Markdown as
readers see them (9-1-1, 9-8-8, 1-855-242-3310); this step finds them in the built page's text,
outside links, code and headings, and makes each a ``tel:`` link that does not wrap.
"""

from __future__ import annotations

import re

# Canada's three-digit lines (9-1-1, 9-8-8, 2-1-1, 8-1-1) and toll-free or local numbers written
# with hyphens: 1-855-242-3310, 613-555-0100.
PHONE_NUMBER = re.compile(r"(?<![\w-])(?:[2-9]-1-1|9-8-8|(?:1-)?[2-9]\d\d-\d{3}-\d{4})(?![\w-])")
_TAG = re.compile(r"(<[^>]*>)")
_SKIPPED = ("a", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "textarea", "title")
_OPENING = re.compile(r"<\s*(\w+)")
_CLOSING = re.compile(r"<\s*/\s*(\w+)")


def link_phone_numbers(html: str) -> str:
    """The page with each phone number in its text made a ``tel:`` link (class ``wg-tel``)."""
    parts = _TAG.split(html)
    inside: dict[str, int] = {}
    for index, part in enumerate(parts):
        if part.startswith("<"):
            closing, opening = _CLOSING.match(part), _OPENING.match(part)
            if closing and closing.group(1).lower() in _SKIPPED:
                inside[closing.group(1).lower()] = max(0, inside.get(closing.group(1).lower(), 0) - 1)
            elif opening and opening.group(1).lower() in _SKIPPED and not part.endswith("/>"):
                inside[opening.group(1).lower()] = inside.get(opening.group(1).lower(), 0) + 1
        elif part and not any(inside.values()):
            parts[index] = PHONE_NUMBER.sub(_link, part)
    return "".join(parts)


def _link(match: re.Match) -> str:
    number = match.group()
    return f'<a class="wg-tel" href="tel:{number.replace("-", "")}">{number}</a>'
