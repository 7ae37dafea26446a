"""French typography in what readers see: a number and the unit of time or the month that follows
it ("16 semaines", "9 h", "1er avril"), a month and its year ("mai 2022"), and a noun and the
number that follows it ("semaine 1", "article 12", "p. 10"), never part at the end of a line, on a
phone or on paper.

Read from the built French pages with lxml, in every element's text (code left out): the pages'
Markdown, the checklist items the build spaces itself, the planner's table and the dates the
build writes all end up there."""

from __future__ import annotations

import re

import lxml.html

from conftest import is_redirect_page

# Written out here, not taken from the code's list.
UNIT = (
    r"semaines?|mois|jours?|heures?|minutes?|ans?|années?|h|janvier|février|mars|avril|mai|juin|juillet|août"
    r"|septembre|octobre|novembre|décembre"
)
MONTH = r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
NUMBERED = r"semaines?|étapes?|articles?|art\.|chapitres?|sections?|parties?|annexes?|pages?|p\.|questions?|points?|phases?|règles?|lois?"
BROKEN = re.compile(
    rf"(?:\d|\b1er)[ \t\n]+(?:{UNIT})(?![\w-])|\b(?:{MONTH})[ \t\n]+\d{{4}}(?!\d)|(?<![\w-])(?i:{NUMBERED})[ \t]+\d"
)


def test_french_pages_keep_a_number_with_its_unit_month_or_noun(built_site):
    found = []
    pages = [p for p in built_site.rglob("*.html") if not p.relative_to(built_site).parts[0] == "en"]
    for page in pages:
        if is_redirect_page(page):
            continue
        root = lxml.html.parse(str(page)).getroot()
        for dropped in root.xpath("//code | //pre | //script | //style | //template"):
            dropped.drop_tree()
        article = root.xpath("//article") or [root]
        for match in BROKEN.finditer(article[0].text_content()):
            found.append(f"{page.relative_to(built_site)}: {match[0]!r}")
    assert len(pages) > 30 and not found, f"{len(found)} numbers apart from their unit or noun:\n" + "\n".join(found[:20])
