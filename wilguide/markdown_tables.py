"""A Markdown table row as Python-Markdown's tables extension splits it: shared by the checklist
parser (tables of fields) and the content check (rows that miss a cell)."""

from __future__ import annotations

import re

SEPARATOR_CELL = re.compile(r"^:?-+:?$")  # a cell of the line of dashes under a header


def cells(line: str) -> list[str]:
    """The cells of a table row, trimmed (an escaped \\| stays in its cell)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", text)]


def is_separator(line: str) -> bool:
    """The line of dashes under a table's header (``|---|:---:|``)."""
    return "|" in line and all(SEPARATOR_CELL.match(cell) for cell in cells(line))
