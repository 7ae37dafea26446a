"""The abbreviations: one file per language gives both the tooltips of every page and the table
the glossary prints, which PDF and phone readers can read without a tooltip."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from conftest import copy_project, mkdocs_build, replace_once
from wilguide.abbreviations import load, table
from wilguide.findings import ContentError

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"fr": "", "en": "en/"}


def test_the_table_is_alphabetical_and_merges_spellings_and_plurals():
    pairs = [("SME", "small business"), ("SMEs", "small businesses"), ("ÉDI", "equity"), ("EDI", "equity"), ("AIT", "learning")]
    assert table(pairs, "en") == (
        "| Abbreviation | Meaning |\n|---|---|\n"
        "| AIT | learning |\n| EDI, ÉDI | equity |\n| SME | small business |\n"
    )


def test_a_line_that_is_not_a_definition_is_reported_at_its_line(tmp_path):
    path = tmp_path / "abbreviations.fr.md"
    path.write_text("*[AIT]: apprentissage intégré au travail\n\nPME: petites et moyennes entreprises\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load(path)
    assert [f"{f.line}: {f.message}" for f in error.value.findings] == ["3: write each abbreviation as *[SHORT]: what it stands for"]


@pytest.mark.parametrize("lang, heading, row", [
    ("fr", "Sigles et acronymes", ["CNESST", "Commission des normes, de l'équité, de la santé et de la sécurité du travail"]),
    ("en", "Abbreviations", ["ESDC", "Employment and Social Development Canada"]),
])
def test_the_glossary_lists_every_abbreviation_with_its_meaning(built_site, lang, heading, row):
    page = lxml.html.parse(str(built_site / LANGUAGES[lang] / "glossary" / "index.html")).getroot()
    section = page.xpath("//h2[@id='abbreviations']")
    assert section and heading in section[0].text_content()
    rows = [[" ".join(cell.text_content().split()) for cell in tr.xpath("./td")] for tr in section[0].xpath("following::table[1]//tr[td]")]
    assert row in rows
    # Every short form the file defines is in the table with its meaning (read here with a pattern
    # of our own); a plural whose singular is defined (SMEs) is not a row of its own.
    source = (ROOT / "includes" / f"abbreviations.{lang}.md").read_text(encoding="utf-8")
    defined = dict(re.findall(r"^\*\[([^\]]+)\]:[ \t]*(.+?)\s*$", source, re.M))
    assert len(defined) >= 10
    expected = {form: meaning for form, meaning in defined.items() if not (form.endswith("s") and form[:-1] in defined)}
    listed = {form: meaning for forms, meaning in rows for form in forms.split(", ")}
    assert sum(len(forms.split(", ")) for forms, _ in rows) == len(listed), "a short form is listed twice"
    assert listed == expected


@pytest.mark.slow
def test_a_build_without_the_abbr_extension_says_what_to_add(tmp_path):
    # The definitions are given to Markdown's abbr extension: without it they would reach no page.
    project = copy_project(tmp_path / "project")
    replace_once(project / "mkdocs.yml", "\n  - wilguide.abbreviation_marks  # Markdown's abbr extension, faster (wilguide/abbreviation_marks.py)\n", "\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "list 'wilguide.abbreviation_marks' (or Markdown's own 'abbr') under markdown_extensions in mkdocs.yml" in result.stderr
