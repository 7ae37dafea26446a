"""Rules about the shape of pages: the same pages, H2s, sources and checklist items in every
language, and known placeholders (front matter: front_matter.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..findings import ContentError, Finding
from ..parity import missing_pages
from ..placeholders import find_misused, find_unknown
from ..settings import OPTIONAL
from . import markdown_text
from .figures import REFERENCES_PAGE
from .project import Page, Project
from .translations import changed_alone


def pages_in_every_language(project: Project) -> list[Finding]:
    with project.working_directory():
        return missing_pages(project.docs_dir, project.languages)


@dataclass(frozen=True)
class _Kind:
    """Headings every language shares, by ID, and the words a finding uses for them."""

    noun: str  # "H2", "source"
    level: int
    add: str  # how to add a missing one; {place} says where
    same: str  # the rule, said after a missing one
    same_order: str  # the rule, said after one out of order
    none_of: str  # a page with none of them; {count}, {source}, {ids}

    def select(self, page: Page) -> list[markdown_text.Heading]:
        return [heading for heading in page.headings if heading.level == self.level]

    def landmarks(self, page: Page) -> list[markdown_text.Heading]:
        """The headings a missing one is placed among: a source goes into its H2's group."""
        return [heading for heading in page.headings if 2 <= heading.level <= self.level]


H2S = _Kind(
    "H2", 2, "add it {place}", "every language has the same H2s, in the same order",
    "both languages have the same H2s in the same order",
    "this page has none of the {count} H2s of {source} ({ids}): add them, in the same order, or remove them there",
)
# The sources are the references page's ### headings: every citation links to one by its ID.
SOURCES = _Kind(
    "source", 3, "add its entry {place}, with the same ID", "both references pages hold the same sources, in the same order",
    "both references pages hold the same sources in the same order",
    "this page has none of the {count} sources of {source}: add their entries, with the same IDs, in the same order, "
    "or remove them there",
)


def headings_in_every_language(project: Project) -> list[Finding]:
    """Every H2 has an explicit ID; every language has the same H2 IDs in the same order; the
    references pages hold the same sources (### IDs) in the same order.

    The default language's version is the reference; a difference is reported in the file to
    change, at the line where the change goes. An order difference goes to the file that alone
    changed since the translation record, when one did."""
    findings = []
    changed = changed_alone(project)
    for name, versions in project.counterparts().items():
        pages = list(versions.values())
        findings += _same_headings(pages, H2S, changed)
        if name == REFERENCES_PAGE:
            findings += _same_headings(pages, SOURCES, changed)
    return findings


def _same_headings(pages: list[Page], kind: _Kind, changed: set[Path] = frozenset()) -> list[Finding]:
    findings = []
    for page in pages:
        findings += _duplicate_ids(page, kind)
        findings += _id_spelling(page, kind)
    if len(pages) < 2:
        return findings
    reference = pages[0]
    suggested: dict[str, set[str]] = {}
    for page in pages:
        counterpart = pages[1] if page is reference else reference
        id_findings, suggested[page.src_uri] = _missing_ids(page, counterpart, kind)
        findings += id_findings
    for other in pages[1:]:
        findings += _missing_headings(reference, other, suggested[other.src_uri], kind)
        findings += _missing_headings(other, reference, suggested[reference.src_uri], kind)
        if reference.path.resolve() in changed:  # the reference alone changed: its order moved
            findings += _order(other, reference, kind, name_line=True)
        else:
            findings += _order(reference, other, kind)
    return findings


KEBAB_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _id_spelling(page: Page, kind: _Kind) -> list[Finding]:
    """IDs go into the addresses readers share: lowercase words joined by hyphens."""
    return [
        Finding(page.display, heading.line, f"the ID {{ #{heading.id} }} is not lowercase words joined by hyphens: "
                f"write it as {{ #{re.sub(r'[^a-z0-9]+', '-', heading.id.lower()).strip('-') or 'an-id'} }}, in both languages")
        for heading in kind.select(page)
        if heading.id and not KEBAB_ID.fullmatch(heading.id)
    ]


