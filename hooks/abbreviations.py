"""Give every page its language's abbreviation definitions (includes/abbreviations.<lang>.md), and
put their table where a page says <!-- abbreviations --> (the glossary).

The definitions reach Markdown's abbr extension as its glossary, not as text appended to each
page: parsed as text, each of the 36 lines went through every block processor's test again, on
every page of both languages, which was the largest single cost the project added to a rebuild.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from wilguide import abbreviations
from wilguide.findings import ContentError
from wilguide.i18n_state import current_language

ROOT = Path(__file__).resolve().parent.parent


def on_page_markdown(markdown, page, config, files):
    definitions = abbreviations.definitions_file(ROOT, current_language(config))
    try:
        pairs = abbreviations.load(definitions) if definitions.exists() else []
    except ContentError as error:
        raise PluginError(str(error)) from None
    # MkDocs makes each page's Markdown converter from mdx_configs once this event has run.
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": dict(pairs)}
    if abbreviations.MARKER in markdown:
        markdown = markdown.replace(abbreviations.MARKER, abbreviations.table(pairs, current_language(config)))
    return markdown
