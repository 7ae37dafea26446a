"""One number per fact: the preparation lead time, the exit conversation's length and the
placement-length bands read the same in the chapters, the checklists and the planner's data.

Expected values are the literal words a reader sees; the planner's side is read from
content/planner.yml with a plain YAML parser, not through the planner's own code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PLANNER = yaml.safe_load((ROOT / "content" / "planner.yml").read_text(encoding="utf-8"))


def page(lang: str, name: str) -> str:
    """A page's text with its spaces made plain (French uses non-breaking ones)."""
    return re.sub(r"[\u00a0\u202f]", " ", (DOCS / lang / name).read_text(encoding="utf-8"))


def meeting(key: str) -> dict:
    return next(m for m in PLANNER["meetings"] if m["key"] == key)


PREPARATION = {
    "fr": [
        ("practices/check-in.md", "| Préparation | 2 semaines avant l'arrivée |"),
        ("toolkit/before-first-day.md", "au plus tard deux semaines avant l'arrivée"),
    ],
    "en": [
        ("practices/check-in.md", "| Preparation | 2 weeks before the start date |"),
        ("toolkit/before-first-day.md", "no later than two weeks before the first day"),
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_preparation_starts_two_weeks_before_the_start(lang):
    assert PLANNER["prepare_before_start"] == "2w"
    for name, words in PREPARATION[lang]:
        assert words in page(lang, name), f"docs/{lang}/{name} should say: {words}"


EXIT_CONVERSATION = {
    "fr": ("practices/feedback.md", "Prévoyez trente minutes pendant la dernière semaine"),
    "en": ("practices/feedback.md", "Set aside thirty minutes in the final week"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_exit_conversation_lasts_thirty_minutes(lang):
    assert meeting("exit")["minutes"] == 30
    name, words = EXIT_CONVERSATION[lang]
    assert words in page(lang, name), f"docs/{lang}/{name} should say: {words}"


BANDS = {
    # French keeps a number and its unit on one line (a no-break space).
    "fr": ["Moins de 8\u00a0semaines", "De 8 à 12\u00a0semaines", "De 3 à 8\u00a0mois", "Plus de 8\u00a0mois"],
    "en": ["Under 8 weeks", "8 to 12 weeks", "3 to 8 months", "Over 8 months"],
}
BANDS_ON_CHECK_IN_PAGE = {
    # The list of other lengths names each band as the planner does (spaces made plain by page()).
    "fr": ["**Moins de 8 semaines :**", "**De 8 à 12 semaines :**", "**Plus de 8 mois :**"],
    "en": ["**Under 8 weeks:**", "**8 to 12 weeks:**", "**Over 8 months:**"],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_placement_length_bands_are_the_same_in_the_planner_and_the_check_in_page(lang):
    assert [band["name"][lang] for band in PLANNER["bands"]] == BANDS[lang]
    # 8 weeks, 12 weeks (under 13), then about 8 months (35 weeks), as the names say.
    assert [band["until_weeks"] for band in PLANNER["bands"]][:3] == [8, 13, 35]
    text = page(lang, "practices/check-in.md")
    for words in BANDS_ON_CHECK_IN_PAGE[lang]:
        assert words in text, f"docs/{lang}/practices/check-in.md should say: {words}"
    assert not re.search(r"8 (?:to|à) 12 (?:months|mois)", text), "a band the planner does not have"
