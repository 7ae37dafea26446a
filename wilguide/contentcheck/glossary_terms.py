"""Every glossary term has an ID, the same in every language and in the same order, so a page can
link to one term (``glossary.md#undue-hardship``) in each language.

The glossaries are compared the way the H2s are (structure.py): a term missing in one language, a
term out of order or under another H2, and a term whose ID differs at the same place are each named
as such, in the file to change. When the translation record shows that only one of the two files
changed since it was recorded, a difference is reported in that file, next to the edit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from .markdown_text import EXPLICIT_ID, Heading
from .project import Page, Project
from .structure import longest_common_subsequence
from .translations import changed_alone

GLOSSARY = "glossary.md"
# A definition list's term: a line of text whose next line opens its definition (":   …").
_TERM = re.compile(r"^(?![\s#>|*+-]|<|:)(?P<term>.+?)\s*(?P<attrs>\{[^}]*\})?\s*$")
_DEFINITION = re.compile(r"^:\s")
GROUPED = "terms are grouped by topic"
END = "at the end of the page"


@dataclass(frozen=True)
class Term:
    text: str
    id: str | None
    line: int


def terms(page: Page) -> list[Term]:
    """The glossary's terms, in page order.

    Blank lines between a term and its ":" are allowed: Python-Markdown's def_list then takes the
    paragraph before the ":" as the term, and renders the term and its ID as without them."""
    lines, raw = page.code_free.split("\n"), page.text.split("\n")
    found = []
    for index, line in enumerate(lines):
        match = _TERM.match(line)
        if not match:
            continue
        following = next((number for number in range(index + 1, len(lines)) if raw[number].strip()), None)
        if following is not None and _DEFINITION.match(lines[following]):
            explicit = EXPLICIT_ID.search(match.group("attrs") or "")
            found.append(Term(match.group("term"), explicit.group(1) if explicit else None, index + 1))
    return found


class _Glossary:
    """One language's glossary as compared: its terms among its H2s (the topics that group them)."""

    def __init__(self, page: Page):
        self.page = page
        self.terms = terms(page)
        self.headings = [heading for heading in page.headings if heading.level == 2 and heading.id]
        self.landmarks: list[Term | Heading] = sorted(self.headings + self.terms, key=lambda landmark: landmark.line)
        self.first: dict[str, Term | Heading] = {}  # by ID: where it first appears
        self.group: dict[str, str | None] = {}  # a term's ID: the ID of the H2 above it
        topic = None
        for landmark in self.landmarks:
            if isinstance(landmark, Heading):
                topic = landmark.id
            elif landmark.id:
                self.group.setdefault(landmark.id, topic)
            if landmark.id:
                self.first.setdefault(landmark.id, landmark)

    @property
    def display(self) -> str:
        return self.page.display


def glossary_terms(project: Project) -> list[Finding]:
    """Terms without an ID, and terms missing, out of order, under another H2 or with another ID
    in the other language, reported where to fix them (the default language's glossary is the
    reference)."""
    pages = list(project.counterparts().get(GLOSSARY, {}).values())
    if len(pages) < 2:
        return []
    glossaries = [_Glossary(page) for page in pages]
    changed = changed_alone(project)
    findings: list[Finding] = []
    matches: dict[tuple[str, Term], tuple[_Glossary, Term]] = {}  # (language, term): the term at its place in the other
    for other in glossaries[1:]:
        pair = _Pair(glossaries[0], other, changed)
        findings += pair.differences()
        matches.update(pair.matches)
    for glossary in glossaries:
        findings += _missing_ids(glossary, matches)
    return findings


def _missing_ids(glossary: _Glossary, matches: dict[tuple[str, Term], tuple[_Glossary, Term]]) -> list[Finding]:
    findings = []
    for term in glossary.terms:
        if term.id:
            continue
        other, match = matches.get((glossary.page.lang, term), (None, None))
        fix = (f"{{ #{match.id} }}, the ID of the matching term at {other.display}:{match.line}" if match and match.id
               else "{ #an-id } (English, lowercase, with hyphens), and give the term in the other language the same ID")
        findings.append(Finding(glossary.display, term.line, f"this glossary term has no ID: end the line with {fix}"))
    return findings


