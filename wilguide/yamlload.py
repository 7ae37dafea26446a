"""PyYAML's safe loader, in its C version (libyaml) when PyYAML has it, as its wheels do.

Every build reads the front matter of every page several times and the data files once per
language: the pure-Python parser was a visible share of a rebuild. Both versions parse the same
YAML and place errors on the same line; libyaml words some problems differently.
"""

import re

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str):
    """Like yaml.safe_load. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=SafeLoader)


# PyYAML's words for the usual editing slips, said the way an editor would.
PLAIN_PROBLEMS = {
    "found character that cannot start any token": "a character YAML cannot read here (often a tab, or a value that starts with '@' or '`')",
    "did not find expected key": "a line is indented differently from the lines around it",
    "did not find expected '-' indicator": "a line is indented differently from the list items around it",
    "could not find expected ':'": "a line has no ':' after its key",
    "found unexpected end of stream": "a quote or a bracket is never closed",
    "mapping values are not allowed in this context": "a value contains ': ' (put the value in double quotes)",
    "mapping values are not allowed here": "a value contains ': ' (put the value in double quotes)",
}


TAB = "this line is indented with a tab: indent with spaces (two per level)"
# A value on a `key: value` or `- value` line: YAML reads its first character as markup when it is
# one of these (an alias, an anchor, a tag; a backtick cannot start a value at all).
MARKUP_START = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:(?P<key>[\w-]+)[ \t]*:[ \t]+)?(?P<char>[*&!`])")
SINGLE_QUOTED = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:[\w-]+[ \t]*:[ \t]+)?'(?P<rest>.*)$")
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")  # l'organisation, n'est
PLAIN_TEXT_KEYS = ("description", "title")  # shown as they are: Markdown in them is a mistake
# The problems whose message says what to change (no general advice about YAML needed).
SAYS_ITS_FIX = (TAB, "a value cannot start with", "this value starts with '")


def markup_start(line: str) -> str | None:
    """What is wrong with a value that starts with a character YAML reads as markup, or None."""
    match = MARKUP_START.match(line)
    if not match or not (match["key"] or line.lstrip().startswith("-")):
        return None
    char, key = match["char"], match["key"]
    if char in "*`" and key in PLAIN_TEXT_KEYS:
        return f'a value cannot start with "{char}": the {key} is plain text: remove the Markdown'
    return f'a value cannot start with "{char}": put the value in double quotes'


def _apostrophe_in_single_quotes(line: str) -> bool:
    """A value in single quotes that holds an apostrophe: YAML ends the value at the apostrophe."""
    match = SINGLE_QUOTED.match(line.rstrip())
    if not match:
        return False
    inside = match["rest"].replace("''", "")  # '' is YAML's way to write an apostrophe there
    return APOSTROPHE.search(inside) is not None


def says_its_fix(problem: str) -> bool:
    return problem.startswith(SAYS_ITS_FIX)


def yaml_problem(error: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The 1-based line of a YAML error in ``text`` and what went wrong, in plain words.

    A tab in a line's indentation is named as such, at its own line: YAML reports it as a
    character "that cannot start any token", sometimes lines later. A value that starts with
    Markdown or a YAML sign, or a single-quoted value holding an apostrophe, is named from the
    line YAML stops at."""
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number, TAB
    mark = getattr(error, "problem_mark", None)
    number = mark.line + 1 if mark else 1
    line = lines[number - 1] if number <= len(lines) else ""
    if problem := markup_start(line):
        return number, problem
    if _apostrophe_in_single_quotes(line):
        return number, "this value starts with ' and contains an apostrophe: remove the outer quotes or use double quotes"
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    return number, PLAIN_PROBLEMS.get(problem, problem)
