"""One number per fact: the preparation lead time, the exit conversation's length, the
placement-length bands, the final evaluation's and mid-placement review's timing and the follow-up
read the same in the chapters, the checklists and the planner's data, and so do a remote student's
daily touchpoint and the Quebec holidays the planner moves.

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


def assert_pages_say(lang: str, expected: list[tuple[str, str]]) -> None:
    """Each (page, words): the page, in that language, holds the words."""
    for name, words in expected:
        assert words in page(lang, name), f"docs/{lang}/{name} should say: {words}"


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
    assert_pages_say(lang, PREPARATION[lang])


EXIT_CONVERSATION = {
    "fr": ("practices/feedback.md", "Prévoyez trente minutes pendant la dernière semaine"),
    "en": ("practices/feedback.md", "Set aside thirty minutes in the final week"),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_exit_conversation_lasts_thirty_minutes(lang):
    assert meeting("exit")["minutes"] == 30
    assert_pages_say(lang, [EXIT_CONVERSATION[lang]])


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


def band(key: str) -> dict:
    return next(b for b in PLANNER["bands"] if b["key"] == key)


# When the planner books the final evaluation, as the chapters say it (spaces made plain).
FINAL_EVALUATION = {
    "fr": [
        ("practices/check-in.md", "| Évaluation finale | Environ 2 semaines avant la dernière journée |", "standard"),
        ("practices/check-in.md", "l'évaluation finale environ une semaine avant la dernière journée", "short"),
        ("closing-well.md", "l'évaluation finale a alors lieu environ une semaine avant la dernière journée", "short"),
        ("practices/check-in.md", "Prévoyez l'évaluation finale environ quatre semaines avant la dernière journée", "long"),
        ("toolkit/final-evaluation-exit.md", "pour un stage de 35 semaines ou plus, environ quatre semaines avant", "long"),
    ],
    "en": [
        ("practices/check-in.md", "| Final evaluation | About 2 weeks before the last day |", "standard"),
        ("practices/check-in.md", "the final evaluation about a week before the last day", "short"),
        ("closing-well.md", "the final evaluation then comes about a week before the last day", "short"),
        ("practices/check-in.md", "Hold the final evaluation about four weeks before the last day", "long"),
        ("toolkit/final-evaluation-exit.md", "about four weeks in a placement of 35 weeks or more", "long"),
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_final_evaluation_falls_when_the_planner_books_it(lang):
    """The rhythm table is set for 3 to 8 months, the planner's "standard" band; the list of other
    lengths and the checklist's note give the "short" and "long" bands'."""
    weeks = {"short": "1w", "standard": "2w", "long": "4w"}
    for name, words, key in FINAL_EVALUATION[lang]:
        assert band(key)["final_evaluation_before_end"] == weeks[key]
    assert_pages_say(lang, [(name, words) for name, words, _ in FINAL_EVALUATION[lang]])
    assert not re.search(r"2[–-]4 (?:last weeks|dernières semaines)|Last 2[–-]4 weeks|2 à 4 dernières", page(lang, "practices/check-in.md"))


MID_REVIEW = {
    # Half of 12 and of 16 weeks: the planner books the review at mid_review_at of the length.
    "fr": [
        ("practices/check-in.md", "au bout de 6 semaines sur 12, de 8 semaines sur 16"),
        ("placement-step-by-step.md", "au bout de 6 semaines pour un stage de 12 semaines, de 8 semaines pour un stage de 16 semaines"),
    ],
    "en": [
        ("practices/check-in.md", "6 weeks into 12, 8 into 16"),
        ("placement-step-by-step.md", "6 weeks into a 12-week placement, 8 weeks into a 16-week one"),
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_mid_placement_review_falls_halfway_as_the_planner_books_it(lang):
    assert {b["mid_review_at"] for b in PLANNER["bands"]} == {"50%"}
    assert_pages_say(lang, MID_REVIEW[lang])


SECOND_HALF_ROW = {
    "fr": "| Seconde moitié | Après le bilan | Aux deux semaines; chaque semaine si votre stagiaire le préfère",
    "en": "| Second half | After the review | Every two weeks; weekly if the student prefers",
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_students_preference_still_counts_after_the_mid_placement_review(lang):
    """The planner lets the student's preference move the second half's check-ins, as before the review."""
    segment = next(s for s in band("standard")["rhythm"] if s["phase"] == "second-half")
    assert segment["every"] == "biweekly" and segment["range"] == ["weekly", "biweekly"]
    assert SECOND_HALF_ROW[lang] in page(lang, "practices/check-in.md")


# The optional follow-up: the guide suggests a range, and the pages name the planner's day in it.
FOLLOW_UP = {
    "fr": [
        ("practices/check-in.md", "| 2 à 6 semaines après la fin (4 dans le planificateur) |"),
        ("placement-step-by-step.md", "de deux à six semaines après la fin : le [planificateur](toolkit/planner.md) peut ajouter cette rencontre à votre calendrier, au bout de quatre semaines."),
        ("closing-well.md", "prise de nouvelles de deux à six semaines après la fin"),
    ],
    "en": [
        ("practices/check-in.md", "| 2–6 weeks after the end (4 in the planner) |"),
        ("placement-step-by-step.md", "two to six weeks after the end: the [check-in planner](toolkit/planner.md) can add this follow-up to your calendar at the four-week mark."),
        ("closing-well.md", "a follow-up two to six weeks after the end"),
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_follow_up_falls_in_the_guides_range_where_the_pages_say_the_planner_books_it(lang):
    assert PLANNER["follow_up_after_end"] == "4w"
    assert_pages_say(lang, FOLLOW_UP[lang])


# A remote student's daily touchpoint: two weeks, where the pages give the rhythm and in the planner.
REMOTE_DAILY_TOUCHPOINT = {
    "fr": [
        ("practices/check-in.md", "Court point quotidien de 10 à 15 minutes (pendant les deux premières semaines si le stage se fait à distance)"),
        ("practices/check-in.md", "Notre conseil : si le stage se fait entièrement à distance, tenez un court point quotidien par vidéo ou par clavardage pendant les deux premières semaines;"),
        ("remote-hybrid.md", "Un court point quotidien de 10 à 15 minutes pendant les deux premières semaines."),
    ],
    "en": [
        ("practices/check-in.md", "Short daily touchpoint (10–15 minutes; for the first two weeks if the work is remote)"),
        ("practices/check-in.md", "Our advice: if the work is fully remote, hold a short daily touchpoint by video or chat for the first two weeks;"),
        ("remote-hybrid.md", "A short daily touchpoint of 10 to 15 minutes for the first two weeks."),
    ],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_remote_students_daily_touchpoint_lasts_two_weeks_as_the_planner_books_it(lang):
    formats = {f["key"]: f for f in PLANNER["formats"]}
    assert (formats["on-site"]["daily_weeks"], formats["remote"]["daily_weeks"]) == (1, 2)
    assert_pages_say(lang, REMOTE_DAILY_TOUCHPOINT[lang])


# In Quebec the planner moves a holiday to the Monday only for June 24 and July 1 on a Sunday, as
# the trainees Act does (legal-hr-basics.md); the planner page says so.
QUEBEC_OBSERVED = {
    "fr": [("toolkit/planner.md", "Au Québec, il ne reporte que la fête nationale (24 juin) et la fête du Canada (1er juillet), "
            "et seulement quand elles tombent un dimanche")],
    "en": [("toolkit/planner.md", "In Quebec, it does so only when Quebec's National Holiday (June 24) or Canada Day (July 1) "
            "falls on a Sunday")],
}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_planner_page_says_which_quebec_holidays_move_as_the_planner_has_it(lang):
    quebec = next(p for p in PLANNER["provinces"] if p["key"] == "QC")
    assert sorted(quebec["observed"]) == ["Canada Day", "Saint John the Baptist Day"]
    assert_pages_say(lang, QUEBEC_OBSERVED[lang])
