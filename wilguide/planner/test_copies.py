"""The planner's JavaScript tests (tests/js/) read committed copies of its English data and of the
public holidays it marks. An editor who rewords an English agenda item refreshes them with

    .venv/bin/python -m wilguide.planner.test_copies

which needs only what the content check installs (no test tools), then commits the two files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..findings import ContentError
from .config import load_planner_config
from .data import plan_data
from .public_holidays import holiday_data

PLAN_DATA_COPY = "tests/js/plan-data.en.json"
HOLIDAYS_COPY = "tests/js/holidays.en.json"
LANG = "en"  # the JavaScript tests read the English data only
HOLIDAYS_YEARS = (2025, 2029)  # fixed, so that the copy does not age with the calendar
REFRESH_COMMAND = ".venv/bin/python -m wilguide.planner.test_copies"


def fake_url(target: str) -> str:
    """A guide link as the copies write it: relative to a toolkit page, without a built site."""
    page, _, anchor = target.partition("#")
    return "../../" + page.removesuffix(".md").removesuffix("index") + "/" + (f"#{anchor}" if anchor else "")


def plan_data_copy(root: Path) -> dict:
    """The English planner data the build makes today, with fake_url links."""
    return plan_data(load_planner_config(root / "content" / "planner.yml"), root / "docs", LANG, fake_url)


def holidays_copy(root: Path) -> dict:
    return holiday_data(load_planner_config(root / "content" / "planner.yml"), LANG, HOLIDAYS_YEARS)


def write_test_copies(root: Path) -> list[Path]:
    """Rewrite both copies under ``root``; returns their paths."""
    plan, holidays = root / PLAN_DATA_COPY, root / HOLIDAYS_COPY
    plan.write_text(json.dumps(plan_data_copy(root), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    holidays.write_text(json.dumps(holidays_copy(root), ensure_ascii=False) + "\n", encoding="utf-8")
    return [plan, holidays]


def main() -> int:
    root = Path.cwd()
    if not (root / "content" / "planner.yml").is_file():
        print("run this from the project's folder (the one with mkdocs.yml)", file=sys.stderr)
        return 2
    try:
        paths = write_test_copies(root)
    except ContentError as error:
        # An editor's mistake, not a crash: the same file:line messages as the content check.
        print(error, file=sys.stderr)
        print("nothing refreshed: fix the lines above, then run this again", file=sys.stderr)
        return 1
    for path in paths:
        print(f"refreshed {path.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
