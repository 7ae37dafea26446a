"""Every glossary term has an ID, the same in every language and in the same order, so a page can
link to one term (``glossary.md#undue-hardship``) in each language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Finding
from .markdown_text import EXPLICIT_ID
from .project import Page, Project

GLOSSARY = "glossary.md"
# A definition list's term: a line of text whose next line opens its definition (":   …").
_TERM = re.compile(r"^(?![\s#>|*+-]|<|:)(?P<term>.+?)\s*(?P<attrs>\{[^}]*\})?\s*$")
_DEFINITION = re.compile(r"^:\s")


@dataclass(frozen=True)
class Term:
    text: str
    id: str | None
    line: int


def terms(page: Page) -> list[Term]:
    lines = page.code_free.split("\n")
    found = []
    for number, (line, following) in enumerate(zip(lines, lines[1:]), start=1):
        match = _TERM.match(line)
        if match and _DEFINITION.match(following):
            explicit = EXPLICIT_ID.search(match.group("attrs") or "")
            found.append(Term(match.group("term"), explicit.group(1) if explicit else None, number))
    return found


def glossary_terms(project: Project) -> list[Finding]:
    """Terms without an ID, and IDs that differ from the default language's, reported where to fix them."""
    pages = list(project.counterparts().get(GLOSSARY, {}).values())
    if len(pages) < 2:
        return []
    listed = [terms(page) for page in pages]
    findings = []
    for index, (page, own) in enumerate(zip(pages, listed)):
        other_index = 1 if index == 0 else 0
        other, theirs = pages[other_index], listed[other_index]
        for position, term in enumerate(own):
            if term.id:
                continue
            match = theirs[position] if len(own) == len(theirs) else None
            fix = (f"{{ #{match.id} }}, the ID of the matching term at {other.display}:{match.line}" if match and match.id
                   else "{ #an-id } (English, lowercase, with hyphens), and give the term in the other language the same ID")
            findings.append(Finding(page.display, term.line, f"this glossary term has no ID: end the line with {fix}"))
    reference, reference_terms = pages[0], listed[0]
    for page, own in zip(pages[1:], listed[1:]):
        pairs = zip(own, reference_terms)
        shifted = next(((ours, theirs) for ours, theirs in pairs if ours.id and theirs.id and ours.id != theirs.id), None)
        if shifted:  # reported once: every term after a shift would differ too
            ours, theirs = shifted
            findings.append(Finding(
                page.display, ours.line,
                f"this glossary term's ID {{ #{ours.id} }} differs from {{ #{theirs.id} }}, the ID of the term in the same "
                f"place in {reference.display}:{theirs.line}: each term has the same ID in every language, in the same order",
            ))
            continue
        longer, shorter = (page, reference) if len(own) > len(reference_terms) else (reference, page)
        for term in max(own, reference_terms, key=len)[min(len(own), len(reference_terms)):]:
            name = f"{{ #{term.id} }}" if term.id else f"'{term.text}'"
            findings.append(Finding(
                longer.display, term.line,
                f"the glossary term {name} is not in {shorter.display}: add it there, in the same place, or remove it here",
            ))
    return findings