def _duplicate_ids(page: Page, kind: _Kind) -> list[Finding]:
    findings, seen = [], {}
    for heading in kind.select(page):
        if heading.id is None:
            continue
        if heading.id in seen:
            findings.append(
                Finding(page.display, heading.line, f"the ID {{ #{heading.id} }} is already used by the {kind.noun} at line "
                        f"{seen[heading.id]}: give each {kind.noun} its own ID")
            )
        seen.setdefault(heading.id, heading.line)
    return findings


def _missing_ids(page: Page, counterpart: Page, kind: _Kind) -> tuple[list[Finding], set[str]]:
    """Headings without an ID. When both versions have as many, the matching heading's ID is
    suggested (and not reported again as missing)."""
    findings, suggested = [], set()
    ours, theirs = kind.select(page), kind.select(counterpart)
    used = {h.id for h in ours if h.id}
    for index, heading in enumerate(ours):
        if heading.id is not None:
            continue
        match = theirs[index] if len(ours) == len(theirs) else None
        if match and match.id and match.id not in used:
            suggested.add(match.id)
            fix = f"{{ #{match.id} }}, the ID of the matching {kind.noun} at {counterpart.display}:{match.line}"
        else:
            fix = (f"{{ #an-id }} (English, lowercase, with hyphens), and give the matching {kind.noun} in the other "
                   "language the same ID")
        findings.append(Finding(page.display, heading.line, f"this {kind.noun} has no ID: end the line with {fix}"))
    return findings, suggested


def _missing_headings(source: Page, target: Page, suggested: set[str], kind: _Kind) -> list[Finding]:
    """The headings of ``source`` that ``target`` lacks, reported in ``target`` where they belong."""
    findings = []
    target_headings = kind.select(target)
    target_ids = {h.id for h in target_headings if h.id}
    all_source_headings = kind.select(source)
    source_headings = [h for h in all_source_headings if h.id]
    if not target_headings and len(source_headings) > 1:  # a page not written yet: one finding, not one per heading
        ids = ", ".join(f"{{ #{h.id} }}" for h in source_headings)
        line, _ = _insertion_point(target, kind.landmarks(target), [])
        return [Finding(target.display, line, kind.none_of.format(count=len(source_headings), source=source.display, ids=ids))]
    paired = set()
    if len(all_source_headings) == len(target_headings):  # the same headings, one ID changed in one language only: say so
        source_ids = {h.id for h in all_source_headings if h.id}
        for theirs, ours in zip(all_source_headings, target_headings):
            if theirs.id and ours.id and theirs.id != ours.id and theirs.id not in target_ids and ours.id not in source_ids:
                paired.add(theirs.id)
                findings.append(Finding(target.display, ours.line, f"this {kind.noun}'s ID {{ #{ours.id} }} differs from "
                                        f"{{ #{theirs.id} }}, the ID of the matching {kind.noun} at {source.display}:"
                                        f"{theirs.line}: use the same ID in both languages (keep the one other pages and "
                                        "readers' bookmarks already link to)"))
    target_landmarks = kind.landmarks(target)
    shared_landmarks = {h.id for h in target_landmarks if h.id}
    for heading in source_headings:
        if heading.id in target_ids or heading.id in suggested or heading.id in paired:
            continue
        preceding = [h.id for h in kind.landmarks(source) if h.line < heading.line and h.id in shared_landmarks]
        line, place = _insertion_point(target, target_landmarks, preceding)
        findings.append(
            Finding(target.display, line, f"the {kind.noun} {{ #{heading.id} }} of {source.display}:{heading.line} is "
                    f"missing here: {kind.add.format(place=place)}, or remove it there ({kind.same})")
        )
    return findings


