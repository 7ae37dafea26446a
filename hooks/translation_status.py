"""Fill the editors' translation-status page with the status of every page pair."""

from pathlib import Path

from wilguide.contentcheck.translations_report import STATUS_MARKER, status_page_markdown
from wilguide.i18n_state import current_language


def on_page_markdown(markdown, page, config, files):
    if STATUS_MARKER not in markdown:
        return markdown
    return markdown.replace(STATUS_MARKER, status_page_markdown(Path(config.config_file_path).parent, current_language(config)))