class _Pair:
    """Two glossaries compared. The IDs both have (H2s and terms under the same H2) are aligned:
    the longest sequence in the same order. The terms between two aligned IDs are at the same place."""

    def __init__(self, reference: _Glossary, other: _Glossary, changed: set[Path]):
        self.sides = (reference, other)
        # The file that alone changed since the translation record: the findings go there.
        self.edited = next((side for side in self.sides if side.page.path.resolve() in changed), None)
        topics = {h.id for h in reference.headings} & {h.id for h in other.headings}
        in_both = set(reference.group) & set(other.group)
        # Under another H2 both have: a term moved to another topic (the H2s are the headings rule's).
        self.regrouped = {term_id for term_id in in_both if reference.group[term_id] != other.group[term_id]
                          and {reference.group[term_id], other.group[term_id]} <= topics | {None}}
        self.shared = (in_both - self.regrouped) | topics
        self.aligned = longest_common_subsequence(self._sequence(reference), self._sequence(other))
        self.matches: dict[tuple[str, Term], tuple[_Glossary, Term]] = {}

    def _sequence(self, side: _Glossary) -> list[str]:
        return list(dict.fromkeys(landmark.id for landmark in side.landmarks if landmark.id in self.shared))

    def differences(self) -> list[Finding]:
        reference, other = self.sides
        findings = []
        for gap, (ours, theirs) in enumerate(zip(self._runs(reference), self._runs(other))):
            if ours and len(ours) == len(theirs):  # as many terms at the same place: the same terms
                findings += self._paired(list(zip(ours, theirs)))
            else:
                findings += self._missing(reference, ours, other, theirs, gap)
                findings += self._missing(other, theirs, reference, ours, gap)
        source, target = (other, reference) if self.edited is reference else (reference, other)
        return findings + self._order(source, target) + self._regrouped(source, target)

    def _runs(self, side: _Glossary) -> list[list[Term]]:
        """The terms the other glossary lacks: before the first aligned ID, then after each."""
        runs: list[list[Term]] = [[]]
        for landmark in side.landmarks:
            if len(runs) <= len(self.aligned) and landmark.id == self.aligned[len(runs) - 1]:
                runs.append([])
            elif isinstance(landmark, Term) and landmark.id not in self.shared and landmark.id not in self.regrouped:
                runs[-1].append(landmark)
        return runs

    def _paired(self, pairs: list[tuple[Term, Term]]) -> list[Finding]:
        reference, other = self.sides
        findings = []
        for ours, theirs in pairs:
            self.matches[reference.page.lang, ours] = (other, theirs)
            self.matches[other.page.lang, theirs] = (reference, ours)
            if not (ours.id and theirs.id):
                continue  # reported as a term without an ID, with the matching term's ID
            for side, term, counterpart, match in ((reference, ours, other, theirs), (other, theirs, reference, ours)):
                if self.edited in (None, side):
                    findings.append(Finding(
                        side.display, term.line,
                        f"this glossary term's ID {{ #{term.id} }} differs from {{ #{match.id} }}, the ID of the matching "
                        f"term at {counterpart.display}:{match.line}: use the same ID in both languages (IDs are in "
                        "English; keep the one other pages and readers' bookmarks already link to)",
                    ))
        return findings

    def _missing(self, source: _Glossary, extra: list[Term], target: _Glossary, at_place: list[Term], gap: int) -> list[Finding]:
        """The terms of ``source`` that ``target`` lacks, reported in ``target`` where they belong,
        unless ``source`` alone changed (the term was added there)."""
        findings = []
        for index, term in enumerate(extra):
            if not term.id:
                continue  # reported as a term without an ID
            line, place = self._insertion_point(target, at_place, index, gap)
            if self.edited is source:
                there = place if place == END else f"before line {line}"
                findings.append(Finding(source.display, term.line, f"the glossary term {{ #{term.id} }} is not in "
                                        f"{target.display}: add it there, {there} ({GROUPED}), or remove it here"))
            else:
                findings.append(Finding(target.display, line, f"the glossary term {{ #{term.id} }} of {source.display}:"
                                        f"{term.line} is missing here: add it {place} ({GROUPED}), or remove it there"))
        return findings

    def _insertion_point(self, target: _Glossary, at_place: list[Term], index: int, gap: int) -> tuple[int, str]:
        """Where the ``index``-th missing term of a gap goes in ``target``: before the term at the
        same rank in the gap, else before the aligned term or H2 that ends the gap."""
        if index < len(at_place):
            return at_place[index].line, "at this place"
        if gap < len(self.aligned):
            following = target.first[self.aligned[gap]]
            return following.line, "at this place" if isinstance(following, Term) else "before this heading"
        return max(1, len(target.page.text.rstrip("\n").split("\n"))), END

    def _order(self, source: _Glossary, target: _Glossary) -> list[Finding]:
        """Terms both glossaries have under the same H2, in another order: reported at the moved
        term in ``target``."""
        source_sequence, in_order = self._sequence(source), set(self.aligned)
        findings = []
        for term in target.terms:
            if term.id not in self.shared or term.id in in_order:
                continue
            position = source_sequence.index(term.id)
            before = source.first[source_sequence[position - 1]] if position else None
            where = ("first" if before is None else f"first under the H2 {{ #{before.id} }}" if isinstance(before, Heading)
                     else f"after {{ #{before.id} }}")
            findings.append(Finding(target.display, term.line, f"the glossary term {{ #{term.id} }} is out of order: in "
                                    f"{source.display}:{source.first[term.id].line} it comes {where}; both glossaries have "
                                    f"the same terms in the same order ({GROUPED})"))
            in_order.add(term.id)  # report a repeated term once
        return findings

    def _regrouped(self, source: _Glossary, target: _Glossary) -> list[Finding]:
        def topic(side: _Glossary, term_id: str) -> str:
            return f"the H2 {{ #{side.group[term_id]} }}" if side.group[term_id] else "no H2"

        return [
            Finding(target.display, term.line, f"the glossary term {{ #{term.id} }} is under {topic(target, term.id)} here but "
                    f"under {topic(source, term.id)} in {source.display}:{source.first[term.id].line}: put it under the "
                    f"same H2 in both languages ({GROUPED})")
            for term in target.terms
            if term.id in self.regrouped and target.first[term.id] is term
        ]
