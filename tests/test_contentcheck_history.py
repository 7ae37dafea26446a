"""Translation status: pages changed in one language after the other, read from git history; a
shallow clone or a folder without git gives a note, never a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from wilguide.contentcheck import load_project
from wilguide.contentcheck.cli import main
from wilguide.contentcheck.history import translation_status

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "contentcheck"


def git(repo: Path, *args: str, date: str = "2026-01-01T12:00:00Z") -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
        GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org",
        GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date,
    )
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True, timeout=60).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Both languages")
    return root


def commit_change(repo: Path, page: str, date: str) -> str:
    path = repo / page
    path.write_text(path.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", f"Change {page}", date=date)
    return git(repo, "rev-parse", "--short=7", "HEAD").strip()


def test_page_changed_in_one_language_only(repo):
    first = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    later = commit_change(repo, "docs/fr/guide.md", "2026-03-04T10:00:00Z")
    warnings, unavailable = translation_status(load_project(repo))
    assert unavailable is None
    assert [str(w) for w in warnings] == [
        f"docs/en/guide.md:1: warning: docs/fr/guide.md changed after this page (there: 2026-03-04, commit {later}; "
        f"here: 2026-01-01, commit {first}): check that this page still says the same, and update it if not",
    ]


def test_pages_changed_in_the_same_commit_are_in_sync(repo):
    for page in ("docs/fr/guide.md", "docs/en/guide.md"):
        path = repo / page
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Change both languages", date="2026-03-04T10:00:00Z")
    assert translation_status(load_project(repo)) == ([], None)


def test_the_language_changed_last_is_the_newest(repo):
    french = commit_change(repo, "docs/fr/guide.md", "2026-03-04T10:00:00Z")
    english = commit_change(repo, "docs/en/guide.md", "2026-03-05T10:00:00Z")
    warnings, _ = translation_status(load_project(repo))
    assert [str(w) for w in warnings] == [
        f"docs/fr/guide.md:1: warning: docs/en/guide.md changed after this page (there: 2026-03-05, commit {english}; "
        f"here: 2026-03-04, commit {french}): check that this page still says the same, and update it if not",
    ]


def test_uncommitted_change_counts_as_the_newest(repo):
    page = repo / "docs/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    first = git(repo, "rev-parse", "--short=7", "HEAD").strip()
    warnings, _ = translation_status(load_project(repo))
    assert [str(w) for w in warnings] == [
        "docs/fr/index.md:1: warning: docs/en/index.md changed after this page (there: uncommitted changes; "
        f"here: 2026-01-01, commit {first}): check that this page still says the same, and update it if not",
    ]


def test_warnings_are_printed_but_do_not_fail_the_check(repo, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    commit_change(repo, "docs/fr/guide.md", "2026-03-04T10:00:00Z")
    assert main(["--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert "Translation status (warnings: they do not fail the check)\ndocs/en/guide.md:1: warning:" in out
    assert "Content check: no problems" in out


def test_shallow_clone_is_skipped_with_a_note(repo, tmp_path):
    commit_change(repo, "docs/fr/guide.md", "2026-03-04T10:00:00Z")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    warnings, unavailable = translation_status(load_project(clone))
    assert warnings == []
    assert unavailable.startswith("this is a shallow clone without the full history")


def test_folder_without_git_history_is_skipped_with_a_note(tmp_path, capsys):
    root = tmp_path / "plain"
    shutil.copytree(FIXTURES / "valid", root)
    assert translation_status(load_project(root)) == ([], "this folder is not a git repository")
    assert main(["--root", str(root)]) == 0
    assert "  skipped: this folder is not a git repository" in capsys.readouterr().out


def test_without_git_installed(tmp_path, monkeypatch):
    root = tmp_path / "plain"
    shutil.copytree(FIXTURES / "valid", root)
    project = load_project(root)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert translation_status(project) == ([], "git is not installed")
