"""Search keywords per page: the words readers type that a page answers without using them
("struggling", « en difficulté »). Editors list them in the page's front matter:

    search:
      keywords: [struggling, underperforming, at risk]

They go into a ``keywords`` field of the page's entry in the search index (declared under the
search plugin's ``fields`` in mkdocs.yml), which lunr searches but Material never displays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class KeywordsError(ValueError):
    pass


def page_keywords(meta: Mapping, source: str) -> list[str]:
    """The keywords of a page's front matter; an editor's mistake names the file and the fix."""
    search = meta.get("search") or {}
    keywords = search.get("keywords", []) if isinstance(search, Mapping) else []
    if isinstance(keywords, str) or not isinstance(keywords, Sequence) or not all(
        isinstance(word, str) and word.strip() for word in keywords
    ):
        raise KeywordsError(
            f"{source}: search.keywords must be a list of words or phrases, "
            "for example: keywords: [struggling, at risk]"
        )
    return [word.strip() for word in keywords]


def add_keywords(entries: list[dict], page_url: str, keywords: list[str]) -> None:
    """Give the page's own entry (not its sections') the keywords."""
    if not keywords:
        return
    for entry in entries:
        if entry["location"] == page_url:
            entry["keywords"] = " ".join(keywords)
            return
