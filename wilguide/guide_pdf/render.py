"""Typeset the guide's HTML document into a tagged PDF with WeasyPrint, laid out again until every
page reference prints the page its target is on (usually twice, once when a guess is right) and
once more when a chapter is newly set tighter (page_fill.py)."""

from __future__ import annotations

import gc
import logging
import re
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from ..font_tables import quiet_dropped_tables
from . import page_fill
from .part_languages import tagged_with_part_languages

PDF_VARIANT = "pdf/ua-1"  # tagged PDF, with title, language and alt texts (PDF/UA)


class Layout(NamedTuple):
    """What the last layout of a typeset document gave: its page count and each referenced anchor's page."""

    pages: int
    anchors: dict[str, int]
    tightened: tuple[str, ...] = ()  # the chapters set tighter so that no page holds only their last lines


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


# Every cross-reference (a contents line, a "(p. 24)" after a link) carries data-target="#id"; the
# page it prints is the data-page attribute this module writes. WeasyPrint's target-counter() is not
# used: version 70 can leave a number one pass stale when a page break moves late in the layout.
REFERENCE = re.compile(r'data-target="#([^"]+)"')
FIRST_GUESS = "00"  # the width of a typical page number, so the first layout breaks lines as the last
MAX_LAYOUTS = 5  # a first guess, tighter chapters, up to three settling page numbers


def _hyphenate_canadian_english_as_american() -> None:
    """Pyphen has no en_CA patterns and falls back from en-CA to British ones ("re-commend",
    "Ott-awa"); Canadian dictionaries break words as American ones do ("rec-om-mend")."""
    import pyphen

    pyphen.LANGUAGES_LOWERCASE.setdefault("en_ca", "en_US")


@contextmanager
def _lines_filled_before_elements():
    """WeasyPrint 70 sets a line of one word when a run of text before an element (a link, an
    abbreviation, a name kept whole) fits the rest of the line only without its last space: it
    counts the space that Pango lets hang past the margin, takes the run for one that cannot be
    broken and keeps its first word ("cés" alone after "finan-", "savoir." alone before
    "Remerciez": about one page in forty of the French guide). While the guide is typeset, such a
    run is laid out again:

    - a space hangs at the end of a line (CSS Text 3): the run fits when its words do;
    - a no-break space does not (« before a name): the run breaks before the word it ends, as if
      something followed that space on the line.

    Only for the guide: the checklists' PDFs, typeset by the same worker processes, keep
    WeasyPrint as it is (their cache does not know this code)."""
    from weasyprint.layout import inline

    split_first_line = inline.split_first_line

    def fill(text, style, context, max_width, *args, **kwargs):
        result = split_first_line(text, style, context, max_width, *args, **kwargs)
        words = text.rstrip(" ")
        # The defect keeps one word: a line more than half full is left as it is, at no extra cost.
        if result[2] is None or max_width is None or result[3] > max_width / 2 or not words.strip():
            return result
        if words != text and split_first_line(words, style, context, max_width, *args, **kwargs)[2] is None:
            return split_first_line(text, style, context, None, *args, **kwargs)
        if words[-1] in "\u00a0\u202f":
            probe = split_first_line(words + "\u2060", style, context, max_width, *args, **kwargs)
            if probe[2] is not None and probe[1] > result[1]:
                return probe
        return result

    inline.split_first_line = fill
    try:
        yield
    finally:
        inline.split_first_line = split_first_line


@contextmanager
def _names_printed_whole(names: frozenset[str]):
    """While the guide is typeset, the hyphenation dictionaries WeasyPrint asks for offer no break
    inside a name (assemble.names_printed_whole). WeasyPrint hands them one word at a time, cut at
    hyphens and apostrophes ("Université" of "l’Université"). Each name used to sit in a span of
    its own that set hyphens: manual: about 3,000 inline elements per language, which made each
    layout about 30 % slower (17 s instead of 13 s for the French guide)."""
    import pyphen

    if not names:
        yield
        return

    original = pyphen.Pyphen

    class NamesWhole(original):
        def iterate(self, word):
            if word in names:
                return iter(())
            return super().iterate(word)

    pyphen.Pyphen = NamesWhole  # WeasyPrint makes each layout's dictionaries through this name
    try:
        yield
    finally:
        pyphen.Pyphen = original


