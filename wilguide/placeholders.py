"""``{{ name }}`` placeholders in Markdown, replaced by site settings at build time.

An optional setting (``settings.OPTIONAL``, such as the publisher) may be empty: a sentence that
uses it is wrapped in ``{% if name %}…{% endif %}`` and left out when the setting is empty, so a
reader never sees "published by ." or a stand-in name. ``{% if name %}…{% else %}…{% endif %}``
gives the words to use instead.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from .findings import Finding, line_of

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# A setting's name in single braces, as planner.yml writes its own {placeholders}: shown as is.
# (The brace comes first, then the look back for a second one: searched for, a pattern that starts
# with a plain character is fast; one that starts by looking back tries every position.)
SINGLE_BRACED = re.compile(r"\{(?<!\{\{)\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})")
CONDITIONAL = re.compile(r"\{%\s*if\s+([A-Za-z_][A-Za-z0-9_]*)\s*%\}(.*?)\{%\s*endif\s*%\}", re.S)
TAG = re.compile(r"\{%.*?%\}", re.S)
ELSE = re.compile(r"\{%\s*else\s*%\}")
OPENING = re.compile(r"\{%\s*if\b.*?%\}", re.S)
_HOW_TO_WRAP = "{% if NAME %}…{% endif %}"


def find_unknown(text: str, known: Mapping[str, str] | set[str], path: str, line_offset: int = 0) -> list[Finding]:
    """Every placeholder in ``text`` whose name is not a setting, and every setting's name written
    in single braces (which readers would see as is)."""
    names = set(known)
    single = [
        Finding(path, line_of(text, match.start()) + line_offset,
                f"'{match.group(0)}' would show as is: write {{{{ {match.group(1)} }}}}, with two braces on each side")
        for match in SINGLE_BRACED.finditer(text)
        if match.group(1) in names
    ]
    return single + [
        Finding(
            path,
            line_of(text, match.start()) + line_offset,
            f"unknown placeholder {{{{ {match.group(1)} }}}}; use one of: "
            + ", ".join(f"{{{{ {name} }}}}" for name in sorted(names)),
        )
        for match in PLACEHOLDER.finditer(text)
        if match.group(1) not in names
    ]


def find_misused(
    text: str, known: Mapping[str, str] | set[str], optional: Iterable[str], path: str, line_offset: int = 0
) -> list[Finding]:
    """Conditions on unknown settings, stray ``{% %}`` tags, and optional settings used unguarded."""
    names, optional = set(known), set(optional)
    findings: list[Finding] = []
    blocks = list(CONDITIONAL.finditer(text))

    def at(index: int, message: str) -> None:
        findings.append(Finding(path, line_of(text, index) + line_offset, message))

    for block in blocks:
        if block.group(1) not in names:
            at(block.start(), f"unknown setting in {{% if {block.group(1)} %}}; use one of: {', '.join(sorted(names))}")
        opened = OPENING.search(block.group(2))
        if opened:  # conditions do not nest: this one's {% endif %} is missing, and text would vanish
            at(block.start(), f"'{{% if {block.group(1)} %}}' has no {{% endif %}} before the next '{opened.group(0)}' "
                              f"(line {line_of(text, block.start(2) + opened.start()) + line_offset}): close it with {{% endif %}}")
    inside = [range(block.start(), block.end()) for block in blocks]
    for tag in TAG.finditer(text):
        if not any(tag.start() in span for span in inside):
            at(tag.start(), f"'{tag.group(0)}' is not a complete condition: write {_HOW_TO_WRAP.replace('NAME', 'setting')}")
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        guarded = any(block.group(1) == name and match.start() in range(block.start(), block.end()) for block in blocks)
        if name in optional and not guarded:
            at(
                match.start(),
                f"{{{{ {name} }}}} may be empty in mkdocs.yml: wrap its sentence in "
                f"{_HOW_TO_WRAP.replace('NAME', name)} so it is left out when the setting is empty",
            )
    return findings


def substitute(text: str, values: Mapping[str, str]) -> str:
    """Keep or drop each ``{% if name %}`` block, then replace known placeholders; unknown ones are
    left for ``find_unknown`` to report."""
    def choose(block: re.Match) -> str:
        when_set, *otherwise = ELSE.split(block.group(2), maxsplit=1)
        return when_set if values.get(block.group(1)) else "".join(otherwise)

    text = CONDITIONAL.sub(choose, text)
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
