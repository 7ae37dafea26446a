"""Text that every output shows as written (checklist items, page descriptions): Markdown or HTML
formatting in it would show up literally, asterisks and all."""

from __future__ import annotations

import re

# Tags, code, bold, links, and italics (a * or _ that opens a word, as in *Loi* or _Act_).
FORMATTING = re.compile(r"<[A-Za-z/!]|`|\*\*|__|\]\(|(?<![\w*])\*(?=[^\s*])|(?<!\w)_(?=[^\s_])")


# What every check of such text tells the editor.
REMOVE_FORMATTING = "remove Markdown or HTML formatting (*, **, `, links, tags)"


def has_formatting(text: str) -> bool:
    return bool(FORMATTING.search(text))
