"""The content check on the two references pages (the same sources, by ID, in the same order) and
on front matter mistakes YAML reads silently or words as jargon: the exact ``file:line: message``
an editor reads.

Fixtures: each folder under tests/fixtures/contentcheck/ named here is copied over a copy of
valid/ (see tests/test_contentcheck.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import replace_once
from test_contentcheck import findings_of, fixture_tree
from wilguide.contentcheck import load_project, run_rules
from wilguide.yamlload import safe_load, yaml_problem

ROOT = Path(__file__).resolve().parent.parent
SAME_SOURCES = "both references pages hold the same sources, in the same order"
SAME_ID = "use the same ID in both languages (keep the one other pages and readers' bookmarks already link to)"


def on_references_pages(findings: list[str]) -> list[str]:
    """Findings about the references pages themselves (a renamed source also breaks citations)."""
    return [finding for finding in findings if finding.split(":", 1)[0].endswith("/references.md")]


# The references pages: the same sources in both languages.


def test_a_source_on_one_references_page_only_is_missing_on_the_other(tmp_path):
    # English only: placed between the sources around it; French only: after the last source.
    assert findings_of(fixture_tree(tmp_path, "references-sources")) == [
        "docs/en/references.md:19: the source { #cnesst-stagiaires } of docs/fr/references.md:17 is missing here: add "
        f"its entry at the end of the page, with the same ID, or remove it there ({SAME_SOURCES})",
        "docs/fr/references.md:13: the source { #ohrc-ableism-2016 } of docs/en/references.md:13 is missing here: add "
        f"its entry before this heading, with the same ID, or remove it there ({SAME_SOURCES})",
    ]


def test_a_missing_source_goes_into_its_group_of_sources(tmp_path):
    """The first source of an H2's group is placed after that H2, not after the previous group."""
    root = fixture_tree(tmp_path)
    english = root / "docs" / "en" / "references.md"
    replace_once(english, "### Statistics Canada", "## Data { #data }\n\n### Statistics Canada")
    replace_once(root / "docs" / "fr" / "references.md", "### Statistique Canada", "## Données { #data }\n\n### Statistique Canada")
    replace_once(english, "### Statistics Canada", "### Mentor Canada { #mentor-canada }\n\nA survey.\n\n### Statistics Canada")
    assert findings_of(root) == [
        "docs/fr/references.md:15: the source { #mentor-canada } of docs/en/references.md:15 is missing here: add its "
        f"entry before this heading, with the same ID, or remove it there ({SAME_SOURCES})",
    ]


def test_a_source_moved_renamed_copied_or_without_an_id_on_one_references_page(tmp_path):
    root = fixture_tree(tmp_path)
    french = root / "docs" / "fr" / "references.md"
    valid = french.read_text(encoding="utf-8")

    # Moved: reported where the headings are compared from, like a moved H2.
    bher, statcan = valid.split("### Statistique Canada")
    french.write_text(bher.replace("### TRAES", "### Statistique Canada" + statcan.rstrip("\n") + "\n\n### TRAES") + "\n",
                      encoding="utf-8")
    assert findings_of(root) == [
        "docs/en/references.md:13: the source { #statcan-2020 } is out of order: in docs/fr/references.md it comes "
        "first; both references pages hold the same sources in the same order",
    ]

    # A French-style ID: named on both pages, as for an H2 (the French citations break too).
    french.write_text(valid.replace("{ #bher-consultation-2020 }", "{ #traes-consultation-2020 }"), encoding="utf-8")
    assert on_references_pages(findings_of(root)) == [
        "docs/en/references.md:9: this source's ID { #bher-consultation-2020 } differs from { #traes-consultation-2020 }, "
        f"the ID of the matching source at docs/fr/references.md:9: {SAME_ID}",
        "docs/fr/references.md:9: this source's ID { #traes-consultation-2020 } differs from { #bher-consultation-2020 }, "
        f"the ID of the matching source at docs/en/references.md:9: {SAME_ID}",
    ]

    # No ID: the matching source's ID is suggested, and not also said to be missing.
    french.write_text(valid.replace(" { #statcan-2020 }", ""), encoding="utf-8")
    assert on_references_pages(findings_of(root)) == [
        "docs/fr/references.md:13: this source has no ID: end the line with { #statcan-2020 }, the ID of the matching "
        "source at docs/en/references.md:13",
    ]

    # A copied entry whose ID was not changed.
    french.write_text(valid.replace("{ #statcan-2020 }", "{ #bher-consultation-2020 }"), encoding="utf-8")
    assert on_references_pages(findings_of(root)) == [
        "docs/fr/references.md:13: the ID { #bher-consultation-2020 } is already used by the source at line 9: give "
        "each source its own ID",
        "docs/fr/references.md:13: the source { #statcan-2020 } of docs/en/references.md:13 is missing here: add its "
        f"entry before this heading, with the same ID, or remove it there ({SAME_SOURCES})",
    ]


def test_the_real_references_pages_hold_the_same_sources_in_the_same_order():
    project = load_project(ROOT)
    sources = {lang: [h.id for h in project.pages[lang]["references.md"].headings if h.level == 3] for lang in project.languages}
    english, french = sources["en"], sources["fr"]
    assert len(english) > 100 and None not in english
    assert english == french
    assert [f for f in run_rules(project, ["headings"]) if "/references.md:" in str(f)] == []


