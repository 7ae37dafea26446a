"""Which site addresses are stand-ins (names reserved for examples by RFC 2606), never printed."""

from __future__ import annotations

import pytest

from wilguide.site_address import is_loopback, is_shareable, is_stand_in


@pytest.mark.parametrize("url", [
    "https://example.org/guide-mentorat/",  # mkdocs.yml's default
    "http://example.com/", "https://EXAMPLE.NET/x/", "https://docs.example.org/", "https://guide.example/",
    "https://site.test/", "http://site.invalid/", "https://example.org./", "", "guide-mentorat/",
])
def test_reserved_or_missing_addresses_are_stand_ins(url):
    assert is_stand_in(url)


@pytest.mark.parametrize("url", [
    "https://example-org.github.io/wil-mentoring-guide/", "https://www.bher.ca/", "http://127.0.0.1:8000/",
    "https://example.org.ca/", "https://myexample.org/", "https://testing.ca/",
])
def test_addresses_a_reader_could_visit_are_not(url):
    assert not is_stand_in(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost:8000/guide/", "http://[::1]:8000/", "http://wil.localhost/"])
def test_a_preview_address_is_loopback(url):
    assert is_loopback(url)


@pytest.mark.parametrize("url", ["https://example-org.github.io/wil-mentoring-guide/", "https://www.bher.ca/"])
def test_a_published_address_is_not_loopback(url):
    assert not is_loopback(url)


@pytest.mark.parametrize(("site_url", "expected"), [
    ("https://example-org.github.io/wil-mentoring-guide/",
     {"fr": "https://example-org.github.io/wil-mentoring-guide/", "en": "https://example-org.github.io/wil-mentoring-guide/en/"}),
    ("https://example.org/guide-mentorat/", {"fr": "", "en": ""}),  # mkdocs.yml's default, a stand-in
    ("http://127.0.0.1:8000/", {"fr": "", "en": ""}),  # mkdocs serve's
])
def test_checklist_footers_carry_the_guide_address_only_when_a_reader_can_open_it(site_url, expected):
    """A printed checklist whose items name the online planner gives the guide's address in its
    language, but never a stand-in's or a preview's."""
    from pathlib import Path

    from mkdocs.config import load_config

    from wilguide.checklists import file_settings

    config = load_config(str(Path(__file__).resolve().parent.parent / "mkdocs.yml"), site_url=site_url)
    assert {lang: file_settings(config, lang)["address"] for lang in ("fr", "en")} == expected


@pytest.mark.parametrize(("url", "shareable"), [
    ("https://example-org.github.io/wil-mentoring-guide/", True), ("https://www.bher.ca/", True),
    ("https://example.org/guide-mentorat/", False), ("http://127.0.0.1:8000/", False), ("", False),
])
def test_only_an_address_a_reader_can_open_is_shareable(url, shareable):
    assert is_shareable(url) is shareable
