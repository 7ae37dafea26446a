"""Where the guide PDF breaks its lines, in small documents typeset the way the guide is (the same
assembly, stylesheet and WeasyPrint path) in columns narrow enough to force breaks, and read back
by Poppler (`pdftotext -bbox-layout`), which knows nothing of the code that typeset them."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import lxml.html
import pytest

from pdf_pages import poppler_text
from wilguide.guide_pdf import Chapter, Edition, make_guide_pdf

EDITION = Edition("fr", "Guide d'essai", "Sous-titre", "", date.min, "https://example.org/g/", "", "")
LEFT_MARGIN = 63.6  # pt, guide.css @page
BODY_TOP, BODY_BOTTOM = 0.85 * 72, 792 - 0.85 * 72  # the text area, from the top (Poppler)


class Line(NamedTuple):
    page: int
    text: str
    right: float  # where its last word ends, pt from the page's left edge


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def typeset_lines(body: str) -> list[Line]:
    """Each line of the chapter's text area, in reading order (the cover and contents left out)."""
    pdf = make_guide_pdf([Chapter("roles.md", "roles/", f'<h1 id="roles">Rôles</h1>{body}', "Rôles")], EDITION, {}).path
    lines = []
    for number, page in enumerate(lxml.html.fromstring(poppler_text(pdf, "-f", "3", "-bbox-layout")).iter("page"), start=3):
        for line in page.iter("line"):
            words = [word.text or "" for word in line.iter("word")]
            if words and BODY_TOP - 1 <= float(line.get("ymin")) and float(line.get("ymax")) <= BODY_BOTTOM + 1:
                lines.append(Line(number, " ".join(words), float(line.get("xmax"))))
    return lines


# An inverted question, a pronoun after its verb and a compound with a two-letter part, in columns
# from 60 to 200 pt wide: at some widths the line ends on each of their hyphens.
QUESTION = "Quand votre stagiaire arrive-t-il au bureau pour le bilan de mi-stage? Peut-elle venir avec sa personne-ressource?"
KEPT_WHOLE = ("arrive-t-il", "mi-stage", "Peut-elle")
COLUMNS = range(60, 201, 5)  # pt


def test_a_french_inverted_question_and_a_short_compound_never_break_at_their_hyphen(cache_dir):
    """French typography never leaves "arrive-t-" or "mi-" at the end of a line and "il" or "stage"
    at the start of the next. Each word must be read whole, on one line, in every column, and with
    the hyphen that was typed (U+002D), so that the PDF's text is still found by a search."""
    lines = typeset_lines("".join(f'<p style="width: {width}pt">{QUESTION}</p>' for width in COLUMNS))
    text = "\n".join(line.text for line in lines)
    assert text.count("Quand") == len(COLUMNS), "every column is read"
    split = {word: len(COLUMNS) - text.count(word) for word in KEPT_WHOLE}
    assert not any(split.values()), f"columns where the word is not whole on one line: {split}\n{text}"


# Two sources of the references page: an address that follows a few words and ends before a full
# stop, and an address whose last piece between two slashes is nearly 60 characters long.
ADDRESSES = (
    "https://cpaquebec.ca/fr/releve-cpa/stage/loi-sur-la-protection-des-stagiaires",
    "http://heritageday.novascotia.ca/content/la-journ%C3%A9e-du-patrimoine-de-la-nouvelle-%C3%A9cosse",
)
LEAD_INS = ("protection-des-stagiaires; voir aussi", "Adresse : le texte de la loi et plus encore :")
PARAGRAPHS = range(380, 485, 8)  # pt: the text block is 484.8 pt wide, a list item 466.8 pt
MOST_LEFT_EMPTY = 0.25  # of the paragraph's width, on a line that is not its last


def test_a_long_address_in_a_link_leaves_no_line_far_short_of_the_margin(cache_dir):
    """A whole address once moved to the next line and left two thirds of the line before it empty,
    because it could not break where it began. Each paragraph is on a page of its own; every line
    but its last reaches within a quarter of its width from the right edge."""
    body = "".join(
        f'<p style="break-before: page; width: {width}pt">{lead_in} <a href="{address}">{address}</a>. Les droits.</p>'
        for width in PARAGRAPHS
        for lead_in, address in zip(LEAD_INS, ADDRESSES)
    )
    lines = typeset_lines(body)
    widths = {page: width for page, width in enumerate((w for w in PARAGRAPHS for _ in ADDRESSES), start=4)}
    short = []
    for line, following in zip(lines, lines[1:]):
        if line.page == following.page and line.page in widths:
            width = widths[line.page]
            empty = (LEFT_MARGIN + width - line.right) / width
            if empty > MOST_LEFT_EMPTY:
                short.append(f"page {line.page} ({width} pt): {empty:.0%} empty after {line.text[-60:]!r}, then {following.text[:40]!r}")
    assert len(widths) == len({line.page for line in lines if line.page in widths}), "each paragraph has its page"
    assert not short, f"{len(short)} lines end far short of the margin:\n" + "\n".join(short)
    printed = "".join(line.text for line in lines)
    assert all(address in printed for address in ADDRESSES), "each address is printed as typed, without a hyphen added"


