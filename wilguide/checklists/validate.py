"""Checks across languages: both versions of a checklist hold the same items, in the same order.

Each language is written on its own (not translated word for word), so the item keys are what
ties them together. A key missing in one language is reported at the item that has no
counterpart, so the editor sees which file to complete. When only one file of the pair changed
since the pair was recorded in step (the content check passes ``changed``), an item difference is
reported in that file instead, next to the edit, with the other file's line.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection
from pathlib import Path

from ..findings import ContentError, Finding, relative
from .model import Checklist, FieldTable, TextField
from .parser import PartialChecklist, checklist_path, find_checklist_slugs, load_checklist, split_front_matter


def compare_translations(reference: Checklist, other: Checklist, changed: Collection[Path] = ()) -> list[Finding]:
    """Differences between two language versions of one checklist (``changed``: as in compare_items)."""
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

    return findings + compare_items(reference, other, changed)


def compare_items(reference: Checklist, other: Checklist, changed: Collection[Path] = ()) -> list[Finding]:
    """Items missing in one language, in another section or out of order.

    ``changed``: the files that alone in their pair changed since the translation record (resolved
    paths). When one of these two is among them, the difference comes from its edit: it is reported
    there, next to the edit, with the other file's line. Otherwise the reference is followed."""
    edited = next((checklist for checklist in (reference, other) if Path(checklist.path).resolve() in changed), None)
    source, target = (other, reference) if edited is reference else (reference, other)
    return (_unmatched(reference, other, edited) + _unmatched(other, reference, edited)
            + _in_other_sections(source, target) + _out_of_order(source, target))


def _placed(checklist: Checklist) -> dict[str, tuple[str | None, int]]:
    return {item.key: (section.id, item.line) for section in checklist.sections for item in section.items}


def _unmatched(this: Checklist, counterpart: Checklist, edited: Checklist | None) -> list[Finding]:
    """The items of ``this`` that ``counterpart`` lacks, with the key it probably has instead. In
    ``this``, unless ``counterpart`` alone changed: the item was removed or renamed there."""
    this_path, counterpart_path = relative(this.path), relative(counterpart.path)
    ours, theirs = _placed(this), _placed(counterpart)
    unmatched_theirs = [key for key in theirs if key not in ours]
    findings = []
    for key, (_, line) in ours.items():
        if key in theirs:
            continue
        guess = difflib.get_close_matches(key, unmatched_theirs, n=1, cutoff=0.6)
        if edited is counterpart:
            if not guess:  # with a guess, the edited file's own finding names this item
                at, place = _insertion_point(this, key, counterpart)
                findings.append(Finding(counterpart_path, at, f"item '{key}' of {this_path}:{line} has no counterpart "
                                        f"here: add it {place}, or remove it there"))
            continue
        hint = f": did you mean '{guess[0]}' (line {theirs[guess[0]][1]} of {counterpart_path})?" if guess else ""
        findings.append(Finding(this_path, line, f"item '{key}' has no counterpart in {counterpart_path}{hint}"))
    return findings


def _insertion_point(this: Checklist, key: str, counterpart: Checklist) -> tuple[int, str]:
    """Where the item ``key`` of ``this`` goes in ``counterpart``: next to a neighbour of its section
    both have, else under its section's heading, else on the page."""
    theirs = _placed(counterpart)
    section = next(s for s in this.sections if any(item.key == key for item in s.items))
    keys = [item.key for item in section.items]
    position = keys.index(key)
    before = [k for k in keys[:position] if k in theirs and theirs[k][0] == section.id]
    after = [k for k in keys[position + 1:] if k in theirs and theirs[k][0] == section.id]
    if before:
        return theirs[before[-1]][1], "after this item"
    if after:
        return theirs[after[0]][1], "before this item"
    heading = next((s.line for s in counterpart.sections if s.id == section.id and s.id is not None), None)
    if heading is not None:
        return heading, "under this heading"
    return counterpart.title_line, "to this page"


def _in_other_sections(source: Checklist, target: Checklist) -> list[Finding]:
    """Items of ``target`` in another section than in ``source``, when that section exists there."""
    source_path = relative(source.path)
    source_items, source_sections = _placed(source), {section.id for section in source.sections}
    return [
        Finding(relative(target.path), line, f"item '{key}' is in section '{section_id}' here but in section "
                f"'{source_items[key][0]}' in {source_path}:{source_items[key][1]}")
        for key, (section_id, line) in _placed(target).items()
        if key in source_items and source_items[key][0] != section_id and section_id in source_sections
    ]


def _out_of_order(source: Checklist, target: Checklist) -> list[Finding]:
    """The first item of ``target`` not where ``source`` has it: one report is enough, the rest
    follows from the same move."""
    source_items, target_items = _placed(source), _placed(target)
    shared_source = [item.key for item in source.items if item.key in target_items]
    shared_target = [item.key for item in target.items if item.key in source_items]
    for source_key, target_key in zip(shared_source, shared_target):
        if source_key != target_key:
            return [Finding(relative(target.path), target_items[target_key][1], f"item '{target_key}' is out of order: "
                            f"{relative(source.path)} has '{source_key}' at this position (line {source_items[source_key][1]})")]
    return []


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


def _compare_readable(slug, languages, loaded, partial, changed: Collection[Path] = ()) -> list[Finding]:
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
        return [finding for other, _ in pages[1:] for finding in compare_items(pages[0][0], other, changed)]
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


def load_all(docs_dir: Path | str, languages: list[str], order: list[str] | None = None,
             changed: Collection[Path] = ()) -> dict[str, dict[str, Checklist]]:
    """Parse and cross-check every checklist in every language: {lang: {slug: Checklist}}.

    ``order`` lists slugs in the order to present them (the nav); others follow alphabetically.
    ``changed``: the files that alone in their pair changed since the translation record (resolved
    paths), where a difference between two languages is reported (see compare_items).
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
                findings.extend(compare_translations(present[0], other, changed))
        else:
            findings.extend(_compare_readable(slug, languages, loaded, partial, changed))
        partial.clear()
    if findings:
        raise ContentError(findings)
    return loaded
