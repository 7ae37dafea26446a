"""A PDF's pages read back with pypdf: each page's text, the text of its body (running headers and
footers left out), where each piece of text is drawn, the text of each marked-content sequence
(what the structure tree's elements point to), its links to other places in the PDF and the raster
images it paints; and the document's bookmarks. Reading a 120-page guide takes seconds (pypdf
parses every content stream in Python), so the tests read each guide once per run (the
``pdf_document`` and ``pdf_pages`` fixtures in conftest.py). A test that needs only
the text or the document's information asks Poppler instead (``poppler_text``, ``poppler_info``)."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pypdf

# The text area of a printed page (Letter, 0.85 in top and bottom margins, in PDF points from the
# bottom): running headers and footers sit outside it and would split a paragraph that turns the page.
BODY_BOTTOM, BODY_TOP = 0.85 * 72, 792 - 0.85 * 72


@dataclass(frozen=True)
class PdfPage:
    text: str  # the page's whole text
    body: str  # the text of its text area, in drawing order
    images: int  # raster images painted
    runs: list  # [x, y, text] of each piece of text drawn, in drawing order (points from the bottom left)
    links: list  # [left, bottom, right, top, name] of each link to a named place in the same PDF
    # The text drawn inside each marked-content sequence, by its MCID (as a string: the record is JSON).
    marked: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PdfDocument:
    pages: list  # PdfPage
    outline: list  # [title, page index, depth] of every bookmark, depth 0 for the top level


def extract_document(path: Path) -> PdfDocument:
    reader = pypdf.PdfReader(path)
    return PdfDocument(extract_pages(reader), outline_of(reader))


def outline_of(reader: pypdf.PdfReader, items=None, depth: int = 0) -> list:
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found += outline_of(reader, item, depth + 1)
        else:
            found.append([" ".join(item.title.split()), reader.get_destination_page_number(item), depth])
    return found


def extract_pages(pdf: Path | pypdf.PdfReader) -> list[PdfPage]:
    """Each page's text, body and painted images (`Do` operators whose XObject is an image;
    WeasyPrint lists an image in the resources of every page but paints it once, and draws SVG as
    paths, not XObjects)."""
    pages = []
    for page in (pdf if isinstance(pdf, pypdf.PdfReader) else pypdf.PdfReader(pdf)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        body, images, runs = [], [], []
        marks: list = []  # the MCID of each open marked-content sequence (None for one without)
        marked: dict[str, str] = defaultdict(str)

        def keep(text, cm, tm, font, size):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if BODY_BOTTOM < y < BODY_TOP:
                body.append(text)
            if text.strip():
                runs.append([x, y, text])
            mcid = next((mark for mark in reversed(marks) if mark is not None), None)
            if mcid is not None:
                marked[str(mcid)] += text

        def paint(operator, operands, cm, tm):
            if operator == b"Do" and operands and operands[0] in xobjects:
                images.append(xobjects[operands[0]].get_object().get("/Subtype") == "/Image")
            elif operator == b"BDC":
                properties = operands[1] if len(operands) > 1 else None
                marks.append(properties.get("/MCID") if hasattr(properties, "get") else None)
            elif operator == b"BMC":
                marks.append(None)
            elif operator == b"EMC" and marks:
                marks.pop()

        text = page.extract_text(visitor_text=keep, visitor_operand_before=paint)
        links = []
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                x0, y0, x1, y1 = (float(value) for value in annotation["/Rect"])
                links.append([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), str(annotation["/Dest"])])
        pages.append(PdfPage(text, "".join(body), sum(images), runs, links, dict(marked)))
    return pages


def drawn_text(pdf_page) -> list[tuple[float, str]]:
    """(height above the foot of the sheet in points, text) of each piece of text a page draws."""
    drawn = []

    def keep(text, cm, tm, font, size):
        if text.strip():
            drawn.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    pdf_page.extract_text(visitor_text=keep)
    return drawn


def image_draws(path: Path) -> int:
    """Raster images painted in a PDF."""
    return sum(page.images for page in extract_pages(path))


def poppler_text(path: Path, *options: str) -> str:
    """The PDF's text as Poppler's pdftotext reads it (``-layout`` keeps a hyphen at a line's end).
    Seconds for a whole guide, where pypdf needs about 25: it parses the guide's one object stream.
    ``-bbox`` and ``-bbox-layout`` give each word's and line's box, as XHTML."""
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, encoding="utf-8", check=True, timeout=300).stdout


def poppler_info(path: Path) -> dict[str, str]:
    """What Poppler's pdfinfo says of the PDF: Title, Subject, Author, Keywords, Pages…"""
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    return {match[1]: match[2] for match in re.finditer(r"^([^:\n]+):[ \t]*(.*?)[ \t]*$", info, re.M)}
