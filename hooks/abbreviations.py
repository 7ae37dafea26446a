"""Append the page language's abbreviation definitions (includes/abbreviations.<lang>.md)."""

from pathlib import Path

from wilguide.i18n_state import current_language

INCLUDES = Path(__file__).resolve().parent.parent / "includes"


def on_page_markdown(markdown, page, config, files):
    definitions = INCLUDES / f"abbreviations.{current_language(config)}.md"
    if not definitions.exists():
        return markdown
    return f"{markdown}\n\n{definitions.read_text(encoding='utf-8')}"
