"""Advice a reader needs on paper, printed in the box under the sheet's title: on the check-in agenda,
what to keep when a check-in has to be short; on the learning plan, what stays out of it. The agenda
is used at every check-in, so it stays one page in both languages (a first try at the box pushed
the French one onto a second page); the learning plan keeps its two pages.

Each PDF is made as the build makes it (no site is built) and read back with pypdf. The expected
words are written here as a reader sees them on the sheet, not read from the pages' sources."""

from __future__ import annotations

import re
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

# The box as printed, its title in bold first, and the sheet's number of pages.
BOXES = {
    ("fr", "check-in-agenda"): (
        "Manque de temps? Notre conseil : mieux vaut écourter qu'annuler. Gardez les blocages, le moment ouvert, "
        "la rétroaction dans les deux sens et la date de la prochaine rencontre; reportez le reste.",
        1,
    ),
    ("en", "check-in-agenda"): (
        "Short on time? Our advice: shorten the check-in rather than cancel it. Keep the blockers, the open time, "
        "feedback both ways and the date of the next check-in, and carry the rest over.",
        1,
    ),
    ("fr", "learning-plan"): (
        "Ce qui n'a pas sa place dans le plan. Notre conseil : n'y inscrivez aucun renseignement de santé ni aucun "
        "détail d'une mesure d'adaptation, pas plus que dans les notes de suivi.",
        2,
    ),
    ("en", "learning-plan"): (
        "What stays out of the plan. Our advice: leave out health information and the details of any accommodation, "
        "here and in the check-in notes.",
        2,
    ),
}
# The first line to fill in under the title: the box prints above it.
FIRST_LINE = {"fr": "Stagiaire", "en": "Student"}
# The learning plan's goals table stays whole on the first page, under the box: a box one line
# longer (a first wording of the French one) sent its last two goals over the page.
WHOLE_ON_FIRST_PAGE = {("fr", "learning-plan"): "Objectif 5", ("en", "learning-plan"): "Goal 5"}


def plain(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) folded; a word broken at its own hyphen at the end
    of a line ("check-" / "in") joined again."""
    folded = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return re.sub(r"(?<=\w)- (?=\w)", "-", folded)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Each sheet's pages as text, from its PDF made as the build makes it."""
    folder = tmp_path_factory.mktemp("boxes")
    config = load_config(str(ROOT / "mkdocs.yml"), site_url=SITE_URL)

    def read(lang: str, slug: str) -> list[str]:
        settings = file_settings(config, lang)
        target = folder / f"{lang}-{slug}.pdf"
        write_pdf(with_settings(EVERY[lang][slug], settings), settings["publisher"], target)
        return [plain(page.extract_text()) for page in PdfReader(target).pages]

    return read


@pytest.mark.parametrize(("lang", "slug"), list(BOXES))
def test_the_box_prints_under_the_title_and_the_sheet_keeps_its_pages(printed, lang, slug):
    box, expected_pages = BOXES[lang, slug]
    pages = printed(lang, slug)
    first = pages[0]
    assert plain(box) in first, first[:600]
    assert first.index(plain(box)) < first.index(FIRST_LINE[lang])
    assert len(pages) == expected_pages
    if (lang, slug) in WHOLE_ON_FIRST_PAGE:
        assert WHOLE_ON_FIRST_PAGE[lang, slug] in first
