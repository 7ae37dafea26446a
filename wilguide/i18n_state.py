"""The one place that reads mkdocs-static-i18n's state, so a toolchain change touches one file."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def _plugin(config: MkDocsConfig):
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    plugin = _plugin(config)
    return (plugin.current_language if plugin else None) or config.theme["language"]


def default_language(config: MkDocsConfig) -> str:
    plugin = _plugin(config)
    return (plugin.default_language if plugin else None) or config.theme["language"]


def languages(config: MkDocsConfig) -> list[str]:
    plugin = _plugin(config)
    if not plugin:
        return [config.theme["language"]]
    return [lang.locale for lang in plugin.config.languages if lang.build and lang.locale != "null"]


def is_nested_build(config: MkDocsConfig) -> bool:
    """True while the plugin builds a non-default language inside the default language's build."""
    plugin = _plugin(config)
    return bool(plugin and plugin.building)


def all_languages_done(config: MkDocsConfig) -> bool:
    """In an on_post_build hook with priority below -100: every language is built."""
    return not is_nested_build(config)


def language_prefix(config: MkDocsConfig, lang: str | None = None) -> str:
    """URL and site-folder prefix of a language: '' for the default, 'en/' for the others."""
    lang = lang or current_language(config)
    return "" if lang == default_language(config) else f"{lang}/"


def root_alternates(config: MkDocsConfig) -> list[dict]:
    """The switcher entries pointing at each language's home page."""
    plugin = _plugin(config)
    return [dict(alt) for alt in (plugin.extra_alternate if plugin else [])]


def language_setting(config: MkDocsConfig, lang: str, key: str):
    """A setting (site_name, copyright) as the build of ``lang`` shows it, whichever language is
    being built now: the language's own value in the plugin's `languages`, else mkdocs.yml's."""
    plugin = _plugin(config)
    if not plugin:
        return config[key]
    for language in plugin.config.languages:
        if language.locale == lang and language.get(key):
            return language[key]
    return getattr(plugin, "original_configs", {}).get(key, config[key])


def nav_translations(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """The menu's section titles in ``lang`` (its `nav_translations` in the plugin's `languages`)."""
    plugin = _plugin(config)
    for language in plugin.config.languages if plugin else []:
        if language.locale == lang:
            return dict(language.nav_translations or {})
    return {}
