"""File names readers can read once a file is saved on their disk, made from a document's title."""

from __future__ import annotations

import re
from unicodedata import category, normalize

# Letters NFKD does not split into a base letter and an accent (French writes « cœur », « Lætitia »).
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def file_stem(title: str, fallback: str) -> str:
    """'Avant la première journée' -> 'avant-la-premiere-journee': lowercase ASCII words and
    hyphens, since some mail clients and older systems mangle accents in attachment names.
    Accents are dropped; anything else between words (spaces, apostrophes, colons) is a hyphen."""
    letters = "".join(c for c in normalize("NFKD", title.translate(LIGATURES)) if category(c) != "Mn")
    return re.sub(r"[^a-z0-9]+", "-", letters.lower()).strip("-") or fallback
