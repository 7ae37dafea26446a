"""Produce every checklist download of a language (PDF, Word, ZIP), through the content-hash cache.

A key covers everything that shapes a file: the parsed checklist (not its line numbers), the
language, the publisher, the generator code and templates, and the font files; for the ZIP, its
members' names and contents, the read-me's included (bundle.py). An unchanged checklist is never
generated again; a clean cache regenerates everything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import time
import zipfile
from concurrent.futures import Future
from pathlib import Path
from typing import Callable, Mapping, NamedTuple

from .. import cache, phone_links, workers
from ..file_names import file_stem
from ..findings import ContentError, Finding, relative
from ..placeholders import substitute
from . import bundle, model, pdf, pdf_form, strings
from .model import Checklist

DOWNLOAD_DIR = "toolkit/downloads"
FORMATS = {".pdf": "PDF", ".docx": "DOCX", ".zip": "ZIP"}


class Download(NamedTuple):
    title: str
    url: str     # relative to the language's docs root, e.g. toolkit/downloads/avant-la-premiere-journee.pdf
    format: str  # "PDF" | "DOCX" | "ZIP"
    size: int    # bytes
    path: Path   # the file on disk (in the cache)
    description: str = ""  # what the file is for: the page's description, given once, with the PDF

    def size_label(self, lang: str) -> str:
        return strings.format_size(self.size, lang)


def file_name(checklist: Checklist, suffix: str) -> str:
    """The one naming rule for a checklist's files: its title, in its language, as a readable
    file name ("Avant la première journée" -> avant-la-premiere-journee.pdf). Renaming a
    checklist renames its files: keep the old name working in former_names.py."""
    return file_stem(checklist.title, checklist.slug) + suffix


def bundle_name(lang: str) -> str:
    """The ZIP of a language's checklists and templates, named after what it holds
    (all-checklists-and-templates.zip). Renaming it: keep the old name working in former_names.py."""
    return file_stem(strings.text(lang, "bundle.title"), "checklists") + ".zip"


def check_unique_names(checklists: list[Checklist], lang: str) -> None:
    """Two checklists whose titles make the same file name would overwrite each other's files."""
    seen: dict[str, Checklist] = {}
    findings = []
    for checklist in checklists:
        name = file_name(checklist, "")
        if name + ".zip" == bundle_name(lang) or name in seen:
            other = f"the title of {relative(seen[name].path)}" if name in seen else "the ZIP of all checklists and templates"
            findings.append(
                Finding(
                    relative(checklist.path),
                    checklist.title_line,
                    f"this title makes the file name '{name}', as {other} does: reword the title",
                )
            )
        seen.setdefault(name, checklist)
    if findings:
        raise ContentError(findings)


def with_settings(checklist: Checklist, values: Mapping[str, str]) -> Checklist:
    """The checklist as printed: {{ placeholders }} replaced by the site settings, French spacing."""

    def finish(text: str | None) -> str | None:
        return None if text is None else strings.typography(substitute(text, values), checklist.lang)

    def finish_block(block):
        if isinstance(block, model.Item):
            return dataclasses.replace(block, text=finish(block.text))
        if isinstance(block, model.TextField):
            return dataclasses.replace(block, label=finish(block.label))
        columns = tuple(dataclasses.replace(column, label=finish(column.label)) for column in block.columns)
        rows = tuple(tuple(finish(cell) for cell in row) for row in block.rows)
        return dataclasses.replace(block, columns=columns, rows=rows)

    sections = []
    for section in checklist.sections:
        blocks = [finish_block(block) for block in section.blocks]
        items = [block for block in blocks if isinstance(block, model.Item)]
        sections.append(dataclasses.replace(section, title=finish(section.title), items=items, blocks=blocks))
    return dataclasses.replace(
        checklist,
        title=finish(checklist.title),
        description=finish(checklist.description),
        section_notes=finish(checklist.section_notes),
        printed_notes=tuple(
            dataclasses.replace(note, title=finish(note.title), text=finish(note.text)) for note in checklist.printed_notes
        ),
        sections=sections,
        source=values.get("source", ""),
        address=values.get("address", ""),
    )


def _pdf_key(checklist: Checklist, publisher: str) -> list[str]:
    return [checklist.canonical(), publisher, cache.source_of(pdf, pdf_form, model, strings), pdf.template_sources(), pdf.font_identity()]


# The Word writer's file, not the module: importing python-docx costs more than a cached rebuild.
WORD_WRITER = Path(__file__).with_name("word.py")


def _write_docx(checklist: Checklist, publisher: str, target: Path) -> None:
    from .word import write_docx

    write_docx(checklist, publisher, target)


def _docx_key(checklist: Checklist, publisher: str) -> list[str]:
    return [checklist.canonical(), publisher, cache.source_of(WORD_WRITER, model, strings, phone_links)]


# What XML (so PDF forms and Word files) cannot hold: control characters an editor cannot see.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def check_printable(checklist: Checklist) -> None:
    """Raise ContentError naming each line whose text has a control character (file:line)."""
    texts = [(checklist.title_line, checklist.title), (checklist.title_line, checklist.description)]
    texts += [(section.line, section.title or "") for section in checklist.sections]
    texts += [(item.line, item.text) for item in checklist.items]
    findings = [
        Finding(relative(checklist.path), line, f"invisible control character U+{ord(found.group()):04X} in this text: "
                "the PDF and Word files must not carry it; retype the line, or delete the character")
        for line, text in texts
        if (found := _UNPRINTABLE.search(text or ""))
    ]
    if findings:
        raise ContentError(findings)


def _write_checked(write: Callable, checklist: Checklist, publisher: str, target: Path) -> None:
    check_printable(checklist)
    write(checklist, publisher, target)


