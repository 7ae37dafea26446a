"""Replace {{ setting }} placeholders in pages with the values from mkdocs.yml (extra.guide)."""

from mkdocs.exceptions import PluginError

from wilguide.findings import ContentError, relative
from wilguide.i18n_state import current_language
from wilguide.placeholders import find_unknown, substitute
from wilguide.settings import guide_settings


def on_page_markdown(markdown, page, config, files):
    try:
        values = guide_settings(config.extra, config.repo_url, current_language(config))
    except ValueError as error:
        raise PluginError(str(error)) from None
    source = page.file.content_string
    # Line numbers point into the source file, front matter included.
    offset = source[: source.find(markdown[:80])].count("\n") if markdown else 0
    unknown = find_unknown(markdown, values, relative(page.file.abs_src_path), offset)
    if unknown:
        raise PluginError(str(ContentError(unknown)))
    return substitute(markdown, values)
