"""French spacing: a no-break space before a colon, inside « » and before %, so that a line never
starts with a lone ":", "»" or "%" on a phone or in the PDF; and between a number and the unit or
month that follows it, and a month and its year ("16 semaines", "24 mai 2022"), which French
typography keeps on one line. The French pages write it in the source (the Canadian style of the
rest of the site puts no space before ? ! ;, and the check reports one there). Checklist items are
left to the build, which adds the no-break spaces itself (``checklists.strings.typography``), but
not a space that is missing altogether ("rôle:", «mot», "42%"), which the check reports there too.

Only French words are read: not code, addresses, icons' codes or text marked as English."""

from __future__ import annotations

import re

from ..findings import Finding
from ..french_typography import ordinary_spaces
from . import markdown_text
from .project import Page, Project

# An ordinary space between a word and ":" or "»", right after "«", or between a number and "%".
# The colon is a sentence's or a label's ("Date :", "**Auteur :**"), not one of an icon's code
# such as ":material-download:".
ORDINARY_SPACE = re.compile(r"(?<=\S) (?=:(?:[\s*_]|$)|»)|(?<=«) |(?<=\d) (?=%)", re.M)
# A colon or a guillemet that may lack its space (an English keyboard's habit: "rôle:",
# "**Auteur:**", «mot»), found in the French text; whether the source has a space next to it is
# read in the page itself, where a link, a tag or code next to it is not blanked. A colon followed
# by a letter or a digit is not a sentence's ("9:30", "1:1").
MARK_AFTER_WORD = re.compile(r":(?=[\s*_]|$)|»", re.M)
# A percent sign right after a number ("42%"); in an address ("%C3%A9") the address is blanked.
PERCENT_AFTER_NUMBER = re.compile(r"(?<=\d)%")
CHECKLIST_ITEM = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]")
# A space (ordinary or no-break) between a word and ";", "!" or "?": Canadian French puts none
# there (checklist items too: the build adds no space before these marks).
SPACE_BEFORE_MARK = re.compile(r"(?<=\S)[ \u00a0](?=[;!?](?:[\s»*_)\"]|$))", re.M)
# A space between a web address's scheme and its colon ("https :"), which a typography pass adds
# by mistake: the address is then plain text, and the link is lost.
SPACE_IN_ADDRESS = re.compile(r"\b(?:https?|mailto)[ \u00a0]+:")

# Not French words, left in the page's prose (which already blanks text marked as another
# language): an icon's or emoji's code (:material-download:),
# an address's scheme left when a link's address holds a placeholder (mailto:{{ email }}), and a
# definition's label.
SHORTCODE = re.compile(r"(?<![\w:]):[\w+-]+:(?![\w:])")
SCHEME = re.compile(r"\b(?:mailto|tel|https?):", re.I)
# The label of a link, footnote or abbreviation definition: "[id]: https://…", "[^1]: …", "*[AIT]: …".
DEFINITION_LABEL = re.compile(r"^[ ]{0,3}\*?\[[^\]\n]+\]:", re.M)

HOW_TO_TYPE = "on macOS Option+Space, on Windows Alt+0160, or copy one from another « : » on this page"
NO_BREAK = f"so the line cannot break there ({HOW_TO_TYPE})"
OR_MARK_ENGLISH = 'or, if the words are English, mark them <span lang="en">…</span>'


def french_text(page: Page) -> str:
    """The page's prose with what is not French blanked too (positions kept)."""
    prose = page.prose
    spans = [match.span() for pattern in (SHORTCODE, SCHEME, DEFINITION_LABEL) for match in pattern.finditer(prose)]
    return markdown_text.blank(prose, spans)


def french_spacing(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        if page.lang != "fr":
            continue
        text = french_text(page)
        findings += ordinary_space_findings(page, text)
        findings += missing_space_findings(page, text)
        for match in SPACE_BEFORE_MARK.finditer(text):
            mark = text[match.end()]
            findings.append(Finding(page.display, page.line(match.start()), f'a space before "{mark}": remove it (Canadian French puts no space before ; ! ?)'))
        for match in SPACE_IN_ADDRESS.finditer(page.code_free):
            findings.append(Finding(page.display, page.line(match.start()), f'a space in the web address "{match[0].strip()}": remove it, or the link is lost'))
    return findings


def ordinary_space_findings(page: Page, text: str) -> list[Finding]:
    findings = []
    advice = f"type a no-break space (U+00A0) instead, {NO_BREAK}"
    spaces = [(match.start(), "mark") for match in ORDINARY_SPACE.finditer(text)]
    spaces += [(offset, "unit") for offset in ordinary_spaces(text)]
    for offset, kind in sorted(spaces):
        line_start = page.text.rfind("\n", 0, offset) + 1
        if page.text[offset] != " " or CHECKLIST_ITEM.match(page.text, line_start):
            continue
        if kind == "unit":
            before, after = re.search(r"\w+\.?$", page.text[line_start:offset])[0], re.match(r"\w+", page.text[offset + 1 :])[0]
            problem = f'an ordinary space between "{before}" and "{after}"'
        else:
            problem = f'an ordinary space next to "{page.text[offset + 1] if page.text[offset - 1] != "«" else "«"}"'
        findings.append(Finding(page.display, page.line(offset), f"{problem}: {advice}"))
    return findings


def missing_space_findings(page: Page, text: str) -> list[Finding]:
    """A colon or a guillemet with no space at all on its word's side, checklist items included
    (the build spaces an ordinary space there, but does not add a missing one)."""
    findings = []
    for match in MARK_AFTER_WORD.finditer(text):
        offset, mark = match.start(), match[0]
        if offset == 0 or page.text[offset - 1].isspace():
            continue
        problem = f'no space before "{mark}" in "{_word_before(page.text, offset)}{mark}"'
        advice = f"add a no-break space (U+00A0) before it, {NO_BREAK}"
        if mark == ":":
            advice += f", {OR_MARK_ENGLISH}"
        findings.append(Finding(page.display, page.line(offset), f"{problem}: {advice}"))
    for match in PERCENT_AFTER_NUMBER.finditer(text):  # "42%", an English keyboard's habit
        number = re.search(r"[\d.,]+$", page.text[: match.start()])[0]
        problem = f'no space before "%" in "{number}%"'
        findings.append(Finding(page.display, page.line(match.start()), f"{problem}: add a no-break space (U+00A0) before it, {NO_BREAK}"))
    for match in re.finditer("«", text):
        after = match.end()
        if after == len(page.text) or page.text[after].isspace():
            continue
        problem = f'no space after "«" in "«{_word_after(page.text, after)}"'
        findings.append(Finding(page.display, page.line(match.start()), f"{problem}: add a no-break space (U+00A0) after it, {NO_BREAK}"))
    return findings


def _word_before(text: str, offset: int) -> str:
    """The word the mark follows, as a reader sees it, with the marks between them ("rôle",
    "Date**"; "Title" in <span lang="en">Title</span>), or the one character there."""
    word = re.search(r"\w+(?:<[^<>\n]*>|[^\w\s<])*$", text[max(0, offset - 80):offset])
    return markdown_text.HTML_TAG.sub("", word[0]) if word else text[offset - 1]


def _word_after(text: str, offset: int) -> str:
    word = re.match(r"(?:<[^<>\n]*>|[^\w\s<])*\w+", text[offset:offset + 80])
    return markdown_text.HTML_TAG.sub("", word[0]) if word else text[offset]
