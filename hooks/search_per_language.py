"""Split the combined search index into one index per language once every language is built."""

from pathlib import Path

from mkdocs.plugins import event_priority

from wilguide.i18n_state import all_languages_done, default_language, languages
from wilguide.search_split import write_split_indexes


@event_priority(-200)  # after the i18n plugin has merged the index of every language
def on_post_build(config):
    if not all_languages_done(config):
        return
    default = default_language(config)
    write_split_indexes(Path(config.site_dir), default, [l for l in languages(config) if l != default])
