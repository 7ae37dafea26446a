"""Fill the editors' translation-status page with the status of every page pair."""

from wilguide.contentcheck import project_from_config
from wilguide.contentcheck.translations_report import STATUS_MARKER, status_markdown
from wilguide.i18n_state import current_language


def on_page_markdown(markdown, page, config, files):
    if STATUS_MARKER not in markdown:
        return markdown
    # The running build's settings: loading mkdocs.yml again cost each language's build 30 ms.
    return markdown.replace(STATUS_MARKER, status_markdown(project_from_config(config), current_language(config)))
