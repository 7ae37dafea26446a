"""The language of each passage in another language, in the guide PDF's structure tree.

A screen reader reads a tagged PDF in the language of the document (/Lang in the catalogue) unless a
structure element says otherwise. WeasyPrint 70 writes the document's language but not that of the
elements marked lang="…" (the French names of Quebec's laws in the English guide, the English names
in the French one), so they would be read with the wrong voice (WCAG 3.1.2, language of parts).
WeasyPrint builds each element's structure entry in ``weasyprint.pdf.tags._build_box_tree``; while a
PDF is written, that function is wrapped so that each entry made for an element with a lang
attribute carries it as /Lang.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator


@contextmanager
def tagged_with_part_languages() -> Iterator[None]:
    import pydyf
    from weasyprint.pdf import tags

    build = tags._build_box_tree
    if getattr(build, "adds_part_languages", False):  # already wrapped (nested or parallel use)
        yield
        return

    def build_with_languages(box, parent, *rest):
        language = None if box.element is None or box.element_tag in ("html", "body") else box.element.get("lang")
        for element in build(box, parent, *rest):
            # html and body yield their children's entries: those carry their own languages.
            if language and "Lang" not in element:
                element["Lang"] = pydyf.String(language)
            yield element

    build_with_languages.adds_part_languages = True
    tags._build_box_tree = build_with_languages  # the function calls itself through this name
    try:
        yield
    finally:
        tags._build_box_tree = build
