"""Which site addresses are stand-ins (names reserved for examples by RFC 2606), never printed."""

from __future__ import annotations

import pytest

from wilguide.site_address import is_stand_in


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
