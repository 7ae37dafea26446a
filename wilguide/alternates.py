"""Absolute URLs for <link rel="alternate" hreflang> tags (search engines need them absolute)."""

import re
from urllib.parse import urljoin

ALTERNATE_LINK = re.compile(r'(<link rel="alternate" href=")([^"]*)(" hreflang="[^"]*">)')


def absolutize_alternates(html: str, page_url: str) -> str:
    """Resolve each alternate href against the page's absolute URL."""
    return ALTERNATE_LINK.sub(lambda m: m.group(1) + urljoin(page_url, m.group(2)) + m.group(3), html)
