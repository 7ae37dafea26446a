"""The build's output leaves out fontTools' warning about a font table it drops while cutting a font
(it printed as an unlabelled line that editors took for an error), and keeps every other warning."""

from __future__ import annotations

import logging

from wilguide.font_tables import quiet_dropped_tables


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_only_the_dropped_table_warning_is_left_out():
    logger = logging.getLogger("fontTools.subset")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        quiet_dropped_tables()
        quiet_dropped_tables()  # the guide and the checklists each ask
        logger.warning("%s NOT subset; don't know how to subset; dropped", "FFTM")
        logger.warning("%s NOT subset; don't know how to subset", "XYZW")
        logger.error("cmap subtable is malformed")
    finally:
        logger.removeHandler(collect)
    assert collect.messages == ["XYZW NOT subset; don't know how to subset", "cmap subtable is malformed"]
    assert len(logger.filters) == 1
