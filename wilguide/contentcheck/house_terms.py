"""Terms the house style replaces, listed by editors in content/house-terms.yml.

A term matches as a whole word or phrase, whatever its case, accents or apostrophes
("Maitre de stage" and "maître de stage" alike), across a line break. Code, link addresses,
HTML, placeholders and URLs are never read. Exceptions: phrases listed under a term's ``allow``
(a source's title), and quoted titles (in *italics* or quotation marks) on the pages listed in
``quoted_titles_on``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..findings import Finding
from ..yamlload import SafeLoader, yaml_problem
from .project import Page, Project

TERMS_FILE = Path("content") / "house-terms.yml"
ENTRY_KEYS = {"term", "replacement", "reason", "allow"}
QUOTED_TITLE = re.compile(
    r"(?<![*\w])\*(?![*\s])[^*\n]+?(?<![*\s])\*(?![*\w])"  # *Title*
    r"|(?<![_\w])_(?![_\s])[^_\n]+?(?<![_\s])_(?![_\w])"  # _Title_
    r"|«[^»]*»|“[^”]*”|\"[^\"\n]*\""
)
EMPHASIS_MARKS = re.compile(r"[*_]+")


@dataclass(frozen=True)
class HouseTerm:
    lang: str
    forms: tuple[str, ...]
    replacement: str
    reason: str
    allow: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class HouseTerms:
    terms: tuple[HouseTerm, ...]
    quoted_titles_on: tuple[str, ...]


class _FoldTable(dict):
    """str.translate table filled on first use of each character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "’‘ʼ":
            folded = "'"
        elif char in "‐‑‒–":
            folded = "-"
        else:
            bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
            folded = bare if len(bare) == 1 else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, without accents, one apostrophe and one hyphen: the same length as ``text``,
    so a match's position is its position in the page."""
    return text.translate(_FOLD)


def phrase_pattern(phrase: str) -> re.Pattern:
    """A whole-word pattern for a phrase, on folded text; any spacing between words."""
    words = fold(phrase).split()
    return re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")


class _LineLoader(SafeLoader):
    """Keeps the line of each mapping, to report mistakes in the data file where they are."""


def _mapping_with_line(loader, node):
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__key_lines__"] = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _strings(value) -> tuple[str, ...] | None:
    if isinstance(value, str) and value.strip():
        return (value.strip(),)
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value)
    return None


def load_house_terms(path: Path, languages: list[str], shown: str) -> tuple[HouseTerms, list[Finding]]:
    """The terms in the data file, and the mistakes in it (``shown`` is its path for editors)."""
    empty = HouseTerms((), ())
    text = path.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, text)
        return empty, [Finding(shown, line, f"not valid YAML: {problem}")]
    if not isinstance(data, dict):
        return empty, [Finding(shown, 1, f"expected one list per language ({', '.join(l + ':' for l in languages)})")]
    findings, terms = [], []
    titles = data.get("quoted_titles_on", [])
    if not (isinstance(titles, list) and all(isinstance(t, str) for t in titles)):
        findings.append(Finding(shown, data["__key_lines__"]["quoted_titles_on"], "quoted_titles_on must be a list of page names, e.g. [references.md]"))
        titles = []
    key_lines = data["__key_lines__"]
    for key, entries in data.items():
        if key in ("__line__", "__key_lines__", "quoted_titles_on"):
            continue
        if key not in languages:
            findings.append(Finding(shown, key_lines[key], f"unknown key '{key}': use a language ({', '.join(languages)}) or quoted_titles_on"))
            continue
        if not isinstance(entries, list):
            findings.append(Finding(shown, key_lines[key], f"'{key}:' must be a list of terms (lines starting with '- term:')"))
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                findings.append(Finding(shown, key_lines[key], f"each item under '{key}:' needs term, replacement and reason"))
                continue
            line = entry["__line__"]
            unknown = set(entry) - ENTRY_KEYS - {"__line__", "__key_lines__"}
            forms = _strings(entry.get("term"))
            allow = _strings(entry.get("allow")) if "allow" in entry else ()
            problems = [f"unknown key '{name}' (use {', '.join(sorted(ENTRY_KEYS))})" for name in sorted(unknown)]
            if forms is None:
                problems.append("'term' must be a word or phrase, or a list of them")
            for name in ("replacement", "reason"):
                if not (isinstance(entry.get(name), str) and entry[name].strip()):
                    problems.append(f"'{name}' is missing or empty")
            if allow is None:
                problems.append("'allow' must be a list of phrases")
            findings += [Finding(shown, line, problem) for problem in problems]
            if not problems:
                terms.append(HouseTerm(key, forms, entry["replacement"].strip(), entry["reason"].strip(), allow, line))
    return HouseTerms(tuple(terms), tuple(titles)), findings


def house_terms(project: Project) -> list[Finding]:
    path = project.root / TERMS_FILE
    if not path.exists():
        return []
    terms, findings = load_house_terms(path, project.languages, project.display(path))
    for page in project.all_pages():
        findings += find_terms(page, [t for t in terms.terms if t.lang == page.lang], page.name in terms.quoted_titles_on)
    return findings


def find_terms(page: Page, terms: list[HouseTerm], skip_quoted_titles: bool) -> list[Finding]:
    text = page.prose
    skipped: list[tuple[int, int]] = []
    if skip_quoted_titles:
        skipped += [m.span() for m in QUOTED_TITLE.finditer(text)]
    # Emphasis marks between the words of a phrase ("**maître** de stage") must not hide it.
    plain = EMPHASIS_MARKS.sub(lambda m: " " * len(m.group()), text)
    folded = fold(plain)
    findings = []
    for term in terms:
        allowed = skipped + [m.span() for phrase in term.allow for m in phrase_pattern(phrase).finditer(folded)]
        for form in term.forms:
            for match in phrase_pattern(form).finditer(folded):
                if any(start <= match.start() and match.end() <= end for start, end in allowed):
                    continue
                found = " ".join(plain[match.start():match.end()].split())
                findings.append(
                    Finding(page.display, page.line(match.start()),
                            f"\"{found}\": the house term is \"{term.replacement}\" ({term.reason})")
                )
    return findings
