"""What a checklist is once parsed: the data every output (web page, PDF, Word, planner) reads."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

# Fill-in fields a checklist may ask for, in the order they are printed. Labels are in strings.py.
KNOWN_FIELDS = (
    "name", "student", "supervisor", "mentor", "coordinator", "organization", "placement-dates", "date",
    "next-check-in", "notes",
)
DEFAULT_FIELDS = ("student", "supervisor", "date", "notes")


@dataclass(frozen=True)
class Item:
    key: str   # stable across languages: ties the French and English item together
    text: str  # plain text, key marker stripped
    line: int  # 1-based line in the source file (front matter included)


@dataclass(frozen=True)
class TextField:
    """A labelled box to write in: ``- [_] Label { #key }`` (``lines=N`` sets its height)."""

    key: str
    label: str
    line: int
    lines: int = 3  # 1: a one-line field; more: a multi-line field that wraps


@dataclass(frozen=True)
class Column:
    key: str | None  # None: a column of row labels, printed as text
    label: str
    width: int  # relative width: the dashes under its header in the source table
    lines: int = 3


@dataclass(frozen=True)
class FieldTable:
    """A Markdown table whose columns with a ``{ #key }`` are text fields, one per row."""

    line: int
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]  # each row's cells in the label columns ("" in field columns)

    def row_label(self, row: int) -> str:
        labels = [text for column, text in zip(self.columns, self.rows[row]) if column.key is None and text]
        return " ".join(labels) or str(row + 1)

    def row_lines(self) -> int:
        return max((column.lines for column in self.columns if column.key), default=1)

    def cells(self, row: int):
        """(column, field name or None, text) for each cell of a row."""
        for column, text in zip(self.columns, self.rows[row]):
            yield column, (f"{column.key}-{row + 1}" if column.key else None), text

    def field_names(self) -> list[str]:
        return [name for row in range(len(self.rows)) for _, name, _ in self.cells(row) if name]

    def field_title(self, column: Column, row: int) -> str:
        """A cell's accessible name (web aria-label, PDF tooltip): 'Goal 2 — Activities'."""
        return f"{self.row_label(row)} — {column.label}"


Block = Union[Item, TextField, FieldTable]


# The marks that end a note's title as a sentence already ("Short on time?").
SENTENCE_END = (".", "?", "!", ":", "…")


@dataclass(frozen=True)
class PrintedNote:
    """An admonition written before the first section: printed in the files under the description."""

    kind: str  # warning, note…: the admonition's type, which sets its look
    title: str
    text: str
    line: int

    @property
    def lead(self) -> str:
        """The title as the files print it, in bold at the start of the note's paragraph: with a
        full stop, unless it already ends a sentence ("Short on time?"), so that the text read
        aloud or copied does not run the title into the note ("When to start. As soon as…")."""
        return self.title if self.title.endswith(SENTENCE_END) else f"{self.title}."


@dataclass
class Section:
    id: str | None  # the H2's { #id }; None for items written before the first H2
    title: str | None
    line: int
    items: list[Item] = field(default_factory=list)  # the check boxes only
    blocks: list[Block] = field(default_factory=list)  # items, fields and tables, in page order


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
    kind: str = "checklist"  # or "template": a form to fill in (front matter `form:`)
    examples: str | None = None  # key of the table column the example-goal picker fills, if any
    source: str = ""  # printed in the files' footers: the guide's name and licence (with_settings)
    address: str = ""  # the guide's address in the file's language, on a footer line of its own; "" if it has none
    printed_notes: tuple[PrintedNote, ...] = ()  # the page's boxes before its first section, for the files

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def footer_lines(self, publisher: str) -> list[str]:
        """The files' footer, PDF and Word alike: who publishes it, the guide and its licence, the
        title; then, on a line of its own, the guide's address when the site has one."""
        return [line for line in (" · ".join(filter(None, (publisher, self.source, self.title))), self.address) if line]

    def section_notes_for(self, section: Section) -> str | None:
        """The label of the notes box after ``section``: none when the section has a text field of
        its own, which already says what to write there."""
        has_own_field = any(isinstance(block, (TextField, FieldTable)) for block in section.blocks)
        return None if has_own_field else self.section_notes

    def section_notes_title(self, section: Section) -> str:
        """The accessible name of a section's notes box: 'Empathy — A recent example or a note', so
        the eleven boxes of the reflection are told apart by a screen reader and in a form's field list."""
        return f"{section.title} — {self.section_notes}" if section.title else str(self.section_notes)

    def text_field_names(self) -> list[str]:
        """Names of the fields written in the body (header fields and notes excluded)."""
        names: list[str] = []
        for section in self.sections:
            for block in section.blocks:
                if isinstance(block, TextField):
                    names.append(block.key)
                elif isinstance(block, FieldTable):
                    names.extend(block.field_names())
        return names

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
                "kind": self.kind,
                "examples": self.examples,
                "source": self.source,
                "address": self.address,
                "printed_notes": [[note.kind, note.title, note.text] for note in self.printed_notes],
                "sections": [
                    {"id": s.id, "title": s.title, "blocks": [_canonical_block(b) for b in s.blocks]}
                    for s in self.sections
                ],
            },
            ensure_ascii=False,
            sort_keys=True,
        )


def _canonical_block(block: Block) -> list:
    if isinstance(block, Item):
        return ["item", block.key, block.text]
    if isinstance(block, TextField):
        return ["field", block.key, block.label, block.lines]
    columns = [[c.key, c.label, c.width, c.lines] for c in block.columns]
    return ["table", columns, [list(row) for row in block.rows]]
