"""What a checklist is once parsed: the data every output (web page, PDF, Word, planner) reads."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

# Fill-in fields a checklist may ask for, in the order they are printed. Labels are in strings.py.
KNOWN_FIELDS = ("name", "student", "supervisor", "mentor", "organization", "date", "next-check-in", "notes")
DEFAULT_FIELDS = ("student", "supervisor", "date", "notes")


@dataclass(frozen=True)
class Item:
    key: str   # stable across languages: ties the French and English item together
    text: str  # plain text, key marker stripped
    line: int  # 1-based line in the source file (front matter included)


@dataclass
class Section:
    id: str | None  # the H2's { #id }; None for items written before the first H2
    title: str | None
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Checklist:
    slug: str
    lang: str
    path: Path
    title: str
    description: str
    fields: tuple[str, ...] = DEFAULT_FIELDS
    section_notes: str | None = None  # label of a notes box printed after each section, if any
    sections: list[Section] = field(default_factory=list)
    title_line: int = 1
    heading_ids: tuple[str, ...] = ()  # every ## ID on the page, sections without items included

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def canonical(self) -> str:
        """Everything that shapes the PDF and Word files, for content-hash cache keys.

        Line numbers are left out: moving an item down a line changes no download."""
        return json.dumps(
            {
                "slug": self.slug,
                "lang": self.lang,
                "title": self.title,
                "description": self.description,
                "fields": list(self.fields),
                "section_notes": self.section_notes,
                "sections": [
                    {"id": s.id, "title": s.title, "items": [[i.key, i.text] for i in s.items]}
                    for s in self.sections
                ],
            },
            ensure_ascii=False,
            sort_keys=True,
        )