# Two passages of the French guide in which runs of text end before an element (a name kept whole,
# an abbreviation, a link), one of them with « and a no-break space before a name.
RUNS_BEFORE_ELEMENTS = (
    "<strong>Ontario, stage non rémunéré.</strong> Quand le stage, obligatoire ou facultatif, fait partie"
    " d'un programme que finance le ministère ontarien responsable des collèges et universités, dans un"
    " collège ou une université financés par l'État, et qu'il compte pour la réussite de ce programme, ce"
    " ministère paie les coûts des prestations de la Commission de la sécurité professionnelle et de"
    " l'assurance contre les accidents du travail (<abbr title=\"Commission de la sécurité professionnelle"
    " et de l'assurance contre les accidents du travail\">CSPAAT</abbr>, en anglais WSIB). Cette couverture"
    " ne coûte rien à l'organisation d'accueil.",
    "Répartissez équitablement les tâches stimulantes et la visibilité (voyez <a href=\"#roles\">Répartir"
    " équitablement le travail</a>). Faites ensuite en sorte que chaque personne ose parler : dites"
    " clairement qu'il est normal de ne pas savoir. Remerciez pour les questions, même celles qui vous"
    " semblent simples. Devant une erreur, demandez «\u00a0Qu'est-ce qu'on en retient?\u00a0» plutôt que"
    " «\u00a0Qui a fait ça?\u00a0».",
)
WIDE_COLUMNS = range(440, 485)  # pt, one by one: the defect shows at some widths only
MOST_LEFT_EMPTY_IN_PROSE = 0.5  # of the column, on a line of prose that is not a paragraph's last


def test_a_line_of_prose_is_never_cut_after_its_first_word(cache_dir):
    """"cés" alone on a line after "finan-", "savoir." alone before "Remerciez": WeasyPrint 70 kept
    only the first word of a run of text that fitted the line without its last space, before a name
    kept whole or an abbreviation. Each passage as a list item on a page of its own, in columns from
    440 pt to the text block's width: no line but the last is half empty."""
    body = "".join(
        f'<ul style="break-before: page; width: {width}pt"><li>{text}</li></ul>'
        for width in WIDE_COLUMNS
        for text in RUNS_BEFORE_ELEMENTS
    )
    lines = typeset_lines(body)
    widths = {page: width for page, width in enumerate((w for w in WIDE_COLUMNS for _ in RUNS_BEFORE_ELEMENTS), start=4)}
    short = [
        f"page {line.page} ({widths[line.page]} pt): {line.text!r}, then {following.text[:50]!r}"
        for line, following in zip(lines, lines[1:])
        if line.page == following.page in widths
        and (LEFT_MARGIN + widths[line.page] - line.right) / widths[line.page] > MOST_LEFT_EMPTY_IN_PROSE
    ]
    assert len(widths) == len({line.page for line in lines if line.page in widths}), "each passage has its page"
    assert not short, f"{len(short)} lines cut after their first words:\n" + "\n".join(short)
    # WeasyPrint is itself again for the checklists' PDFs, typeset in the same processes.
    from weasyprint.layout import inline
    from weasyprint.text import line_break

    assert inline.split_first_line is line_break.split_first_line


def test_the_contents_keep_short_compounds_and_abbreviations_whole(cache_dir):
    """A chapter's description in the contents ("… revus au bilan de mi-stage …") breaks like the
    chapters' text: not at "mi-" nor at the "C.-" of « C.-B. ». A first word one letter longer in
    each description moves the words along the line until each hyphen has come to a line's end."""
    described = "revus en C.-B. au bilan de mi-stage, puis à la fin du stage."
    chapters = [
        Chapter(f"c{length}.md", f"c{length}/", f"<h1>Chapitre {length}</h1><p>Texte.</p>", f"Chapitre {length}",
                description="x" * length + " des objectifs pour le stage " * 3 + described, section="Le guide")
        for length in range(1, 31)
    ]
    pdf = make_guide_pdf(chapters, EDITION, {}).path
    contents = poppler_text(pdf, "-f", "2", "-l", "5", "-layout")
    assert contents.count("revus") == len(chapters), contents
    assert contents.count("mi-stage") == contents.count("C.-B.") == len(chapters), contents