def _insertion_point(target: Page, landmarks, preceding_ids: list[str]) -> tuple[int, str]:
    """Where a missing heading goes in ``target``: before the heading that follows the last one they share."""
    after = next((i for i, h in enumerate(landmarks) if preceding_ids and h.id == preceding_ids[-1]), None)
    following = landmarks[0 if after is None else after + 1 :]
    if following:
        return following[0].line, "before this heading"
    return max(1, len(target.text.rstrip("\n").split("\n"))), "at the end of the page"


def _order(source: Page, target: Page, kind: _Kind, name_line: bool = False) -> list[Finding]:
    """Headings both pages have, but in a different order: reported at the moved heading in ``target``.

    ``name_line``: also give its line in ``source`` (when the finding moved to the file that
    changed, ``source`` is the file the editor did not open)."""
    source_order = [h.id for h in kind.select(source) if h.id]
    common = set(source_order) & {h.id for h in kind.select(target) if h.id}
    source_seq = [i for i in dict.fromkeys(source_order) if i in common]
    target_headings = [h for h in kind.select(target) if h.id in common]
    target_seq = list(dict.fromkeys(h.id for h in target_headings))
    in_order = set(longest_common_subsequence(source_seq, target_seq))
    lines = {h.id: h.line for h in reversed(kind.select(source))}  # a duplicated ID: its first line
    findings = []
    for heading in target_headings:
        if heading.id in in_order:
            continue
        position = source_seq.index(heading.id)
        where = f"after {{ #{source_seq[position - 1]} }}" if position else "first"
        there = f"{source.display}:{lines[heading.id]}" if name_line else source.display
        findings.append(
            Finding(target.display, heading.line, f"the {kind.noun} {{ #{heading.id} }} is out of order: in "
                    f"{there} it comes {where}; {kind.same_order}")
        )
        in_order.add(heading.id)  # report a duplicated heading once
    return findings


def longest_common_subsequence(a: list[str], b: list[str]) -> list[str]:
    """The longest list of items found in both ``a`` and ``b`` in the same order: what stayed in
    place when some items moved (the glossary's comparison uses it too)."""
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            lengths[i][j] = lengths[i + 1][j + 1] + 1 if a[i] == b[j] else max(lengths[i + 1][j], lengths[i][j + 1])
    result, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            result.append(a[i])
            i, j = i + 1, j + 1
        elif lengths[i + 1][j] >= lengths[i][j + 1]:
            i += 1
        else:
            j += 1
    return result


def checklist_items_in_every_language(project: Project) -> list[Finding]:
    """Checklist pages parse, and hold the same items (by key) in every language.

    The checklists' own validator does the work, so the command and the build agree."""
    try:
        from ..checklists.validate import load_all
    except ImportError:  # the checklists package is not part of this project (yet)
        return []
    from ..checklists.examples import EXAMPLES_FILE, load_example_goals

    findings: list[Finding] = []
    with project.working_directory():
        try:
            load_all(project.docs_dir, project.languages, changed=changed_alone(project))
        except ContentError as error:
            findings += error.findings
        examples = project.root / "content" / EXAMPLES_FILE.name
        if examples.exists():  # the example-goal library of the learning plan template
            try:
                load_example_goals(project.languages, examples)
            except ContentError as error:
                findings += error.findings
    return findings


def known_placeholders(project: Project) -> list[Finding]:
    findings = []
    for lang in project.languages:
        try:
            names = project.placeholder_names(lang)
        except ValueError as error:
            return [Finding(project.display(project.root / "mkdocs.yml"), 1, str(error).removeprefix("mkdocs.yml: "))]
        for page in project.pages[lang].values():
            # Front matter is not substituted, so only the body is checked (as the build does).
            body = markdown_text.blank(page.text, [(0, page.front_matter_end)])
            findings += find_unknown(body, names, page.display)
            findings += find_misused(body, names, OPTIONAL, page.display)
    return findings
