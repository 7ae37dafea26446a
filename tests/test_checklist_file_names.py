"""Checklist file names: made from titles as a reader would type them, and a title that would
make two files share a name (or reuse a name the site once used) stops the build at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from wilguide.checklists.downloads import check_unique_names, file_name
from wilguide.checklists.former_names import former_addresses, former_copies
from wilguide.checklists.model import Checklist
from wilguide.findings import ContentError


def checklist(slug: str, title: str, lang: str = "fr", line: int = 7) -> Checklist:
    return Checklist(slug, lang, Path(f"docs/{lang}/toolkit/{slug}.md"), title, "d", title_line=line)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Avant la première journée", "avant-la-premiere-journee.pdf"),
        ("Ordre du jour\u00a0: rencontre de suivi", "ordre-du-jour-rencontre-de-suivi.pdf"),
        ("Le cœur du stage, l’œuvre d’équipe", "le-coeur-du-stage-l-oeuvre-d-equipe.pdf"),
        ("Reflection on my mentor competencies", "reflection-on-my-mentor-competencies.pdf"),
    ],
)
def test_file_names_are_the_title_in_plain_letters(title, expected):
    assert file_name(checklist("x", title), ".pdf") == expected


def test_two_titles_making_one_file_name_stop_the_build_at_the_title_line():
    first = checklist("first", "Même titre", line=5)
    second = checklist("second", "Même titre !", line=6)
    with pytest.raises(ContentError) as error:
        check_unique_names([first, second], "fr")
    assert str(error.value) == (
        "docs/fr/toolkit/second.md:6: this title makes the file name 'meme-titre', as the title of "
        "docs/fr/toolkit/first.md does: reword the title"
    )


def test_a_title_making_the_bundle_name_stops_the_build():
    with pytest.raises(ContentError, match=r"docs/en/toolkit/all\.md:7: .*'all-checklists-and-templates', as the ZIP"):
        check_unique_names([checklist("all", "All checklists and templates", "en")], "en")


def test_a_renamed_title_keeps_its_old_file_names_served():
    renamed = checklist("sel-reflection", "Réflexion sur mes compétences en mentorat")
    addresses = {(a.url, a.current) for a in former_addresses([renamed], "fr")}
    for suffix in (".pdf", ".docx"):
        assert (f"toolkit/downloads/reflexion-sur-mes-competences-de-mentor{suffix}",
                f"toolkit/downloads/reflexion-sur-mes-competences-en-mentorat{suffix}") in addresses
    # A title that comes back to the old one adds no copy of a file onto itself.
    back = checklist("sel-reflection", "Réflexion sur mes compétences de mentor")
    assert not any("competences" in a.url for a in former_addresses([back], "fr"))


def test_a_title_reusing_a_former_file_name_stops_the_build():
    taken = checklist("new-one", "Checklist first week fr")
    with pytest.raises(ContentError, match=r"docs/fr/toolkit/new-one\.md:7: .*'checklist-first-week-fr\.pdf'"):
        former_copies([taken, checklist("first-week", "Accueil")], "fr", [])


@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_the_editors_check_knows_every_download_the_build_writes(built_site, lang, prefix):
    """The content check's list of generated downloads (used to check hand-written links to them)
    is exactly what the build wrote: the files found in the built site's download folders."""
    from wilguide.contentcheck import load_project
    from wilguide.contentcheck.generated_files import generated_files

    root = built_site / prefix
    written = {
        path.relative_to(root).as_posix()
        for folder in ("toolkit/downloads", "downloads")
        for path in (root / folder).iterdir()
        if path.is_file() and path.name != "index.html"  # downloads/ is also a page's address
    }
    assert len(written) > 10
    assert generated_files(load_project(Path(__file__).resolve().parent.parent), lang) == written