# Front matter: unknown keys, and what YAML drops without an error.


def test_unknown_front_matter_keys_and_words_yaml_drops(tmp_path):
    # A misspelt description is not also said to be missing; a comment after a list is fine.
    assert findings_of(fixture_tree(tmp_path, "front-matter-keys")) == [
        "docs/en/guide.md:2: unknown front matter key 'descripton': did you mean 'description'?",
        "docs/en/index.md:3: unknown front matter key 'layout': remove it, or use one of description, title, search, "
        "checklist, form",
        "docs/en/index.md:5: unknown key 'keyword' under 'search:': did you mean 'keywords'?",
        "docs/fr/guide.md:2: unknown front matter key 'Title': did you mean 'title'?",
        'docs/fr/guide.md:3: " #" starts a comment: the words after it are dropped: put the value in double quotes',
        'docs/fr/index.md:2: a value cannot start with "&": put the value in double quotes',
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("checklist: true", "checklist:\nfields: [name, date]",
         "docs/en/toolkit/checklist.md:4: 'fields' belongs under 'checklist:': indent it by two spaces"),
        ("checklist: true", "checklist:\n  fields: [name, date]\nsection_notes: Notes",
         "docs/en/toolkit/checklist.md:5: 'section_notes' belongs under 'checklist:': indent it by two spaces"),
        ("checklist: true", "checklist: true\nsection_notes: Notes",
         "docs/en/toolkit/checklist.md:4: 'section_notes' belongs under 'checklist:': write 'checklist:' alone on its "
         "line, and indent 'section_notes' by two spaces under it"),
        ("checklist: true", "form:\nexamples: goal",
         "docs/en/toolkit/checklist.md:4: 'examples' belongs under 'form:': indent it by two spaces"),
    ],
)
def test_a_checklist_setting_that_lost_its_indentation(tmp_path, old, new, message):
    """Named at its line (the checklists rule, which says the page is no longer a checklist, is
    left out: its words are its own)."""
    root = fixture_tree(tmp_path)
    replace_once(root / "docs" / "en" / "toolkit" / "checklist.md", old, new)
    assert findings_of(root, ["front-matter"]) == [message]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("description: **Who** supervises\n", 1,
         'a value cannot start with "*": the description is plain text: remove the Markdown'),
        ("search:\n  keywords: [a]\ntitle: *Roles*\n", 3, 'a value cannot start with "*": the title is plain text: remove the Markdown'),
        ("description: `wilguide-check` finds mistakes\n", 1,
         'a value cannot start with "`": the description is plain text: remove the Markdown'),
        ("description: !Important: read this\n", 1, 'a value cannot start with "!": put the value in double quotes'),
        ("description: & more\n", 1, 'a value cannot start with "&": put the value in double quotes'),
        ("phases:\n  - key: a\n    name:\n      fr: *Accueil*\n", 4, 'a value cannot start with "*": put the value in double quotes'),
        ("description: 'Qui supervise et ce qui revient à l'organisation.'\nsearch:\n  keywords: [a]\n", 1,
         "this value starts with ' and contains an apostrophe: remove the outer quotes or use double quotes"),
        ("  - 'C'est la fin'\n", 1, "this value starts with ' and contains an apostrophe: remove the outer quotes or use double quotes"),
        # Quoted words followed by more words: no apostrophe, the usual words.
        ("description: 'Roles' and more\n", 1, "a line is indented differently from the lines around it"),
    ],
)
def test_yaml_values_that_start_with_markup_or_hold_an_apostrophe_in_single_quotes(text, line, message):
    with pytest.raises(yaml.YAMLError) as error:
        safe_load(text)
    assert yaml_problem(error.value, text) == (line, message)


def test_values_yaml_reads_are_not_reported():
    """'' is an apostrophe inside single quotes; a star or a sign inside a value is plain text."""
    for text in ("description: 'C''est la fin'\n", "description: Roles *and* tasks & more! #1\n", 'description: "*Roles*"\n'):
        safe_load(text)


def test_a_front_matter_mistake_that_names_its_fix_gets_no_general_advice(tmp_path):
    root = fixture_tree(tmp_path)
    replace_once(root / "docs" / "fr" / "guide.md", "description: Comment faire.", "description: 'L'art de bien faire.'")
    replace_once(root / "docs" / "en" / "guide.md", "description: How to", "description: **How** to")
    assert findings_of(root) == [
        'docs/en/guide.md:2: the front matter is not valid YAML: a value cannot start with "*": the description is '
        "plain text: remove the Markdown",
        "docs/fr/guide.md:2: the front matter is not valid YAML: this value starts with ' and contains an apostrophe: "
        "remove the outer quotes or use double quotes",
    ]


def test_a_checklist_page_s_own_reader_words_the_same_mistake_the_same_way():
    from wilguide.checklists.parser import split_front_matter

    with pytest.raises(ValueError, match=r'at line 2 of the page: a value cannot start with "`": the description is plain text'):
        split_front_matter("---\ndescription: `Print` this list\nchecklist: true\n---\n\n# List\n")
