"""Every figure on a page is also on the references page of its language, written the same way
(the team's rule: a reader can always find where a number comes from).

A figure in a chapter also sits in a paragraph that links to its source's entry there, and that
entry (from its ``###`` heading to the next heading) holds the figure.

Figures are percentages, dollar amounts and counts of 100 or more; years (1900–2099 written
without a separator) are not figures. Numbers in code, link addresses and URLs are not read, so a
number that is not a fact (a version, a port) can be written as `code`. Spaces inside a figure
(normal, non-breaking or narrow) count as the same space.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..checklists.parser import is_checklist_source
from ..findings import Finding
from . import markdown_text
from .project import Page, Project

REFERENCES_PAGE = "references.md"
SPACE = "[ \u00a0\u202f]"
BEFORE = r"(?<![\w.,/$-])"
AFTER = r"(?![\w]|[-/]\d)"
# Name the entries that do hold a misplaced figure only when they are few enough to be a hint.
FEW_OTHER_ENTRIES = 3

FIGURE = {
    "fr": re.compile(
        BEFORE
        + rf"(?P<number>\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)"
        + rf"(?P<unit>{SPACE}?%|{SPACE}?\$|{SPACE}?[MG]\$|{SPACE}(?:millions?|milliards?){SPACE}(?:de{SPACE}|d')dollars"
        + rf"|{SPACE}pour{SPACE}cent)?"
        + AFTER
    ),
    "en": re.compile(
        BEFORE
        + rf"(?P<currency>(?:CA|C|CAN)?\${SPACE}?)?"
        + r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
        + rf"(?P<unit>{SPACE}?%|{SPACE}(?:per{SPACE}cent|percent)|{SPACE}(?:million|billion)|{SPACE}?[MB](?=\W|$))?"
        + AFTER
    ),
}


@dataclass(frozen=True)
class Figure:
    text: str  # as written, spaces made plain
    offset: int


def _value(number: str, lang: str) -> float:
    digits = re.sub(SPACE, "", number)
    digits = digits.replace(",", ".") if lang == "fr" else digits.replace(",", "")
    return float(digits)


def is_year(number: str) -> bool:
    return re.fullmatch(r"(19|20)\d\d", number) is not None


def figures(text: str, lang: str, every_number: bool = False) -> list[Figure]:
    """The figures in a page's prose. ``every_number`` also keeps small counts and years (used for
    the references page, where any written number may be the one a page quotes)."""
    pattern = FIGURE.get(lang, FIGURE["en"])
    found = []
    for match in pattern.finditer(text):
        number = match.group("number")
        is_amount = bool(match.group("unit") or match.groupdict().get("currency"))
        if not (every_number or is_amount or (_value(number, lang) >= 100 and not is_year(number))):
            continue
        found.append(Figure(re.sub(SPACE, " ", match.group()), match.start()))
    return found


def figures_on_references(project: Project) -> list[Finding]:
    findings = []
    for lang in project.languages:
        references = project.pages[lang].get(REFERENCES_PAGE)
        if references is None:
            continue  # reported by the page rule when the other language has one
        cited = set(Sources.of(references).cited)
        for page in project.pages[lang].values():
            if page is not references:
                findings += _uncited(page, references, cited)
    return findings


def _uncited(page: Page, references: Page, cited: set[str]) -> list[Finding]:
    lines_by_figure: dict[str, list[int]] = {}
    for figure in figures(page.prose, page.lang):
        if figure.text not in cited:
            lines_by_figure.setdefault(figure.text, []).append(page.line(figure.offset))
    findings = []
    spelled = {re.sub(r"\s", "", figure): figure for figure in cited}
    for text, lines in lines_by_figure.items():
        also = f" (also on line {', '.join(map(str, lines[1:]))})" if len(lines) > 1 else ""
        near = spelled.get(re.sub(r"\s", "", text))
        if near:
            fix = f"it is written \"{near}\" there: write it the same way in both places{also}"
        else:
            fix = f"add it there, written the same way, next to its source, and link this sentence to that source{also}"
        findings.append(Finding(page.display, lines[0], f"the figure \"{text}\" is not on {references.display}: {fix}"))
    return findings


BLOCK_BREAK = re.compile(r"\n[ \t]*\n")


def _block_around(text: str, offset: int) -> str:
    """The paragraph or list holding ``offset``; a list introduced by a sentence ending with a colon
    comes with that sentence, where the source of the whole list is usually linked."""
    starts = [0] + [match.end() for match in BLOCK_BREAK.finditer(text)]
    index = max(i for i, start in enumerate(starts) if start <= offset)
    end = BLOCK_BREAK.search(text, offset)
    block = text[starts[index]:end.start() if end else len(text)]
    lead = index
    while markdown_text.LIST_ITEM.match(text, starts[lead]) and lead > 0:  # back over the items of a loose list
        lead -= 1
    if lead != index and text[starts[lead]:starts[lead + 1]].rstrip().endswith(":"):
        block = text[starts[lead]:starts[lead + 1]] + block
    return block


def figures_linked_to_sources(project: Project) -> list[Finding]:
    """Every figure in a chapter sits in a paragraph (or a list with its lead-in) that links to the
    references page, and one of the entries it links to holds the figure. Checklists and templates
    are tools: their facts are sourced in the chapters."""
    findings = []
    for lang in project.languages:
        references = project.pages[lang].get(REFERENCES_PAGE)
        sources = Sources.of(references) if references else None
        for name, page in project.pages[lang].items():
            if name == REFERENCES_PAGE or is_checklist_source(page.text):
                continue
            for figure in figures(page.prose, lang):
                if figure.offset < page.front_matter_end:
                    continue  # the description sums the page up; its figures are sourced below
                block = _block_around(page.code_free, figure.offset)
                if REFERENCES_PAGE not in block:
                    findings.append(Finding(page.display, page.line(figure.offset), (
                        f"the figure \"{figure.text}\" has no source in its paragraph: link the sentence to the "
                        f"figure's entry on the references page, like ([Source]({_relative(page)}{REFERENCES_PAGE}#entry))")))
                elif sources:
                    problem = sources.misplaced(figure.text, _linked_entries(page, block, sources))
                    if problem:
                        findings.append(Finding(page.display, page.line(figure.offset), problem))
    return findings


@dataclass(frozen=True)
class Sources:
    """The figures of a references page: every one written there, and each entry's (by its ID)."""

    display: str
    cited: frozenset[str]
    by_entry: dict[str, frozenset[str]]

    @classmethod
    def of(cls, references: Page) -> "Sources":
        found = figures(references.prose, references.lang, every_number=True)
        return cls(references.display, frozenset(figure.text for figure in found), _figures_by_entry(references, found))

    def misplaced(self, figure: str, linked: list[str]) -> str | None:
        """The problem when none of the ``linked`` entries holds ``figure``. A figure missing from the
        whole page is the "figures" rule's finding, and links to no entry are the links rule's."""
        if not linked or figure not in self.cited or any(figure in self.by_entry[entry] for entry in linked):
            return None
        where = f"the {'entry' if len(linked) == 1 else 'entries'} {_listed(linked, 'or')}"
        holders = [entry for entry, held in self.by_entry.items() if figure in held]
        under = f" (it is under {_listed(holders, 'and')})" if 0 < len(holders) <= FEW_OTHER_ENTRIES else ""
        that = "that entry" if len(linked) == 1 else "one of those entries"
        return (f"the figure \"{figure}\" is not in {where} of {self.display}{under}: link the sentence to the source "
                f"that gives it, or add the figure to {that}")


