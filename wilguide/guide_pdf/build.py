"""The guide PDF of one language: arrange the pages, assemble, typeset once, cache by content."""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

import weasyprint

from .. import cache
from ..findings import ContentError
from . import assemble, contents, fonts, labels, render
from .assemble import Edition
from .contents import Chapter

STYLESHEET = Path(__file__).resolve().parent / "guide.css"
SKIP_VARIABLE = "WILGUIDE_SKIP_GUIDE_PDF"
_FILE_URI = re.compile(r'src="(file://[^"]+)"')


@dataclass(frozen=True)
class GuidePdf:
    path: Path  # the cached PDF
    day: date  # the edition date printed on the cover
    size: int
    seconds: float | None  # typesetting time, None when the cache already had this edition


def skip_reason(command: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """Why the PDF is not built, or None. Only `mkdocs serve` may skip it: a build always has it."""
    if command == "serve" and environ.get(SKIP_VARIABLE, "").strip().lower() not in ("", "0", "false", "no"):
        return f"{SKIP_VARIABLE}={environ[SKIP_VARIABLE]}"
    return None


def file_name(site_name: str) -> str:
    """guide-de-mentorat-en-ait.pdf: the guide's name, readable once saved on a reader's disk."""
    from unicodedata import normalize

    ascii_name = normalize("NFKD", site_name).encode("ascii", "ignore").decode().lower()
    return (re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "guide") + ".pdf"


def _edition_day(key: list[str | bytes]) -> date:
    """The day this content was first typeset; SOURCE_DATE_EPOCH sets it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")

    def produce(path: Path) -> None:
        today = datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()
        path.write_text(today.isoformat(), encoding="utf-8")

    stored = cache.cached_file("guide-pdf-edition", [*key, "edition-day", epoch], ".txt", produce)
    return date.fromisoformat(stored.read_text(encoding="utf-8").strip())


def _images(document: str) -> list[bytes]:
    """The bytes of every image the document embeds: a changed image makes a new edition."""
    paths = sorted({unquote(urlsplit(uri).path) for uri in _FILE_URI.findall(document)})
    return [path.encode() + Path(path).read_bytes() for path in paths]


def make_guide_pdf(chapters: list[Chapter], edition: Edition, assets: Mapping[str, Path]) -> GuidePdf:
    """The PDF of one language, typeset only when the pages, settings, stylesheet or code changed.

    ``chapters`` are the pages in navigation order; ``edition.day`` is ignored (the cache decides it);
    ``assets`` maps site paths (``assets/images/logo.svg``) to the files images are read from.
    Raises ContentError when a page cannot print well, fonts.MissingFonts, render.TypesetError.
    """
    words = labels.labels(edition.lang)
    parts = contents.arrange(chapters, words["appendix"])
    font_files = fonts.font_files()
    stylesheet = fonts.font_face_css(font_files) + "\n" + STYLESHEET.read_text(encoding="utf-8")
    undated, problems = assemble.build_document(parts, replace(edition, day=date.min), assets)
    if problems:
        raise ContentError(problems)
    key = [
        undated,
        stylesheet,
        fonts.fonts_identity(font_files),
        *_images(undated),
        cache.source_of(assemble, contents, fonts, labels, render, sys.modules[__name__]),
        (assemble.TEMPLATES / "document.html").read_text(encoding="utf-8"),
        weasyprint.__version__,
    ]
    day = _edition_day(key)
    document, _ = assemble.build_document(parts, replace(edition, day=day), assets)
    timing: dict[str, float] = {}

    def produce(path: Path) -> None:
        start = time.perf_counter()
        render.typeset(document, stylesheet, path)
        timing["seconds"] = time.perf_counter() - start

    pdf = cache.cached_file("guide-pdf", [*key, day.isoformat()], ".pdf", produce)
    return GuidePdf(pdf, day, pdf.stat().st_size, timing.get("seconds"))
