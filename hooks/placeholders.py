"""Replace {{ setting }} placeholders in pages with the values from mkdocs.yml (extra.guide), give
each language's pages the publisher as their author (or none when it is not set), and leave out
the edit links when no repository is set."""

from mkdocs.exceptions import PluginError

from wilguide.findings import ContentError, relative
from wilguide.i18n_state import current_language
from wilguide.placeholders import find_misused, find_unknown, substitute
from wilguide.settings import OPTIONAL, guide_settings


def on_config(config):
    # Edit links are made from the repository's address: without one, MkDocs would make them
    # relative to the site, where they lead nowhere.
    if not config.repo_url:
        config.edit_uri = None
    return config


def on_page_markdown(markdown, page, config, files):
    try:
        values = guide_settings(config.extra, config.repo_url, current_language(config))
    except ValueError as error:
        raise PluginError(str(error)) from None
    source = page.file.content_string
    # Line numbers point into the source file, front matter included.
    offset = source[: source.find(markdown[:80])].count("\n") if markdown else 0
    path = relative(page.file.abs_src_path)
    problems = find_unknown(markdown, values, path, offset) + find_misused(markdown, values, OPTIONAL, path, offset)
    if problems:
        raise PluginError(str(ContentError(problems)))
    return substitute(markdown, values)


def on_env(env, config, files):
    # <meta name="author"> comes from site_author: the publisher of this language, or none at all
    # (never a stand-in name). Runs once per language, after the i18n plugin switched language.
    config.site_author = guide_settings(config.extra, config.repo_url, current_language(config))["publisher"] or None
    return env
