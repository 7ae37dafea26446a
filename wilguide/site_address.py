"""Whether the site's address (``site_url``) is one a reader could visit.

mkdocs.yml's default address is on example.org, a name reserved for examples (RFC 2606), so that
a build made without ``SITE_URL`` still has the absolute address the sitemap and the language
links need. Files meant for readers (the guide PDF) must not send them there: they leave such an
address out rather than print it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# RFC 2606 reserves these second-level names and top-level domains for documentation and tests
# (RFC 6761 confirms them); none of them can ever be a published site.
RESERVED_NAMES = ("example.com", "example.net", "example.org")
RESERVED_TOP_LEVEL = ("example", "test", "invalid")


def is_stand_in(url: str) -> bool:
    """True when ``url`` is empty or on a name reserved for examples, at any depth."""
    host = (urlsplit(url or "").hostname or "").rstrip(".").lower()
    if not host:
        return True
    return host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVEL or any(
        host == name or host.endswith("." + name) for name in RESERVED_NAMES
    )


def is_loopback(url: str) -> bool:
    """True when ``url`` points at this machine, as ``mkdocs serve`` sets ``site_url`` to: an
    address no one who receives a shared file can open."""
    host = (urlsplit(url or "").hostname or "").rstrip(".").lower()
    return host in ("localhost", "127.0.0.1", "::1") or host.endswith(".localhost")


def is_shareable(url: str) -> bool:
    """True when a reader who receives a file could open ``url``: neither a stand-in nor a
    preview's address. Only then do the generated files (guide PDF, checklists) print it."""
    return not is_stand_in(url) and not is_loopback(url)
