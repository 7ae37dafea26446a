"""The web version of a checklist page: the editor's task list becomes accessible check boxes
(labels tied to boxes, keys for the browser's memory), plus download buttons with real sizes.

Item text is escaped: editors' text never becomes HTML. Download links stay Markdown links so
MkDocs validates them like any other link.

The check boxes, fields and tables are HTML made here, so Markdown has nothing to do with them:
it gets a marker in their place, and ``RenderedChecklist.restore`` puts them back in the page's
HTML. Given to Markdown, their tags went through its HTML parser, about 40 % of the time it took
to convert the checklist pages.
"""

from __future__ import annotations

import dataclasses
import posixpath
from functools import lru_cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import cache
from . import strings
from ..phone_links import link_phone_numbers
from .bundle import INDEX_PAGE  # the toolkit index: lists the checklists (LIST_MARKER) and their ZIP (BUNDLE_MARKER)
from ..findings import Finding
from ..template_cache import use_bytecode_cache
from .downloads import FORMATS, Download, file_name
from .examples import ExampleField
from .model import Checklist, FieldTable, Item, TextField
from .parser import scan_body


TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)  # one per process: Jinja then compiles each template once (and again if it changes)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    use_bytecode_cache(env)  # each build is a new process: compiled once, not on every build
    return env


LIST_MARKER = "<!-- checklist-list -->"
TEMPLATE_LIST_MARKER = "<!-- template-list -->"
EXAMPLES_MARKER = "<!-- example-goals -->"
BUNDLE_MARKER = "<!-- checklist-bundle -->"
MIME = {"PDF": "application/pdf", "DOCX": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "ZIP": "application/zip"}


def storage_key(checklist: Checklist) -> str:
    return f"wilguide:{checklist.kind}:{checklist.lang}:{checklist.slug}"


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
    the visible text is short ("PDF, 110 ko") and the accessible name adds the checklist title."""
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


# Each toolbar's words: the template's variable, then its key in the interface strings.
CHECKLIST_TOOLBAR_WORDS = {
    "reset": "reset",
    "print": "print",
    "undo": "undo",
    "undo_done": "undo.done",
    "undo_restored": "undo.restored",
    "saved_here": "saved-here",
    "blank_pdf": "blank-pdf",
    "noscript": "noscript",
}
TEMPLATE_TOOLBAR_WORDS = {
    "saved_here": "template.saved-here",
    "print": "template.print",
    "clear": "template.clear",
    "confirm_clear": "template.confirm-clear",
    "cleared": "template.cleared",
    "restored": "template.restored",
    "unsaved": "template.unsaved",
    "noscript": "template.noscript",
}


def _toolbar(checklist: Checklist) -> str:
    """A checklist's toolbar (progress, reset, print, undo) with its print-only fill-in lines, or a
    template's toolbar (print, clear) with its header fields, ready to type in. JavaScript shows it."""
    lang = checklist.lang
    fields = [name for name in checklist.fields if name != "notes"]
    if checklist.kind == "template":
        words, template = TEMPLATE_TOOLBAR_WORDS, "template-web-toolbar.html"
        extra = {"slug": checklist.slug, "fields": [(name, strings.text(lang, f"field.{name}")) for name in fields]}
    else:
        words, template = CHECKLIST_TOOLBAR_WORDS, "checklist-web-toolbar.html"
        extra = {
            "progress_one": strings.text(lang, "progress.one", checked="{checked}", total="{total}"),
            "progress_other": strings.text(lang, "progress.other", checked="{checked}", total="{total}"),
            "fields": [strings.text(lang, f"field.{name}") for name in fields],
        }
    return _environment().get_template(template).render(
        storage_key=storage_key(checklist),
        **{variable: strings.text(lang, key) for variable, key in words.items()},
        **extra,
    )


