"""French spacing: a no-break space before a colon, inside « » and before %, so that a line never
starts with a lone ":", "»" or "%" on a phone or in the PDF. The French pages write it in the source (the
Canadian style of the rest of the site puts no space before ? ! ;). Checklist items are left to
the build, which adds the space itself (``checklists.strings.typography``)."""

from __future__ import annotations

import re

from ..findings import Finding
from .project import Project

# An ordinary space between a word and ":" or "»", right after "«", or between a number and "%".
# The colon is a sentence's or a label's ("Date :", "**Auteur :**"), not one of an icon's code
# such as ":material-download:".
ORDINARY_SPACE = re.compile(r"(?<=\S) (?=:(?:[\s*_]|$)|»)|(?<=«) |(?<=\d) (?=%)", re.M)
CHECKLIST_ITEM = re.compile(r"[ \t]*[-*+][ \t]+\[[ xX]\][ \t]")


def french_spacing(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        if page.lang != "fr":
            continue
        for match in ORDINARY_SPACE.finditer(page.prose):
            offset = match.start()
            line_start = page.text.rfind("\n", 0, offset) + 1
            if page.text[offset] != " " or CHECKLIST_ITEM.match(page.text, line_start):
                continue
            mark = page.text[offset + 1] if page.text[offset - 1] != "«" else "«"
            findings.append(Finding(page.display, page.line(offset),
                                    f"an ordinary space next to \"{mark}\": type a no-break space (U+00A0) instead, "
                                    "as the rest of the French pages do, so the line cannot break there"))
    return findings
