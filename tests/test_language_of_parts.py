"""A screen reader reads a passage in the other language with that language's voice only when the
passage says its language (WCAG 2.1 AA, 3.1.2 Language of Parts). The references pages cite many
sources by their published title in the other language: each title carries `lang`.

The titles below are written here as a reader sees them, not read from the pages' sources."""

from __future__ import annotations

import lxml.html
import pytest

TITLES = {
    "fr": ("en", [
        "How can supervisors best support co-op students?",
        "Mentorship Strategies in WIL",
        "Employer FAQs",
        "Indigenous leave for ceremonial, cultural and spiritual events",
        "9-1-1 Services for Traditional Wireline, VoIP and Wireless Phone Services",
        "Act to ensure the protection of trainees in the workplace",
    ]),
    "en": ("fr", [
        "Stratégies de mentorat dans l'AIT",
        "Loi visant à assurer la protection des stagiaires en milieu de travail",
        "Situations particulières",
        "9-8-8, la ligne de prévention du suicide à trois chiffres",
    ]),
}
PREFIX = {"fr": "", "en": "en/"}


def language_of(element) -> str | None:
    for node in (element, *element.iterancestors()):
        if node.get("lang"):
            return node.get("lang")
    return None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_titles_in_the_other_language_say_their_language(built_site, lang):
    other, titles = TITLES[lang]
    page = lxml.html.parse(str(built_site / PREFIX[lang] / "references" / "index.html")).getroot()
    article = page.find(".//article")
    assert language_of(article) == lang
    for title in titles:
        found = [e for e in article.iter("em", "span") if " ".join(e.text_content().split()).rstrip(",") == title]
        assert found, f"{title!r} is not an emphasised or marked title on the {lang} references page"
        assert all(language_of(e) == other for e in found), (title, [language_of(e) for e in found])
