"""Site settings an adopting organisation changes in mkdocs.yml (``extra.guide``).

A setting is either one value for every language or a mapping ``{fr: …, en: …}``. An optional
setting may be left out or empty: pages then leave out the sentences that use it. The repository
address (``repo_url``) is not under ``extra.guide`` but is optional in the same way.
"""

from __future__ import annotations

from typing import Any, Mapping

REQUIRED = ("edi_guide_url",)
OPTIONAL = ("publisher", "contact_email", "repo_url")


def localized(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping):
        return value[lang]
    return value


def guide_settings(extra: Mapping[str, Any], repo_url: str | None, lang: str) -> dict[str, str]:
    """The placeholder values for one language, with clear errors for a missing setting."""
    guide = extra.get("guide") or {}
    missing = [key for key in REQUIRED if key not in guide]
    if missing:
        raise ValueError(f"mkdocs.yml: extra.guide is missing {', '.join(missing)}")
    values: dict[str, str] = dict.fromkeys(OPTIONAL, "")
    for key, value in guide.items():
        try:
            value = localized(value, lang)
        except KeyError:
            raise ValueError(f"mkdocs.yml: extra.guide.{key} has no value for language '{lang}'") from None
        values[key] = "" if value is None else str(value).strip()
    values["repo_url"] = (repo_url or "").rstrip("/")
    return values
