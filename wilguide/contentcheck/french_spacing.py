"""French spacing: a no-break space before a colon, inside « » and before %, so that a line never
starts with a lone ":", "»" or "%" on a phone or in the PDF; and between a number and the unit or
month that follows it, and a month and its year ("16 semaines", "24 mai 2022"), which French
typography keeps on one line. The French pages write it in the source (the Canadian style of the
rest of the site puts no space before ? ! ;, and the check reports one there). Checklist items are
left to the build, which adds the no-break spaces itself (``checklists.strings.typography``)."""

from __future__ import annotations

import re

from ..findings import Finding
from ..french_typography import ordinary_spaces
from .project import Project

# An ordinary space between a word and ":" or "»", right after "«", or between a number and "%".
# The colon is a sentence's or a label's ("Date :", "**Auteur :**"), not one of an icon's code
# such as ":material-download:".
ORDINARY_SPACE = re.compile(r"(?<=\S) (?=:(?:[\s*_]|$)|»)|(?<=«) |(?<=\d) (?=%)", re.M)
CHECKLIST_ITEM = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]")
# A space (ordinary or no-break) between a word and ";", "!" or "?": Canadian French puts none
# there (checklist items too: the build adds no space before these marks).
SPACE_BEFORE_MARK = re.compile(r"(?<=\S)[ \u00a0](?=[;!?](?:[\s»*_)\"]|$))", re.M)
# A space between a web address's scheme and its colon ("https :"), which a typography pass adds
# by mistake: the address is then plain text, and the link is lost.
SPACE_IN_ADDRESS = re.compile(r"\b(?:https?|mailto)[ \u00a0]+:")


def french_spacing(project: Project) -> list[Finding]:
    findings = []
    advice = "type a no-break space (U+00A0) instead, as the rest of the French pages do, so the line cannot break there"
    for page in project.all_pages():
        if page.lang != "fr":
            continue
        spaces = [(match.start(), "mark") for match in ORDINARY_SPACE.finditer(page.prose)]
        spaces += [(offset, "unit") for offset in ordinary_spaces(page.prose)]
        for offset, kind in sorted(spaces):
            line_start = page.text.rfind("\n", 0, offset) + 1
            if page.text[offset] != " " or CHECKLIST_ITEM.match(page.text, line_start):
                continue
            if kind == "unit":
                before, after = re.search(r"\w+$", page.text[line_start:offset])[0], re.match(r"\w+", page.text[offset + 1 :])[0]
                problem = f'an ordinary space between "{before}" and "{after}"'
            else:
                problem = f'an ordinary space next to "{page.text[offset + 1] if page.text[offset - 1] != "«" else "«"}"'
            findings.append(Finding(page.display, page.line(offset), f"{problem}: {advice}"))
        for match in SPACE_BEFORE_MARK.finditer(page.prose):
            mark = page.prose[match.end()]
            findings.append(Finding(page.display, page.line(match.start()), f'a space before "{mark}": remove it (Canadian French puts no space before ; ! ?)'))
        for match in SPACE_IN_ADDRESS.finditer(page.code_free):
            findings.append(Finding(page.display, page.line(match.start()), f'a space in the web address "{match[0].strip()}": remove it, or the link is lost'))
    return findings
