"""What crawlers read at the site root: robots.txt, naming the sitemap's absolute address.

The address is built from ``site_url``, so a site served under a sub-path names its own sitemap.
A robots.txt only counts at a host's root: under a sub-path it is a hint for the host's owner to
merge into theirs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"


def write_robots_txt(site_dir: Path, site_url: str) -> Path:
    target = Path(site_dir) / "robots.txt"
    target.write_text(robots_txt(site_url), encoding="utf-8")
    return target
