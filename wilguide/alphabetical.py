"""Alphabetical order as a reader expects it in French and English: accents and case ignored, so
« Île-du-Prince-Édouard » sorts among the I's and ÉDI beside EDI."""

from __future__ import annotations

import unicodedata


def alphabetical_key(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
