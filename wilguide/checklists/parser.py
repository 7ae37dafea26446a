"""Read a checklist page (its Markdown is the one source editors edit) into a Checklist.

The format, for editors (docs/<lang>/toolkit/<slug>.md):

    ---
    description: One sentence, printed under the title in the PDF and Word files.
    checklist:
      fields: [student, supervisor, date, notes]   # optional; `checklist: true` uses these
      section_notes: Un exemple récent              # optional: a notes box after each section
    ---

    # Title

    Introduction (web only).

    !!! warning "If someone is in immediate danger"
        Call 9-1-1 first. Everything else can wait.

An admonition before the first section is printed in the PDF and Word files too, under the
description: its title in quotes, then its text, plain (it is what a reader must see on paper).

    ## Section title { #section-id }

    - [ ] One thing to do, in plain text. { #item-key }

A template (a form to fill in: front matter ``form:`` instead of ``checklist:``, same settings, plus
``examples: <column key>`` for the column the example-goal picker fills)
uses the same format plus two blocks that hold text fields; a checklist may use them too:

    - [_] How often we meet { #meeting-rhythm }          # a labelled box to write in
    - [_] Target date { #target-date lines=1 }           # lines=N: its height (1 = one line)

    |        | Goal { #goal } | Evidence of progress { #evidence lines=4 } |
    |--------|----------------|------------------------------------------|
    | Goal 1 |                |                                          |
    | Goal 2 |                |                                          |

In a table, a column whose header ends with a key marker is a column of text fields (its cells
stay empty; each field is named ``<key>-<row>``, e.g. ``goal-2``), a column without one holds the
rows' labels. The dashes under each header set the column's relative width.

Every item is a task (``- [ ]``) ending with a key marker ``{ #item-key }``: lowercase letters,
digits and hyphens, unique in the page, the same in both languages. The build strips the marker.
An item may wrap onto following lines (indented or not) until a blank line. ``##`` sections are
optional and need an ID shared by both languages; a section without items is web-only prose
(ordinary bullet lists are allowed there, but not among a section's tasks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import cache
from ..findings import ContentError, Finding, relative
from ..markdown_tables import SEPARATOR_CELL, cells as table_cells
from ..plain_text import FORMATTING, REMOVE_FORMATTING
from ..yamlload import safe_load, yaml_problem
from .model import DEFAULT_FIELDS, KNOWN_FIELDS, Checklist, Column, FieldTable, Item, PrintedNote, Section, TextField

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
LIST_ITEM = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*)$")
TASK = re.compile(r"^\[([ xX_])\](?:[ \t]+(.*)|[ \t]*)$")  # "_": a text field, not a check box
ID_MARKER = re.compile(r"[ \t]*\{[ \t]*#([^}\s]*)[ \t]*\}[ \t]*$")
ANY_MARKER = re.compile(r"[ \t]*\{([^{}]*)\}[ \t]*$")
VALID_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# "-[ ] text", "[ ] text", "- [] text", "- [ ]text": meant as an item, read as prose or as more of
# the item above (and then that item takes this line's key). Not "[x](url)": a link.
MALFORMED_TASK = re.compile(r"^ {0,3}(?:[-*+][ \t]*)?\[[ xX_]?\](?![(\[])")
ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"]*)")?[ \t]*$')
# Items are plain text in every format (FORMATTING: wilguide/plain_text.py).

FIELD_MARKER = re.compile(r"[ \t]*\{[ \t]*#([^}\s]*)(?:[ \t]+lines=([^}\s]*))?[ \t]*\}[ \t]*$")
TABLE_LINE = re.compile(r"^ {0,3}\|")
MAX_LINES = 12

KEY_EXAMPLE = "{ #confirm-dates }"
FIELD_EXAMPLE = "{ #meeting-rhythm }"


@dataclass
class ItemSpan:
    """Where an item sits in the scanned text (0-based line indexes, end exclusive)."""

    start: int
    end: int
    item: Item | TextField | FieldTable


@dataclass
class Scan:
    """The result of reading a page body: the model's parts plus positions for the web rendering."""

    title: str | None = None
    title_line: int = 1
    sections: list[Section] = field(default_factory=list)
    spans: list[ItemSpan] = field(default_factory=list)
    first_section_index: int | None = None  # line index of the first ## heading
    heading_ids: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    printed_notes: list[PrintedNote] = field(default_factory=list)  # admonitions before the first section


