"""Typeset the guide's HTML document into a tagged PDF with WeasyPrint: one render per language."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"  # tagged PDF, with title, language and alt texts (PDF/UA)


class TypesetError(RuntimeError):
    """WeasyPrint warned: something would print wrong (missing anchor, image, unsupported CSS)."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _warnings_of(logger_name: str):
    logger = logging.getLogger(logger_name)
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False  # reported once, as one clear error
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def typeset(document: str, stylesheet: str, target: Path) -> None:
    """Write ``document`` as a PDF; any WeasyPrint warning is an error, so nothing prints half-right.

    Only file: and data: addresses are fetched: the build never reaches out to the network, and an
    image that is not a local file fails the build instead of silently vanishing.
    """
    # Imported here: WeasyPrint takes longer to import than a whole rebuild of the site takes, and
    # it is only needed when the cache has no PDF for this content.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    fonts = FontConfiguration()
    with _warnings_of("weasyprint") as warnings:
        css = CSS(string=stylesheet, font_config=fonts, url_fetcher=fetcher)
        HTML(string=document, base_url=str(Path.cwd()), url_fetcher=fetcher).write_pdf(
            target,
            stylesheets=[css],
            font_config=fonts,
            pdf_variant=PDF_VARIANT,
            optimize_images=True,
        )
    if warnings:
        raise TypesetError("WeasyPrint could not typeset the guide as written:\n  " + "\n  ".join(warnings))
