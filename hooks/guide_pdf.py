"""The whole guide as a PDF per language, the downloads page's table, the footer's link to it.

Timing: MkDocs converts every page (page.content) before `on_env`, so the PDF's job is known there.
A cached PDF is registered as a generated file that MkDocs copies to <lang prefix>downloads/.
Otherwise it is typeset in another process while MkDocs goes on:
- `mkdocs build`: in the worker pool (both languages in parallel); once every language is built, the
  hook waits for each PDF, writes it into the site and puts its size into the downloads table. Any
  error stops the build (file:line), as before.
- `mkdocs serve`: in a background process (wilguide/guide_pdf/background.py). The preview reloads
  at once, with the previous PDF (if any) marked "being updated" on the downloads page; when the PDF
  is done the hook replaces the file and the table in the served site, and logs it.
`WILGUIDE_SKIP_GUIDE_PDF=1 mkdocs serve` skips it; `mkdocs build` ignores the variable.
"""

import logging
import os
import threading
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from wilguide import guide_pdf, workers
from wilguide.checklists import checklist_downloads
from wilguide.contentcheck.markdown_text import page_title
from wilguide.findings import ContentError
from wilguide.guide_pdf.fonts import MissingFonts
from wilguide.guide_pdf.background import BackgroundTypesetting
from wilguide.guide_pdf.labels import file_size, labels
from wilguide.guide_pdf.render import TypesetError
from wilguide.guide_pdf.site_files import replace_file, replace_table
from wilguide.i18n_state import all_languages_done, current_language, is_nested_build, language_prefix, languages
from wilguide.settings import guide_settings
from wilguide.site_links import CachedFile

log = logging.getLogger("mkdocs.hooks.guide_pdf")
_command: list[str | None] = [None]
_state: dict[str, dict] = {}  # per language, this build: pdf File, nav, result, skip reason, pending
# mkdocs serve only, kept across rebuilds: the PDF each language last served, the one it wants now.
_shown: dict[str, guide_pdf.GuidePdf] = {}
_wanted: dict[str, Path] = {}
_building = threading.Condition()
_build_running = [False]


def on_startup(command, dirty):
    _command[0] = command
    _state.clear()
    if command != "serve" and os.environ.get(guide_pdf.SKIP_VARIABLE):
        log.info(f"{guide_pdf.SKIP_VARIABLE} only applies to mkdocs serve: this build typesets the guide PDF")


def _page_path(file: File, config) -> str:
    """The page's path inside its language folder: fr/practices/index.md -> practices/index.md."""
    first, _, rest = file.src_uri.partition("/")
    return rest if rest and first in languages(config) else file.src_uri


@event_priority(-200)  # after the i18n plugin chose this language's files
def on_files(files, config):
    lang = current_language(config)
    state = _state[lang] = {"skip": guide_pdf.skip_reason(_command[0]), "result": None, "pending": ""}
    downloads = next((f for f in files.documentation_pages() if _page_path(f, config) == "downloads.md"), None)
    if downloads is not None:
        config.extra["guide_downloads"] = {"url": downloads.url, "label": labels(lang)["footer_link"]}
    if not state["skip"]:
        src_uri = f"{language_prefix(config)}downloads/{guide_pdf.file_name(config.site_name)}"
        state["file"] = CachedFile.generated(config, src_uri, abs_src_path=os.devnull)  # set in on_env
        state["pdf_target"] = Path(state["file"].abs_dest_path)
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


def on_pre_build(config):
    if not is_nested_build(config):
        with _building:
            _build_running[0] = True


def _edition(config, lang: str) -> guide_pdf.Edition:
    return guide_pdf.Edition(
        lang=lang,
        title=config.site_name,
        subtitle=config.site_description or "",
        publisher=guide_settings(config.extra, config.repo_url, lang)["publisher"],
        day=date.min,
        site_url=config.site_url,
        home=language_prefix(config),
        licence=config.copyright or "",
    )


def _typeset_later(job: guide_pdf.GuideJob, state: dict, files) -> None:
    """Start typesetting in another process; the site gets the previous PDF or none meanwhile."""
    lang = job.lang
    if _command[0] == "serve":
        previous = _shown.get(lang)
        state["pending"] = "updating" if previous else "preparing"
        state["result"] = previous
        if previous:
            state["file"].abs_src_path = str(previous.path)
        else:
            files.remove(state["file"])
        state["job"] = job  # started once the preview is rebuilt: the rebuild keeps the processor
    else:
        state["pending"] = "preparing"
        state["future"] = workers.submit(guide_pdf.typeset_guide_pdf, job)
        files.remove(state["file"])  # written once typeset, in on_post_build


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
    assets = {f.dest_uri: Path(f.abs_src_path) for f in files if not f.is_documentation_page() and f.abs_src_path}
    try:
        job = guide_pdf.plan_guide_pdf(chapters, _edition(config, lang), assets)
    except (ContentError, MissingFonts) as error:
        raise PluginError(f"guide PDF ({lang}): {error}") from None
    _wanted[lang] = job.path
    result = job.cached()
    if result is None:
        _typeset_later(job, state, files)
        return env
    if _command[0] == "serve":
        _background.stop(lang)  # the pages are back to a version the cache has
        _shown[lang] = result
    state["result"] = result
    state["file"].abs_src_path = str(result.path)
    log.info(f"guide PDF ({lang}): unchanged, reused from the cache, {file_size(result.size, 'en')} -> {state['file'].dest_uri}")
    return env


