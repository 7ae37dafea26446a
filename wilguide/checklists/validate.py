"""Checks across languages: both versions of a checklist hold the same items, in the same order.

Each language is written on its own (not translated word for word), so the item keys are what
ties them together. A key missing in one language is reported at the item that has no
counterpart, so the editor sees which file to complete.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import ContentError, Finding, relative
from .model import Checklist, FieldTable, TextField
from .parser import PartialChecklist, checklist_path, find_checklist_slugs, load_checklist, split_front_matter


def compare_translations(reference: Checklist, other: Checklist) -> list[Finding]:
    """Differences between two language versions of one checklist."""
    findings: list[Finding] = []
    ref_path, other_path = relative(reference.path), relative(other.path)

    if reference.kind != other.kind:
        findings.append(Finding(other_path, 1, f"this page is a {other.kind} but {ref_path} is a {reference.kind}: use the same front matter key"))
    findings.extend(_compare_fields(reference, ref_path, other, other_path))
    if reference.fields != other.fields:
        findings.append(Finding(other_path, 1, f"checklist.fields ({', '.join(other.fields)}) differ from {ref_path} ({', '.join(reference.fields)})"))
    if bool(reference.section_notes) != bool(other.section_notes):
        has, lacks = (ref_path, other_path) if reference.section_notes else (other_path, ref_path)
        findings.append(Finding(has, 1, f"checklist.section_notes is set here but not in {lacks}"))
    ref_notes, other_notes = [n.kind for n in reference.printed_notes], [n.kind for n in other.printed_notes]
    if ref_notes != other_notes:
        line = other.printed_notes[0].line if other.printed_notes else other.title_line
        findings.append(Finding(other_path, line, f"the notes before the first section ({', '.join(other_notes) or 'none'}) differ from "
                                f"{ref_path} ({', '.join(ref_notes) or 'none'}): both languages print the same notes in the files"))

    # A section with items needs its ## ID in the other language; an emptied section shows up
    # through its items instead.
    for this, this_path, counterpart, counterpart_path in (
        (reference, ref_path, other, other_path),
        (other, other_path, reference, ref_path),
    ):
        for section in this.sections:
            if section.id is not None and section.id not in counterpart.heading_ids:
                findings.append(Finding(this_path, section.line, f"section '{section.id}' has no counterpart in {counterpart_path}"))

    return findings + compare_items(reference, other)


def compare_items(reference: Checklist, other: Checklist) -> list[Finding]:
    """Items missing in one language, in another section or out of order."""
    findings: list[Finding] = []
    ref_path, other_path = relative(reference.path), relative(other.path)
    ref_sections = {section.id: section.line for section in reference.sections}

    def placed(checklist: Checklist) -> dict[str, tuple[str | None, int]]:
        return {item.key: (section.id, item.line) for section in checklist.sections for item in section.items}

    ref_items, other_items = placed(reference), placed(other)
    for this, this_path, counterpart, counterpart_path in (
        (ref_items, ref_path, other_items, other_path),
        (other_items, other_path, ref_items, ref_path),
    ):
        for key, (_, line) in this.items():
            if key not in counterpart:
                findings.append(Finding(this_path, line, f"item '{key}' has no counterpart in {counterpart_path}"))

    for key, (section_id, line) in other_items.items():
        if key in ref_items and ref_items[key][0] != section_id and section_id in ref_sections:
            ref_section, ref_line = ref_items[key]
            findings.append(Finding(other_path, line, f"item '{key}' is in section '{section_id}' here but in section '{ref_section}' in {ref_path}:{ref_line}"))

    shared_ref = [item.key for item in reference.items if item.key in other_items]
    shared_other = [item.key for item in other.items if item.key in ref_items]
    for ref_key, other_key in zip(shared_ref, shared_other):
        if ref_key != other_key:
            findings.append(Finding(other_path, other_items[other_key][1], f"item '{other_key}' is out of order: {ref_path} has '{ref_key}' at this position (line {ref_items[ref_key][1]})"))
            break  # one report is enough: the rest follows from the same move
    return findings


def _field_shapes(checklist: Checklist) -> dict[str, tuple[tuple, int]]:
    """Each text field or table by key (a table by its first field column): its shape and line."""
    shapes: dict[str, tuple[tuple, int]] = {}
    for section in checklist.sections:
        for block in section.blocks:
            if isinstance(block, TextField):
                shapes[block.key] = (("field", section.id, block.lines), block.line)
            elif isinstance(block, FieldTable):
                keys = [column.key for column in block.columns if column.key]
                # Widths may differ: labels are longer in one language than in the other.
                shape = ("table", section.id, tuple((c.key, c.lines) for c in block.columns), len(block.rows))
                shapes[keys[0]] = (shape, block.line)
    return shapes


def _describe(shape: tuple) -> str:
    if shape[0] == "field":
        return f"a text field of {shape[2]} line(s) in section '{shape[1]}'"
    columns = ", ".join(f"{key or '(labels)'}" + (f" ({lines} lines)" if key else "") for key, lines in shape[2])
    return f"a table in section '{shape[1]}' with {shape[3]} row(s) and columns {columns}"


def _compare_fields(reference: Checklist, ref_path: str, other: Checklist, other_path: str) -> list[Finding]:
    """Text fields and tables of fields: the same keys, sizes and rows in both languages (the PDFs'
    field names and the browser's saved answers depend on them)."""
    findings: list[Finding] = []
    ref_shapes, other_shapes = _field_shapes(reference), _field_shapes(other)
    for this, this_path, counterpart, counterpart_path in (
        (ref_shapes, ref_path, other_shapes, other_path),
        (other_shapes, other_path, ref_shapes, ref_path),
    ):
        for key, (shape, line) in this.items():
            if key not in counterpart:
                findings.append(Finding(this_path, line, f"{shape[0]} '{key}' has no counterpart in {counterpart_path}"))
    for key, (shape, line) in other_shapes.items():
        if key in ref_shapes and ref_shapes[key][0] != shape:
            ref_shape, ref_line = ref_shapes[key]
            findings.append(Finding(other_path, line, f"'{key}' is {_describe(shape)} here but {_describe(ref_shape)} in {ref_path}:{ref_line}: make them match"))
    return findings


def _compare_readable(slug, languages, loaded, partial) -> list[Finding]:
    """Items compared when a page has format errors, so a missing translation shows now, not after
    the format is fixed (settings are not compared: they may not have been read). A page whose
    errors leave every item read (in its front matter, on a heading, on a line that is no item:
    parser.PartialChecklist) is compared in full. Otherwise only an item that was read and has no
    counterpart in a complete page is reported: the other way, the item may only have failed to be
    read."""
    pages = []
    for lang in languages:
        if slug in loaded[lang]:
            pages.append((loaded[lang][slug], True))
        elif lang in partial:
            pages.append((partial[lang].partial, partial[lang].items_complete))
        else:
            return []  # a page that could not be read at all: nothing to compare
    if all(complete for _, complete in pages):
        return [finding for other, _ in pages[1:] for finding in compare_items(pages[0][0], other)]
    findings = []
    for checklist, complete in pages:
        if complete:
            continue
        for other, other_complete in pages:
            if other is checklist or not other_complete:
                continue
            other_keys = {item.key for item in other.items}
            findings += [Finding(relative(checklist.path), item.line, f"item '{item.key}' has no counterpart in {relative(other.path)}")
                         for item in checklist.items if item.key not in other_keys]
    return findings


def _front_matter_parses(path: Path) -> bool:
    try:
        split_front_matter(path.read_text(encoding="utf-8"))
    except ValueError:
        return False
    return True


def load_all(docs_dir: Path | str, languages: list[str], order: list[str] | None = None) -> dict[str, dict[str, Checklist]]:
    """Parse and cross-check every checklist in every language: {lang: {slug: Checklist}}.

    ``order`` lists slugs in the order to present them (the nav); others follow alphabetically.
    Raises ContentError with every finding in every file."""
    findings: list[Finding] = []
    slugs_by_lang = {lang: find_checklist_slugs(docs_dir, lang) for lang in languages}
    all_slugs = sorted({slug for slugs in slugs_by_lang.values() for slug in slugs})
    rank = {slug: position for position, slug in enumerate(order or [])}
    all_slugs.sort(key=lambda slug: (rank.get(slug, len(rank)), slug))

    loaded: dict[str, dict[str, Checklist]] = {lang: {} for lang in languages}
    partial: dict[str, PartialChecklist] = {}
    for slug in all_slugs:
        for lang in languages:
            path = checklist_path(docs_dir, lang, slug)
            if slug not in slugs_by_lang[lang]:
                others = [l for l in languages if slug in slugs_by_lang[l]]
                if path.exists() and _front_matter_parses(path):  # else the front-matter check names the line
                    findings.append(Finding(relative(path), 1, f"front matter lacks 'checklist: true', but {relative(checklist_path(docs_dir, others[0], slug))} is a checklist"))
                continue  # a page missing in one language is reported by the page-parity check
            try:
                loaded[lang][slug] = load_checklist(docs_dir, lang, slug)
            except PartialChecklist as error:
                findings.extend(error.findings)
                partial[lang] = error
            except ContentError as error:
                findings.extend(error.findings)
        present = [loaded[lang][slug] for lang in languages if slug in loaded[lang]]
        if len(present) == len(languages):
            for other in present[1:]:
                findings.extend(compare_translations(present[0], other))
        else:
            findings.extend(_compare_readable(slug, languages, loaded, partial))
        partial.clear()
    if findings:
        raise ContentError(findings)
    return loaded
