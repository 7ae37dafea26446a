"""A PDF's pages read back with pypdf: each page's text, the text of its body (running headers and
footers left out), where each piece of text is drawn, its links to other places in the PDF and the
raster images it paints. Reading a 120-page guide takes seconds, so the
tests read each guide once per run (the ``pdf_pages`` fixture in conftest.py). A test that needs only
the text or the document's information asks Poppler instead (``poppler_text``, ``poppler_info``)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
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


def extract_pages(path: Path) -> list[PdfPage]:
    """Each page's text, body and painted images (`Do` operators whose XObject is an image;
    WeasyPrint lists an image in the resources of every page but paints it once, and draws SVG as
    paths, not XObjects)."""
    pages = []
    for page in pypdf.PdfReader(path).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        body, images, runs = [], [], []

        def keep(text, cm, tm, font, size):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if BODY_BOTTOM < y < BODY_TOP:
                body.append(text)
            if text.strip():
                runs.append([x, y, text])

        def paint(operator, operands, cm, tm):
            if operator == b"Do" and operands and operands[0] in xobjects:
                images.append(xobjects[operands[0]].get_object().get("/Subtype") == "/Image")

        text = page.extract_text(visitor_text=keep, visitor_operand_before=paint)
        links = []
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                x0, y0, x1, y1 = (float(value) for value in annotation["/Rect"])
                links.append([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), str(annotation["/Dest"])])
        pages.append(PdfPage(text, "".join(body), sum(images), runs, links))
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
    Seconds for a whole guide, where pypdf needs about 25: it parses the guide's one object stream."""
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True, timeout=120).stdout


def poppler_info(path: Path) -> dict[str, str]:
    """What Poppler's pdfinfo says of the PDF: Title, Subject, Author, Keywords, Pages…"""
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True, timeout=60).stdout
    return {match[1]: match[2] for match in re.finditer(r"^([^:\n]+):[ \t]*(.*?)[ \t]*$", info, re.M)}
