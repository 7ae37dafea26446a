"""``wilguide-check``: check the content in seconds, without a browser or a build.

Prints every problem as ``file:line: message`` (the message says how to fix it), then the
translation status (pairs changed since an editor recorded them in step: warnings, with the
changed lines), and exits with 1 when there is a problem, 0 otherwise
(2 when mkdocs.yml cannot be read). In GitHub Actions the problems are also written as
annotations, so they show next to the changed lines of a pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import ConfigurationError

from ..findings import Finding
from .translations import translation_status
from .project import Project, load_project
from .rules import ALL_RULES, run_rules


def find_root(start: Path) -> Path | None:
    """The nearest folder holding mkdocs.yml, from ``start`` upward."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return None


def open_project(root: Path | None, program: str) -> Project | None:
    """The project at ``root`` (or found from here upward), or None after saying on stderr why not."""
    root = root or find_root(Path.cwd())
    if root is None or not (root / "mkdocs.yml").is_file():
        print(f"{program}: no mkdocs.yml here or above: run it from the project folder, or pass --root", file=sys.stderr)
        return None
    try:
        return load_project(root)
    except (ConfigurationError, OSError) as error:
        print(f"{root / 'mkdocs.yml'}: cannot be read: {error}", file=sys.stderr)
        return None


def annotation(level: str, finding: Finding) -> str:
    """A GitHub Actions workflow command that shows the finding on the pull request."""
    message = finding.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{level} file={finding.path},line={finding.line}::{message}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wilguide-check",
        description="Check the guide's pages: every problem is printed as file:line: message.",
    )
    parser.add_argument("--root", type=Path, help="the project folder (default: the folder holding mkdocs.yml, from here upward)")
    parser.add_argument("--rule", action="append", choices=list(ALL_RULES), help="run only this rule (repeatable)")
    parser.add_argument("--no-translation-status", action="store_true", help="skip the translation status")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    project = open_project(args.root, "wilguide-check")
    if project is None:
        return 2

    findings = run_rules(project, args.rule)
    warnings: list[Finding] = []
    if not args.no_translation_status:
        warnings, record_errors = translation_status(project)
        findings = sorted(findings + record_errors)
    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for finding in findings:
        print(finding)
        if in_actions:
            print(annotation("error", finding))

    if not args.no_translation_status:
        print()
        print("Translation status (warnings: they do not fail the check)")
        if not warnings:
            print("  every page pair is recorded in step (content/translation-record.yml)")
        for warning in warnings:
            print(warning)
            if in_actions:
                print(annotation("warning", warning))

    elapsed = time.perf_counter() - started
    print()
    if findings:
        files = len({finding.path for finding in findings})
        print(f"Content check: {len(findings)} problem{'s' * (len(findings) != 1)} in {files} file{'s' * (files != 1)} "
              f"({elapsed:.1f} s). Fix each line above, then run the check again.")
        return 1
    print(f"Content check: no problems ({elapsed:.1f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
