"""Old addresses that keep working when a page moves: one small redirect page per language.

``content/redirects.yml`` maps an old address (a path without the language part) to the page it
moved to (a ``.md`` path as in nav, with an optional ``#section``). Each entry becomes, in every
language, an HTML page in that language that sends the reader on at once (meta refresh, with the
section kept) and shows a plain link for anyone it does not send. The pages are written after
the build, so neither the sitemap nor the search index lists them.

Why not the mkdocs-redirects plugin (1.2.3, tried): with mkdocs-static-i18n it resolves targets
before the i18n plugin moves the default language to the site root, so French redirects pointed
at /fr/…, a missing page; and its pages are in English only (lang="en", English text).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import yaml

from .findings import ContentError, Finding
from .yamlload import SafeLoader, yaml_problem

REDIRECTS_FILE = "content/redirects.yml"
OLD_ADDRESS = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*")
WORDS = {
    "fr": {"title": "Page déplacée", "text": "Cette page a changé d'adresse. Elle se trouve maintenant ici\u00a0:"},
    "en": {"title": "Page moved", "text": "This page has a new address. It is now here:"},
}


@dataclass(frozen=True)
class Redirect:
    old: str  # "pas-a-pas": /pas-a-pas/ and /en/pas-a-pas/
    page: str  # "placement-step-by-step.md"
    section: str  # "" or "#first-week"
    line: int


def page_url(page: str) -> str:
    """A page's address with directory URLs: x.md -> x/, a/index.md -> a/, index.md -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


def load(path: Path, display: str, pages: set[str]) -> list[Redirect]:
    """The redirects of ``path``, checked against the site's pages; ContentError names file:line."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, text)
        raise ContentError(Finding(display, line, f"not valid YAML: {problem}")) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise ContentError(Finding(display, root.start_mark.line + 1, "write one 'old-address: page.md' per line"))
    findings, redirects = [], []
    for key, value in root.value:
        line = key.start_mark.line + 1
        old, target = str(key.value), str(value.value) if isinstance(value, yaml.ScalarNode) else ""
        page, _, section = target.partition("#")
        if not OLD_ADDRESS.fullmatch(old):
            findings.append(Finding(display, line, f"'{old}' is not an old address: write it like 'pas-a-pas' or "
                                    "'practices/old-name', lowercase, without slashes at either end or a language part"))
        elif page not in pages:
            findings.append(Finding(display, line, f"'{target}' is not a page of the site: write the page it moved to "
                                    "as in nav: in mkdocs.yml, such as 'placement-step-by-step.md'"))
        elif old + "/" in {page_url(p) for p in pages}:
            findings.append(Finding(display, line, f"'{old}' is still the address of a page: remove this line, or "
                                    "move that page first"))
        else:
            redirects.append(Redirect(old, page, f"#{section}" if section else "", line))
    if findings:
        raise ContentError(findings)
    return redirects


def render(lang: str, title: str, href: str, canonical: str) -> str:
    """The redirect page: in the page's language, never indexed, usable without JavaScript."""
    words = WORDS[lang]
    href_attr, canonical_attr = html.escape(href), html.escape(canonical)
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(words['title'], quote=False)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{canonical_attr}">\n'
        f'<meta http-equiv="refresh" content="0; url={href_attr}">\n'
        "</head>\n<body>\n<main>\n"
        f"<h1>{html.escape(words['title'], quote=False)}</h1>\n"
        f'<p>{html.escape(words["text"], quote=False)} <a href="{href_attr}">{html.escape(title, quote=False)}</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_pages(
    redirects: list[Redirect], lang: str, prefix: str, titles: Mapping[str, str], site_dir: Path, site_url: str
) -> list[Path]:
    """Write each redirect of one language under ``site_dir``/``prefix``; return the files written."""
    written = []
    for redirect in redirects:
        old_dir = prefix + redirect.old + "/"
        new_url = prefix + page_url(redirect.page)
        href = posixpath.relpath(new_url or ".", old_dir) + "/" + redirect.section
        target = site_dir / old_dir / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(lang, titles[redirect.page], href, site_url + new_url + redirect.section), encoding="utf-8")
        written.append(target)
    return written
