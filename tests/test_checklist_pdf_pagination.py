"""Checklist and template PDFs use their pages as a printed form should: a section that does not fit
what is left of a page starts there and goes on over the page, instead of jumping to the next page
and leaving the foot of this one blank; and a heading never ends a page apart from its items.

The French "first week" checklist printed on three pages where the English one takes two: its
seven-item section jumped to page 2 and left half of page 1 empty.

Each PDF is made as the build makes it (no site is built) and read back with pypdf: where each
section heading is (the only text set at 12.5 pt), where each block a page break may fall between
is (a check box, a text field, a row of a table's fields, a notes box: its form fields), and how
low each page's text goes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.config import load_config
from pypdf import PdfReader

from conftest import SITE_URL
from wilguide.checklists import file_settings, load_all
from wilguide.checklists.downloads import with_settings
from wilguide.checklists.pdf import write_pdf

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["fr", "en"]
EVERY = load_all(ROOT / "docs", LANGS)  # the checklists and the templates
CASES = [(lang, slug) for lang in LANGS for slug in EVERY[lang]]

# The text area of a US Letter page less the sheets' margins (0.65 in at the top, 0.75 in at the
# foot, where the footer is), in PDF points from the bottom of the page.
TEXT_TOP, TEXT_BOTTOM = 792 - 0.65 * 72, 0.75 * 72
TEXT_AREA = TEXT_TOP - TEXT_BOTTOM
# A blank at the foot of a page (the last one excepted) larger than a quarter of the text area
# (173 pt) is a defect when what the next page starts with would have fitted in it. Measured on
# every file, both languages: before sections could break, the pages whose next content would have
# fitted were 26 % to 57 % blank (50 % on page 1 of the French "first week"; a third of the text
# area would have let the 26 % and 33 % ones pass); once they break, no page but the last is more
# than 22 % blank.
LARGE_BLANK = TEXT_AREA / 4
# The room the next page's start needs on the page before is more than what it takes at the top of
# its page: the space a heading keeps above it (12 pt, dropped at the top of a page), and a few
# points that positions read from text and fields leave out (the padding and rule under an item).
HEADING_SPACE = 12
READING_SLACK = 8
# Section headings are set at 12.5 pt, between the 10.5 pt text and the 18 pt title.
HEADING_SIZE = 12.5
# The print rules: a section of at most four blocks prints whole (its notes box counts as one, and
# so does the closing notes box for the last section: both are as tall as a few items); a longer
# one may break between blocks, after its heading and two blocks at least, before two at least.
# A notes box never starts a page: it goes with the block before it.
SHORT_SECTION = 4
MIN_BLOCKS = 2


@dataclass(frozen=True)
class Part:
    """A heading or a block, as printed: its top and bottom in points from the bottom of the page."""

    kind: str  # "heading", "block" or "notes" (a notes box: it goes with the block before it)
    top: float
    bottom: float
    text: str = ""  # a heading's words; a block's field names


@dataclass(frozen=True)
class Page:
    parts: list[Part]  # top to bottom
    top: float  # the top of its first text or field
    bottom: float  # the bottom of its last text or field


def text_runs(page) -> list[tuple[float, float, float, str]]:
    """(top, bottom, size, text) of each piece of text in the text area."""
    runs = []

    def keep(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        size = size * abs(tm[0] * cm[0] + tm[1] * cm[2])
        if text.strip() and TEXT_BOTTOM < y < TEXT_TOP:
            runs.append((y + 0.8 * size, y - 0.25 * size, round(size, 1), text))  # ascent and descent

    page.extract_text(visitor_text=keep)
    return runs


def field_rows(page) -> list[tuple[float, float, list[str]]]:
    """(top, bottom, names) of each row of form fields: a check box, a text field, a table's row."""
    rows: list[tuple[float, float, list[str]]] = []
    widgets = [annotation.get_object() for annotation in page.get("/Annots") or []]
    rects = sorted(
        ((max(float(w["/Rect"][1]), float(w["/Rect"][3])), min(float(w["/Rect"][1]), float(w["/Rect"][3])), str(w["/T"]))
         for w in widgets if w.get("/Subtype") == "/Widget"),
        reverse=True,
    )
    for top, bottom, name in rects:
        if rows and abs(rows[-1][0] - top) < 2:  # side by side: one row
            rows[-1] = (rows[-1][0], min(rows[-1][1], bottom), rows[-1][2] + [name])
        else:
            rows.append((top, bottom, [name]))
    return rows


def headings(runs) -> list[tuple[float, float, str]]:
    """Each section heading, its wrapped lines joined."""
    found: list[tuple[float, float, str]] = []
    for top, bottom, size, text in sorted((r for r in runs if r[2] == HEADING_SIZE), reverse=True):
        if found and found[-1][1] - top < 6:  # the next line of the same heading
            found[-1] = (found[-1][0], bottom, f"{found[-1][2]} {text.strip()}")
        else:
            found.append((top, bottom, text.strip()))
    return found


