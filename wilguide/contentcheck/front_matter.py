"""Front matter: each page's description, its known keys, and the YAML mistakes an editor makes
there, each at its line."""

from __future__ import annotations

import difflib
import re

import yaml

from ..findings import Finding
from ..plain_text import REMOVE_FORMATTING, has_formatting
from ..yamlload import markup_start, safe_load, says_its_fix, yaml_problem
from . import markdown_text
from .project import Page, Project

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
