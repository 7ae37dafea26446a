"""A problem found in the content, reported as ``file:line: message`` so editors can jump to it."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised by generators and validators when editors' content cannot be built."""

    def __init__(self, findings: list[Finding] | Finding):
        self.findings = [findings] if isinstance(findings, Finding) else sorted(findings)
        super().__init__("\n".join(str(f) for f in self.findings))

    def __reduce__(self):
        # Rebuilt from the findings when it crosses a process boundary (parallel typesetting),
        # so the build still reports every file:line.
        return (type(self), (self.findings,))


def relative(path: Path | str, root: Path | None = None) -> str:
    """A path as editors see it: relative to the project root (by default the current directory)
    when possible."""
    return _relative(str(path), str(root or ""), os.getcwd())


@functools.lru_cache(maxsize=4096)  # a build's checks name each checklist a few hundred times
def _relative(path: str, root: str, cwd: str) -> str:
    try:
        return Path(path).resolve().relative_to(Path(root or cwd).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def line_of(text: str, index: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, max(index, 0)) + 1
