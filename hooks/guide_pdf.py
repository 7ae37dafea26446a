"""The whole guide as a PDF per language, the downloads page's table, the footer's link to it.

Timing: MkDocs converts every page (page.content) before `on_env`, and copies files after it. So the
PDF is typeset in `on_env` from the pages as rendered, registered (at on_files) as a generated file
that MkDocs copies to <lang prefix>downloads/, and the downloads page shows its real size in the same
build. `WILGUIDE_SKIP_GUIDE_PDF=1 mkdocs serve` skips it for quick previews; `mkdocs build` ignores
the variable and always typesets it (unchanged pages reuse the cached PDF).
"""

import logging
import os
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from wilguide import guide_pdf
from wilguide.checklists import checklist_downloads
from wilguide.findings import ContentError
from wilguide.guide_pdf.fonts import MissingFonts
from wilguide.guide_pdf.labels import file_size, labels
from wilguide.guide_pdf.render import TypesetError
from wilguide.i18n_state import current_language, language_prefix, languages
from wilguide.settings import guide_settings

log = logging.getLogger("mkdocs.hooks.guide_pdf")
_command: list[str | None] = [None]
_state: dict[str, dict] = {}  # per language: pdf File, nav, result, skip reason


def on_startup(command, dirty):
    _command[0] = command
    if command != "serve" and os.environ.get(guide_pdf.SKIP_VARIABLE):
        log.info(f"{guide_pdf.SKIP_VARIABLE} only applies to mkdocs serve: this build typesets the guide PDF")


def _page_path(file: File, config) -> str:
    """The page's path inside its language folder: fr/practices/index.md -> practices/index.md."""
    first, _, rest = file.src_uri.partition("/")
    return rest if rest and first in languages(config) else file.src_uri


@event_priority(-200)  # after the i18n plugin chose this language's files
def on_files(files, config):
    lang = current_language(config)
    state = _state[lang] = {"skip": guide_pdf.skip_reason(_command[0]), "result": None}
    downloads = next((f for f in files.documentation_pages() if _page_path(f, config) == "downloads.md"), None)
    if downloads is not None:
        config.extra["guide_downloads"] = {"url": downloads.url, "label": labels(lang)["footer_link"]}
    if not state["skip"]:
        src_uri = f"{language_prefix(config)}downloads/{guide_pdf.file_name(config.site_name)}"
        state["file"] = File.generated(config, src_uri, abs_src_path=os.devnull)  # set in on_env
        files.append(state["file"])
    return files


@event_priority(-200)  # after the i18n plugin translated the section titles
def on_nav(nav, config, files):
    _state[current_language(config)]["nav"] = nav
    return nav


def _chapters(nav, config) -> list[guide_pdf.Chapter] | None:
    """Pages in navigation order with their top-level section; None if a page was not rendered."""
    entries = []

    def walk(items, section):
        for item in items:
            if item.is_page:
                entries.append((item, section))
            elif item.is_section:
                walk(item.children, section or item.title)

    walk(nav.items, None)
    if any(page.content is None for page, _ in entries):
        return None  # a --dirty build skips unchanged pages
    return [
        guide_pdf.Chapter(
            src_path=_page_path(page.file, config),
            url=page.url,
            html=page.content,
            title=page.title or "",
            description=str(page.meta.get("description", "")),
            section=section,
        )
        for page, section in entries
    ]


def on_env(env, config, files):
    lang = current_language(config)
    state = _state[lang]
    if state["skip"]:
        log.info(f"guide PDF ({lang}): skipped ({state['skip']})")
        return env
    chapters = _chapters(state["nav"], config)
    if chapters is None:
        if _command[0] == "serve":
            state["skip"] = "--dirty"
            files.remove(state["file"])
            return env
        raise PluginError("guide PDF: some pages were not rendered (--dirty?): run a full mkdocs build")
    if not config.site_url:
        raise PluginError("guide PDF: set site_url in mkdocs.yml, the PDF links to the online guide")
    edition = guide_pdf.Edition(
        lang=lang,
        title=config.site_name,
        subtitle=config.site_description or "",
        publisher=guide_settings(config.extra, config.repo_url, lang)["publisher"],
        day=date.min,
        site_url=config.site_url,
        home=language_prefix(config),
        licence=config.copyright or "",
    )
    assets = {f.dest_uri: Path(f.abs_src_path) for f in files if not f.is_documentation_page() and f.abs_src_path}
    try:
        result = guide_pdf.make_guide_pdf(chapters, edition, assets)
    except (ContentError, MissingFonts, TypesetError) as error:
        raise PluginError(f"guide PDF ({lang}): {error}") from None
    state["result"] = result
    state["file"].abs_src_path = str(result.path)
    how = f"typeset in {result.seconds:.1f} s" if result.seconds is not None else "unchanged, reused from the cache"
    log.info(f"guide PDF ({lang}): {how}, {file_size(result.size, 'en')} -> {state['file'].dest_uri}")
    return env


@event_priority(50)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    if _page_path(page.file, config) != "downloads.md":
        return context
    lang = current_language(config)
    state = _state[lang]
    url = state["file"].dest_uri if state["result"] else None
    guide = guide_pdf.guide_row(config.site_name, lang, url, state["result"], state["skip"])
    checklists = guide_pdf.checklist_rows(checklist_downloads(lang), language_prefix(config))
    table = guide_pdf.render_downloads([guide, *checklists], lang, page.url)
    page.content = guide_pdf.insert_downloads(page.content, table)
    return context
