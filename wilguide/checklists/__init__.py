"""Printable, fillable checklists: one Markdown page per checklist and language is the source of
the web page, the fillable PDF, the Word file, the language's ZIP and the planner's agenda prompts.

Public API (other helpers and the hook use only these names):

- ``load_checklist(docs_dir, lang, slug) -> Checklist`` (title, description, fields, sections,
  items: key, text, line). Raises ContentError with ``file:line: message`` findings.
- ``load_all(docs_dir, languages, order=None) -> {lang: {slug: Checklist}}``: every checklist,
  cross-checked between languages.
- ``checklist_downloads(lang, config=None) -> list[Download]``: (title, url, format, size, path)
  for each checklist's PDF and DOCX, then the language's ZIP.
- ``format_size(size, lang)``: "48 ko" / "48 KB".

The source format is described in ``wilguide/checklists/parser.py``.
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from .downloads import Download, FilePlan, produce_downloads, start_in_parallel
from .model import Checklist, Item, Section
from .parser import find_checklist_slugs, load_checklist, parse_checklist
from .strings import format_size
from .validate import compare_translations, load_all

__all__ = [
    "Checklist",
    "Download",
    "Item",
    "Section",
    "build_downloads",
    "checklist_downloads",
    "compare_translations",
    "find_checklist_slugs",
    "format_size",
    "load_all",
    "load_checklist",
    "nav_order",
    "parse_checklist",
    "start_downloads",
]

# Downloads produced by the running build, per language (filled by hooks/checklists.py).
_built: dict[str, list[Download]] = {}


def nav_order(nav) -> list[str]:
    """Checklist slugs in the order the nav lists toolkit pages (mkdocs.yml `nav:`)."""
    slugs: list[str] = []

    def walk(entry) -> None:
        if isinstance(entry, str):
            if entry.startswith("toolkit/") and entry.endswith(".md"):
                slugs.append(entry[len("toolkit/") : -len(".md")])
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)
        elif isinstance(entry, list):
            for value in entry:
                walk(value)

    walk(nav or [])
    return slugs


def file_settings(config, lang: str) -> dict[str, str]:
    """The site settings a language's files use: the placeholders' values, the source line of
    their footers (the guide's name and licence), each of those two for the ZIP's read-me, and the
    guide's address in that language once the site has a real one: a shared or printed copy says
    where it is from and where its online tools are."""
    from urllib.parse import urljoin

    from ..i18n_state import language_prefix, language_setting
    from ..settings import guide_settings
    from ..site_address import is_shareable

    site_url = config.site_url or ""
    address = urljoin(site_url, language_prefix(config, lang)) if is_shareable(site_url) else ""
    site_name, licence = (language_setting(config, lang, key) or "" for key in ("site_name", "copyright"))
    return {
        **guide_settings(config.extra, config.repo_url, lang),
        "source": " · ".join(filter(None, (site_name, licence))),
        "site_name": site_name,
        "copyright": licence,
        "address": address,
    }


def build_downloads(config, lang: str, checklists: dict[str, Checklist] | None = None, plan: FilePlan | None = None) -> list[Download]:
    """Produce (or take from the cache) every download of ``lang`` for this MkDocs config.

    ``checklists`` ({slug: Checklist} of ``lang``, in order) saves reading the pages again; ``plan``,
    from start_downloads, saves working out the files' keys again."""
    from ..i18n_state import languages

    if checklists is None:
        checklists = load_all(Path(config.docs_dir), languages(config), nav_order(config.nav))[lang]
    downloads = produce_downloads(list(checklists.values()), lang, file_settings(config, lang), plan)
    _built[lang] = downloads
    return downloads


def start_downloads(config, loaded: dict[str, dict[str, Checklist]]) -> dict[str, tuple[FilePlan, list[Future]]]:
    """Start writing every language's missing PDF and Word files in parallel worker processes.

    ``loaded`` is load_all's result. Wait for a language's futures before build_downloads(lang),
    which takes the language's plan: ``future.result()`` raises the worker's ContentError
    (file:line). Nothing starts when cached."""
    return {
        lang: start_in_parallel(list(checklists.values()), lang, file_settings(config, lang))
        for lang, checklists in loaded.items()
    }


def checklist_downloads(lang: str, config=None) -> list[Download]:
    """The checklist downloads of a language: each checklist's PDF and DOCX, then the ZIP.

    During a build, call it with ``lang`` only from any event after the checklists hook's
    ``on_files`` (priority -200) for that language. Elsewhere, pass the MkDocs config: the files
    are then produced, or taken from the content-hash cache."""
    if config is not None:
        return build_downloads(config, lang)
    try:
        return list(_built[lang])
    except KeyError:
        raise RuntimeError(
            f"checklist downloads for '{lang}' are not built yet: call checklist_downloads(lang, config), "
            "or call it after the checklists hook's on_files event"
        ) from None
