"""PyYAML's safe loader, in its C version (libyaml) when PyYAML has it, as its wheels do.

Every build reads the front matter of every page several times and the data files once per
language: the pure-Python parser was a visible share of a rebuild. Both versions parse the same
YAML and place errors on the same line; libyaml words some problems differently.
"""

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


def yaml_problem(error: yaml.YAMLError, text: str) -> tuple[int, str]:
    """The 1-based line of a YAML error in ``text`` and what went wrong, in plain words.

    A tab in a line's indentation is named as such, at its own line: YAML reports it as a
    character "that cannot start any token", sometimes lines later."""
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return number, "this line is indented with a tab: indent with spaces (two per level)"
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).split("\n")[0]
    return (mark.line + 1 if mark else 1), PLAIN_PROBLEMS.get(problem, problem)
