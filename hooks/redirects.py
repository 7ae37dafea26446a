"""Old addresses of moved pages (content/redirects.yml) keep working: see wilguide/redirects.py."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wilguide.findings import ContentError
from wilguide.i18n_state import current_language, language_prefix, languages
from wilguide.redirects import REDIRECTS_FILE as REDIRECTS, load, write_pages

_nav = {}


def _page_name(page, config) -> str:
    first, _, rest = page.file.src_uri.partition("/")
    return rest if rest and first in languages(config) else page.file.src_uri


@event_priority(-150)  # after the i18n plugin built this language's navigation
def on_nav(nav, config, files):
    _nav["pages"] = nav.pages
    return nav


@event_priority(-50)  # every page of this language is written; the next language is not started
def on_post_build(config):
    titles = {_page_name(page, config): page.title for page in _nav["pages"]}
    root = Path(config.config_file_path).parent
    try:
        redirects = load(root / REDIRECTS, REDIRECTS, set(titles))
    except ContentError as error:
        raise PluginError(str(error)) from None
    site_url = config.site_url or ""
    write_pages(redirects, current_language(config), language_prefix(config), titles, Path(config.site_dir), site_url)
