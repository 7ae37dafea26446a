"""Translation status from the record editors write: a pair recorded in step gives no warning, a
page changed since gives a warning with the changed lines, and a broken record is an error at its
line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wilguide.checklists import former_names
from wilguide.contentcheck import load_project
from wilguide.contentcheck.cli import main as check_main
from wilguide.contentcheck.translations import blob_id, translation_status
from wilguide.contentcheck.translations_cli import main as translations_main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contentcheck"
RECORD = "content/translation-record.yml"
PAIRS = ["guide.md", "index.md", "references.md", "toolkit/checklist.md"]


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    git(root, "init", "-q", "-b", "main")
    assert translations_main(["--root", str(root), "record", "--all"]) == 0
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Both languages, recorded in step")
    return root


def append(repo: Path, page: str, text: str) -> None:
    path = repo / page
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_blob_ids_are_the_ones_git_computes(repo):
    page = repo / "docs/fr/guide.md"
    assert blob_id(page.read_bytes()) == git(repo, "hash-object", str(page)).strip()
    record = (repo / RECORD).read_text(encoding="utf-8")
    assert git(repo, "hash-object", "docs/en/guide.md").strip() in record


def test_every_pair_recorded_gives_no_warning(repo, capsys):
    assert translation_status(load_project(repo)) == ([], [])
    assert check_main(["--root", str(repo)]) == 0
    assert "every page pair is recorded in step" in capsys.readouterr().out


def test_a_change_after_the_record_shows_the_changed_lines(repo):
    append(repo, "docs/fr/guide.md", "\nUne phrase ajoutée après la vérification.\n")
    warnings, errors = translation_status(load_project(repo))
    assert errors == []
    assert len(warnings) == 1
    warning = str(warnings[0])
    lines = (repo / "docs/fr/guide.md").read_text(encoding="utf-8").splitlines()
    added_at = lines.index("Une phrase ajoutée après la vérification.") + 1
    head = warning.splitlines()[0]
    assert head.startswith("docs/fr/guide.md:")
    # The warning points at the first changed hunk (one line of context before the new lines).
    assert int(head.split(":")[1]) in (added_at - 2, added_at - 1, added_at)
    assert "update docs/en/guide.md to match if needed" in head
    assert "wilguide-translations record guide.md" in head
    assert "    +Une phrase ajoutée après la vérification." in warning.splitlines()


def test_recording_again_clears_the_warning(repo):
    append(repo, "docs/en/guide.md", "\nOne more sentence.\n")
    assert len(translation_status(load_project(repo))[0]) == 1
    assert translations_main(["--root", str(repo), "record", "guide.md"]) == 0
    assert translation_status(load_project(repo)) == ([], [])


def test_both_languages_changed(repo):
    append(repo, "docs/en/guide.md", "\nOne more sentence.\n")
    append(repo, "docs/fr/guide.md", "\nUne phrase de plus.\n")
    warnings, _ = translation_status(load_project(repo))
    assert [str(w).split(":")[0] for w in warnings] == ["docs/en/guide.md", "docs/fr/guide.md"]
    assert all("both languages changed since the record" in str(w) for w in warnings)


def test_a_missing_record_is_a_warning(repo):
    (repo / RECORD).unlink()
    warnings, errors = translation_status(load_project(repo))
    assert errors == []
    assert sorted(str(w).split(": warning: ")[1].split(":")[0] for w in warnings) == [
        f"no translation record for {name}" for name in sorted(PAIRS)
    ]


def test_a_tampered_record_is_an_error_at_its_line(repo, capsys):
    path = repo / RECORD
    text = path.read_text(encoding="utf-8")
    assert "  guide.md: {en: " in text
    lines = text.splitlines()
    line_no = next(i for i, line in enumerate(lines, 1) if line.startswith("  guide.md:"))
    lines[line_no - 1] = "  guide.md: {en: not-a-blob, fr: 0123}"
    lines.append("  retired-page.md: {en: " + "a" * 40 + ", fr: " + "b" * 40 + "}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, errors = translation_status(load_project(repo))
    assert [str(e) for e in errors] == [
        f"{RECORD}:{line_no}: `guide.md`: the en value is not a Git blob id (40 hexadecimal characters): "
        "run `.venv/bin/wilguide-translations record guide.md`",
        f"{RECORD}:{line_no}: `guide.md`: the fr value is not a Git blob id (40 hexadecimal characters): "
        "run `.venv/bin/wilguide-translations record guide.md`",
        f"{RECORD}:{len(lines)}: `retired-page.md` is no longer a page of the guide (no docs/<language>/retired-page.md), "
        "and nothing sends readers on from its old address: add `retired-page: page.md` to content/redirects.yml, "
        "naming the page that replaces it (its new name if you moved or renamed it), then remove this entry",
    ]
    assert check_main(["--root", str(repo)]) == 1
    assert f"{RECORD}:{line_no}: `guide.md`: the en value" in capsys.readouterr().out


def test_a_record_of_uncommitted_files_warns_without_a_diff(repo):
    append(repo, "docs/fr/guide.md", "\nPremier changement.\n")
    assert translations_main(["--root", str(repo), "record", "guide.md"]) == 0  # never committed
    append(repo, "docs/fr/guide.md", "\nDeuxième changement.\n")
    warnings, _ = translation_status(load_project(repo))
    assert len(warnings) == 1
    assert "(changes not shown: the recorded version is not in this repository" in str(warnings[0])


def test_recording_an_unknown_page_is_refused(repo, capsys):
    before = (repo / RECORD).read_text(encoding="utf-8")
    assert translations_main(["--root", str(repo), "record", "nowhere.md"]) == 2
    assert "not a page in every language: nowhere.md" in capsys.readouterr().err
    assert (repo / RECORD).read_text(encoding="utf-8") == before


def rename_page(repo: Path, old: str, new: str) -> None:
    for lang in ("en", "fr"):
        git(repo, "mv", f"docs/{lang}/{old}", f"docs/{lang}/{new}")


def test_a_page_renamed_without_a_redirect_is_an_error_and_cannot_be_recorded_away(repo, capsys):
    rename_page(repo, "guide.md", "handbook.md")
    line = next(i for i, text in enumerate((repo / RECORD).read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("  guide.md:"))
    _, errors = translation_status(load_project(repo))
    assert [str(e) for e in errors] == [
        f"{RECORD}:{line}: `guide.md` is no longer a page of the guide (no docs/<language>/guide.md), and nothing "
        "sends readers on from its old address: add `guide: page.md` to content/redirects.yml, naming the page "
        "that replaces it (its new name if you moved or renamed it), then remove this entry",
    ]
    before = (repo / RECORD).read_text(encoding="utf-8")
    assert translations_main(["--root", str(repo), "record", "--all"]) == 2
    assert "an old address would stop working:\n  `guide.md` is no longer a page" in capsys.readouterr().err
    assert (repo / RECORD).read_text(encoding="utf-8") == before

    (repo / "content" / "redirects.yml").write_text("guide: handbook.md\n", encoding="utf-8")
    _, errors = translation_status(load_project(repo))
    assert [str(e) for e in errors] == [
        f"{RECORD}:{line}: `guide.md` is no longer a page of the guide, and its old address sends readers to "
        "handbook.md: remove this entry (`.venv/bin/wilguide-translations record --all` removes it)",
    ]
    assert translations_main(["--root", str(repo), "record", "--all"]) == 0
    record = (repo / RECORD).read_text(encoding="utf-8")
    assert "  handbook.md: {en: " in record and "  guide.md:" not in record
    assert translation_status(load_project(repo)) == ([], [])


def retitle(repo: Path, lang: str, title: str) -> None:
    path = repo / "docs" / lang / "toolkit" / "checklist.md"
    text = path.read_text(encoding="utf-8")
    assert "\n# Checklist\n" in text if lang == "en" else True
    path.write_text(text.replace("\n# Checklist\n", f"\n# {title}\n", 1), encoding="utf-8")


def test_a_checklist_title_changed_without_its_former_title_is_an_error(repo, capsys, monkeypatch):
    retitle(repo, "en", "Ticking list")
    _, errors = translation_status(load_project(repo))
    assert [str(e) for e in errors] == [
        "docs/en/toolkit/checklist.md:6: this checklist's title was 'Checklist' when its translation was last "
        "recorded: its files were published as checklist.pdf and checklist.docx, and the new title renames them, so "
        "saved links to them would stop working. Add the old title to FORMER_TITLES in "
        "wilguide/checklists/former_names.py (under \"checklist\" and \"en\"), which keeps serving the files under "
        "their old names",
    ]
    before = (repo / RECORD).read_text(encoding="utf-8")
    assert translations_main(["--root", str(repo), "record", "toolkit/checklist.md"]) == 2
    assert "docs/en/toolkit/checklist.md:6: this checklist's title was 'Checklist'" in capsys.readouterr().err
    assert (repo / RECORD).read_text(encoding="utf-8") == before

    monkeypatch.setitem(former_names.FORMER_TITLES, "checklist", {"en": ("Checklist",)})
    assert translation_status(load_project(repo))[1] == []
    assert translations_main(["--root", str(repo), "record", "toolkit/checklist.md"]) == 0


def test_a_title_that_makes_the_same_file_names_is_not_a_rename(repo):
    retitle(repo, "en", "CHECKLIST")  # same file name: checklist.pdf
    assert translation_status(load_project(repo))[1] == []
    assert translations_main(["--root", str(repo), "record", "toolkit/checklist.md"]) == 0


def test_status_summary_for_a_pull_request(repo, tmp_path):
    append(repo, "docs/en/guide.md", "\nOne more sentence.\n")
    summary = tmp_path / "summary.md"
    assert translations_main(["--root", str(repo), "status", "--summary", str(summary)]) == 0
    text = summary.read_text(encoding="utf-8")
    assert "## Translation status" in text
    assert "3 of 4 page pairs are in step." in text
    assert "| `guide.md` | changed since checked (changed in English) |" in text
    assert "+One more sentence." in text


def test_status_page_in_both_languages_and_out_of_search(built_site):
    english = (built_site / "en" / "translation-status" / "index.html").read_text(encoding="utf-8")
    french = (built_site / "translation-status" / "index.html").read_text(encoding="utf-8")
    assert " page pairs are in step.</p>" in english
    assert " paires de pages sur " in french and " sont à jour.</p>" in french
    assert "<td><code>roles.md</code></td>" in english
    for index in (built_site / "search" / "search_index.json", built_site / "en" / "search" / "search_index.json"):
        assert "translation-status" not in index.read_text(encoding="utf-8")
