"""The whole guide as one typeset PDF per language, made from the pages MkDocs rendered.

- ``contents``: which pages, in which order (the toolkit becomes an appendix);
- ``assemble``: one print-ready HTML document (IDs prefixed per page, links made internal);
- ``render``: WeasyPrint, tagged PDF (PDF/UA-1), fonts from Debian packages (``fonts``);
- ``build``: the cached result for one language; ``downloads``: the downloads page's table.
"""

from .assemble import Edition
from .build import SKIP_VARIABLE, GuideJob, GuidePdf, file_name, make_guide_pdf, plan_guide_pdf, skip_reason, typeset_guide_pdf
from .contents import Chapter
from .downloads import MARKER, Download, OtherLanguagePage, checklist_rows, guide_row, insert_downloads, render_downloads

__all__ = [
    "Chapter",
    "Download",
    "Edition",
    "GuideJob",
    "GuidePdf",
    "MARKER",
    "OtherLanguagePage",
    "SKIP_VARIABLE",
    "checklist_rows",
    "file_name",
    "guide_row",
    "insert_downloads",
    "make_guide_pdf",
    "plan_guide_pdf",
    "render_downloads",
    "skip_reason",
    "typeset_guide_pdf",
]
