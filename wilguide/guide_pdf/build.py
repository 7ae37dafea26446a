"""The guide PDF of one language: arrange the pages, assemble, typeset once, cache by content."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Mapping

from .. import cache, site_address
from ..file_names import file_stem
from ..findings import ContentError
from . import assemble, contents, fonts, labels, page_fill, part_languages, render
from .assemble import Edition
from .contents import Chapter

STYLESHEET = Path(__file__).resolve().parent / "guide.css"
SKIP_VARIABLE = "WILGUIDE_SKIP_GUIDE_PDF"
IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp"}


@dataclass(frozen=True)
class GuidePdf:
    path: Path  # the cached PDF
    day: date  # the edition date printed on the cover
    size: int
    seconds: float | None  # typesetting time, None when the cache already had this edition
    pages: int | None = None  # the page count, for readers about to print; None if not known
    tightened: tuple[str, ...] = ()  # chapters set tighter in this typesetting (page_fill.py)


def skip_reason(command: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """Why the PDF is not built, or None. Only `mkdocs serve` may skip it: a build always has it."""
    if command == "serve" and environ.get(SKIP_VARIABLE, "").strip().lower() not in ("", "0", "false", "no"):
        return f"{SKIP_VARIABLE}={environ[SKIP_VARIABLE]}"
    return None


def file_name(site_name: str) -> str:
    """guide-de-mentorat-en-ait.pdf: the guide's name, readable once saved on a reader's disk."""
    return file_stem(site_name, "guide") + ".pdf"


def _edition_day(key: list[str | bytes]) -> date:
    """The day this content was first typeset; SOURCE_DATE_EPOCH sets it for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")

    def produce(path: Path) -> None:
        today = datetime.fromtimestamp(int(epoch), timezone.utc).date() if epoch else date.today()
        path.write_text(today.isoformat(), encoding="utf-8")

    stored = cache.cached_file("guide-pdf-edition", [*key, "edition-day", epoch], ".txt", produce)
    return date.fromisoformat(stored.read_text(encoding="utf-8").strip())


def _field_values(item) -> tuple:
    """A dataclass's field values (dataclasses.astuple deep-copies the pages' HTML: slow)."""
    return tuple(getattr(item, field.name) for field in fields(item))


def _inputs(chapters: list[Chapter], edition: Edition, assets: Mapping[str, Path]) -> list[str | bytes]:
    """What the document is made from, read without assembling it: a rebuild with nothing changed
    then costs a hash, not an assembly. Links to site files depend only on which files exist; the
    images are embedded, so their bytes count (a changed image makes a new edition), not where the
    project sits on disk (a copy of the project reuses the cache)."""
    # Pages the PDF leaves out (the editors' translation status changes with every edit) are not inputs.
    pages = [str(field) for chapter in chapters if chapter.src_path not in contents.LEFT_OUT for field in _field_values(chapter)]
    images = [
        f"{uri}=".encode() + Path(path).read_bytes()
        for uri, path in sorted(assets.items())
        if Path(uri).suffix.lower() in IMAGE_SUFFIXES
    ]
    return [*pages, repr(replace(edition, day=date.min)), "\n".join(sorted(assets)), *images]


@dataclass(frozen=True)
class GuideJob:
    """Everything one language's PDF is made from: picklable, so a worker process can typeset it."""

    chapters: list[Chapter]
    edition: Edition  # with the edition day the cache decided
    assets: Mapping[str, Path]
    stylesheet: str
    key: list[str | bytes]  # the PDF's cache key, the day included

    @property
    def lang(self) -> str:
        return self.edition.lang

    @property
    def path(self) -> Path:
        """Where the cache keeps (or will keep) this PDF."""
        return cache.cached_path("guide-pdf", self.key, ".pdf")

    @property
    def page_count_path(self) -> Path:
        """Where the cache keeps the PDF's page count, written when it is typeset."""
        return cache.cached_path("guide-pdf-pages", self.key, ".txt")

    def cached(self) -> GuidePdf | None:
        """The PDF when the cache already has it (no typesetting, no WeasyPrint import)."""
        path = self.path
        return GuidePdf(path, self.edition.day, path.stat().st_size, None, _page_count(self.page_count_path)) if path.exists() else None


def _page_count(path: Path) -> int | None:
    try:
        return int(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def plan_guide_pdf(chapters: list[Chapter], edition: Edition, assets: Mapping[str, Path]) -> GuideJob:
    """The job for one language's PDF: cheap (hashes, no assembly, no WeasyPrint).

    ``chapters`` are the pages in navigation order; ``edition.day`` is ignored (the cache decides it);
    ``assets`` maps site paths (``assets/images/logo.svg``) to the files images are read from.
    """
    font_files = fonts.font_files()
    stylesheet = fonts.font_face_css(font_files) + "\n" + STYLESHEET.read_text(encoding="utf-8")
    key = [
        *_inputs(chapters, edition, assets),
        stylesheet,
        fonts.fonts_identity(font_files),
        cache.source_of(assemble, contents, fonts, labels, page_fill, part_languages, render, site_address, sys.modules[__name__]),
        *(template.read_text(encoding="utf-8") for template in sorted(assemble.TEMPLATES.iterdir())),
        version("weasyprint"),  # not imported: see render.typeset
    ]
    day = _edition_day(key)
    return GuideJob(list(chapters), replace(edition, day=day), dict(assets), stylesheet, [*key, day.isoformat()])


def typeset_guide_pdf(job: GuideJob) -> GuidePdf:
    """Typeset the job's PDF into the cache (in this process or a worker's).

    Raises ContentError when a page cannot print well, fonts.MissingFonts, render.TypesetError.
    """
    timing: dict[str, float] = {}
    tightened: list[str] = []

    def produce(path: Path) -> None:
        # Assembled only on a cache miss. A PDF is cached only when its document had no problem,
        # so a cache hit means these same inputs printed well.
        parts = contents.arrange(job.chapters, labels.labels(job.lang)["appendix"])
        document, problems, names = assemble.build_document(parts, job.edition, job.assets)
        if problems:
            raise ContentError(problems)
        start = time.perf_counter()
        numbers = cache.cached_path("guide-page-numbers", [job.lang], ".json")
        layout = render.typeset(document, job.stylesheet, path, _page_numbers(numbers), names)
        _save_page_numbers(numbers, layout.anchors)
        _write_atomically(job.page_count_path, str(layout.pages))
        timing["seconds"] = time.perf_counter() - start
        tightened.extend(layout.tightened)

    pdf = cache.cached_file("guide-pdf", job.key, ".pdf", produce)
    return GuidePdf(pdf, job.edition.day, pdf.stat().st_size, timing.get("seconds"), _page_count(job.page_count_path), tuple(tightened))


def _page_numbers(path: Path) -> dict[str, int]:
    """The anchors' pages in the language's last typeset guide: a first guess, checked by render."""
    try:
        numbers = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return numbers if isinstance(numbers, dict) else {}


def _save_page_numbers(path: Path, numbers: dict[str, int]) -> None:
    _write_atomically(path, json.dumps(numbers, sort_keys=True))


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.part")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)  # atomic: a preview's background typesetting may read it meanwhile


def make_guide_pdf(chapters: list[Chapter], edition: Edition, assets: Mapping[str, Path]) -> GuidePdf:
    """The PDF of one language, typeset only when the pages, settings, stylesheet or code changed.

    Raises ContentError when a page cannot print well, fonts.MissingFonts, render.TypesetError.
    """
    job = plan_guide_pdf(chapters, edition, assets)
    return job.cached() or typeset_guide_pdf(job)