def _table(state: dict, lang: str, result, pending: str) -> str:
    url = state["file"].dest_uri if result else None
    guide = guide_pdf.guide_row(state["site_name"], lang, url, result, state["skip"], pending)
    rows = [guide, *state["checklist_rows"]]
    return guide_pdf.render_downloads(rows, lang, state["page_url"], state["other_languages"])


def _other_language_pages(page, config, lang: str) -> list[guide_pdf.OtherLanguagePage]:
    """The same page in each other language, with the title its own Markdown gives it."""
    name, in_language = _page_path(page.file, config), page.url.removeprefix(language_prefix(config))
    pages = []
    for other in languages(config):
        if other == lang:
            continue
        source = Path(config.docs_dir) / other / name
        title = page_title(source.read_text(encoding="utf-8-sig")) if source.is_file() else None
        if not title:
            raise PluginError(f"{source}: the {lang} downloads page links to this page, which needs a title ('# Title')")
        pages.append(guide_pdf.OtherLanguagePage(other, language_prefix(config, other) + in_language, title))
    return pages


@event_priority(50)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    if _page_path(page.file, config) != "downloads.md":
        return context
    lang = current_language(config)
    state = _state[lang]
    state["checklist_rows"] = guide_pdf.checklist_rows(checklist_downloads(lang), language_prefix(config))
    state["page_url"] = page.url
    state["page_target"] = Path(page.file.abs_dest_path)
    state["site_name"] = config.site_name  # the config object changes with each language's build
    state["other_languages"] = _other_language_pages(page, config, lang)
    state["table"] = _table(state, lang, state["result"], state["pending"])
    page.content = guide_pdf.insert_downloads(page.content, state["table"])
    return context


def _put_in_site(lang: str, result: guide_pdf.GuidePdf, pending: str = "") -> bool:
    """The typeset PDF into the written site, and its row into the downloads table."""
    state = _state[lang]
    if result:
        replace_file(result.path, state["pdf_target"])
    if "table" not in state:
        return True
    table = _table(state, lang, result, pending)
    written = replace_table(state["page_target"], state["table"], table)
    state["table"] = table
    return written


def _wait_for_pdfs() -> None:
    """mkdocs build: every language's PDF typeset in the pool, then written into the site."""
    for lang, state in _state.items():
        future = state.pop("future", None)
        if future is None:
            continue
        try:
            result = future.result()
        except (ContentError, MissingFonts, TypesetError) as error:
            raise PluginError(f"guide PDF ({lang}): {error}") from None
        state["result"], state["pending"] = result, ""
        if not _put_in_site(lang, result):
            raise PluginError(f"guide PDF ({lang}): the downloads table was not found in {state.get('page_target')}")
        how = f"typeset in {result.seconds:.1f} s" if result.seconds is not None else "unchanged, reused from the cache"
        log.info(f"guide PDF ({lang}): {how}, {file_size(result.size, 'en')} -> {state['file'].dest_uri}{_tightened(result)}")


def _tightened(result) -> str:
    """Which chapters were set tighter, so that an editor who notices it knows why."""
    if not result.tightened:
        return ""
    return f"; chapters set slightly tighter so that their last lines do not sit alone on a page: {', '.join(result.tightened)}"


@event_priority(-300)  # after the i18n plugin built the other languages
def on_post_build(config):
    if not all_languages_done(config):
        return
    try:
        _wait_for_pdfs()
        for lang, state in _state.items():
            if "job" in state and _background.start(state.pop("job")):
                log.info(f"guide PDF ({lang}): typesetting in the background; the preview does not wait for it")
    finally:
        with _building:
            _build_running[0] = False
            _building.notify_all()


def on_build_error(error):
    with _building:
        _build_running[0] = False
        _building.notify_all()


def _caught_up(job: guide_pdf.GuideJob, result, error: str | None) -> None:
    """mkdocs serve, in a watcher thread: a background PDF is done. Applied between rebuilds."""
    with _building:
        _building.wait_for(lambda: not _build_running[0])
        lang = job.lang
        if _wanted.get(lang) != job.path or lang not in _state:
            return  # the pages changed again: a newer job is on its way
        if error:
            log.error(f"guide PDF ({lang}): could not be typeset with the latest changes "
                      f"(mkdocs build stops on this):\n{error}")
            _put_in_site(lang, _shown.get(lang), "failed")
            return
        _shown[lang] = result
        _state[lang]["result"], _state[lang]["pending"] = result, ""
        _put_in_site(lang, result)
        log.info(f"guide PDF ({lang}): typeset in the background in {result.seconds or 0:.1f} s; "
                 f"the preview now serves it ({file_size(result.size, 'en')} -> {_state[lang]['file'].dest_uri}){_tightened(result)}")


_background = BackgroundTypesetting(_caught_up)


def on_shutdown():
    _background.stop_all()
