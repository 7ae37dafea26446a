"""A chapter that would leave a few lines alone on its last page is set tighter (page_fill.py)."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from wilguide.guide_pdf import fonts, page_fill
from wilguide.guide_pdf.build import STYLESHEET
from wilguide.guide_pdf.page_fill import ChapterEnd, tightening


def test_only_a_short_last_page_that_tightening_can_pull_back_is_tightened():
    ends = [
        ChapterEnd("spills-a-little", full_pages=4, fill=0.08),  # 2 % of its pages: the light level
        ChapterEnd("spills-more", full_pages=2, fill=0.14),  # 7 %: the tighter level
        ChapterEnd("spills-too-much", full_pages=1, fill=0.15),  # 15 %: left as it is, not squeezed
        ChapterEnd("half-full", full_pages=3, fill=0.5),  # a last page half full is fine
        ChapterEnd("one-page", full_pages=0, fill=0.1),  # its only page: nothing to pull back onto
    ]
    assert tightening(ends) == {"spills-a-little": 1, "spills-more": 2}


def test_the_appendix_is_weighed_but_never_tightened():
    document = (
        '<body><section class="chapter" id="intro"></section><section class="part" id="p">'
        '<section class="chapter" id="roles"></section></section><section class="part appendix" id="a">'
        '<section class="chapter" id="checklist"></section></section></body>'
    )
    assert page_fill.chapters_to_weigh(document) == (["intro", "roles", "checklist"], {"intro", "roles"})
    marked = page_fill.with_tightening(document, {"roles": 2})
    assert '<section class="chapter tight-2" id="roles">' in marked
    assert marked.count("tight-") == 1 and page_fill.with_tightening(document, {}) == document


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def lines(count: int) -> str:
    return "".join(f"<p>Line {number}</p>" for number in range(1, count + 1))


def synthetic_guide(tmp_path: Path, tight_line: str, first_guess: dict | None = None):
    """20 lines a page: a chapter of 61 lines spills one line onto a fourth page."""
    from wilguide.guide_pdf.render import typeset

    document = (
        '<html lang="en"><head><title>t</title></head><body>'
        f'<section class="chapter" id="long"><h1>Long</h1>{lines(60)}</section>'
        '<section class="chapter" id="next"><h1>Next</h1><p>See <a href="#form">Form</a><span class="page-ref" data-target="#form"></span>.</p></section>'
        f'<section class="part appendix" id="appendix"><section class="chapter" id="form"><h1>Form</h1>{lines(60)}</section></section>'
        "</body></html>"
    )
    stylesheet = (
        "@page { size: 300pt 440pt; margin: 20pt; } html { font: 12pt/20pt serif; orphans: 1; widows: 1; }"
        f"p, h1 {{ margin: 0; font-size: 12pt; }} .chapter {{ break-before: page; }} .tight-1 {{ line-height: {tight_line}; }}"
        '.page-ref::before { content: " (p. " attr(data-page) ")"; }'
    )
    layout = typeset(document, stylesheet, tmp_path / "tight.pdf", first_guess)
    return layout, [page.extract_text() for page in pypdf.PdfReader(tmp_path / "tight.pdf").pages]


def test_a_chapter_one_line_too_long_is_set_tighter_and_the_appendix_is_not(tmp_path):
    layout, text = synthetic_guide(tmp_path, "19pt")  # 21 lines fit a page
    assert layout.tightened == ("long",)
    assert "Line 60" in text[2] and "Next" in text[3]  # the long chapter ends on its third page
    assert "See Form (p. 5)." in text[3]  # the appendix moved up a page with it
    assert len(text) == 8 and "Line 60" in text[7]  # the appendix's copy still takes four pages


def test_a_chapter_is_weighed_once_then_set_tighter_from_the_first_layout(tmp_path, layouts):
    """The decision is kept in the cache under the chapter's content: typesetting the same guide
    again (as after an edit elsewhere) lays it out once, tighter from the start."""
    first, _ = synthetic_guide(tmp_path, "19pt")
    # The guide, the chapter alone and tighter, the guide again with the page numbers that the
    # chapter's own layout predicts: right, so that layout is the last.
    assert first.tightened == ("long",) and len(layouts) == 3
    layouts.clear()
    again, text = synthetic_guide(tmp_path, "19pt", first.anchors)
    assert again.tightened == ("long",) and len(layouts) == 1 and "Next" in text[3]


def test_a_chapter_tightening_cannot_pull_back_keeps_its_usual_setting(tmp_path):
    layout, text = synthetic_guide(tmp_path, "19.9pt")  # still 20 lines a page: it would not help
    assert layout.tightened == ()
    assert "Line 60" in text[3] and "Next" in text[4] and len(text) == 9 and "See Form (p. 6)." in text[4]


@pytest.fixture(scope="module")
def guide_stylesheet() -> str:
    return fonts.font_face_css(fonts.font_files()) + "\n" + STYLESHEET.read_text(encoding="utf-8")


def chapter_length(level: int, stylesheet: str, target: Path) -> float:
    """How many pages a chapter of the guide's usual blocks takes when set at ``level`` (0: as usual)."""
    import weasyprint

    paragraph = "<p>" + "Check in with your student often and note what you agree on, in a few words. " * 4 + "</p>"
    items = "<ul>" + "<li>Ask what went well this week, and what got in the way.</li>" * 4 + "</ul>"
    body = ("<h2 class='section-title'>A section</h2>" + paragraph * 3 + items) * 9
    classes = "chapter" + (f" tight-{level}" if level else "")
    document = f'<html lang="en-CA"><head><title>t</title></head><body><section class="{classes}" id="c">{body}</section></body></html>'
    pages = weasyprint.HTML(string=document).render(stylesheets=[weasyprint.CSS(string=stylesheet)]).pages
    end = page_fill.chapter_ends(pages, ["c"])[0]
    return end.full_pages + end.fill


