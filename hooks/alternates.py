"""Make the <link rel="alternate" hreflang> tags absolute, as search engines require, with x-default."""

from urllib.parse import urljoin

from wilguide.alternates import absolutize_alternates
from wilguide.i18n_state import default_language


def on_post_page(output, page, config):
    return absolutize_alternates(output, urljoin(config.site_url or "/", page.url), default_language(config))


def on_post_template(output_content, template_name, config):
    return absolutize_alternates(output_content, config.site_url or "/", default_language(config))
