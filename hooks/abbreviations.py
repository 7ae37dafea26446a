"""Append the page language's abbreviation definitions (includes/abbreviations.<lang>.md) to every
page, and put their table where a page says <!-- abbreviations --> (the glossary)."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from wilguide import abbreviations
from wilguide.findings import ContentError
from wilguide.i18n_state import current_language

ROOT = Path(__file__).resolve().parent.parent


def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    definitions = abbreviations.definitions_file(ROOT, lang)
    if not definitions.exists():
        return markdown
    if abbreviations.MARKER in markdown:
        try:
            pairs = abbreviations.load(definitions)
        except ContentError as error:
            raise PluginError(str(error)) from None
        markdown = markdown.replace(abbreviations.MARKER, abbreviations.table(pairs, lang))
    return f"{markdown}\n\n{definitions.read_text(encoding='utf-8')}"