def read_page(page, first: bool) -> Page:
    runs = text_runs(page)
    rows = field_rows(page)
    heads = headings(runs)
    if first:  # the fields under the title belong to no section
        rows = [row for row in rows if not heads or row[0] < heads[0][1]]
    marks = sorted([row[0] for row in rows] + [head[0] for head in heads], reverse=True)
    parts = [Part("heading", top, bottom, text) for top, bottom, text in heads]
    for top, bottom, names in rows:
        below = [mark for mark in marks if mark < top - 1]
        floor = below[0] if below else TEXT_BOTTOM
        # An item's text runs on below its box, down to the next block or heading (a text field's
        # label, above its box, counts with the block before: the room needed errs on the large side).
        texts = [run[1] for run in runs if floor < run[0] and run[1] < top]
        kind = "notes" if all(name == "notes" or name.startswith("notes-") for name in names) else "block"
        parts.append(Part(kind, top, min([bottom, *texts]), " ".join(names)))
    parts.sort(key=lambda part: -part.top)
    edges = [*(run[0] for run in runs), *(row[0] for row in rows)]
    lows = [*(run[1] for run in runs), *(row[1] for row in rows)]
    return Page(parts, max(edges, default=TEXT_TOP), min(lows, default=TEXT_TOP))


def read_pdf(path: Path) -> list[Page]:
    return [read_page(page, number == 0) for number, page in enumerate(PdfReader(path).pages)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each PDF's pages, made as the build makes them, once per module, when a test first asks."""
    folder = tmp_path_factory.mktemp("pagination")
    config = load_config(str(ROOT / "mkdocs.yml"), site_url=SITE_URL)
    made: dict[tuple[str, str], list[Page]] = {}

    def read(lang: str, slug: str) -> list[Page]:
        if (lang, slug) not in made:
            settings = file_settings(config, lang)
            target = folder / f"{lang}-{slug}.pdf"
            write_pdf(with_settings(EVERY[lang][slug], settings), settings["publisher"], target)
            made[lang, slug] = read_pdf(target)
        return made[lang, slug]

    return read


def sections_of(pages: list[Page]) -> list[list[tuple[int, Part]]]:
    """Each section's heading and blocks, with the number of the page each is on."""
    sections: list[list[tuple[int, Part]]] = []
    for number, page in enumerate(pages):
        for part in page.parts:
            if part.kind == "heading":
                sections.append([])
            if sections:
                sections[-1].append((number, part))
    return sections


def least_start(pages: list[Page], number: int) -> Part | None:
    """The lowest part of page ``number`` that the rules would let start on the page before: the
    first section on the page down to where it could break (all of it if it prints whole)."""
    for section in sections_of(pages):
        here = [part for page, part in section if page == number]
        if not here:
            continue
        later = sum(1 for page, part in section if page > number and part.kind == "block")
        if here[0].kind == "heading" and len(section) - 1 <= SHORT_SECTION and len(here) == len(section):
            return here[-1]
        needed = MIN_BLOCKS if here[0].kind == "heading" else 1
        for end in range(len(here)):
            taken, rest = here[: end + 1], here[end + 1 :]
            left = sum(1 for part in rest if part.kind == "block") + later
            if (
                sum(1 for part in taken if part.kind == "block") >= needed
                and (left == 0 or left >= MIN_BLOCKS)
                and not (rest and rest[0].kind == "notes")
            ):
                return taken[-1]
        return here[-1]
    return None


def printed_titles(lang: str, slug: str) -> list[str]:
    """The titles of the page's sections that print: those with a check box, a field or a table."""
    source = (ROOT / "docs" / lang / "toolkit" / f"{slug}.md").read_text(encoding="utf-8")
    titles = []
    for section in re.split(r"^## ", source, flags=re.M)[1:]:
        if re.search(r"^- \[[ _]\] |^\|.*\{ #", section, re.M):
            titles.append(re.sub(r"\s*\{ #[\w-]+ \}$", "", section.splitlines()[0]))
    return titles


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_no_page_ends_with_a_large_blank_the_next_page_could_have_begun_in(printed, lang, slug):
    pages = printed(lang, slug)
    wasted = []
    for number, page in enumerate(pages[:-1]):
        blank = page.bottom - TEXT_BOTTOM
        start = least_start(pages, number + 1)
        if blank > LARGE_BLANK and start is not None:
            needed = pages[number + 1].top - start.bottom + HEADING_SPACE + READING_SLACK
            if needed <= blank:
                wasted.append(
                    f"page {number + 1} of {len(pages)}: {blank / TEXT_AREA:.0%} of its text area is blank, "
                    f"and the start of page {number + 2} ({needed:.0f} pt) would fit in it"
                )
    assert not wasted, wasted


@pytest.mark.parametrize(("lang", "slug"), CASES)
def test_every_heading_has_its_first_items_under_it_and_short_sections_stay_whole(printed, lang, slug):
    """A heading has at least two blocks under it on its page (one, if its section has only one), a
    section carried over to a page brings two blocks at least, a notes box never starts a page, and
    a section of four blocks or fewer is on one page."""
    pages = printed(lang, slug)
    sections = sections_of(pages)
    assert [plain(section[0][1].text) for section in sections] == [plain(title) for title in printed_titles(lang, slug)]
    wrong = []
    for section in sections:
        title, blocks = section[0][1].text, sum(1 for _, part in section if part.kind == "block")
        on = sorted({number for number, _ in section})
        if len(section) - 1 <= SHORT_SECTION and len(on) > 1:
            wrong.append(f"{title!r}: short, yet on pages {on[0] + 1} to {on[-1] + 1}")
        for page in on:
            here = [part for number, part in section if number == page]
            count = sum(1 for part in here if part.kind == "block")
            if count < min(MIN_BLOCKS, blocks) or here[0].kind == "notes":
                wrong.append(f"{title!r}: {count} of its {blocks} blocks on page {page + 1}, first {here[0].kind}")
    assert not wrong, wrong
