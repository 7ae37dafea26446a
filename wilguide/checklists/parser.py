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

    ## Section title { #section-id }

    - [ ] One thing to do, in plain text. { #item-key }

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

from ..findings import ContentError, Finding, relative
from ..yamlload import safe_load
from .model import DEFAULT_FIELDS, KNOWN_FIELDS, Checklist, Item, Section

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*\n", re.S)
HEADING = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
LIST_ITEM = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|[ \t]*)$")
TASK = re.compile(r"^\[([ xX])\](?:[ \t]+(.*)|[ \t]*)$")
ID_MARKER = re.compile(r"[ \t]*\{[ \t]*#([^}\s]*)[ \t]*\}[ \t]*$")
ANY_MARKER = re.compile(r"[ \t]*\{([^{}]*)\}[ \t]*$")
VALID_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
# Items are plain text in every format, so Markdown or HTML formatting would show up literally.
FORMATTING = re.compile(r"<[A-Za-z/!]|`|\*\*|__|\]\(")

KEY_EXAMPLE = "{ #confirm-dates }"


@dataclass
class ItemSpan:
    """Where an item sits in the scanned text (0-based line indexes, end exclusive)."""

    start: int
    end: int
    item: Item


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


def split_front_matter(text: str) -> tuple[dict, str, int, str]:
    """(front matter, body, number of lines before the body, raw front matter text)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0, ""
    raw = match.group(1) or ""
    try:
        meta = safe_load(raw) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"front matter is not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise ValueError("front matter must be a mapping of keys to values")
    return meta, text[match.end():], match.group(0).count("\n"), raw


def is_checklist_page(meta: dict) -> bool:
    return bool(meta.get("checklist"))


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
        start, parts = current["start"], current["parts"]
        current = None
        text = " ".join(part.strip() for part in parts if part.strip())
        line = offset + start + 1
        marker = ID_MARKER.search(text)
        if marker:
            key, text = marker.group(1), text[: marker.start()].strip()
            if not VALID_KEY.match(key):
                report(start, f"bad item key '{key}': use lowercase letters, digits and hyphens, as in {KEY_EXAMPLE}")
                return
        else:
            other = ANY_MARKER.search(text)
            if other:
                report(start, f"malformed item key marker '{{{other.group(1)}}}': write it as {KEY_EXAMPLE}")
            else:
                report(start, f"item has no key: end it with a marker such as {KEY_EXAMPLE}")
            return
        if not text:
            report(start, f"item '{key}' has no text")
            return
        if FORMATTING.search(text):
            report(start, f"item '{key}' must be plain text: remove Markdown or HTML formatting (**, `, links, tags)")
        if key in key_lines:
            report(start, f"duplicate item key '{key}' (already used on line {key_lines[key]})")
            return
        key_lines[key] = line
        item = Item(key=key, text=text, line=line)
        section.items.append(item)
        scan.spans.append(ItemSpan(start, end, item))

    for index, line in enumerate(lines):
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
            if task.group(1) != " ":
                report(index, "item is ticked: items start unticked, as in '- [ ] text { #key }'")
            current = {"start": index, "parts": [task.group(2) or ""]}
            continue

        if in_item_list and (indented or line.startswith("  ")):
            if LIST_ITEM.match(line.lstrip()):
                report(index, "nested list in a checklist: make each point its own item")
                finish_item(index)
                continue
            if current is None:
                report(index, "item text continues after a blank line: keep each item to one paragraph")
                continue
            current["parts"].append(line)
            continue
        if current is not None:  # a lazy continuation line, as Markdown reads it
            current["parts"].append(line)
            continue
        blank_after_item = False  # prose, an admonition, a table…: the item list has ended
    finish_item(len(lines))
    for holder, index in plain_items:
        if holder.items:
            report(index, "list item is not a task: write it as '- [ ] text { #key }'")

    if untitled.items:
        scan.sections.insert(0, untitled)
    scan.sections = [s for s in scan.sections if s.items]  # sections without items are web-only prose
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

    settings = meta.get("checklist")
    fields: tuple[str, ...] = DEFAULT_FIELDS
    section_notes = None
    settings_line = _front_matter_line(raw, "checklist")
    if isinstance(settings, dict):
        unknown = set(settings) - {"fields", "section_notes"}
        if unknown:
            findings.append(Finding(shown, settings_line, f"unknown checklist setting(s): {', '.join(sorted(unknown))}; use fields, section_notes"))
        if "fields" in settings:
            raw_fields = settings["fields"]
            if not isinstance(raw_fields, list) or not all(isinstance(f, str) for f in raw_fields):
                findings.append(Finding(shown, settings_line, "checklist.fields must be a list of field names"))
            else:
                bad = [f for f in raw_fields if f not in KNOWN_FIELDS]
                if bad:
                    findings.append(Finding(shown, settings_line, f"unknown field(s) {', '.join(bad)} in checklist.fields; use: {', '.join(KNOWN_FIELDS)}"))
                fields = tuple(f for f in KNOWN_FIELDS if f in raw_fields)  # printed in a fixed order
        if "section_notes" in settings:
            section_notes = settings["section_notes"]
            if not isinstance(section_notes, str) or not section_notes.strip():
                findings.append(Finding(shown, settings_line, "checklist.section_notes must be the label of the notes box"))
                section_notes = None
    elif settings is not True:
        findings.append(Finding(shown, settings_line, "front matter needs 'checklist: true' (or a mapping with fields) on a checklist page"))

    scan = scan_body(body, shown, offset)
    findings.extend(scan.findings)
    if scan.title is None:
        findings.append(Finding(shown, offset + 1, "page has no '# Title'"))
    if not any(section.items for section in scan.sections) and not scan.findings:
        findings.append(Finding(shown, scan.title_line, "checklist has no items: add '- [ ] text { #key }' lines"))
    if findings:
        raise ContentError(findings)
    return Checklist(
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
    )


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
    return parse_checklist(text, path, lang, slug)  # cwd: the file names in errors are relative to it


def find_checklist_slugs(docs_dir: Path | str, lang: str) -> list[str]:
    """Slugs of the pages under docs/<lang>/toolkit/ whose front matter says they are checklists."""
    slugs = []
    for path in sorted((Path(docs_dir) / lang / "toolkit").glob("*.md")):
        try:
            meta = split_front_matter(path.read_text(encoding="utf-8"))[0]
        except ValueError:
            continue  # parse_checklist reports it if the page turns out to be a checklist
        if is_checklist_page(meta):
            slugs.append(path.stem)
    return slugs