def split_front_matter(text: str) -> tuple[dict, str, int, str]:
    """(front matter, body, number of lines before the body, raw front matter text)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0, ""
    raw = match.group(1) or ""
    try:
        meta = safe_load(raw) or {}
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, raw)
        raise ValueError(f"front matter is not valid YAML at line {line + 1} of the page: {problem}") from None
    if not isinstance(meta, dict):
        raise ValueError("front matter must be a mapping of keys to values")
    return meta, text[match.end():], match.group(0).count("\n"), raw


# The front matter key that marks the page, and its kind. (MkDocs reserves `template:` for the
# theme template a page uses, so a template says `form:`.)
KINDS = {"checklist": "checklist", "form": "template"}


def is_checklist_page(meta: dict) -> bool:
    """A checklist or a template: both are built into web, PDF and Word versions the same way."""
    return any(meta.get(key) for key in KINDS)


def _heading_text(raw: str | None) -> tuple[str, str | None]:
    """Heading text without its { #id }, and the id (None when absent)."""
    raw = (raw or "").strip()
    match = ID_MARKER.search(raw)
    if match:
        return raw[: match.start()].strip(), match.group(1)
    return raw, None


def scan_body(body: str, path: str, offset: int = 0) -> Scan:
    """Read the Markdown body of a checklist page. ``offset`` is the number of lines before it."""
    scan = Scan()
    lines = body.split("\n")
    untitled = Section(id=None, title=None, line=offset + 1)
    section = untitled
    section_lines: dict[str, int] = {}
    key_lines: dict[str, int] = {}

    plain_items: list[tuple[Section, int]] = []  # list items that are not tasks, by section
    current: dict | None = None  # the item being read: start index, text parts
    blank_after_item = False
    fence: str | None = None

    def report(index: int, message: str) -> None:
        scan.findings.append(Finding(path, offset + index + 1, message))

    def finish_item(end: int) -> None:
        nonlocal current
        if current is None:
            return
        start, parts, is_field = current["start"], current["parts"], current["field"]
        current = None
        text = " ".join(part.strip() for part in parts if part.strip())
        line = offset + start + 1
        if is_field:
            finish_field(start, end, text, line)
            return
        marker = ID_MARKER.search(text)
        if marker:
            key, text = marker.group(1), text[: marker.start()].strip()
            if not VALID_KEY.match(key):
                report(start, f"bad item key '{key}': use lowercase letters, digits and hyphens, as in {KEY_EXAMPLE}")
                return
        else:
            other = ANY_MARKER.search(text)
            if other:
                meant = other.group(1).strip().lstrip("#").strip()  # the editor's own key, when it is one
                fix = f"{{ #{meant} }}" if VALID_KEY.match(meant) else KEY_EXAMPLE
                report(start, f"malformed item key marker '{{{other.group(1)}}}': write it as {fix}")
            else:
                report(start, f"item has no key: end it with a marker such as {KEY_EXAMPLE}")
            return
        if not text:
            report(start, f"item '{key}' has no text")
            return
        if FORMATTING.search(text):
            report(start, f"item '{key}' must be plain text: {REMOVE_FORMATTING}")
        if key in key_lines:
            report(start, f"duplicate item key '{key}' (already used on line {key_lines[key]})")
            return
        key_lines[key] = line
        item = Item(key=key, text=text, line=line)
        section.items.append(item)
        section.blocks.append(item)
        scan.spans.append(ItemSpan(start, end, item))

    def claim_key(key: str, start: int, what: str) -> bool:
        if key in key_lines:
            report(start, f"duplicate key '{key}' (already used on line {key_lines[key]})")
            return False
        key_lines[key] = offset + start + 1
        return True

    def read_lines(value: str | None, start: int, default: int) -> int:
        if value is None:
            return default
        if not value.isdigit() or not 1 <= int(value) <= MAX_LINES:
            report(start, f"lines={value}: give the field's height as a whole number of lines from 1 to {MAX_LINES}")
            return default
        return int(value)

    def finish_field(start: int, end: int, text: str, line: int) -> None:
        marker = FIELD_MARKER.search(text)
        if not marker or not VALID_KEY.match(marker.group(1)):
            report(start, f"text field needs a key: end it with a marker such as {FIELD_EXAMPLE} (lowercase letters, digits, hyphens)")
            return
        key, label = marker.group(1), text[: marker.start()].strip()
        if not label:
            report(start, f"text field '{key}' has no label: write it before the marker")
            return
        if FORMATTING.search(label):
            report(start, f"text field '{key}' must be plain text: {REMOVE_FORMATTING}")
        if not claim_key(key, start, "field"):
            return
        field_ = TextField(key=key, label=label, line=line, lines=read_lines(marker.group(2), start, 3))
        section.blocks.append(field_)
        scan.spans.append(ItemSpan(start, end, field_))

    def read_note(start: int, kind: str, title: str | None) -> None:
        """An admonition before the first section: its indented lines, as one paragraph of plain text."""
        body = []
        for text in lines[start + 1 :]:
            if text.strip() and not text.startswith(("    ", "\t")):
                break
            body.append(text.strip())
        text = " ".join(part for part in body if part)
        if any(LIST_ITEM.match(part) for part in body if part):
            report(start, "a note before the first section is printed in the files as one paragraph: write it without a list")
        elif not title or not text:
            report(start, 'a note before the first section is printed in the files: give it a title and a text, as in !!! warning "Title"')
        elif FORMATTING.search(title + " " + text):
            report(start, f"a note before the first section is printed in the files, so it must be plain text: {REMOVE_FORMATTING}")
        else:
            scan.printed_notes.append(PrintedNote(kind=kind, title=title, text=text, line=offset + start + 1))

    def read_table(start: int) -> int:
        """Read the table starting at ``start``; returns the index after its last line."""
        end = start
        while end < len(lines) and TABLE_LINE.match(lines[end]):
            end += 1
        header = table_cells(lines[start])
        if not any(FIELD_MARKER.search(cell) for cell in header):
            return end  # an ordinary table: web-only prose
        separator = table_cells(lines[start + 1]) if start + 1 < end else []
        if len(separator) != len(header) or not all(SEPARATOR_CELL.match(cell) for cell in separator):
            report(start + 1 if start + 1 < end else start, f"a table of text fields needs a line of dashes under its header, one cell per column ({len(header)})")
            return end
        columns = []
        for number, (cell, dashes) in enumerate(zip(header, separator), start=1):
            marker = FIELD_MARKER.search(cell)
            if not marker:
                columns.append(Column(key=None, label=cell, width=dashes.count("-"), lines=1))
                continue
            key, label = marker.group(1), cell[: marker.start()].strip()
            if not VALID_KEY.match(key):
                report(start, f"bad column key '{key}' in column {number}: use lowercase letters, digits and hyphens, as in {FIELD_EXAMPLE}")
                continue
            if not label:
                report(start, f"column '{key}' has no label: write it before the marker")
            claim_key(key, start, "column")
            columns.append(Column(key=key, label=label, width=dashes.count("-"), lines=read_lines(marker.group(2), start, 3)))
        if len(columns) != len(header):
            return end
        rows = []
        for index in range(start + 2, end):
            cells = table_cells(lines[index])
            if len(cells) != len(columns):
                report(index, f"this row has {len(cells)} cells; the header has {len(columns)}")
                continue
            for column, cell in zip(columns, cells):
                if column.key and cell:
                    report(index, f"cells under '{column.label}' stay empty: they are the fields to fill in")
                elif not column.key and FORMATTING.search(cell):
                    report(index, f"row labels must be plain text: {REMOVE_FORMATTING}")
            rows.append(tuple("" if column.key else cell for column, cell in zip(columns, cells)))
        if not rows:
            report(start, "a table of text fields needs at least one row under its line of dashes")
            return end
        table = FieldTable(line=offset + start + 1, columns=tuple(columns), rows=tuple(rows))
        section.blocks.append(table)
        scan.spans.append(ItemSpan(start, end, table))
        return end

    def continue_item(index: int, line: str) -> None:
        """Add a line to the item being read, unless the item already ended with its key: the line
        is then a new item written without its "- [ ] " (its key would replace the item's own)."""
        marker = (FIELD_MARKER if current["field"] else ID_MARKER).search(current["parts"][-1])
        if not marker:
            current["parts"].append(line)
            return
        report(index, f"an item ends with its key: this line continues the item of line {offset + current['start'] + 1} "
                      f'after {{ #{marker.group(1)} }}: start a new item with "- [ ] "')
        finish_item(index)

    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to:
            continue
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if not stripped:
            if current is not None:
                finish_item(index)
                blank_after_item = True
            continue
        indented = line.startswith(("    ", "\t"))
        in_item_list = blank_after_item or current is not None

        fence_match = FENCE.match(line)
        if fence_match and not indented:
            finish_item(index)
            blank_after_item = False
            fence = fence_match.group(1)
            continue

        if TABLE_LINE.match(line) and current is None:
            blank_after_item = False
            skip_to = read_table(index)
            continue

        note = ADMONITION.match(line) if scan.first_section_index is None and scan.title is not None else None
        if note:
            finish_item(index)
            blank_after_item = False
            read_note(index, note.group(1), note.group(2))
            continue

        heading = HEADING.match(line)
        if heading:
            finish_item(index)
            blank_after_item = False
            level, (text, anchor) = len(heading.group(1)), _heading_text(heading.group(2))
            if level == 1:
                if scan.title is None:
                    scan.title, scan.title_line = text, offset + index + 1
                else:
                    report(index, "a checklist page has one '# Title' only")
            elif level == 2:
                if scan.first_section_index is None:
                    scan.first_section_index = index
                if not anchor:
                    report(index, "section heading has no ID: write '## Title { #section-id }'")
                    anchor = f"line-{offset + index + 1}"
                elif anchor in section_lines:
                    report(index, f"duplicate section ID '{anchor}' (already used on line {section_lines[anchor]})")
                section_lines.setdefault(anchor, offset + index + 1)
                scan.heading_ids.append(anchor)
                section = Section(id=anchor, title=text, line=offset + index + 1)
                scan.sections.append(section)
            else:
                report(index, "checklists use '## Title { #id }' sections only: remove this sub-heading")
            continue

        list_item = LIST_ITEM.match(line) if not indented else None
        if not indented and MALFORMED_TASK.match(line) and not (list_item and TASK.match(list_item.group(3) or "")):
            finish_item(index)  # the item above keeps its own text and key
            report(index, 'this line looks like a checklist item but is not one: write "- [ ] text { #key }" (dash, space, [ ], space)')
            continue
        if list_item:
            finish_item(index)
            blank_after_item = False
            task = TASK.match(list_item.group(3) or "")
            if not task:
                if ID_MARKER.search(line):  # a key marker: meant as a task, wherever it is
                    report(index, "list item is not a task: write it as '- [ ] text { #key }'")
                else:
                    plain_items.append((section, index))  # an error only in a section with tasks
                continue
            if task.group(1) in "xX":
                report(index, "item is ticked: items start unticked, as in '- [ ] text { #key }'")
            current = {"start": index, "parts": [task.group(2) or ""], "field": task.group(1) == "_"}
            continue

        if in_item_list and (indented or line.startswith("  ")):
            if LIST_ITEM.match(line.lstrip()):
                report(index, "nested list in a checklist: make each point its own item")
                finish_item(index)
                continue
            if current is None:
                report(index, "item text continues after a blank line: keep each item to one paragraph")
                continue
            continue_item(index, line)
            continue
        if current is not None:  # a lazy continuation line, as Markdown reads it
            continue_item(index, line)
            continue
        blank_after_item = False  # prose, an admonition, a table…: the item list has ended
    finish_item(len(lines))
    for holder, index in plain_items:
        if holder.items:
            report(index, "list item is not a task: write it as '- [ ] text { #key }'")

    if untitled.blocks:
        scan.sections.insert(0, untitled)
    scan.sections = [s for s in scan.sections if s.blocks]  # sections without items are web-only prose
    return scan


def _front_matter_line(raw: str, key: str) -> int:
    """Line (1-based, in the file) of a top-level key in the front matter, or 1."""
    for number, line in enumerate(raw.split("\n"), start=2):
        if line.startswith(f"{key}:"):
            return number
    return 1


def parse_checklist(text: str, path: Path | str, lang: str, slug: str | None = None) -> Checklist:
    """Parse a checklist page. Raises ContentError listing every problem as file:line: message."""
    path = Path(path)
    shown = relative(path)
    slug = slug or path.stem
    try:
        meta, body, offset, raw = split_front_matter(text)
    except ValueError as error:
        raise ContentError(Finding(shown, 1, str(error))) from None
    findings: list[Finding] = []

    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        findings.append(Finding(shown, 1, "front matter has no 'description:' (one sentence)"))
        description = ""

    keys = [key for key in KINDS if key in meta]
    key = keys[0] if keys else "checklist"
    kind = KINDS[key]
    if len(keys) > 1:
        findings.append(Finding(shown, _front_matter_line(raw, keys[1]), "a page is a checklist or a template, not both: keep 'checklist:' or 'form:'"))
    settings = meta.get(key)
    fields: tuple[str, ...] = DEFAULT_FIELDS
    section_notes = None
    examples = None
    settings_line = _front_matter_line(raw, key)
    if isinstance(settings, dict):
        unknown = set(settings) - {"fields", "section_notes", "examples"}
        if unknown:
            findings.append(Finding(shown, settings_line, f"unknown {key} setting(s): {', '.join(sorted(unknown))}; use fields, section_notes, examples"))
        examples = settings.get("examples")
        if examples is not None and not (isinstance(examples, str) and VALID_KEY.match(examples)):
            findings.append(Finding(shown, settings_line, f"{key}.examples must be the key of the table column the example goals go into, like 'goal'"))
            examples = None
        if "fields" in settings:
            raw_fields = settings["fields"]
            if not isinstance(raw_fields, list) or not all(isinstance(f, str) for f in raw_fields):
                findings.append(Finding(shown, settings_line, f"{key}.fields must be a list of field names"))
            else:
                bad = [f for f in raw_fields if f not in KNOWN_FIELDS]
                if bad:
                    findings.append(Finding(shown, settings_line, f"unknown field(s) {', '.join(bad)} in {key}.fields; use: {', '.join(KNOWN_FIELDS)}"))
                fields = tuple(f for f in KNOWN_FIELDS if f in raw_fields)  # printed in a fixed order
        if "section_notes" in settings:
            section_notes = settings["section_notes"]
            if not isinstance(section_notes, str) or not section_notes.strip():
                findings.append(Finding(shown, settings_line, f"{key}.section_notes must be the label of the notes box"))
                section_notes = None
    elif settings is not True:
        findings.append(Finding(shown, settings_line, f"front matter needs '{key}: true' (or a mapping with fields) on a {kind} page"))

    scan = scan_body(body, shown, offset)
    findings.extend(scan.findings)
    if scan.title is None:
        findings.append(Finding(shown, offset + 1, "page has no '# Title'"))
    if not any(section.blocks for section in scan.sections) and not scan.findings:
        what = "fields: add '- [_] label { #key }' lines or a table of fields" if kind == "template" else "items: add '- [ ] text { #key }' lines"
        findings.append(Finding(shown, scan.title_line, f"{kind} has no {what}"))
    if examples:
        columns = {c.key for s in scan.sections for b in s.blocks if isinstance(b, FieldTable) for c in b.columns if c.key}
        if examples not in columns:
            findings.append(Finding(shown, settings_line, f"{key}.examples is '{examples}', but no table has a column {{ #{examples} }}: name one of its columns"))
    checklist = Checklist(
        slug=slug,
        lang=lang,
        path=path,
        title=scan.title or "",
        description=description.strip(),
        fields=fields,
        section_notes=section_notes.strip() if section_notes else None,
        sections=scan.sections,
        title_line=scan.title_line,
        heading_ids=tuple(scan.heading_ids),
        kind=kind,
        examples=examples,
        printed_notes=tuple(scan.printed_notes),
    )
    if findings:
        read = {item.line for section in scan.sections for item in section.items}
        lines = text.split("\n")
        complete = bool(read) and all(  # no item read at all: the page was not read as meant
            finding.line <= offset or _spares_items(lines[finding.line - 1] if finding.line <= len(lines) else "", finding.line in read)
            for finding in findings
        )
        raise PartialChecklist(findings, checklist, items_complete=complete)
    return checklist


def _spares_items(line: str, item_read: bool) -> bool:
    """Whether an error on this body line leaves every item of the page read: it is on an item
    that was read all the same, on a heading, or on a line that is neither a list item nor
    carries a { #key } (an item written across lines may have its key on a later one)."""
    if item_read or HEADING.match(line):
        return True
    return not LIST_ITEM.match(line) and not ANY_MARKER.search(line)


class PartialChecklist(ContentError):
    """A checklist page with format errors, and what was read of it, so its items can still be
    compared with the other language and the editor sees every problem in one check. When an
    error is on an item's line (or on a line that may belong to one), that item may be missing only
    because of the error: ``items_complete`` is then False, and only the items that were read can
    be compared. Errors in the front matter, on headings or on other lines leave it True."""

    def __init__(self, findings, partial: Checklist, items_complete: bool):
        super().__init__(findings)
        self.partial = partial
        self.items_complete = items_complete

    def __reduce__(self):
        return (ContentError, (self.findings,))  # across processes, only the findings travel


def checklist_path(docs_dir: Path | str, lang: str, slug: str) -> Path:
    return Path(docs_dir) / lang / "toolkit" / f"{slug}.md"


def load_checklist(docs_dir: Path | str, lang: str, slug: str) -> Checklist:
    """Parse docs/<lang>/toolkit/<slug>.md. Raises ContentError on bad input.

    A build reads each checklist several times (once per language build, and for the planner's
    agendas): an unchanged page is parsed once. Callers must not modify the result."""
    path = checklist_path(docs_dir, lang, slug)
    return _parse_unchanged(path.read_text(encoding="utf-8"), path, lang, slug, Path.cwd())


@lru_cache(maxsize=128)
def _parse_unchanged(text: str, path: Path, lang: str, slug: str, cwd: Path) -> Checklist:
    # Parsed once per process, and remembered between builds (cwd: error messages name files from it).
    return cache.cached_value("parsed-checklists", [text, str(path), lang, slug, str(cwd)],
                              lambda: parse_checklist(text, path, lang, slug))


def is_checklist_source(text: str) -> bool:
    """A page whose front matter says it is a checklist or a template (False when the front matter
    cannot be read: parse_checklist, or the front-matter rule, reports that)."""
    try:
        return is_checklist_page(split_front_matter(text)[0])
    except ValueError:
        return False


def find_checklist_slugs(docs_dir: Path | str, lang: str) -> list[str]:
    """Slugs of the pages under docs/<lang>/toolkit/ whose front matter says they are checklists."""
    return [path.stem for path in sorted((Path(docs_dir) / lang / "toolkit").glob("*.md"))
            if is_checklist_source(path.read_text(encoding="utf-8"))]
