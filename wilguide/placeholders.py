"""``{{ name }}`` placeholders in Markdown, replaced by site settings at build time."""

from __future__ import annotations

import re
from typing import Mapping

from .findings import Finding, line_of

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def find_unknown(text: str, known: Mapping[str, str] | set[str], path: str, line_offset: int = 0) -> list[Finding]:
    """Every placeholder in ``text`` whose name is not a setting."""
    names = set(known)
    return [
        Finding(
            path,
            line_of(text, match.start()) + line_offset,
            f"unknown placeholder {{{{ {match.group(1)} }}}}; use one of: "
            + ", ".join(f"{{{{ {name} }}}}" for name in sorted(names)),
        )
        for match in PLACEHOLDER.finditer(text)
        if match.group(1) not in names
    ]


def substitute(text: str, values: Mapping[str, str]) -> str:
    """Replace known placeholders; unknown ones are left for ``find_unknown`` to report."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
