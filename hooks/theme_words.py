"""Heading permalinks titled in the language being built (see wilguide/theme_words.py)."""

from mkdocs.plugins import event_priority

from wilguide.i18n_state import current_language
from wilguide.theme_words import set_permalink_title


@event_priority(-150)  # after the i18n plugin has picked this build's language
def on_config(config):
    set_permalink_title(config.mdx_configs, current_language(config))
    return config