def test_each_tightness_wins_back_what_the_decision_counts_on(guide_stylesheet, tmp_path):
    usual = chapter_length(0, guide_stylesheet, tmp_path)
    gains = [1 - chapter_length(level, guide_stylesheet, tmp_path) / usual for level in (1, 2)]
    assert usual > 3 and all(gain >= wanted for gain, wanted in zip(gains, page_fill.LEVEL_GAINS)), gains


def test_the_page_numbers_after_tightened_chapters_are_predicted_for_the_next_layout(tmp_path, layouts):
    """The second and third chapters of a part lose a page each: the references printed after them
    are right in the second layout of the guide, from where each chapter's layout alone put its
    anchors (and not the part's, which is on the first chapter's page)."""
    from wilguide.guide_pdf.render import typeset

    document = (
        '<html lang="en"><head><title>t</title></head><body>'
        '<section class="part" id="part-one"><h1 class="part-title">Part one</h1>'
        f'<section class="chapter" id="first"><h1>First</h1>{lines(55)}</section>'
        f'<section class="chapter" id="second"><h1>Second</h1>{lines(61)}</section>'
        f'<section class="chapter" id="third"><h1>Third</h1>{lines(30)}<h2 id="deep">Deep</h2>{lines(30)}</section>'
        "</section>"
        '<section class="chapter" id="next"><h1>Next</h1><p>See <a href="#deep">Deep</a><span class="page-ref" data-target="#deep"></span>'
        ' and <a href="#form">Form</a><span class="page-ref" data-target="#form"></span>,'
        ' in <a href="#part-one">Part one</a><span class="page-ref" data-target="#part-one"></span>.</p></section>'
        f'<section class="part appendix" id="appendix"><section class="chapter" id="form"><h1>Form</h1>{lines(10)}</section></section>'
        "</body></html>"
    )
    stylesheet = (
        "@page { size: 300pt 440pt; margin: 20pt; } html { font: 12pt/20pt serif; orphans: 1; widows: 1; }"
        "p, h1, h2 { margin: 0; font-size: 12pt; } .part, .chapter { break-before: page; } .part-title + .chapter { break-before: auto; }"
        ".tight-1 { line-height: 19pt; } .page-ref::before { content: \" (p. \" attr(data-page) \")\"; }"
    )
    layout = typeset(document, stylesheet, tmp_path / "parts.pdf")
    text = [page.extract_text() for page in pypdf.PdfReader(tmp_path / "parts.pdf").pages]
    # 57 lines, three pages; then 62 lines twice, three pages each at 21 a page (four at 20). Deep,
    # the third chapter's 32nd line, is on its second page: the guide's 8th, not the 9th.
    assert layout.tightened == ("second", "third") and len(text) == 11
    assert "Part one" in text[0] and "Deep" in text[7] and "See Deep (p. 8) and Form (p. 11), in Part one (p. 1)." in " ".join(text[9].split())
    assert len(layouts) == 4  # the guide, each chapter alone, the guide: no layout to settle the numbers
