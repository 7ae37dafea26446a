"""Glossary terms get a ¶ permalink, as headings do (see wilguide/term_links.py)."""

from wilguide.i18n_state import current_language
from wilguide.term_links import link_terms


def on_page_content(html, page, config, files):
    return link_terms(html, current_language(config))
