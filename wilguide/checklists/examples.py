"""The example-goal library (content/example-goals.yml): goals by field of work, in every language,
offered on the learning plan's page as a list and, with JavaScript, as a picker.

Editors extend the file; every problem is reported as ``file:line: message``. The same standards
as pages apply: each field and each goal has a text in every language of the site (parity), in
plain text, and a goal starts with something a person can be seen doing, not "learn" or "know".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .. import cache
from ..findings import ContentError, Finding, relative
from ..planner.yamllines import LineDict, LineList, load_with_lines
from ..yamlload import yaml_problem
from ..plain_text import FORMATTING, REMOVE_FORMATTING
from .parser import VALID_KEY

EXAMPLES_FILE = Path(__file__).resolve().parents[2] / "content" / "example-goals.yml"
# Goals that start with these words describe a wish, not something anyone can observe.
VAGUE_STARTS = {
    "fr": ("apprendre", "comprendre", "connaître", "connaitre", "savoir", "se familiariser", "découvrir"),
    "en": ("learn", "understand", "know", "become familiar", "get familiar", "discover", "be exposed"),
}


@dataclass(frozen=True)
class ExampleField:
    key: str
    names: dict[str, str]  # {lang: name}
    goals: tuple[dict[str, str], ...]  # each goal {lang: text}
    line: int


def load_example_goals(languages: list[str], path: Path = EXAMPLES_FILE) -> list[ExampleField]:
    """Parse and check the library. Raises ContentError with every finding."""
    return _parse_unchanged(Path(path).read_text(encoding="utf-8"), Path(path), tuple(languages), Path.cwd())


@lru_cache(maxsize=8)
def _parse_unchanged(text: str, path: Path, languages: tuple[str, ...], cwd: Path) -> list[ExampleField]:
    # Parsed once per process, and remembered between builds (cwd: error messages name files from it).
    return cache.cached_value("parsed-example-goals", [text, str(path), ",".join(languages), str(cwd)],
                              lambda: parse_example_goals(text, path, list(languages)))


def parse_example_goals(text: str, path: Path | str, languages: list[str]) -> list[ExampleField]:
    shown = relative(path)
    findings: list[Finding] = []

    def error(line: int, message: str) -> None:
        findings.append(Finding(shown, line, message))

    try:
        data = load_with_lines(text)
    except yaml.YAMLError as problem:
        line, plain = yaml_problem(problem, text)
        raise ContentError(Finding(shown, line, f"not valid YAML: {plain}")) from None
    if not isinstance(data, LineDict) or not isinstance(data.get("fields"), LineList) or not data["fields"]:
        raise ContentError(Finding(shown, getattr(data, "line", 1) or 1, "the file needs a 'fields:' list, each with a key, a name and goals"))

    def texts(parent: LineDict, key: str, where: str) -> dict[str, str] | None:
        value = parent.get(key)
        line = parent.line_of(key)
        if not isinstance(value, dict):
            error(line, f"{where}: '{key}' must be a text in each language, like {{fr: …, en: …}}")
            return None
        result = {}
        for lang in languages:
            words = value.get(lang)
            if not isinstance(words, str) or not words.strip():
                error(line, f"{where}: '{key}' has no '{lang}' text: write it in every language of the site")
                continue
            words = " ".join(words.split())
            if FORMATTING.search(words):
                error(line, f"{where}: the '{lang}' text must be plain text: {REMOVE_FORMATTING}")
            result[lang] = words
        extra = sorted(set(value) - set(languages))
        if extra:
            error(line, f"{where}: '{key}' has text in '{', '.join(map(str, extra))}', which is not a language of the site")
        return result if len(result) == len(languages) else None

    fields: list[ExampleField] = []
    seen: dict[str, int] = {}
    entries = data["fields"]
    for index, entry in enumerate(entries):
        line = entries.line_of(index)
        if not isinstance(entry, LineDict):
            error(line, "each field must be a mapping with key, name and goals")
            continue
        unknown = sorted(set(entry) - {"key", "name", "goals"})
        if unknown:
            error(line, f"unknown setting(s) {', '.join(map(str, unknown))}: a field has key, name and goals")
        key = entry.get("key")
        if not isinstance(key, str) or not VALID_KEY.match(key):
            error(entry.line_of("key"), f"field {index + 1}: 'key' must be lowercase words joined by hyphens, like natural-sciences")
            continue
        if key in seen:
            error(entry.line_of("key"), f"the field key '{key}' is used twice (first on line {seen[key]})")
            continue
        seen[key] = entry.line_of("key")
        names = texts(entry, "name", f"field '{key}'")
        goals_list = entry.get("goals")
        if not isinstance(goals_list, LineList) or not goals_list:
            error(entry.line_of("goals"), f"field '{key}': 'goals' must be a list of goals, each {{fr: …, en: …}}")
            continue
        goals = []
        for number, goal in enumerate(goals_list, start=1):
            goal_line = goals_list.line_of(number - 1)
            if not isinstance(goal, LineDict):
                error(goal_line, f"field '{key}', goal {number}: write it as {{fr: …, en: …}}")
                continue
            holder = LineDict(text=goal)
            holder.line, holder.key_lines = goal_line, {"text": goal_line}
            words = texts(holder, "text", f"field '{key}', goal {number}")
            if words is None:
                continue
            for lang, sentence in words.items():
                vague = next((start for start in VAGUE_STARTS.get(lang, ()) if re.match(rf"{re.escape(start)}\b", sentence, re.I)), None)
                if vague:
                    error(goal_line, f"field '{key}', goal {number} ({lang}): starts with '{vague}', which no one can observe; start with what the student will do, e.g. 'Write…', 'Present…'")
            goals.append(words)
        if names is not None:
            fields.append(ExampleField(key=key, names=names, goals=tuple(goals), line=entry.line))
    if findings:
        raise ContentError(findings)
    return fields
