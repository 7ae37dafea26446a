"""Words the site adds to every page that Material's own translations do not cover.

The heading permalinks' tooltip comes from the ``toc`` Markdown extension, configured once in
mkdocs.yml for every language (the i18n plugin cannot override ``markdown_extensions`` per
language), so English pages would carry the French tooltip. hooks/theme_words.py sets it for the
language being built.
"""

from __future__ import annotations

PERMALINK_TITLE = {
    "fr": "Lien permanent vers cette section",
    "en": "Permanent link to this section",
}
# A glossary term's permalink (wilguide/term_links.py).
TERM_LINK_TITLE = {
    "fr": "Lien permanent vers ce terme",
    "en": "Permanent link to this term",
}


def _in(words: dict[str, str], name: str, lang: str) -> str:
    try:
        return words[lang]
    except KeyError:
        raise ValueError(f"no {name} for language '{lang}': add it in {__file__}") from None


def permalink_title(lang: str) -> str:
    return _in(PERMALINK_TITLE, "permalink tooltip", lang)


def term_link_title(lang: str) -> str:
    return _in(TERM_LINK_TITLE, "term permalink tooltip", lang)


def set_permalink_title(mdx_configs: dict, lang: str) -> None:
    """Point the toc extension's permalink tooltip at ``lang`` (Markdown is set up again per page)."""
    mdx_configs.setdefault("toc", {})["permalink_title"] = permalink_title(lang)
