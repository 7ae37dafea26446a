"""Generated files reach the site as hard links to the generator cache (wilguide/site_links.py):
the same bytes without a copy, readable by a web server, and copied when a link cannot be made."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from wilguide import site_links


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(folder))
    (folder / "checklists-pdf").mkdir(parents=True)
    return folder


def cached(cache: Path, name: str = "0123abcd.pdf", data: bytes = b"%PDF-1.7 checklist") -> Path:
    path = cache / "checklists-pdf" / name
    path.write_bytes(data)
    os.chmod(path, 0o600)  # as the cache writes its files (mkstemp)
    return path


def test_a_cached_file_is_linked_and_readable_by_all(cache, tmp_path):
    source = cached(cache)
    target = tmp_path / "site" / "toolkit" / "downloads" / "avant-la-premiere-journee.pdf"
    site_links.link_into_site(source, target)
    assert target.read_bytes() == b"%PDF-1.7 checklist"
    assert os.path.samefile(source, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644

    # The next build writes the site again over the last one's file.
    site_links.link_into_site(source, target)
    assert os.path.samefile(source, target) and target.stat().st_nlink == 2


def test_a_file_from_outside_the_cache_is_copied_and_left_as_it_is(cache, tmp_path):
    source = tmp_path / "elsewhere.json"
    source.write_text("{}", encoding="utf-8")
    os.chmod(source, 0o600)
    target = tmp_path / "site" / "holidays.json"
    site_links.link_into_site(source, target)
    assert target.read_text(encoding="utf-8") == "{}"
    assert not os.path.samefile(source, target)
    assert stat.S_IMODE(source.stat().st_mode) == 0o600


def test_a_cache_on_another_file_system_is_copied(cache, tmp_path, monkeypatch):
    def cross_device(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(site_links.os, "link", cross_device)
    source = cached(cache)
    target = tmp_path / "site" / "guide.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the last build's file")
    site_links.link_into_site(source, target)
    assert target.read_bytes() == b"%PDF-1.7 checklist"
    assert not os.path.samefile(source, target)


def test_every_file_of_the_site_is_readable_by_a_web_server(built_site):
    """A web server does not own the files it serves: each one must be readable by others."""
    files = [path for path in built_site.rglob("*") if path.is_file()]
    downloads = [path for path in files if path.suffix in {".pdf", ".docx", ".zip"}]
    assert len(downloads) >= 40
    assert [str(path.relative_to(built_site)) for path in files if not path.stat().st_mode & stat.S_IROTH] == []
