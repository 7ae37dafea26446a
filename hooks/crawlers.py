"""robots.txt at the site root (see wilguide/crawlers.py)."""

from wilguide.crawlers import write_robots_txt
from wilguide.i18n_state import current_language, default_language


def on_post_build(config):
    if current_language(config) == default_language(config):
        write_robots_txt(config.site_dir, config.site_url or "/")
