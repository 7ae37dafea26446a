"""Fillable, tagged PDF of a checklist (WeasyPrint turns the HTML inputs into PDF form fields)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from .. import cache
from ..font_tables import quiet_dropped_tables
from . import form_font, pdf_form, strings
from .model import Checklist, FieldTable, Item, Section, TextField

TEMPLATES = Path(__file__).parent / "templates"
# Debian package fonts-liberation for the printed text (metric-compatible with Arial); what people
# type is set in form_font.py's font, which WeasyPrint embeds whole.
FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
FONTS = {"regular": FONT_DIR / "LiberationSans-Regular.ttf", "bold": FONT_DIR / "LiberationSans-Bold.ttf"}

_html = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
_css = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=False)


class Run(NamedTuple):
    kind: str  # "items" (check boxes), "fields" (labelled text fields) or "table"
    blocks: list


def runs(blocks) -> list[Run]:
    """A section's blocks grouped for printing: consecutive items form one list, a table stands alone."""
    grouped: list[Run] = []
    for block in blocks:
        kind = "items" if isinstance(block, Item) else "fields" if isinstance(block, TextField) else "table"
        if grouped and grouped[-1].kind == kind and kind != "table":
            grouped[-1].blocks.append(block)
        else:
            grouped.append(Run(kind, [block]))
    return grouped


_html.filters["runs"] = runs

# A section of at most this many blocks prints whole (checklist-pdf.css, .section--whole), moving
# to the next page if need be: with two blocks kept on each side of a break, it could only break
# in its middle, and it is short (216 pt at most today, under a third of the text area). Any longer
# section breaks between its blocks instead of leaving the foot of a page blank.
WHOLE_SECTION_BLOCKS = 4


def printed_blocks(section: Section, notes_boxes: int) -> int:
    """A section's blocks: items, text fields, table rows, and its notes boxes (as tall as a few items)."""
    return sum(len(block.rows) if isinstance(block, FieldTable) else 1 for block in section.blocks) + notes_boxes


def whole_sections(checklist: Checklist) -> set[int]:
    """The indexes of the sections short enough to print whole. The closing notes box counts as a
    block of the last section: it never starts a page alone, so it moves with that section."""
    closing = "notes" in checklist.fields
    last = len(checklist.sections) - 1
    whole = set()
    for index, section in enumerate(checklist.sections):
        notes_boxes = bool(checklist.section_notes_for(section)) + (closing and index == last)
        if printed_blocks(section, notes_boxes) <= WHOLE_SECTION_BLOCKS:
            whole.add(index)
    return whole


def css_string(value: str) -> str:
    """Text safe inside a CSS double-quoted string within <style> (no quote, backslash or tag)."""
    return re.sub(r'[\\"<>\n]', lambda m: f"\\{ord(m.group(0)):x} ", value)


def text_fonts() -> dict[str, Path]:
    missing = [str(path) for path in FONTS.values() if not path.exists()]
    if missing:
        raise RuntimeError(
            f"font file(s) missing: {', '.join(missing)}; install the Debian package fonts-liberation "
            "(scripts/setup.sh does it)"
        )
    return FONTS


def font_files() -> dict[str, Path]:
    return {**text_fonts(), "field": form_font.field_font()}


def font_identity() -> str:
    """Part of the cache key: a different font file makes a different PDF."""
    return ";".join(f"{path}:{cache.file_identity(path)}" for path in text_fonts().values()) + ";" + form_font.identity()


def template_sources() -> str:
    return cache.source_of(TEMPLATES / "checklist-pdf.html", TEMPLATES / "checklist-pdf.css")


def render_html(checklist: Checklist, publisher: str) -> str:
    lang = checklist.lang
    page_before, page_middle, page_after = strings.page_number_parts(lang)
    css = _css.get_template("checklist-pdf.css").render(
        fonts={name: path.as_uri() for name, path in font_files().items()},
        page_before=css_string(page_before),
        page_middle=css_string(page_middle),
        page_after=css_string(page_after),
    )
    line_fields = [
        {"name": name, "label": strings.text(lang, f"field.{name}")} for name in checklist.fields if name != "notes"
    ]
    return _html.get_template("checklist-pdf.html").render(
        locale=strings.locale(lang),
        checklist=checklist,
        publisher=publisher,
        css=Markup(css),
        line_fields=line_fields,
        footer_lines=checklist.footer_lines(publisher),
        sections=checklist.sections,
        whole_sections=whole_sections(checklist),
        section_notes=checklist.section_notes,
        notes_label=strings.text(lang, "field.notes") if "notes" in checklist.fields else None,
    )


def write_pdf(checklist: Checklist, publisher: str, target: Path) -> None:
    """Write the fillable PDF: one check box per item, text fields, PDF/UA-1 tagging, metadata."""
    from weasyprint import HTML  # imported late: slow to import, and only needed on a cache miss

    quiet_dropped_tables()
    html = render_html(checklist, publisher)
    HTML(string=html, base_url=str(TEMPLATES)).write_pdf(
        target,
        pdf_forms=True,
        pdf_variant="pdf/ua-1",
        uncompressed_pdf=False,
        finisher=pdf_form.finisher(pdf_form.spoken_names(html)),
    )