def _listed(entries: list[str], conjunction: str) -> str:
    """'#a', '#a or #b', '#a, #b or #c'."""
    anchors = [f"#{entry}" for entry in entries]
    return anchors[0] if len(anchors) == 1 else f"{', '.join(anchors[:-1])} {conjunction} {anchors[-1]}"


def _figures_by_entry(references: Page, found: list[Figure]) -> dict[str, frozenset[str]]:
    """Each source's figures: those written from its ``### Title { #id }`` to the next heading,
    its "Figures cited in this guide" line included."""
    headings = references.headings
    starts = [heading.line for heading in headings]
    by_entry: dict[str, set[str]] = {heading.id: set() for heading in headings if heading.level == 3 and heading.id}
    for figure in found:
        index = bisect.bisect_right(starts, references.line(figure.offset)) - 1
        heading = headings[index] if index >= 0 else None
        if heading and heading.level == 3 and heading.id:
            by_entry[heading.id].add(figure.text)
    return {entry: frozenset(held) for entry, held in by_entry.items()}


def _linked_entries(page: Page, block: str, sources: Sources) -> list[str]:
    """The references entries a block links to, in order, without repeats."""
    linked = []
    for link in markdown_text.links(block):
        _scheme, netloc, path, _query, anchor = urlsplit(link.target)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), unquote(path)))
        if not netloc and target == REFERENCES_PAGE and anchor in sources.by_entry and anchor not in linked:
            linked.append(anchor)
    return linked


def _relative(page: Page) -> str:
    return "../" * page.name.count("/")
