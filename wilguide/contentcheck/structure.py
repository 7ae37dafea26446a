"""Rules about the shape of pages: front matter, the same pages, H2s and checklist items in every
language, and known placeholders."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..findings import ContentError, Finding
from ..parity import missing_pages
from ..placeholders import find_misused, find_unknown
from ..plain_text import REMOVE_FORMATTING, has_formatting
from ..settings import OPTIONAL
from ..yamlload import markup_start, safe_load, says_its_fix, yaml_problem
from . import markdown_text
from .figures import REFERENCES_PAGE
from .project import Page, Project
from .translations import changed_alone

REQUIRED_KEYS = {"description": "one sentence that says what the page offers; search engines and the PDF show it"}
FRONT_MATTER_EXAMPLE = "`---`, `description: <one sentence>`, `---`"
# The top-level keys pages use, and what reads them: the build ignores any other key, so a typo
# silently loses what it set. description: the site's and the PDF's summary; title: MkDocs, the
# menu and the browser tab (overrides/main.html); search: keywords (wilguide/search_keywords.py),
# boost and exclude (the theme's search); checklist and form: wilguide/checklists.
PAGE_KEYS = ("description", "title", "search", "checklist", "form")
SEARCH_KEYS = ("keywords", "boost", "exclude")
# A checklist's or a form's settings, which wilguide/checklists/parser.py reads under its key.
CHECKLIST_KEYS = ("checklist", "form")
CHECKLIST_SETTINGS = ("fields", "section_notes", "examples")
# An unquoted description or title on its key's line ("title" and "description" are shown as is).
PLAIN_COPY = re.compile(r"^(?:description|title)[ \t]*:[ \t]+(?![\"'|>])(?P<value>.*)$")


def front_matter(project: Project) -> list[Finding]:
    """Every page starts with valid front matter holding the required keys."""
    findings = []
    for page in project.all_pages():
        findings += _front_matter_of(page)
    return findings


def _front_matter_of(page: Page) -> list[Finding]:
    where = page.display
    first_line = page.text.split("\n", 1)[0]
    if not re.fullmatch(r"-{3}[ \t]*", first_line):
        return [Finding(where, 1, f"the page has no front matter: start it with three lines: {FRONT_MATTER_EXAMPLE}")]
    span = markdown_text.front_matter_span(page.text)
    if span is None:
        second_line = (page.text.split("\n", 2) + ["", ""])[1]
        if re.fullmatch(r"(?:-{3}|\.{3})[ \t]*", second_line):
            return [Finding(where, 2, "the front matter is empty: write `description: <one sentence>` between the two `---` lines")]
        return [Finding(where, 1, "the front matter is not closed: add a line `---` after its last line")]
    raw = page.text[page.text.index("\n") + 1 : span[1]].rsplit("\n", 2)[0] + "\n"
    try:
        data = safe_load(raw)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, raw)
        line += 1  # the front matter starts on the page's second line
        return [
            Finding(
                where,
                line,
                f"the front matter is not valid YAML: {problem}"
                + ("" if "tab" in problem or says_its_fix(problem) else "; write `key: value` lines, and put a value "
                   "that contains `: `, `#` or starts with a quote or a bracket in double quotes"),
            )
        ]
    if not isinstance(data, dict):
        return [Finding(where, 2, "the front matter must be `key: value` lines, for example `description: <one sentence>`")]
    findings, suggested = _unknown_keys(where, data, raw)
    findings += _search_keys(where, data, raw)
    findings += _dropped_words(where, raw)
    closing_line = page.line(span[1] - 1)
    for key, purpose in REQUIRED_KEYS.items():
        value = data.get(key)
        key_line = _key_line(raw, key)
        if key not in data:
            if key in suggested:  # a misspelt key, already reported at its line
                continue
            findings.append(Finding(where, closing_line, f"the front matter lacks `{key}:`: add it above this line: {purpose}"))
        elif not isinstance(value, str) or not value.strip():
            findings.append(Finding(where, key_line, f"`{key}:` is empty: write {purpose}"))
        elif has_formatting(value):
            message = f"`{key}:` is shown as plain text (search results, the PDF's contents): {REMOVE_FORMATTING}"
            findings.append(Finding(where, key_line, message))
    return findings


def _key_line(raw: str, key: str, indent: str = "", after: int = 2) -> int:
    """The line of ``key:`` in the page (the front matter starts on line 2), from line ``after``."""
    pattern = re.compile(rf"{indent}{re.escape(key)}[ \t]*:")
    lines = raw.split("\n")
    return next((n for n, text in enumerate(lines, start=2) if n >= after and pattern.match(text)), after)


def _unknown_keys(where: str, data: dict, raw: str) -> tuple[list[Finding], set[str]]:
    """Top-level keys no part of the build reads, with the key they were probably meant to be.
    Also returns the keys suggested."""
    findings, suggested = [], set()
    parent = next((key for key in CHECKLIST_KEYS if key in data), None)
    for key in map(str, data):
        if key in PAGE_KEYS:
            continue
        line = _key_line(raw, key)
        if parent and key in CHECKLIST_SETTINGS:
            findings.append(Finding(where, line, _belongs_under(key, parent, data[parent])))
            continue
        guess = difflib.get_close_matches(key.lower(), PAGE_KEYS, n=1)
        if guess:
            suggested.add(guess[0])
            findings.append(Finding(where, line, f"unknown front matter key '{key}': did you mean '{guess[0]}'?"))
        else:
            findings.append(Finding(where, line, f"unknown front matter key '{key}': remove it, or use one of "
                                    f"{', '.join(PAGE_KEYS)}"))
    return findings, suggested


def _belongs_under(key: str, parent: str, settings) -> str:
    """A checklist's setting that lost its indentation, and became a key of its own."""
    if settings is None or isinstance(settings, dict):
        return f"'{key}' belongs under '{parent}:': indent it by two spaces"
    return f"'{key}' belongs under '{parent}:': write '{parent}:' alone on its line, and indent '{key}' by two spaces under it"


def _search_keys(where: str, data: dict, raw: str) -> list[Finding]:
    """A misspelt key under ``search:`` loses the page's search keywords without a word."""
    search = data.get("search")
    if not isinstance(search, dict):
        return []
    findings = []
    for key in map(str, search):
        if key in SEARCH_KEYS:
            continue
        line = _key_line(raw, key, indent=r"[ \t]+", after=_key_line(raw, "search"))
        guess = difflib.get_close_matches(key.lower(), SEARCH_KEYS, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"use {', '.join(SEARCH_KEYS)}"
        findings.append(Finding(where, line, f"unknown key '{key}' under 'search:': {hint}"))
    return findings


def _dropped_words(where: str, raw: str) -> list[Finding]:
    """What YAML reads without an error but drops from an unquoted description or title: the
    words after " #" (a comment), and a first word taken as an anchor ("&") or a tag ("!")."""
    findings = []
    for number, text in enumerate(raw.split("\n"), start=2):
        match = PLAIN_COPY.match(text)
        if not match:
            continue
        if match["value"][:1] in ("&", "!"):
            findings.append(Finding(where, number, markup_start(text)))
        elif re.search(r"[ \t]#", match["value"]):
            findings.append(Finding(where, number, '" #" starts a comment: the words after it are dropped: put the '
                                    "value in double quotes"))
    return findings


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