def header_block(checklist: Checklist, downloads: list[Download], page_path: str) -> str:
    """Download buttons, then the progress bar and print-only fill-in lines (a checklist) or the
    toolbar and header fields (a template)."""
    lang = checklist.lang
    mine = _by_format(downloads, checklist)
    buttons = [
        download_button(mine["PDF"], lang, page_path, strings.text(lang, "download.pdf"), primary=True),
        download_button(mine["DOCX"], lang, page_path, strings.text(lang, "download.docx")),
    ]
    group = "template.download.group" if checklist.kind == "template" else "download.group"
    toolbar = _toolbar(checklist)
    return (
        f'<div class="wg-checklist-downloads" markdown>\n\n'
        f"**{strings.text(lang, group)}**\n\n"
        + "\n".join(buttons)
        + "\n\n</div>\n\n"
        + toolbar.strip()
        + "\n"
    )


def item_list(items, slug: str, section_notes: str | None = None, notes: str | None = None) -> str:
    """Check boxes for a run of items, then the print-only notes areas the PDF has at that spot:
    a section's notes box, and, when the run ends the checklist, the checklist's notes."""
    return (
        _environment().get_template("checklist-web-items.html")
        .render(items=items, slug=slug, section_notes=section_notes, notes=notes)
        .strip()
        + "\n"
    )


def field_list(fields: list[TextField], checklist: Checklist) -> str:
    shown = [dataclasses.replace(field, label=strings.typography(field.label, checklist.lang)) for field in fields]
    return _environment().get_template("template-web-fields.html").render(fields=shown, slug=checklist.slug).strip() + "\n"


def field_table(table: FieldTable, checklist: Checklist, labelled_by: str | None) -> str:
    """A table of text fields; the example picker goes before the column it fills."""
    picker_column = checklist.examples if checklist.examples in {c.key for c in table.columns} else None
    html = _environment().get_template("template-web-table.html").render(
        table=table,
        total=sum(column.width for column in table.columns) or 1,
        slug=checklist.slug,
        labelled_by=labelled_by,
        table_key=next(column.key for column in table.columns if column.key),
        picker_column=picker_column,
    ).strip()
    if picker_column:
        html = example_picker(checklist.lang) + "\n" + html
    return html + "\n"


def _for_paper(html: str, checklist: Checklist, labels: list[str]) -> str:
    """A checklist's fields, printed only: a checklist keeps just its ticks in the browser, so nobody
    types on screen what a reload would lose. On screen, a note says where to fill them in, under
    the fields' own labels (a table's heading already says what it is)."""
    named = "".join(f'<span class="wg-checklist-fill-note__label">{escape(strings.typography(label, checklist.lang))}</span>' for label in labels)
    note = escape(strings.text(checklist.lang, "fill-on-paper"))
    return (f'<p class="wg-checklist-fill-note wg-screen-only">{named}{note}</p>\n'
            f'<div class="wg-checklist-print-only">\n{html}</div>\n')


def example_picker(lang: str) -> str:
    """The picker's frame; its lists are filled by JavaScript from the example library on the page."""
    return _environment().get_template("template-web-picker.html").render(
        words={key.removeprefix("picker."): strings.text(lang, key, row="{row}") for key in strings.STRINGS[lang] if key.startswith("picker.")}
    ).strip()


def example_library(fields: list[ExampleField], lang: str) -> str:
    """Every example goal, by field: readable without JavaScript, and the picker's source."""
    shown = [
        {"key": field.key, "name": field.names[lang], "goals": [strings.typography(goal[lang], lang) for goal in field.goals]}
        for field in fields
    ]
    return _environment().get_template("template-web-library.html").render(fields=shown).strip() + "\n"


def _heading_id(line: str) -> str | None:
    from .parser import _heading_text

    return _heading_text(line[3:])[1]


@dataclasses.dataclass(frozen=True)
class RenderedChecklist:
    markdown: str  # the page's Markdown, with a marker for each block of HTML
    blocks: dict[str, str]  # marker -> the HTML block it stands for

    def restore(self, html: str) -> str:
        """The page with each marker replaced by its block, phone numbers made links (as Markdown
        does in its own text, wilguide/phone_links.py)."""
        for marker, block in self.blocks.items():
            html = html.replace(marker, link_phone_numbers(block), 1)
        return html


