"""A glossary term's permalink: headings get a ¶ link from the toc extension, definition-list terms
get none, so a reader could not find the address of one term (glossary/#undue-hardship) to share.
Each term with an ID gets a link styled as a heading's, shown on hover and on keyboard focus. Its ¶
is drawn by the stylesheet, not written in the page: search would index it as part of the term
(Material leaves out only the ¶ of headings), and a screen reader hears the link's label instead."""

from __future__ import annotations

import html
import re

from .theme_words import term_link_title

# A term as the def_list and attr_list extensions write it: <dt id="…">text</dt> (no nested dt).
_TERM = re.compile(r'(<dt id="(?P<id>[^"]+)">)(?P<text>.*?)</dt>', re.DOTALL)


def link_terms(page_html: str, lang: str) -> str:
    """The page's HTML with a permalink at the end of each definition-list term that has an ID."""
    title = html.escape(term_link_title(lang), quote=True)

    def linked(match: re.Match) -> str:
        link = f'<a class="headerlink wg-term-link" href="#{match.group("id")}" title="{title}" aria-label="{title}"></a>'
        return f"{match.group(1)}{match.group('text')}{link}</dt>"

    return _TERM.sub(linked, page_html)
