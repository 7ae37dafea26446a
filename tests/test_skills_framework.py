"""One skills framework: the key competencies page lists the eleven competencies, and the
self-reflection checklist has one section per competency, with the same names, in the same order.
The expected names are written out here, as a reader sees them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

FRAMEWORK = {
    "fr": [
        "Disponibilité et fiabilité",
        "Écoute active",
        "Empathie",
        "Communication claire",
        "Rétroaction dans les deux sens",
        "Collaboration",
        "Humilité culturelle et inclusion",
        "Maîtrise de soi",
        "Patience devant l'erreur",
        "Ouvrir des portes",
        "Connaissance de soi",
    ],
    "en": [
        "Availability and reliability",
        "Active listening",
        "Empathy",
        "Clear communication",
        "Two-way feedback",
        "Collaboration",
        "Cultural humility and inclusion",
        "Self-regulation",
        "Patience with mistakes",
        "Opening doors",
        "Self-awareness",
    ],
}
# Sections around the framework on each page.
COMPETENCIES_FRAME = {"fr": ("Comment utiliser ce cadre", "Et ensuite"), "en": ("How to use this framework", "Next steps")}
REFLECTION_LAST = {"fr": "Ma prochaine étape", "en": "My next step"}


def h2_titles(lang: str, name: str) -> list[str]:
    text = (DOCS / lang / name).read_text(encoding="utf-8")
    return [re.sub(r"\s*\{[^}]*\}\s*$", "", m).strip() for m in re.findall(r"^## (.+)$", text, re.M)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_competencies_page_lists_the_framework(lang):
    first, last = COMPETENCIES_FRAME[lang]
    assert h2_titles(lang, "competencies.md") == [first, *FRAMEWORK[lang], last]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_reflection_covers_every_competency_of_the_framework(lang):
    assert h2_titles(lang, "toolkit/sel-reflection.md") == [*FRAMEWORK[lang], REFLECTION_LAST[lang]]
