"""Link the stylesheets and scripts of a page's components from that page only (wilguide/page_assets.py)."""

from mkdocs.utils import get_relative_url

from wilguide.page_assets import link_assets


def on_post_page(output, page, config):
    return link_assets(output, lambda path: get_relative_url(path, page.url))
