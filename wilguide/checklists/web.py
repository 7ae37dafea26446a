"""The web version of a checklist page: the editor's task list becomes accessible check boxes
(labels tied to boxes, keys for the browser's memory), plus download buttons with real sizes.

Item text is escaped: editors' text never becomes HTML. Download links stay Markdown links so
MkDocs validates them like any other link.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import strings
from .downloads import FORMATS, Download, file_name
from .model import Checklist
from .parser import scan_body

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)

LIST_MARKER = "<!-- checklist-list -->"
BUNDLE_MARKER = "<!-- checklist-bundle -->"
MIME = {"PDF": "application/pdf", "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ZIP": "application/zip"}


def storage_key(checklist: Checklist) -> str:
    return f"wilguide:checklist:{checklist.lang}:{checklist.slug}"


def link_from(page_path: str, url: str) -> str:
    """A Markdown link target from a page (path relative to the language's docs root) to a download."""
    return posixpath.relpath(url, posixpath.dirname(page_path) or ".")


def _attribute(value: str) -> str:
    """A value safe inside an attr_list double-quoted attribute."""
    return value.replace('"', "'").replace("}", ")").replace("{", "(")


def download_button(
    download: Download, lang: str, page_path: str, label: str, *, primary: bool = False, context: str | None = None
) -> str:
    """A Markdown link styled as a button. With ``context`` (cards listing several checklists),
    the visible text is short ("PDF, 110 Ko") and the accessible name adds the checklist title."""
    size = download.size_label(lang)
    text = f"{label}, {size}" if context else f"{label} ({download.format}, {size})"
    classes = ".md-button .md-button--primary" if primary else ".md-button"
    aria = f' aria-label="{_attribute(context)}, {text}"' if context else ""
    return (
        f"[{text}]({link_from(page_path, download.url)})"
        f'{{ {classes} .wg-download download type="{MIME[download.format]}"{aria} }}'
    )


def _by_format(downloads: list[Download], checklist: Checklist) -> dict[str, Download]:
    """This checklist's downloads by format, found by file name (titles are display text)."""
    names = {file_name(checklist, suffix): label for suffix, label in FORMATS.items()}
    return {names[posixpath.basename(d.url)]: d for d in downloads if posixpath.basename(d.url) in names}


def header_block(checklist: Checklist, downloads: list[Download], page_path: str) -> str:
    """Download buttons, the progress bar (JavaScript shows it) and print-only fill-in lines."""
    lang = checklist.lang
    mine = _by_format(downloads, checklist)
    buttons = [
        download_button(mine["PDF"], lang, page_path, strings.text(lang, "download.pdf"), primary=True),
        download_button(mine["DOCX"], lang, page_path, strings.text(lang, "download.docx")),
    ]
    toolbar = _env.get_template("checklist-web-toolbar.html").render(
        storage_key=storage_key(checklist),
        progress_one=strings.text(lang, "progress.one", checked="{checked}", total="{total}"),
        progress_other=strings.text(lang, "progress.other", checked="{checked}", total="{total}"),
        reset=strings.text(lang, "reset"),
        print=strings.text(lang, "print"),
        undo=strings.text(lang, "undo"),
        undo_done=strings.text(lang, "undo.done"),
        undo_restored=strings.text(lang, "undo.restored"),
        saved_here=strings.text(lang, "saved-here"),
        blank_pdf=strings.text(lang, "blank-pdf"),
        fields=[strings.text(lang, f"field.{name}") for name in checklist.fields if name != "notes"],
    )
    return (
        f'<div class="wg-checklist-downloads" markdown>\n\n'
        f"**{strings.text(lang, 'download.group')}**\n\n"
        + "\n".join(buttons)
        + "\n\n</div>\n\n"
        + toolbar.strip()
        + "\n"
    )


def item_list(items, slug: str, section_notes: str | None = None, notes: str | None = None) -> str:
    """Check boxes for a run of items, then the print-only notes areas the PDF has at that spot:
    a section's notes box, and after the last items the checklist's notes."""
    return (
        _env.get_template("checklist-web-items.html")
        .render(items=items, slug=slug, section_notes=section_notes, notes=notes)
        .strip()
        + "\n"
    )


def render_checklist_markdown(markdown: str, checklist: Checklist, downloads: list[Download], page_path: str) -> str:
    """The page's Markdown with each run of task items replaced by check boxes, and the header
    block inserted before the first section (or the first item)."""
    scan = scan_body(markdown, str(checklist.path))
    lines = markdown.split("\n")
    texts = {item.key: strings.typography(item.text, checklist.lang) for item in checklist.items}

    runs: list[list] = []
    for span in scan.spans:
        if runs and all(not line.strip() for line in lines[runs[-1][-1].end : span.start]):
            runs[-1].append(span)
        else:
            runs.append([span])

    lang = checklist.lang
    section_notes = strings.typography(checklist.section_notes, lang) if checklist.section_notes else None
    notes = strings.text(lang, "field.notes") if "notes" in checklist.fields else None
    replacements: dict[int, tuple[int, str]] = {}
    for number, run in enumerate(runs, start=1):
        items = [(span.item.key, texts.get(span.item.key, span.item.text)) for span in run]
        last = notes if number == len(runs) else None
        replacements[run[0].start] = (run[-1].end, "\n" + item_list(items, checklist.slug, section_notes, last))

    starts = [index for index in (scan.first_section_index, runs[0][0].start if runs else None) if index is not None]
    header_at = min(starts) if starts else len(lines)

    output: list[str] = []
    index = 0
    while index < len(lines):
        if index == header_at:
            output.append("\n" + header_block(checklist, downloads, page_path))
        if index in replacements:
            end, html = replacements[index]
            output.append(html)
            index = end
            continue
        output.append(lines[index])
        index += 1
    if header_at >= len(lines):
        output.append("\n" + header_block(checklist, downloads, page_path))
    return "\n".join(output)


def index_list(checklists: list[Checklist], downloads: list[Download], page_path: str) -> str:
    """Markdown cards for the toolkit index: each checklist, its description and its downloads."""
    blocks = ['<div class="grid cards wg-checklist-cards" markdown>', ""]
    for checklist in checklists:
        lang = checklist.lang
        mine = _by_format(downloads, checklist)
        page = posixpath.relpath(f"toolkit/{checklist.slug}.md", posixpath.dirname(page_path) or ".")
        pdf_button = download_button(mine["PDF"], lang, page_path, "PDF", context=checklist.title)
        docx_button = download_button(mine["DOCX"], lang, page_path, "Word (DOCX)", context=checklist.title)
        blocks += [
            f"-   **[{checklist.title}]({page})**",
            "",
            f"    {checklist.description}",
            "",
            f"    {pdf_button} {docx_button}",
            "",
        ]
    blocks.append("</div>")
    return "\n".join(blocks)


def bundle_button(downloads: list[Download], lang: str, page_path: str) -> str:
    bundle = next(d for d in downloads if d.format == "ZIP")
    return download_button(bundle, lang, page_path, strings.text(lang, "bundle.button"), primary=True)
