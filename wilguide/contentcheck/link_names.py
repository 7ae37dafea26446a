"""A link named after one section must lead to that section.

On paper a link prints as its words and a page number ("Who does what (p. 18)"): a reader who turns
to that page looks for the section the words name. When the words are the title of one section of
the target page and the link goes to another, the reader lands in the wrong place, online too. The
same goes for a link named after a whole page that leads to one of its sections: the reader looks
for the page's title and finds a section in the middle of it, so the words name both ("Chapter –
Section").
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..findings import Finding
from .links import page_at, resolve
from .project import Project

# [words](target "title"): the words of an inline link (no nested brackets) and its target.
NAMED_LINK = re.compile(r"(?<![!\\])\[(?P<text>[^\[\]\n]+)\]\((?P<target>[^\s()]+)(?:\s+\"[^\"\n]*\")?\)")
MARKUP = re.compile(r"\{[^{}]*\}|[*_`]")
# "2. Draft a learning plan" is named "Draft a learning plan" in a link.
STEP_NUMBER = re.compile(r"^\d+\.\s+")


def _words(text: str) -> str:
    """Text as a reader compares it: no emphasis or attribute lists, any spaces, any case."""
    return " ".join(MARKUP.sub("", text).replace("\u00a0", " ").split()).casefold()


def link_names(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        for match in NAMED_LINK.finditer(page.code_free):
            scheme, netloc, path, _, anchor = urlsplit(match.group("target"))
            if scheme or netloc or not anchor:
                continue
            found = resolve(project, page, unquote(path)) if path else page.src_uri
            target = page_at(project, found) if found else None
            if target is None:
                continue  # a broken link: the links rule reports it
            named = _words(match.group("text"))
            for heading in target.headings:
                if heading.level >= 2 and heading.id and heading.id != anchor and _words(heading.text) == named:
                    findings.append(Finding(page.display, page.line(match.start()), (
                        f"link '{match.group('text')}' leads to #{anchor}, but its words are the title of "
                        f"#{heading.id} in {target.display}: name the section it leads to, or link to #{heading.id}"
                    )))
            findings += _page_title_to_section(page, match, target, anchor, named)
    return findings


def _page_title_to_section(page, match, target, anchor: str, named: str) -> list[Finding]:
    titles = [heading for heading in target.headings if heading.level == 1]
    sections = [heading for heading in target.headings if heading.level >= 2 and heading.id == anchor]
    if not titles or not sections or _words(titles[0].text) != named:
        return []
    title = MARKUP.sub("", titles[0].text).strip()
    section = STEP_NUMBER.sub("", MARKUP.sub("", sections[0].text).strip())
    return [Finding(page.display, page.line(match.start()), (
        f"link '{match.group('text')}' leads to #{anchor}, but its words are the title of the whole page "
        f"{target.display}: name the section too, '{title} – {section}', or link to the page without #{anchor}"
    ))]
