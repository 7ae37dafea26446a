"""French typography shared by the pages' check and the generated files: a number stays on one line
with the unit of time or the month that follows it ("16 semaines", "9 h", "1er avril"), a month
with its year ("24 mai 2022"), and a number with the noun it numbers ("semaine 1", "article 12",
"étape 5"), as the OQLF asks."""

from __future__ import annotations

import re

MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
UNITS = "semaines? mois jours? heures? minutes? ans? années? h " + MONTHS
_WORD_END = r"(?![\w-])"
# Nouns that number a part of a text, a placement or a law in this guide: "semaine 1", "art. 41".
NUMBERED = "semaines? étapes? articles? art\\. chapitres? sections? parties? annexes? pages? p\\. questions? points? phases? règles? lois?"
# Each pattern's group 1 is the ordinary space to make a no-break one.
_SPACES = [
    re.compile(rf"(?:\d|\b1er)( )(?:{'|'.join(UNITS.split())}){_WORD_END}"),
    re.compile(rf"\b(?:{'|'.join(MONTHS.split())})( )\d{{4}}(?!\d)"),
    re.compile(rf"(?<![\w-])(?:{'|'.join(NUMBERED.split())})( )\d", re.IGNORECASE),
]


def ordinary_spaces(text: str) -> list[int]:
    """Where the text has an ordinary space that French typography wants unbreakable."""
    return sorted(match.start(1) for pattern in _SPACES for match in pattern.finditer(text))


def join_numbers_to_units(text: str) -> str:
    """The text with each of those spaces made a no-break one (U+00A0)."""
    for offset in ordinary_spaces(text):
        text = text[:offset] + "\u00a0" + text[offset + 1 :]
    return text
