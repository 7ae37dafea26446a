"""Where the planner lives: its page, the markers the page must keep, and its data file."""

from __future__ import annotations

from ..findings import Finding

PAGE = "toolkit/planner.md"
DATA_FILE_NAME = "planner.yml"  # in content/
MARKERS = ("<!-- planner:noscript -->", "<!-- planner:form -->", "<!-- planner:rhythm -->")


def missing_markers(text: str, shown: str) -> list[Finding]:
    """A finding for each marker the planner page lacks (the build fills each one)."""
    return [Finding(shown, 1, f"the planner page must contain the line {marker}") for marker in MARKERS if marker not in text]