class PlannedFile(NamedTuple):
    suffix: str
    kind: str
    key: list[str]
    write: Callable  # module-level: a worker process receives it by name

    def produce(self, checklist: Checklist, publisher: str) -> Path:
        """The cached file, written first if missing (in this process or a worker's)."""
        return cache.cached_file(
            self.kind, self.key, self.suffix, lambda target: _write_checked(self.write, checklist, publisher, target)
        )


def planned_files(checklist: Checklist, lang: str, publisher: str) -> list[PlannedFile]:
    """A checklist's PDF and Word file (``checklist`` as printed: see with_settings)."""
    return [
        PlannedFile(".pdf", "checklists-pdf", [lang, *_pdf_key(checklist, publisher)], pdf.write_pdf),
        PlannedFile(".docx", "checklists-docx", [lang, *_docx_key(checklist, publisher)], _write_docx),
    ]


class PrintedChecklist(NamedTuple):
    source: Checklist
    printed: Checklist  # with_settings(source, values)
    files: list[PlannedFile]


class FilePlan(NamedTuple):
    """A language's checklists as printed with the site settings, and the files made from each."""

    lang: str
    values: dict[str, str]
    checklists: list[PrintedChecklist]

    def is_for(self, checklists: list[Checklist], lang: str, values: Mapping[str, str]) -> bool:
        return (self.lang == lang and self.values == dict(values) and len(self.checklists) == len(checklists)
                and all(planned.source is source for planned, source in zip(self.checklists, checklists)))


def plan_files(checklists: list[Checklist], lang: str, values: Mapping[str, str]) -> FilePlan:
    printed = [with_settings(source, values) for source in checklists]
    return FilePlan(lang, dict(values), [
        PrintedChecklist(source, checklist, planned_files(checklist, lang, values["publisher"]))
        for source, checklist in zip(checklists, printed)
    ])


def _produce_in_worker(planned: PlannedFile, checklist: Checklist, publisher: str) -> Path:
    return planned.produce(checklist, publisher)


def start_in_parallel(checklists: list[Checklist], lang: str, values: Mapping[str, str]) -> tuple[FilePlan, list[Future]]:
    """Start writing every missing PDF and Word file of a language in worker processes.

    Nothing starts when all are cached. Wait for the futures (``.result()`` raises the worker's
    ContentError) before produce_downloads, which then finds every file in the cache; give it the
    plan returned here, so that it does not work out every file's key a second time."""
    plan = plan_files(checklists, lang, values)
    futures = []
    for source, checklist, files in plan.checklists:
        for planned in files:
            if not cache.cached_path(planned.kind, planned.key, planned.suffix).exists():
                futures.append(workers.submit(_produce_in_worker, planned, checklist, values["publisher"]))
    return plan, futures


def _content(member: Path | bytes) -> bytes:
    """A ZIP member's content: a file (in the cache), or text made with the ZIP (the read-me)."""
    return member if isinstance(member, bytes) else member.read_bytes()


def _digest(member: Path | bytes) -> str:
    return hashlib.sha256(_content(member)).hexdigest()


def member_date(path: Path | None = None) -> tuple[int, int, int, int, int, int]:
    """The date an unzipped file shows: when it was made (its cached file's time, so an unchanged
    file keeps its date; now for the read-me, made with the ZIP), or SOURCE_DATE_EPOCH in a
    reproducible build. UTC, as the build's dates."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch:
        return time.gmtime(int(epoch))[:6]
    return time.gmtime(path.stat().st_mtime if path else time.time())[:6]


def write_zip(members: list[tuple[str, Path | bytes]], target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, member in members:
            info = zipfile.ZipInfo(name, date_time=member_date(None if isinstance(member, bytes) else member))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, _content(member))


def produce_downloads(checklists: list[Checklist], lang: str, values: Mapping[str, str], plan: FilePlan | None = None) -> list[Download]:
    """Every download of one language, in checklist order: each PDF and DOCX, then the ZIP.

    ``values`` are the site settings ({{ publisher }} and the other placeholders, and what the
    ZIP's read-me names: site_name, copyright, address; see file_settings). ``plan``, from
    start_in_parallel, is used when it was made for the same checklists and values."""
    check_unique_names(checklists, lang)
    publisher = values["publisher"]
    if plan is None or not plan.is_for(checklists, lang, values):
        plan = plan_files(checklists, lang, values)
    downloads: list[Download] = []
    files: dict[str, list[tuple[str, Path]]] = {}
    for source, checklist, planned_list in plan.checklists:
        for planned in planned_list:
            path = planned.produce(checklist, publisher)
            name = file_name(source, planned.suffix)
            files.setdefault(source.slug, []).append((name, path))
            description = checklist.description if planned.suffix == ".pdf" else ""  # said once, with the PDF
            downloads.append(Download(checklist.title, f"{DOWNLOAD_DIR}/{name}", FORMATS[planned.suffix], path.stat().st_size, path, description))

    if files:
        # Numbered names and the read-me, in the order of the toolkit index (bundle.py).
        members = bundle.members(checklists, lang, values, files)
        # The ZIP writer is this module: its code is part of the key, with every member's name
        # (so its number) and content (so the read-me's words).
        zip_key = [
            lang,
            cache.source_of(Path(__file__)),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            *(f"{name}:{_digest(member)}" for name, member in members),
        ]
        zipped = cache.cached_file("checklists-zip", zip_key, ".zip", lambda target: write_zip(members, target))
        downloads.append(
            Download(strings.text(lang, "bundle.title"), f"{DOWNLOAD_DIR}/{bundle_name(lang)}", "ZIP", zipped.stat().st_size, zipped)
        )
    return downloads
