"""hreflang alternates in the page head: absolute URLs, as search engines require.

Material's "stay on page" integration fetches ``sitemap.xml`` next to every
``link[rel=alternate]`` it finds (one failed request per language on every page). The i18n plugin
already renders page-aware switcher links, so that integration is redundant here. We write the rel
token list as ``"alternate "``: browsers, crawlers and validators split rel on white space and read
"alternate", while Material's exact-match selector ``[rel=alternate]`` no longer matches.
"""

import re
from urllib.parse import urljoin

ALTERNATE_LINK = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolutize_alternates(html: str, page_url: str) -> str:
    """Resolve each alternate href against the page's absolute URL."""
    return ALTERNATE_LINK.sub(
        lambda m: f'<link rel="alternate " href="{urljoin(page_url, m.group(1))}" hreflang="{m.group(2)}">', html
    )
