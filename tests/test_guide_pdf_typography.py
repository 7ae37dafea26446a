"""The printed guide's typography, read back by Poppler (`pdftotext -bbox-layout`), an independent
reader of the PDF, not the code that typeset it: margins, hyphenation, page breaks and the running
footer, on every page of both languages."""

from __future__ import annotations

import re
from typing import NamedTuple

import lxml.html
import pytest

from pdf_pages import poppler_text
from test_guide_pdf import LANGUAGES, guide_link

# Letter pages (612 × 792 pt) with 0.8 in side margins and 0.85 in top and bottom margins; Poppler
# measures from the top left.
RIGHT_EDGE = 612 - 0.8 * 72
BODY_TOP, BODY_BOTTOM = 0.85 * 72, 792 - 0.85 * 72
HYPHEN = "\u2010"  # the hyphen WeasyPrint adds where it breaks a word (typed hyphens are U+002D)
# What a glossary entry's last line starts with (docs/*/glossary.md, as a reader sees it).
EQUIVALENT = {"fr": "En anglais", "en": "In French"}


class Line(NamedTuple):
    top: float
    bottom: float
    words: list[tuple[str, float]]  # each word and its right edge
    block: int  # lines of one block (a paragraph, a cell) share it

    @property
    def text(self) -> str:
        return " ".join(word for word, _ in self.words)


@pytest.fixture(scope="module", params=list(LANGUAGES))
def printed(request, built_site) -> tuple[str, list[list[Line]]]:
    """The language and each page's lines, in Poppler's reading order."""
    lang = request.param
    _, pdf = guide_link(built_site, lang)
    pages = []
    for page in lxml.html.fromstring(poppler_text(pdf, "-bbox-layout")).xpath("//page"):
        lines = []
        for block_number, block in enumerate(page.xpath(".//block")):
            for line in block.xpath(".//line"):
                words = [(word.text or "", float(word.get("xmax"))) for word in line.xpath("./word")]
                lines.append(Line(float(line.get("ymin")), float(line.get("ymax")), words, block_number))
        pages.append(lines)
    assert len(pages) > 50, f"Poppler read {len(pages)} pages of the {lang} guide"
    return lang, pages


def body(lines: list[Line]) -> list[Line]:
    """The lines of the text area: no running header or footer."""
    return [line for line in lines if line.top >= BODY_TOP - 1 and line.bottom <= BODY_BOTTOM + 1]


def test_no_word_runs_past_the_right_margin(printed):
    """A "(p. 103)" beside a link in a narrow table column once ran past it."""
    _, pages = printed
    past = [
        f"page {number}: {word!r} ends at {right:.1f} pt"
        for number, lines in enumerate(pages, start=1)
        for line in lines
        for word, right in line.words
        if right > RIGHT_EDGE + 0.5
    ]
    assert not past, "\n".join(past)


def test_a_word_is_hyphenated_only_with_three_letters_on_each_side(printed):
    """No "Si-mon", "Cana-da", "CE-WIL" or "bi-lan": a break leaves at least three letters on each
    line, so names and short words print whole."""
    _, pages = printed
    breaks, short = 0, []
    for number, lines in enumerate(pages, start=1):
        for line, following in zip(lines, lines[1:] + [None]):
            if not line.words or not line.words[-1][0].endswith(HYPHEN):
                continue
            breaks += 1
            before = re.split(r"\W", line.words[-1][0][:-1])[-1]
            after = re.split(r"\W", following.words[0][0])[0] if following and following.block == line.block and following.words else None
            if len(before) < 3 or (after is not None and len(after) < 3):
                short.append(f"page {number}: {line.words[-1][0]} / {after}")
    assert breaks > 20, f"only {breaks} hyphenated words: is the text still hyphenated?"
    assert not short, f"{len(short)} words broken too short:\n" + "\n".join(short[:20])


def test_a_glossary_term_and_its_equivalent_share_a_page(printed):
    """A glossary entry's "In French: ..." line never opens a page, away from the term it translates."""
    lang, pages = printed
    found, alone = 0, []
    for number, lines in enumerate(pages, start=1):
        text = body(lines)
        found += sum(line.text.startswith(EQUIVALENT[lang]) for line in text)
        if text and text[0].text.startswith(EQUIVALENT[lang]):
            alone.append(f"page {number}: {text[0].text}")
    assert found > 20, f"{found} glossary equivalents found: has the glossary's wording changed?"
    assert not alone, "\n".join(alone)


def test_no_page_ends_on_a_sentence_that_introduces_what_follows(printed):
    """A paragraph ending with a colon ("Our suggestion for a 16-week placement ...:") goes over with
    the list or table it introduces."""
    _, pages = printed
    assert sum(bool(body(lines)) for lines in pages) > 50, "the text area of most pages is read"
    colons = [
        f"page {number}: ...{last.text[-60:]!r}"
        for number, lines in enumerate(pages, start=1)
        if (text := body(lines)) and (last := max(text, key=lambda line: line.bottom)).text.endswith(":")
    ]
    assert not colons, "\n".join(colons)


def test_the_running_footer_stands_clear_of_the_text(printed):
    """The footer ("WIL Mentoring Guide ... 24") sits well below a full page's last line, not 8 pt
    under it, where it read as part of the text."""
    _, pages = printed
    gaps = []
    for number, lines in enumerate(pages, start=1):
        text, footer = body(lines), [line for line in lines if line.top > BODY_BOTTOM]
        if text and footer:
            gaps.append((min(line.top for line in footer) - max(line.bottom for line in text), number))
    assert len(gaps) > 50, f"a footer and text on only {len(gaps)} pages"
    gap, number = min(gaps)
    assert gap >= 14, f"page {number}: the footer is {gap:.1f} pt below the text"


# The planner chapter's table, the guide's one table with a caption (docs/*/toolkit/planner.md).
RHYTHM_CAPTION = {"fr": "Rythme recommandé des rencontres de suivi, selon la durée du stage", "en": "Recommended check-in rhythm by placement length"}


def test_a_table_caption_shares_its_page_with_the_table(printed):
    """The caption over the rhythm table is never the last line of a page, its table on the next."""
    lang, pages = printed
    seen = []
    for number, lines in enumerate(pages, start=1):
        text = sorted(body(lines), key=lambda line: line.top)
        captions = [index for index, line in enumerate(text) if line.text == RHYTHM_CAPTION[lang]]
        seen += captions
        for index in captions:
            below = [word for line in text[index + 1 :] for word, _ in line.words]
            assert "Phase" in below, f"page {number}: the caption {RHYTHM_CAPTION[lang]!r} with no table under it"
    assert len(seen) == 1, f"the caption was found {len(seen)} times"
