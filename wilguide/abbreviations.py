"""The abbreviations of one language (includes/abbreviations.<lang>.md), one source for two uses:
the definitions appended to every page (the tooltips of <abbr>), and the table the glossary shows
where its page says <!-- abbreviations -->, which readers of the PDF and of a phone, who see no
tooltips, can read."""

from __future__ import annotations

import re
from pathlib import Path

from .alphabetical import alphabetical_key
from .findings import ContentError, Finding, relative

DEFINITION = re.compile(r"^\*\[(?P<short>[^\]]+)\]:[ \t]*(?P<long>\S.*?)[ \t]*$")
MARKER = "<!-- abbreviations -->"
HEADERS = {"fr": ("Sigle", "Signification"), "en": ("Abbreviation", "Meaning")}


def definitions_file(root: Path, lang: str) -> Path:
    """Where one language's abbreviations live in the project at ``root``."""
    return root / "includes" / f"abbreviations.{lang}.md"


def load(path: Path, root: Path | None = None) -> list[tuple[str, str]]:
    """(short, long) pairs in file order; a line that is not a definition is reported at its line,
    relative to ``root`` (the working directory by default)."""
    pairs, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = DEFINITION.match(line)
        if match:
            pairs.append((match["short"], match["long"]))
        else:
            message = "write each abbreviation as *[SHORT]: what it stands for"
            problems.append(Finding(relative(path, root), number, message))
    if problems:
        raise ContentError(problems)
    return pairs


def _sort_key(short: str) -> tuple[str, str]:
    """Alphabetical whatever the accents (ÉDI beside EDI), the plain spelling first."""
    return alphabetical_key(short), short


def table(pairs: list[tuple[str, str]], lang: str) -> str:
    """A Markdown table, in alphabetical order. Forms with the same meaning share a row (EDI, ÉDI);
    a plural whose singular is listed (SMEs) is left out."""
    shorts = {short for short, _ in pairs}
    rows: dict[str, list[str]] = {}
    for short, meaning in pairs:
        if short.endswith("s") and short[:-1] in shorts:
            continue
        rows.setdefault(meaning, []).append(short)
    lines = [(sorted(forms, key=_sort_key), meaning) for meaning, forms in rows.items()]
    lines.sort(key=lambda row: _sort_key(row[0][0]))
    short_header, long_header = HEADERS[lang]
    body = "\n".join(f"| {', '.join(forms)} | {meaning} |" for forms, meaning in lines)
    return f"| {short_header} | {long_header} |\n|---|---|\n{body}\n"
