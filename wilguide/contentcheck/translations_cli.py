"""``wilguide-translations``: record that a page pair says the same in both languages, and show
which pairs changed since.

    wilguide-translations status              # pairs out of step, with the lines that changed
    wilguide-translations record roles.md     # after checking both languages of roles.md
    wilguide-translations record --all        # every pair (after checking every pair)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli import open_project
from .translations import RECORD_FILE, record_pairs, translation_status
from .translations_report import status_markdown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wilguide-translations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, help="the project folder (default: the folder holding mkdocs.yml, from here upward)")
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="list the page pairs that changed since they were recorded in step")
    status.add_argument("--summary", type=Path, help="also append the status as Markdown to this file "
                                                     "(in GitHub Actions: $GITHUB_STEP_SUMMARY)")
    record = commands.add_parser("record", help=f"record page pairs as in step, in {RECORD_FILE}")
    record.add_argument("pages", nargs="*", help="page paths inside docs/<language>/, e.g. practices/feedback.md")
    record.add_argument("--all", action="store_true", help="record every pair")
    args = parser.parse_args(argv)

    project = open_project(args.root, "wilguide-translations")
    if project is None:
        return 2

    if args.command == "record":
        if not args.pages and not args.all:
            print("wilguide-translations record: name the pages you checked (e.g. roles.md), or give --all", file=sys.stderr)
            return 2
        try:
            recorded = record_pairs(project, [] if args.all else args.pages)
        except ValueError as error:
            print(f"wilguide-translations record: {error}", file=sys.stderr)
            return 2
        print(f"Recorded {len(recorded)} page pair{'s' * (len(recorded) != 1)} as in step in {RECORD_FILE}: commit it with the pages.")
        return 0

    warnings, errors = translation_status(project)
    for finding in errors + warnings:
        print(finding)
    summary = args.summary or (Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None)
    if summary:
        with summary.open("a", encoding="utf-8") as out:
            out.write("## Translation status\n\n" + status_markdown(project, "en", heading_level=3) + "\n")
    print(f"Translation status: {len(warnings)} warning{'s' * (len(warnings) != 1)}" + (f", {len(errors)} error{'s' * (len(errors) != 1)} in {RECORD_FILE}" if errors else "") + ".")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
