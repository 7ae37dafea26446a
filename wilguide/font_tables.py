"""fontTools, which WeasyPrint uses to cut fonts down to the letters a PDF uses, warns about each
font table it cannot cut and leaves out (FontForge's FFTM timestamp, for one). No letter a reader
sees depends on those tables, and the warning printed as an unlabelled line among the build's
messages, where editors took it for an error. Every other fontTools warning still shows."""

from __future__ import annotations

import logging

DROPPED_TABLE = "don't know how to subset; dropped"


class _DroppedTables(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return DROPPED_TABLE not in record.getMessage()


_FILTER = _DroppedTables()


def quiet_dropped_tables() -> None:
    """Leave the dropped-table warnings out of the output (once, however often it is called)."""
    logger = logging.getLogger("fontTools.subset")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