@contextmanager
def _page_references_made_once():
    """pydyf 0.13 makes the tuple of every page's reference each time it is read, and WeasyPrint
    reads it once for each element of the structure tree: a tuple of 200 references made some
    30,000 times, about a fifth of writing a guide. While the guide is written, the tuple is made
    again only when a page was added since."""
    import pydyf

    made_each_time = pydyf.PDF.page_references

    def page_references(pdf):
        pages = len(pdf.pages["Kids"])  # three items per page, appended as each page is added
        made = pdf.__dict__.get("_page_references_made")
        if made is None or made[0] != pages:
            made = pdf.__dict__["_page_references_made"] = (pages, made_each_time.fget(pdf))
        return made[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = made_each_time


# Objects made before Python's collector looks at the youngest ones while the guide is typeset (700
# otherwise): see _fewer_collections.
YOUNGEST_COLLECTED_AFTER = 50_000


@contextmanager
def _fewer_collections():
    """A layout makes millions of objects that live as long as it does. Run after every 700 new
    objects, Python's collector moved them up its generations until it walked the whole layout
    again and again (23 full collections for the French guide): 39 s of CPU instead of 32 s. While
    the guide is typeset, the youngest objects are looked at after 50,000 new ones instead. The
    peak memory stays the same (about 550 MiB); turning the collector off would save 2 s more
    but keep each layout's garbage until the end (about 800 MiB)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNGEST_COLLECTED_AFTER, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def with_page_numbers(document: str, pages: dict[str, int]) -> str:
    """``document`` with data-page="N" on each reference: its target's page, or the first guess."""
    return REFERENCE.sub(lambda m: f'{m.group(0)} data-page="{pages.get(m.group(1), FIRST_GUESS)}"', document)


def typeset(
    document: str, stylesheet: str, target: Path, first_guess: dict[str, int] | None = None, names: frozenset[str] = frozenset()
) -> Layout:
    """Write ``document`` as a PDF; any WeasyPrint warning is an error, so nothing prints half-right.

    Only file: and data: addresses are fetched: the build never reaches out to the network, and an
    image that is not a local file fails the build instead of silently vanishing.

    ``first_guess`` (each anchor's page in an earlier edition) seeds the first layout: when no page
    break moved, one layout is enough. ``names`` are never hyphenated (assemble.names_printed_whole).
    Returns the page count and each referenced anchor's page (to seed the next one).
    """
    # Imported here: WeasyPrint takes longer to import than a whole rebuild of the site takes, and
    # it is only needed when the cache has no PDF for this content.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    quiet_dropped_tables()
    _hyphenate_canadian_english_as_american()
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    fonts = FontConfiguration()
    targets = set(REFERENCE.findall(document))
    pages: dict[str, int] = dict(first_guess or {})
    with _warnings_of("weasyprint") as warnings, _lines_filled_before_elements(), _names_printed_whole(names), _fewer_collections():
        css = CSS(string=stylesheet, font_config=fonts, url_fetcher=fetcher)

        def lay_out_alone(html: str):
            """A chapter laid out on its own, to weigh it: nothing is written, nothing reported."""
            logger = logging.getLogger("weasyprint")
            disabled, logger.disabled = logger.disabled, True
            try:
                alone = HTML(string=with_page_numbers(html, {}), base_url=str(Path.cwd()), url_fetcher=fetcher)
                return alone.render(stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT).pages
            finally:
                logger.disabled = disabled

        fitting = page_fill.Fitting(document, lay_out_alone, [stylesheet, version("weasyprint")])
        # Lay out with the page numbers of the previous layout until every reference prints the
        # page its target lands on (two layouts, unless a number's width moves a page break), and
        # once more if a chapter is newly set tighter (page_fill.py).
        for _ in range(MAX_LAYOUTS):
            laid_out = with_page_numbers(fitting.document, pages)
            html = HTML(string=laid_out, base_url=str(Path.cwd()), url_fetcher=fetcher)
            rendered = html.render(stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT, optimize_images=True)
            found = page_fill.anchor_pages(rendered.pages)
            missing = sorted(targets - found.keys())
            if missing:
                warnings.append(f"links to sections that are not in the guide: #{', #'.join(missing)}")
                break
            placed = {anchor: found[anchor] for anchor in targets}
            settled = all(pages.get(anchor) == page for anchor, page in placed.items())
            pages = placed
            if fitting.refit(rendered.pages):
                pages = fitting.predicted_pages(placed)  # often right: then one more layout is the last
                continue
            if settled:
                break
        else:
            warnings.append(f"the page numbers of cross-references still moved after {MAX_LAYOUTS} layouts")
        if not warnings:
            with tagged_with_part_languages(), _page_references_made_once():
                rendered.write_pdf(target, pdf_variant=PDF_VARIANT, optimize_images=True)
    if warnings:
        raise TypesetError("WeasyPrint could not typeset the guide as written:\n  " + "\n  ".join(warnings))
    return Layout(len(rendered.pages), placed, tuple(sorted(fitting.levels)))
