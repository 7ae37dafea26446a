"""hreflang alternates in the page head: absolute URLs, as search engines require, plus an
``x-default`` alternate, the default language's page, for readers whose language is neither.

Material's "stay on page" integration fetches ``sitemap.xml`` beside every
``link[rel=alternate]`` (one failed request per language on every page); overrides/main.html
stops those requests, since the i18n plugin already writes page-aware switcher links.
"""

import re
from urllib.parse import urljoin

ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolutize_alternates(html: str, page_url: str, default_lang: str) -> str:
    """Resolve each alternate href against the page's absolute URL; add x-default."""

    def absolute(match: re.Match) -> str:
        href, lang = urljoin(page_url, match.group(1)), match.group(2)
        link = f'<link rel="alternate" href="{href}" hreflang="{lang}">'
        if lang == default_lang:
            link += f'\n<link rel="alternate" href="{href}" hreflang="x-default">'
        return link

    head, end, body = html.partition("</head>")  # where the alternates are: a page's body is left unread
    return ALTERNATE_LINK.sub(absolute, head) + end + body
