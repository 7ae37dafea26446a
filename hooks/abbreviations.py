"""Give every page its language's abbreviation definitions (includes/abbreviations.<lang>.md), and
put their table where a page says <!-- abbreviations --> (the glossary).

The definitions reach Markdown's abbr extension as its glossary, set once per language, not as
text appended to each page: parsed as text, each of the 36 lines went through every block
processor's test again, on every page of both languages, which was the largest single cost the
project added to a rebuild.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wilguide import abbreviations
from wilguide.findings import ContentError
from wilguide.i18n_state import current_language

ROOT = Path(__file__).resolve().parent.parent
# The names mkdocs.yml may give it: the faster one first (wilguide/abbreviation_marks.py), or Markdown's own.
ABBR_EXTENSION = ("wilguide.abbreviation_marks", "abbr", "markdown.extensions.abbr")


def _extension(config) -> str:
    return next(name for name in ABBR_EXTENSION if name in config.markdown_extensions)


def on_config(config):
    if not any(name in config.markdown_extensions for name in ABBR_EXTENSION):
        raise PluginError("hooks/abbreviations.py gives Markdown's abbr extension its definitions: "
                          "list 'wilguide.abbreviation_marks' (or Markdown's own 'abbr') under markdown_extensions in mkdocs.yml")
    return config


@event_priority(-200)  # after the i18n plugin has chosen this language's files; pages render later
def on_files(files, config):
    lang = current_language(config)
    definitions = abbreviations.definitions_file(ROOT, lang)
    try:
        pairs = abbreviations.load(definitions) if definitions.exists() else []
    except ContentError as error:
        raise PluginError(str(error)) from None
    # MkDocs makes each page's Markdown converter from mdx_configs.
    name = _extension(config)
    config.mdx_configs[name] = {**config.mdx_configs.get(name, {}), "glossary": dict(pairs)}
    return files


def on_page_markdown(markdown, page, config, files):
    if abbreviations.MARKER not in markdown:
        return markdown
    # The table lists what Markdown marks on this language's pages: the glossary set above.
    glossary = config.mdx_configs[_extension(config)]["glossary"]
    return markdown.replace(abbreviations.MARKER, abbreviations.table(list(glossary.items()), current_language(config)))
