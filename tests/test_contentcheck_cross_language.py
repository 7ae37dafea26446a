"""Differences between the two languages, named for what they are and reported where the editor
made them: a glossary term missing in one language, out of order, under another H2 or with
another ID (compared as the H2s are); a blank line between a term and its definition; and, once a
pair is recorded in step (content/translation-record.yml), an order difference, a checklist item
missing or renamed, and a glossary difference reported in the one file that changed since.

Fixtures as in test_contentcheck.py: tests/fixtures/contentcheck/<case>/ copied over valid/;
glossary-in-step/ adds a glossary that passes in both languages, which each test edits once.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from conftest import replace_once
from test_contentcheck import findings_of, fixture_tree
from wilguide.contentcheck import load_project
from wilguide.contentcheck.glossary_terms import terms
from wilguide.contentcheck.translations_cli import main as translations_main

EN, FR = "docs/en/glossary.md", "docs/fr/glossary.md"
GROUPED = "(terms are grouped by topic)"
SAME_ORDER = f"both glossaries have the same terms in the same order {GROUPED}"
BUDDY = "Buddy { #buddy }\n:   A colleague who shows the student around.\n\n"
ONBOARDING_FR = "Accueil et intégration { #onboarding }\n:   Accueillir la ou le stagiaire et l'aider à s'installer.\n\n"
CHECKLIST_EN, CHECKLIST_FR = "docs/en/toolkit/checklist.md", "docs/fr/toolkit/checklist.md"


def recorded(root: Path) -> Path:
    """Every page pair recorded in step, as an editor does after checking them."""
    assert translations_main(["--root", str(root), "record", "--all"]) == 0
    return root


def test_h2s_swapped_in_french_after_the_record_are_reported_in_french_with_the_english_line(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    page = root / "docs/fr/guide.md"
    text = page.read_text(encoding="utf-8")
    first, second = text.index("## Comment s'y prendre"), text.index("## Outils")
    page.write_text(text[:first] + text[second:].rstrip("\n") + "\n\n" + text[first:second].rstrip("\n") + "\n", encoding="utf-8")
    assert findings_of(root) == [
        "docs/fr/guide.md:11: the H2 { #what-to-do } is out of order: in docs/en/guide.md:7 it comes first; both languages "
        "have the same H2s in the same order",
    ]


@pytest.fixture
def glossary(tmp_path) -> Path:
    return fixture_tree(tmp_path, "glossary-in-step")


def move_onboarding_in_french(root: Path, before: str | None = None) -> None:
    """Before the line ``before``, or at the end of the page."""
    replace_once(root / FR, ONBOARDING_FR, "")
    if before:
        replace_once(root / FR, before, ONBOARDING_FR + before)
    else:
        (root / FR).write_text((root / FR).read_text(encoding="utf-8") + "\n" + ONBOARDING_FR.rstrip("\n") + "\n", encoding="utf-8")


def test_the_glossary_fixture_passes(glossary):
    assert findings_of(glossary) == []


# --- The glossary, compared as the H2s are (no translation record: the default placement) ---


@pytest.mark.parametrize("before, line, place", [
    ("Onboarding { #onboarding }", 17, "at this place"),  # first of its topic: before the next term
    ("## Steps { #steps }", 15, "before this heading"),  # last of its topic: before the next H2
])
def test_a_term_in_english_only_is_missing_in_french_where_it_belongs(glossary, before, line, place):
    added = replace_once(glossary / EN, before, BUDDY + before)
    assert findings_of(glossary) == [
        f"{FR}:{line}: the glossary term {{ #buddy }} of {EN}:{added} is missing here: add it {place} {GROUPED}, or "
        "remove it there",
    ]


def test_a_term_in_english_only_at_the_end(glossary):
    added = replace_once(glossary / EN, "A short, regular meeting.\n", "A short, regular meeting.\n\n" + BUDDY) + 2
    assert findings_of(glossary) == [
        f"{FR}:24: the glossary term {{ #buddy }} of {EN}:{added} is missing here: add it at the end of the page "
        f"{GROUPED}, or remove it there",
    ]


def test_a_term_moved_in_french_is_out_of_order(glossary):
    move_onboarding_in_french(glossary)
    assert findings_of(glossary) == [
        f"{EN}:17: the glossary term {{ #onboarding }} is out of order: in {FR}:23 it comes after {{ #check-in }}; "
        f"{SAME_ORDER}",
    ]


def test_a_term_moved_under_another_h2(glossary):
    """The terms keep their order, but one moved to the end of the previous topic."""
    move_onboarding_in_french(glossary, "## Les étapes { #steps }")
    assert findings_of(glossary) == [
        f"{EN}:17: the glossary term {{ #onboarding }} is under the H2 {{ #steps }} here but under the H2 {{ #people }} in "
        f"{FR}:15: put it under the same H2 in both languages {GROUPED}",
    ]


def test_an_english_glossary_sorted_alphabetically_names_the_moved_terms(glossary):
    text = (glossary / EN).read_text(encoding="utf-8")
    steps = text.split("## Steps { #steps }\n\n")[1]
    onboarding, learning_plan, check_in = steps.rstrip("\n").split("\n\n")
    (glossary / EN).write_text(text.replace(steps, f"{check_in}\n\n{learning_plan}\n\n{onboarding}\n"), encoding="utf-8")
    assert findings_of(glossary) == [
        f"{EN}:20: the glossary term {{ #learning-plan }} is out of order: in {FR}:20 it comes after {{ #onboarding }}; "
        f"{SAME_ORDER}",
        f"{EN}:23: the glossary term {{ #onboarding }} is out of order: in {FR}:17 it comes first under the H2 "
        f"{{ #steps }}; {SAME_ORDER}",
    ]


def test_a_french_style_id_is_reported_in_both_files_with_ids_in_english(glossary):
    replace_once(glossary / FR, "{ #onboarding }", "{ #accueil-et-integration }")
    advice = "use the same ID in both languages (IDs are in English; keep the one other pages and readers' bookmarks already link to)"
    assert findings_of(glossary) == [
        f"{EN}:17: this glossary term's ID {{ #onboarding }} differs from {{ #accueil-et-integration }}, the ID of the "
        f"matching term at {FR}:17: {advice}",
        f"{FR}:17: this glossary term's ID {{ #accueil-et-integration }} differs from {{ #onboarding }}, the ID of the "
        f"matching term at {EN}:17: {advice}",
    ]


def test_a_term_without_an_id_gets_the_id_of_the_term_at_its_place(glossary):
    replace_once(glossary / FR, "Accueil et intégration { #onboarding }", "Accueil et intégration")
    assert findings_of(glossary) == [
        f"{FR}:17: this glossary term has no ID: end the line with {{ #onboarding }}, the ID of the matching term at {EN}:17",
    ]


def test_a_blank_line_between_a_term_and_its_definition_is_read_as_python_markdown_reads_it(glossary):
    """Python-Markdown's def_list takes the paragraph before a ":" line as its term, blank lines or
    not, and keeps the term's ID: the term is compared like the others (it used to be skipped, and
    every term after it was said to have another ID)."""
    replace_once(glossary / EN, "Onboarding { #onboarding }\n", "Onboarding { #onboarding }\n\n")
    page = load_project(glossary).pages["en"]["glossary.md"]
    assert [(term.id, term.line) for term in terms(page)][2:] == [("onboarding", 17), ("learning-plan", 21), ("check-in", 24)]
    assert findings_of(glossary) == []
    html = markdown.markdown(page.body, extensions=["attr_list", "def_list"])
    assert '<dt id="onboarding">Onboarding</dt>\n<dd>\n<p>Welcoming a student' in html


# --- The file that alone changed since the translation record gets the finding ---


def test_a_term_moved_in_french_after_the_record_is_reported_in_french(glossary):
    move_onboarding_in_french(recorded(glossary))
    assert findings_of(glossary) == [
        f"{FR}:23: the glossary term {{ #onboarding }} is out of order: in {EN}:17 it comes first under the H2 "
        f"{{ #steps }}; {SAME_ORDER}",
    ]


def test_a_term_moved_under_another_h2_after_the_record_is_reported_in_french(glossary):
    move_onboarding_in_french(recorded(glossary), "## Les étapes { #steps }")
    assert findings_of(glossary) == [
        f"{FR}:15: the glossary term {{ #onboarding }} is under the H2 {{ #people }} here but under the H2 {{ #steps }} in "
        f"{EN}:17: put it under the same H2 in both languages {GROUPED}",
    ]


def test_a_term_added_in_english_after_the_record_is_reported_in_english(glossary):
    added = replace_once(recorded(glossary) / EN, "Onboarding { #onboarding }", BUDDY + "Onboarding { #onboarding }")
    assert findings_of(glossary) == [
        f"{EN}:{added}: the glossary term {{ #buddy }} is not in {FR}: add it there, before line 17 {GROUPED}, or remove it here",
    ]


def test_a_term_removed_in_french_after_the_record_is_missing_there(glossary):
    replace_once(recorded(glossary) / FR, ONBOARDING_FR, "")
    assert findings_of(glossary) == [
        f"{FR}:17: the glossary term {{ #onboarding }} of {EN}:17 is missing here: add it at this place {GROUPED}, or "
        "remove it there",
    ]


def test_a_french_style_id_after_the_record_is_reported_in_french_only(glossary):
    replace_once(recorded(glossary) / FR, "{ #onboarding }", "{ #accueil-et-integration }")
    assert findings_of(glossary) == [
        f"{FR}:17: this glossary term's ID {{ #accueil-et-integration }} differs from {{ #onboarding }}, the ID of the "
        f"matching term at {EN}:17: use the same ID in both languages (IDs are in English; keep the one other pages and "
        "readers' bookmarks already link to)",
    ]


def test_a_glossary_changed_in_both_languages_keeps_the_default_placement(glossary):
    recorded(glossary)
    replace_once(glossary / EN, "A short, regular meeting.", "A short, regular meeting, weekly at first.")
    move_onboarding_in_french(glossary)
    assert findings_of(glossary) == [
        f"{EN}:17: the glossary term {{ #onboarding }} is out of order: in {FR}:23 it comes after {{ #check-in }}; "
        f"{SAME_ORDER}",
    ]


SWAPPED = ("- [ ] Confirmer les dates. { #confirm-dates }\n- [ ] Préparer le poste. { #prepare-desk }\n",
           "- [ ] Préparer le poste. { #prepare-desk }\n- [ ] Confirmer les dates. { #confirm-dates }\n")


def test_items_swapped_in_french_are_reported_in_english_without_a_record(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / CHECKLIST_FR, *SWAPPED)
    assert findings_of(root) == [
        f"{CHECKLIST_EN}:10: item 'confirm-dates' is out of order: {CHECKLIST_FR} has 'prepare-desk' at this position (line 10)",
    ]


def test_items_swapped_in_french_after_the_record_are_reported_in_french(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    replace_once(root / CHECKLIST_FR, *SWAPPED)
    assert findings_of(root) == [
        f"{CHECKLIST_FR}:10: item 'prepare-desk' is out of order: {CHECKLIST_EN} has 'confirm-dates' at this position (line 10)",
    ]


def test_items_swapped_in_french_with_english_changed_too_keep_the_default_placement(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    replace_once(root / CHECKLIST_FR, *SWAPPED)
    replace_once(root / CHECKLIST_EN, "Prepare the desk.", "Prepare the desk and the badge.")
    assert findings_of(root) == [
        f"{CHECKLIST_EN}:10: item 'confirm-dates' is out of order: {CHECKLIST_FR} has 'prepare-desk' at this position (line 10)",
    ]


def test_an_item_removed_in_french_after_the_record_is_missing_there(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    replace_once(root / CHECKLIST_FR, "- [ ] Préparer le poste. { #prepare-desk }\n", "")
    assert findings_of(root) == [
        f"{CHECKLIST_FR}:10: item 'prepare-desk' of {CHECKLIST_EN}:11 has no counterpart here: add it after this item, or "
        "remove it there",
    ]


def test_an_item_moved_to_another_section_in_french_after_the_record_is_reported_in_french(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    replace_once(root / CHECKLIST_EN, "- [ ] Prepare the desk. { #prepare-desk }\n",
                 "- [ ] Prepare the desk. { #prepare-desk }\n\n## After { #after }\n\n- [ ] Thank the team. { #thank-team }\n")
    replace_once(root / CHECKLIST_FR, "- [ ] Préparer le poste. { #prepare-desk }\n",
                 "- [ ] Préparer le poste. { #prepare-desk }\n\n## Après { #after }\n\n- [ ] Remercier l'équipe. { #thank-team }\n")
    recorded(root)
    replace_once(root / CHECKLIST_FR, "- [ ] Préparer le poste. { #prepare-desk }\n\n## Après { #after }\n",
                 "\n## Après { #after }\n\n- [ ] Préparer le poste. { #prepare-desk }\n")
    assert findings_of(root) == [
        f"{CHECKLIST_FR}:14: item 'prepare-desk' is in section 'after' here but in section 'before' in {CHECKLIST_EN}:11",
    ]


def test_a_misspelt_item_key_gets_the_key_of_the_other_language(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / CHECKLIST_FR, "{ #prepare-desk }", "{ #prepare-dsek }")
    assert findings_of(root) == [
        f"{CHECKLIST_EN}:11: item 'prepare-desk' has no counterpart in {CHECKLIST_FR}: did you mean 'prepare-dsek' "
        f"(line 11 of {CHECKLIST_FR})?",
        f"{CHECKLIST_FR}:11: item 'prepare-dsek' has no counterpart in {CHECKLIST_EN}: did you mean 'prepare-desk' "
        f"(line 11 of {CHECKLIST_EN})?",
    ]


def test_a_misspelt_item_key_after_the_record_is_reported_once_where_it_was_typed(tmp_path):
    root = recorded(fixture_tree(tmp_path))
    replace_once(root / CHECKLIST_FR, "{ #prepare-desk }", "{ #prepare-dsek }")
    assert findings_of(root) == [
        f"{CHECKLIST_FR}:11: item 'prepare-dsek' has no counterpart in {CHECKLIST_EN}: did you mean 'prepare-desk' "
        f"(line 11 of {CHECKLIST_EN})?",
    ]


def test_an_unrelated_key_gets_no_guess(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / CHECKLIST_FR, "{ #prepare-desk }", "{ #welcome-lunch }")
    assert f"{CHECKLIST_FR}:11: item 'welcome-lunch' has no counterpart in {CHECKLIST_EN}" in findings_of(root)
