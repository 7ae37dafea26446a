"""Addresses where checklist files were published before they had readable names, kept working.

Until December 2026 a checklist's files were named from its page's slug and language
(``checklist-before-first-day-fr.pdf``, ``checklists-fr.zip``). Links to those addresses live on in
e-mails, intranets and bookmarks, so each one still serves the current file. The same goes for
the ZIP's first readable name (``all-checklists.zip``), kept until it was named after all it holds,
and for a checklist's file names under a title it no longer has (``FORMER_TITLES``).

Why a copy and not a redirect: the site is published on GitHub Pages, a static host with no
server-side redirects (a ``_redirects`` map is read by some hosts only), and an HTML redirect page
cannot stand in for a PDF. So the build writes each file a second time under its former name.
Only pages go into the sitemap and the search index, so these copies appear in neither, and
nothing on the site links to them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Iterable, NamedTuple

from ..findings import ContentError, Finding, relative
from ..file_names import file_stem
from .downloads import DOWNLOAD_DIR, bundle_name, file_name
from .model import Checklist

# Every checklist published under the slug rule: all the toolkit's checklists until the rename
# (git history: no checklist page was added, renamed or removed in between). A checklist added
# later never had a former name.
PUBLISHED_UNDER_SLUG_RULE = (
    "before-first-day",
    "check-in-agenda",
    "expectations-conversation",
    "final-evaluation-exit",
    "first-week",
    "inclusive-self-check",
    "mid-placement-review",
    "sel-reflection",
)
SUFFIXES = (".pdf", ".docx")


def slug_rule_file_name(slug: str, lang: str, suffix: str) -> str:
    """The naming rule used until the rename, kept verbatim."""
    return f"checklist-{slug}-{lang}{suffix}"


def slug_rule_bundle_name(lang: str) -> str:
    return f"checklists-{lang}.zip"


# From the rename until December 2, 2026, the ZIP was named after "All checklists", although it
# also held the templates.
FORMER_BUNDLE_TITLES = {"fr": "Toutes les listes de vérification", "en": "All checklists"}


def title_rule_bundle_name(lang: str) -> str | None:
    title = FORMER_BUNDLE_TITLES.get(lang)
    return file_stem(title, "checklists") + ".zip" if title else None


# Titles a checklist was published under, by slug and language: its files keep being served
# under the names those titles made. Add the old title here when a checklist's title changes.
FORMER_TITLES = {
    # Until December 5, 2026: renamed to « … en mentorat », the epicene term of the framework.
    "sel-reflection": {"fr": ("Réflexion sur mes compétences de mentor",)},
}


def title_rule_file_names(checklist: Checklist, suffix: str) -> list[str]:
    """The file names the checklist's former titles made, other than its current one."""
    names = [file_stem(title, checklist.slug) + suffix for title in FORMER_TITLES.get(checklist.slug, {}).get(checklist.lang, ())]
    return [name for name in names if name != file_name(checklist, suffix)]


class FormerAddress(NamedTuple):
    url: str  # relative to the language's docs root: toolkit/downloads/checklist-x-fr.pdf
    current: str  # the current file's URL, same root


def former_addresses(checklists: Iterable[Checklist], lang: str) -> list[FormerAddress]:
    """Each former address of this language's downloads, with the current file it serves."""
    addresses = []
    for checklist in checklists:
        for suffix in SUFFIXES:
            current = f"{DOWNLOAD_DIR}/{file_name(checklist, suffix)}"
            if checklist.slug in PUBLISHED_UNDER_SLUG_RULE:
                addresses.append(FormerAddress(f"{DOWNLOAD_DIR}/{slug_rule_file_name(checklist.slug, lang, suffix)}", current))
            for former in title_rule_file_names(checklist, suffix):
                addresses.append(FormerAddress(f"{DOWNLOAD_DIR}/{former}", current))
    for former in (slug_rule_bundle_name(lang), title_rule_bundle_name(lang)):
        if former and former != bundle_name(lang):
            addresses.append(FormerAddress(f"{DOWNLOAD_DIR}/{former}", f"{DOWNLOAD_DIR}/{bundle_name(lang)}"))
    return addresses


def former_copies(checklists: Iterable[Checklist], lang: str, downloads) -> list[tuple[str, Path]]:
    """(former URL, file to serve there) for the build: the same bytes as the current file."""
    checklists = list(checklists)
    addresses = former_addresses(checklists, lang)
    former = {posixpath.basename(address.url) for address in addresses}
    clashes = [
        Finding(
            relative(checklist.path),
            checklist.title_line,
            f"this title makes the file name '{file_name(checklist, suffix)}', which an earlier version "
            "of the site used for another file: reword the title",
        )
        for checklist in checklists
        for suffix in SUFFIXES
        if file_name(checklist, suffix) in former
    ]
    if clashes:
        raise ContentError(clashes)
    by_url = {download.url: download.path for download in downloads}
    return [(address.url, by_url[address.current]) for address in addresses]
