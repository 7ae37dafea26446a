"""Renames that would break saved links: a page gone from docs/ with no redirect for its old
address, and a checklist whose new title renames its files with no former title kept.

Both are found against the translation record (content/translation-record.yml), which lists every
page an editor has recorded, with the Git blob of each language's file at that moment: a recorded
page that no longer exists was moved or removed, and a recorded checklist whose title differs was
renamed since. So the check needs no other list of what was published, and recording a pair (the
step every change of a page ends with) is refused until the old address is kept.
"""

from __future__ import annotations

import dataclasses

from ..checklists.downloads import file_name
from ..checklists.former_names import title_rule_file_names
from ..checklists.parser import is_checklist_source, parse_checklist
from ..findings import ContentError, Finding
from ..redirects import REDIRECTS_FILE, load, page_url
from .project import Page, Project

FORMER_NAMES_FILE = "wilguide/checklists/former_names.py"


def redirected_addresses(project: Project) -> dict[str, str]:
    """Old address -> target, from content/redirects.yml as the build reads it ({} when the file
    has a problem: the build reports it at its line)."""
    try:
        redirects = load(project.root / REDIRECTS_FILE, REDIRECTS_FILE, set(project.counterparts()))
    except ContentError:
        return {}
    return {redirect.old: redirect.page + redirect.section for redirect in redirects}


def old_address(name: str) -> str:
    """A page's address as content/redirects.yml writes it: "practices/feedback.md" -> "practices/feedback"."""
    return page_url(name).rstrip("/")


def retired_page_problem(name: str, redirects: dict[str, str]) -> tuple[str, bool]:
    """What to tell the editor about a recorded page that is gone, and whether its address is kept."""
    old = old_address(name)
    if old in redirects:
        return (f"`{name}` is no longer a page of the guide, and its old address sends readers to "
                f"{redirects[old]}: remove this entry (`.venv/bin/wilguide-translations record --all` removes it)"), True
    return (f"`{name}` is no longer a page of the guide (no docs/<language>/{name}), and nothing sends readers "
            f"on from its old address: add `{old}: page.md` to {REDIRECTS_FILE}, naming the page that replaces it "
            "(its new name if you moved or renamed it), then remove this entry"), False


def _title(text: str, page: Page) -> str | None:
    """The checklist's title in this text, or None (not a checklist, or not readable as one)."""
    if not is_checklist_source(text):
        return None
    try:
        return parse_checklist(text, page.path, page.lang).title
    except ContentError:
        return None


def renamed_title(page: Page, recorded_text: str | None) -> Finding | None:
    """The checklist's title changed since ``recorded_text`` and its old file names are not kept."""
    if recorded_text is None:
        return None
    old_title = _title(recorded_text, page)
    if old_title is None:
        return None
    try:
        current = parse_checklist(page.text, page.path, page.lang)
    except ContentError:
        return None  # the page's own format errors come first (the checklists rule)
    old = file_name(dataclasses.replace(current, title=old_title), "")
    kept = {name.removesuffix(".pdf") for name in title_rule_file_names(current, ".pdf")}
    if old == file_name(current, "") or old in kept:
        return None
    return Finding(page.display, current.title_line, (
        f"this checklist's title was '{old_title}' when its translation was last recorded: its files were "
        f"published as {old}.pdf and {old}.docx, and the new title renames them, so saved links to them would "
        f"stop working. Add the old title to FORMER_TITLES in {FORMER_NAMES_FILE} (under "
        f"\"{current.slug}\" and \"{current.lang}\"), which keeps serving the files under their old names"))
