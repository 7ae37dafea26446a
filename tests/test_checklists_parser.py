"""The checklist source format: parsing, and every bad-input rule with its exact file:line message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wilguide.checklists import compare_translations, load_all, load_checklist, parse_checklist
from wilguide.checklists.downloads import with_settings
from wilguide.checklists.web import render_checklist_markdown
from wilguide.findings import ContentError

FR = """\
---
description: Avant l'arrivée.
checklist:
  fields: [student, supervisor, date, notes]
---

# Avant la première journée

Introduction, avec une liste ordinaire :

- un point qui n'est pas une tâche

## Logistique { #logistics }

- [ ] Confirmer les dates. { #confirm-dates }
- [ ] Préparer le poste
  de travail et les accès. { #workspace }

## L'équipe { #team }

- [ ] Annoncer l'arrivée à l'équipe. { #tell-team }

## Pour aller plus loin { #more }

Un paragraphe sur le web seulement.
"""

EN = """\
---
description: Before arrival.
checklist:
  fields: [student, supervisor, date, notes]
---

# Before the first day

Introduction.

## Practical details { #logistics }

- [ ] Confirm the dates. { #confirm-dates }
- [ ] Set up the workspace and accounts. { #workspace }

## People { #team }

- [ ] Tell the team. { #tell-team }

## Going further { #more }

A web-only paragraph.
"""


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    """A docs folder with one checklist in both languages; paths print relative to tmp_path."""
    monkeypatch.chdir(tmp_path)
    for lang, text in (("fr", FR), ("en", EN)):
        folder = tmp_path / "docs" / lang / "toolkit"
        folder.mkdir(parents=True)
        (folder / "sample.md").write_text(text, encoding="utf-8")
        (folder / "index.md").write_text("---\ndescription: x\n---\n\n# Index\n", encoding="utf-8")
    return tmp_path / "docs"


def write(docs: Path, lang: str, text: str) -> None:
    (docs / lang / "toolkit" / "sample.md").write_text(textwrap.dedent(text), encoding="utf-8")


def messages(error: pytest.ExceptionInfo) -> list[str]:
    return [str(finding) for finding in error.value.findings]


def edited(source: str, old: str, new: str) -> str:
    assert old in source, old
    return source.replace(old, new, 1)


def test_a_valid_checklist_parses_into_title_sections_and_items(docs):
    checklist = load_checklist(docs, "fr", "sample")
    assert checklist.title == "Avant la première journée"
    assert checklist.description == "Avant l'arrivée."
    assert checklist.fields == ("student", "supervisor", "date", "notes")
    assert [s.id for s in checklist.sections] == ["logistics", "team"]  # "more" has no items: web only
    assert [(i.key, i.text, i.line) for i in checklist.items] == [
        ("confirm-dates", "Confirmer les dates.", 15),
        ("workspace", "Préparer le poste de travail et les accès.", 16),
        ("tell-team", "Annoncer l'arrivée à l'équipe.", 21),
    ]


def test_both_languages_load_and_match(docs):
    loaded = load_all(docs, ["fr", "en"])
    assert list(loaded["en"]) == ["sample"]
    assert [i.key for i in loaded["en"]["sample"].items] == [i.key for i in loaded["fr"]["sample"].items]


def test_checklist_true_uses_the_default_fields(docs):
    write(docs, "fr", edited(FR, "checklist:\n  fields: [student, supervisor, date, notes]\n", "checklist: true\n"))
    assert load_checklist(docs, "fr", "sample").fields == ("student", "supervisor", "date", "notes")


def test_items_before_the_first_section_form_an_untitled_section(docs):
    write(docs, "fr", "---\ndescription: d\nchecklist: true\n---\n\n# T\n\n- [ ] Un. { #one }\n- [ ] Deux. { #two }\n")
    checklist = load_checklist(docs, "fr", "sample")
    assert [(s.id, s.title) for s in checklist.sections] == [(None, None)]
    assert [i.key for i in checklist.items] == ["one", "two"]


def test_an_empty_checklist_fails_at_its_title(docs):
    write(docs, "fr", "---\ndescription: d\nchecklist: true\n---\n\n# Vide\n\nRien à cocher.\n")
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "fr", "sample")
    assert messages(error) == ["docs/fr/toolkit/sample.md:6: checklist has no items: add '- [ ] text { #key }' lines"]


def test_an_item_missing_in_one_language_names_the_key_and_the_item_without_counterpart(docs):
    write(docs, "en", edited(EN, "- [ ] Tell the team. { #tell-team }\n", ""))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/fr/toolkit/sample.md:21: item 'tell-team' has no counterpart in docs/en/toolkit/sample.md"
    ]


def test_an_extra_item_in_the_second_language_is_reported_there(docs):
    write(docs, "en", edited(EN, "- [ ] Tell the team. { #tell-team }\n", "- [ ] Tell the team. { #tell-team }\n- [ ] Book a lunch. { #lunch }\n"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == ["docs/en/toolkit/sample.md:19: item 'lunch' has no counterpart in docs/fr/toolkit/sample.md"]


def test_items_in_another_order_or_section_are_reported(docs):
    swapped = edited(EN, "- [ ] Confirm the dates. { #confirm-dates }\n- [ ] Set up the workspace and accounts. { #workspace }\n",
                     "- [ ] Set up the workspace and accounts. { #workspace }\n- [ ] Confirm the dates. { #confirm-dates }\n")
    write(docs, "en", swapped)
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:13: item 'workspace' is out of order: docs/fr/toolkit/sample.md has 'confirm-dates' at this position (line 15)"
    ]

    moved = edited(EN, "- [ ] Set up the workspace and accounts. { #workspace }\n\n## People { #team }\n",
                   "\n## People { #team }\n\n- [ ] Set up the workspace and accounts. { #workspace }\n")
    write(docs, "en", moved)
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert "docs/en/toolkit/sample.md:17: item 'workspace' is in section 'team' here but in section 'logistics' in docs/fr/toolkit/sample.md:16" in messages(error)


def test_a_section_missing_in_one_language(docs):
    write(docs, "en", edited(EN, "## People { #team }", "## People { #people }"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert "docs/fr/toolkit/sample.md:19: section 'team' has no counterpart in docs/en/toolkit/sample.md" in messages(error)
    assert "docs/en/toolkit/sample.md:16: section 'people' has no counterpart in docs/fr/toolkit/sample.md" in messages(error)


def test_different_fields_in_the_two_languages(docs):
    write(docs, "en", edited(EN, "fields: [student, supervisor, date, notes]", "fields: [student, date]"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:1: checklist.fields (student, date) differ from docs/fr/toolkit/sample.md (student, supervisor, date, notes)"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- [ ] Confirmer les dates. { #Confirm_Dates }", "bad item key 'Confirm_Dates': use lowercase letters, digits and hyphens, as in { #confirm-dates }"),
        ("- [ ] Confirmer les dates. { #confirm--dates }", "bad item key 'confirm--dates': use lowercase letters, digits and hyphens, as in { #confirm-dates }"),
        ("- [ ] Confirmer les dates.", "item has no key: end it with a marker such as { #confirm-dates }"),
        ("- [ ] Confirmer les dates. {confirm-dates}", "malformed item key marker '{confirm-dates}': write it as { #confirm-dates }"),
        ("- [ ] Nommer les points à travailler. { growth-areas }", "malformed item key marker '{ growth-areas }': write it as { #growth-areas }"),
        ("- [ ] Nommer les points à travailler. {# growth-areas}", "malformed item key marker '{# growth-areas}': write it as { #growth-areas }"),
        ("- [ ] Nommer les points à travailler. {Points à travailler}", "malformed item key marker '{Points à travailler}': write it as { #confirm-dates }"),
        ("- [ ] { #confirm-dates }", "item 'confirm-dates' has no text"),
        ("- [x] Confirmer les dates. { #confirm-dates }", "item is ticked: items start unticked, as in '- [ ] text { #key }'"),
        ("- Confirmer les dates. { #confirm-dates }", "list item is not a task: write it as '- [ ] text { #key }'"),
        ("- Confirmer les dates.", "list item is not a task: write it as '- [ ] text { #key }'"),
        ("* [ ] Confirmer les **dates**. { #confirm-dates }", "item 'confirm-dates' must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
        ("- [ ] Confirmer les <b>dates</b>. { #confirm-dates }", "item 'confirm-dates' must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
        ("- [ ] Voir [la page](x.md). { #confirm-dates }", "item 'confirm-dates' must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
        ("- [ ] Expliquer la *Loi sur les stagiaires*. { #confirm-dates }", "item 'confirm-dates' must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
        ("- [ ] Expliquer la _Loi_. { #confirm-dates }", "item 'confirm-dates' must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
    ],
)
def test_a_malformed_item_is_reported_at_its_line(docs, line, message):
    write(docs, "fr", edited(FR, "- [ ] Confirmer les dates. { #confirm-dates }", line))
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "fr", "sample")
    assert messages(error) == [f"docs/fr/toolkit/sample.md:15: {message}"]


def test_a_duplicate_key_points_to_the_first_use(docs):
    write(docs, "fr", edited(FR, "{ #tell-team }", "{ #workspace }"))
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "fr", "sample")
    assert messages(error) == ["docs/fr/toolkit/sample.md:21: duplicate item key 'workspace' (already used on line 16)"]


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("## L'équipe { #team }", "## L'équipe", 19, "section heading has no ID: write '## Title { #section-id }'"),
        ("## L'équipe { #team }", "## L'équipe { #logistics }", 19, "duplicate section ID 'logistics' (already used on line 13)"),
        ("## L'équipe { #team }", "### L'équipe", 19, "checklists use '## Title { #id }' sections only: remove this sub-heading"),
        ("- [ ] Annoncer l'arrivée à l'équipe. { #tell-team }", "- [ ] Annoncer l'arrivée. { #tell-team }\n    - [ ] Au dîner. { #lunch }", 22, "nested list in a checklist: make each point its own item"),
        ("- [ ] Annoncer l'arrivée à l'équipe. { #tell-team }", "- [ ] Annoncer l'arrivée. { #tell-team }\n\n    Un second paragraphe.", 23, "item text continues after a blank line: keep each item to one paragraph"),
        ("description: Avant l'arrivée.\n", "", 1, "front matter has no 'description:' (one sentence)"),
        ("  fields: [student, supervisor, date, notes]", "  fields: [student, boss]", 3, "unknown field(s) boss in checklist.fields; use: name, student, supervisor, mentor, coordinator, organization, placement-dates, date, next-check-in, notes"),
        ("# Avant la première journée\n", "", 6, "page has no '# Title'"),
    ],
)
def test_a_malformed_page_is_reported_at_its_line(docs, old, new, line, message):
    write(docs, "fr", edited(FR, old, new))
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "fr", "sample")
    assert f"docs/fr/toolkit/sample.md:{line}: {message}" in messages(error)


def test_invalid_front_matter_is_reported(docs):
    write(docs, "fr", "---\ndescription: [unclosed\n---\n\n# T\n")
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "fr", "sample")
    assert messages(error)[0].startswith("docs/fr/toolkit/sample.md:1: front matter is not valid YAML")


def test_a_page_marked_as_checklist_in_one_language_only(docs):
    write(docs, "en", edited(EN, "checklist:\n  fields: [student, supervisor, date, notes]\n", ""))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:1: front matter lacks 'checklist: true', but docs/fr/toolkit/sample.md is a checklist"
    ]


def test_every_error_in_every_file_is_reported_at_once(docs):
    write(docs, "fr", edited(FR, "{ #workspace }", "{ #Workspace }"))
    write(docs, "en", edited(EN, "- [ ] Tell the team. { #tell-team }", "- Tell the team. { #tell-team }"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:18: list item is not a task: write it as '- [ ] text { #key }'",
        "docs/fr/toolkit/sample.md:16: bad item key 'Workspace': use lowercase letters, digits and hyphens, as in { #confirm-dates }",
    ]


def test_parse_checklist_works_on_text_without_a_file(tmp_path):
    checklist = parse_checklist("---\ndescription: d\nchecklist: true\n---\n# T\n- [ ] A. { #a }\n", tmp_path / "x.md", "en")
    assert checklist.slug == "x" and [i.key for i in checklist.items] == ["a"]


def test_web_rendering_escapes_text_and_keeps_prose(docs):
    write(docs, "fr", edited(FR, "Confirmer les dates.", "Confirmer les dates & l'horaire \"prévus\"."))
    checklist = load_checklist(docs, "fr", "sample")
    body = (docs / "fr" / "toolkit" / "sample.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    from wilguide.checklists.downloads import Download

    downloads = [
        Download("T", "toolkit/downloads/avant-la-premiere-journee.pdf", "PDF", 2048, Path("x.pdf")),
        Download("T", "toolkit/downloads/avant-la-premiere-journee.docx", "DOCX", 1000, Path("x.docx")),
    ]
    rendered = render_checklist_markdown(body, checklist, downloads, "toolkit/sample.md")
    assert "wg-checklist__box" not in rendered.markdown  # set aside for the page's HTML
    html = rendered.restore(rendered.markdown)
    assert "Confirmer les dates &amp; l&#39;horaire &#34;prévus&#34;." in html
    items = html.split('<ul class="wg-checklist">')[1].split("</ul>")[0]
    assert "{ #" not in items and "- [ ]" not in items  # task syntax and key markers are gone
    assert "- un point qui n'est pas une tâche" in html  # prose lists are left alone
    assert '<input class="wg-checklist__box" type="checkbox" id="wg-sample-workspace" data-key="workspace" disabled>' in html
    assert '<label class="wg-checklist__label" for="wg-sample-workspace">' in html
    assert "[PDF à remplir (PDF, 2\u00a0ko)](downloads/avant-la-premiere-journee.pdf)" in html
    # The buttons come before the first section.
    assert html.index("wg-checklist-downloads") < html.index("## Logistique")


def test_an_item_s_phone_number_is_a_link_in_the_page(docs):
    write(docs, "fr", edited(FR, "Confirmer les dates.", "Donner l'adresse au 9-1-1."))
    from wilguide.checklists.downloads import Download

    downloads = [Download("T", f"toolkit/downloads/avant-la-premiere-journee.{ext}", ext.upper(), 1000, Path(f"x.{ext}")) for ext in ("pdf", "docx")]
    body = (docs / "fr" / "toolkit" / "sample.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    rendered = render_checklist_markdown(body, load_checklist(docs, "fr", "sample"), downloads, "toolkit/sample.md")
    assert "9-1-1" not in rendered.markdown
    assert 'Donner l&#39;adresse au <a class="wg-tel" href="tel:911">9-1-1</a>.</label>' in rendered.restore(rendered.markdown)


def test_printed_text_gets_settings_and_french_spacing(docs):
    write(docs, "fr", edited(FR, "Confirmer les dates.", "Confirmer les dates avec {{ publisher }} : vite, à 50 %, 2 semaines avant le 1er mai 2027?"))
    checklist = with_settings(load_checklist(docs, "fr", "sample"), {"publisher": "Mon org"})
    assert checklist.items[0].text == "Confirmer les dates avec Mon org\u00a0: vite, à 50\u00a0%, 2\u00a0semaines avant le 1er\u00a0mai\u00a02027?"


def test_compare_translations_of_identical_checklists_finds_nothing(docs):
    fr = load_checklist(docs, "fr", "sample")
    assert compare_translations(fr, load_checklist(docs, "en", "sample")) == []


@pytest.mark.parametrize("text", ["Prévoir 5 * 3 minutes, en_tête compris", "Une note * en fin de ligne", "Le fichier plan_final.docx"])
def test_asterisks_and_underscores_that_open_no_word_are_plain_text(docs, text):
    write(docs, "fr", edited(FR, "- [ ] Confirmer les dates. { #confirm-dates }", f"- [ ] {text}. {{ #confirm-dates }}"))
    checklist = load_checklist(docs, "fr", "sample")
    assert f"{text}." in [item.text for item in checklist.items]


FR_NOTE = '!!! warning "En cas de danger"\n    Composez le 9-1-1\n    d\'abord : tout le reste attend.\n'
EN_NOTE = '!!! warning "In an emergency"\n    Call 9-1-1 first.\n'


def test_a_note_before_the_first_section_is_kept_for_the_files_with_french_spacing(docs):
    write(docs, "fr", edited(FR, "Introduction, avec", FR_NOTE + "\nIntroduction, avec"))
    write(docs, "en", edited(EN, "Introduction.\n", "Introduction.\n\n" + EN_NOTE + "\n## Late { #late }\n\n" + EN_NOTE.replace("In an", "Not printed:")))
    fr = load_checklist(docs, "fr", "sample")
    assert [(n.kind, n.title, n.text, n.line) for n in fr.printed_notes] == [("warning", "En cas de danger", "Composez le 9-1-1 d'abord : tout le reste attend.", 9)]
    assert with_settings(fr, {"publisher": ""}).printed_notes[0].text == "Composez le 9-1-1 d'abord\u00a0: tout le reste attend."
    # A note after a section's heading is web-only, like any prose there.
    assert [n.title for n in load_checklist(docs, "en", "sample").printed_notes] == ["In an emergency"]


@pytest.mark.parametrize(("title", "lead"), [("In an emergency", "In an emergency."), ("Short on time?", "Short on time?")])
def test_a_printed_note_starts_with_its_title_as_a_sentence(docs, title, lead):
    """The files print the title in bold at the start of the note's paragraph: a full stop ends it,
    unless it ends with its own mark, so that the note read aloud does not run on from it."""
    write(docs, "en", edited(EN, "Introduction.\n", "Introduction.\n\n" + EN_NOTE.replace("In an emergency", title)))
    assert [note.lead for note in load_checklist(docs, "en", "sample").printed_notes] == [lead]


@pytest.mark.parametrize(
    "note, message",
    [
        ("!!! warning\n    Call 9-1-1 first.\n", 'a note before the first section is printed in the files: give it a title and a text, as in !!! warning "Title"'),
        ('!!! note "Read [this](x.md)"\n    Text.\n', "a note before the first section is printed in the files, so it must be plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"),
        ('!!! note "Title"\n\nNot indented.\n', 'a note before the first section is printed in the files: give it a title and a text, as in !!! warning "Title"'),
        ('!!! note "Title"\n    - one\n    - two\n', "a note before the first section is printed in the files as one paragraph: write it without a list"),
    ],
)
def test_a_note_that_cannot_print_is_reported_at_its_line(docs, note, message):
    write(docs, "en", edited(EN, "Introduction.\n", "Introduction.\n\n" + note))
    with pytest.raises(ContentError) as error:
        load_checklist(docs, "en", "sample")
    assert messages(error) == [f"docs/en/toolkit/sample.md:11: {message}"]


def test_a_note_in_one_language_only_is_reported(docs):
    write(docs, "en", edited(EN, "Introduction.\n", "Introduction.\n\n" + EN_NOTE))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:11: the notes before the first section (warning) differ from docs/fr/toolkit/sample.md (none): "
        "both languages print the same notes in the files"
    ]


def test_items_are_compared_even_when_a_page_has_format_errors(docs):
    # One check shows both problems: the French page's format error and the English item without
    # a French counterpart (before, the comparison waited until the format error was fixed).
    write(docs, "fr", FR.replace("description: Avant l'arrivée.\n", ""))
    write(docs, "en", edited(EN, "- [ ] Tell the team. { #tell-team }\n", "- [ ] Tell the team. { #tell-team }\n- [ ] Book a lunch. { #lunch }\n"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:19: item 'lunch' has no counterpart in docs/fr/toolkit/sample.md",
        "docs/fr/toolkit/sample.md:1: front matter has no 'description:' (one sentence)",
    ]


def test_a_page_with_an_item_error_still_reports_its_own_items_without_counterpart(docs):
    # The French page has an unreadable item key and an item the English page lacks: both are
    # reported. The English item whose French line cannot be read is not said to be missing.
    fr = edited(FR, "{ #workspace }", "{ #Workspace }")
    write(docs, "fr", edited(fr, "- [ ] Annoncer l'arrivée à l'équipe. { #tell-team }\n",
                             "- [ ] Annoncer l'arrivée à l'équipe. { #tell-team }\n- [ ] Réserver un dîner. { #lunch }\n"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/fr/toolkit/sample.md:16: bad item key 'Workspace': use lowercase letters, digits and hyphens, as in { #confirm-dates }",
        "docs/fr/toolkit/sample.md:22: item 'lunch' has no counterpart in docs/en/toolkit/sample.md",
    ]


def test_an_error_on_a_heading_leaves_the_items_read_so_both_ways_are_compared(docs):
    # The French page's error is on a section heading, not on an item: every French item was read,
    # so the English item the French page lacks is reported now, not once the heading is fixed.
    write(docs, "fr", FR.replace("## L'équipe { #team }", "## L'équipe"))
    write(docs, "en", edited(EN, "- [ ] Tell the team. { #tell-team }\n", "- [ ] Tell the team. { #tell-team }\n- [ ] Book a lunch. { #lunch }\n"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == [
        "docs/en/toolkit/sample.md:19: item 'lunch' has no counterpart in docs/fr/toolkit/sample.md",
        "docs/fr/toolkit/sample.md:19: section heading has no ID: write '## Title { #section-id }'",
    ]


def test_a_page_whose_items_all_went_unread_does_not_call_the_other_pages_items_missing(docs):
    # An unclosed code fence turns the French list into code: its one error is reported, not
    # every English item as having no French counterpart.
    write(docs, "fr", FR.replace("## Logistique { #logistics }", "## Logistique { #logistics }\n\n```\n"))
    with pytest.raises(ContentError) as error:
        load_all(docs, ["fr", "en"])
    assert messages(error) == ["docs/fr/toolkit/sample.md:7: checklist has no items: add '- [ ] text { #key }' lines"]
