"""Search keywords from each page's front matter (see wilguide/search_keywords.py)."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wilguide.search_keywords import KeywordsError, add_keywords, page_keywords


def _keywords_line(file) -> str:
    """docs/<page>.md:<line of 'keywords:'>, for an error message."""
    line = 1
    if file.abs_src_path:
        with open(file.abs_src_path, encoding="utf-8") as source:
            line = next((n for n, text in enumerate(source, 1) if text.strip().startswith("keywords:")), 1)
    return f"docs/{file.src_uri}:{line}"


@event_priority(-50)  # after the search plugin has added the page's entries
def on_page_context(context, page, config, nav):
    try:
        keywords = page_keywords(page.meta, _keywords_line(page.file))
    except KeywordsError as error:
        raise PluginError(str(error)) from None
    search = config.plugins.get("material/search")
    if search is not None:
        add_keywords(search.search_index.entries, page.url, keywords)
    return context