def render_checklist_markdown(
    markdown: str,
    checklist: Checklist,
    downloads: list[Download],
    page_path: str,
    example_fields: list[ExampleField] | None = None,
) -> RenderedChecklist:
    """The page's Markdown with each run of task items replaced by check boxes (set aside, see
    RenderedChecklist), and the header block inserted before the first section (or the first item)."""
    if example_fields is not None and EXAMPLES_MARKER in markdown:
        markdown = markdown.replace(EXAMPLES_MARKER, example_library(example_fields, checklist.lang), 1)
    scan = scan_body(markdown, str(checklist.path))
    lines = markdown.split("\n")
    texts = {item.key: strings.typography(item.text, checklist.lang) for item in checklist.items}

    runs: list[list] = []
    for span in scan.spans:
        joins = (
            runs
            and not isinstance(span.item, FieldTable)
            and type(runs[-1][-1].item) is type(span.item)
            and all(not line.strip() for line in lines[runs[-1][-1].end : span.start])
        )
        if joins:
            runs[-1].append(span)
        else:
            runs.append([span])

    heading_ids = {}  # the ## ID above each line: a table is labelled by its section's heading
    current_id = None
    for index, line in enumerate(lines):
        if line.startswith("## "):
            current_id = _heading_id(line)
        heading_ids[index] = current_id

    lang = checklist.lang
    section_notes = strings.typography(checklist.section_notes, lang) if checklist.section_notes else None
    notes = strings.text(lang, "field.notes") if "notes" in checklist.fields else None
    # Items of sections with a text field of their own get no notes box: the field says what to write.
    boxless = {item.key for section in checklist.sections if not checklist.section_notes_for(section) for item in section.items}
    replacements: dict[int, tuple[int, str]] = {}
    blocks: dict[str, str] = {}
    for run in runs:
        first = run[0].item
        if isinstance(first, Item):
            items = [(span.item.key, texts.get(span.item.key, span.item.text)) for span in run]
            # The print-only notes areas the PDF has: after each section, and the checklist's notes
            # when this run ends it.
            box = None if first.key in boxless else section_notes
            html = item_list(items, checklist.slug, box, notes if run is runs[-1] else None)
        else:
            if isinstance(first, TextField):
                html = field_list([span.item for span in run], checklist)
            else:
                html = field_table(first, checklist, heading_ids.get(run[0].start))
            if checklist.kind != "template":
                html = _for_paper(html, checklist, [span.item.label for span in run] if isinstance(first, TextField) else [])
            if notes and run is runs[-1]:  # the checklist's notes come last, as in its PDF
                html += "\n" + _environment().get_template("checklist-web-notes.html").render(notes=notes).strip() + "\n"
        marker = f"<!-- wg-checklist-block-{len(blocks)} -->"
        blocks[marker] = html.strip()
        replacements[run[0].start] = (run[-1].end, "\n" + marker + "\n")

    if checklist.kind == "template" and scan.spans:
        # A printed template is the form: the advice and examples after it stay on screen.
        last = max(span.end for span in scan.spans)
        after = next((i for i in range(last, len(lines)) if lines[i].startswith("## ")), None)
        if after is not None:
            replacements.setdefault(after, (after + 1, '<div class="wg-print-stop"></div>\n\n' + lines[after]))

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
    return RenderedChecklist("\n".join(output), blocks)


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


def missing_index_markers(text: str, shown: str) -> list[Finding]:
    """A finding for each marker the toolkit index lacks (the build fills each one)."""
    return [
        Finding(shown, 1, f"the toolkit index needs the marker {marker} where the checklists and their ZIP are listed")
        for marker in (LIST_MARKER, BUNDLE_MARKER)
        if marker not in text
    ]


def remembered_checklist_markdown(markdown: str, checklist: Checklist, downloads: list[Download], page_path: str,
                                  example_fields: list[ExampleField] | None = None) -> RenderedChecklist:
    """render_checklist_markdown, remembered between builds: the same page, checklist, own downloads
    (the only ones it shows) and examples, with the same code and templates, make the same blocks."""
    examples = repr(example_fields) if example_fields is not None and EXAMPLES_MARKER in markdown else ""
    own = sorted(_by_format(downloads, checklist).items())
    key = [markdown, repr(checklist), repr(own), page_path, examples, cache.source_of(*sorted(TEMPLATES.iterdir()))]
    return cache.cached_value("checklist-pages", key,
                              lambda: render_checklist_markdown(markdown, checklist, downloads, page_path, example_fields))
