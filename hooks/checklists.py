"""Checklists: validate both languages, generate PDF/Word/ZIP downloads, make the pages interactive.

Thin adapter over wilguide.checklists (see its docstring for the source format and the API).
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wilguide import workers
from wilguide.checklists import build_downloads, checklist_downloads, load_all, nav_order, start_downloads
from wilguide.checklists.former_names import former_copies
from wilguide.checklists.parser import is_checklist_page
from wilguide.checklists.examples import EXAMPLES_FILE, load_example_goals
from wilguide.checklists.web import (
    BUNDLE_MARKER,
    INDEX_PAGE,
    LIST_MARKER,
    TEMPLATE_LIST_MARKER,
    bundle_button,
    index_list,
    missing_index_markers,
    remembered_checklist_markdown,
)
from wilguide.findings import ContentError, Finding, relative
from wilguide.i18n_state import all_languages_done, current_language, is_nested_build, language_prefix, languages
from wilguide.site_links import CachedFile



def _content_error(error: ContentError) -> PluginError:
    return PluginError(str(error))


# The checklists and templates of the running build, {lang: {slug: Checklist}}, read once per
# language build, and the example-goal library (content/example-goals.yml).
_loaded: dict = {}
_examples: list = []
# Files being written in worker processes, {lang: (FilePlan, [Future])}, started once for all languages.
_pending: dict = {}
# Checklist pages between their Markdown and their HTML: {src_uri: RenderedChecklist}.
_rendered: dict = {}
_command: list = [None]


def on_startup(command, dirty):
    _command[0] = command


def on_pre_build(config):
    if is_nested_build(config) and _loaded:
        return  # the default language's build has just read both languages: the same files
    findings = []  # every problem at once, in the pages and in the example-goal library
    _loaded.clear()
    _rendered.clear()  # a page left half-made by a failed build under mkdocs serve
    try:
        _loaded.update(load_all(config.docs_dir, languages(config), nav_order(config.nav)))
    except ContentError as error:
        findings += error.findings
    try:
        examples = Path(config.config_file_path).parent / "content" / EXAMPLES_FILE.name
        _examples[:] = load_example_goals(languages(config), examples)
    except ContentError as error:
        findings += error.findings
    if findings:
        raise _content_error(ContentError(findings)) from None
    if not is_nested_build(config):
        # Every language's missing files start now, in parallel, while MkDocs reads the pages.
        _pending.clear()
        _pending.update(start_downloads(config, _loaded))


@event_priority(-200)  # after the i18n plugin has chosen this language's files
def on_files(files, config):
    lang = current_language(config)
    plan, futures = _pending.pop(lang, (None, []))
    try:
        for future in futures:
            future.result()  # raises the worker's error
        downloads = build_downloads(config, lang, _loaded[lang], plan)
    except ContentError as error:
        raise _content_error(error) from None
    except RuntimeError as error:  # a missing font, reported with the package to install
        raise PluginError(str(error)) from None
    prefix = language_prefix(config)
    for download in downloads:
        files.append(CachedFile.generated(config, prefix + download.url, abs_src_path=str(download.path)))
    try:
        copies = former_copies(_loaded[lang].values(), lang, downloads)
    except ContentError as error:
        raise _content_error(error) from None
    for url, path in copies:  # old links keep working (see wilguide/checklists/former_names.py)
        files.append(CachedFile.generated(config, prefix + url, abs_src_path=str(path)))
    return files


def _page_path(page, config) -> str:
    """The page's path inside its language folder, e.g. toolkit/first-week.md."""
    first, _, rest = page.file.src_uri.partition("/")
    return rest if first in languages(config) else page.file.src_uri


@event_priority(50)  # before placeholders and abbreviations: the task list is read as written
def on_page_markdown(markdown, page, config, files):
    lang = current_language(config)
    page_path = _page_path(page, config)
    if page.meta and is_checklist_page(page.meta):
        slug = page_path.removeprefix("toolkit/").removesuffix(".md")
        if slug not in _loaded.get(lang, {}):
            where = relative(page.file.abs_src_path)
            raise PluginError(str(Finding(where, 1, "a checklist page belongs directly in the toolkit folder: docs/<lang>/toolkit/<name>.md")))
        rendered = remembered_checklist_markdown(markdown, _loaded[lang][slug], checklist_downloads(lang), page_path, _examples)
        _rendered[page.file.src_uri] = rendered
        return rendered.markdown
    if page_path == INDEX_PAGE:
        missing = missing_index_markers(markdown, relative(page.file.abs_src_path))
        if missing:
            raise PluginError(str(ContentError(missing)))
        checklists = [c for c in _loaded[lang].values() if c.kind == "checklist"]
        templates = [c for c in _loaded[lang].values() if c.kind == "template"]
        downloads = checklist_downloads(lang)
        markdown = markdown.replace(LIST_MARKER, index_list(checklists, downloads, page_path), 1)
        if templates and TEMPLATE_LIST_MARKER not in markdown:
            raise PluginError(str(Finding(relative(page.file.abs_src_path), 1, f"the toolkit index needs the marker {TEMPLATE_LIST_MARKER} where the templates are listed")))
        markdown = markdown.replace(TEMPLATE_LIST_MARKER, index_list(templates, downloads, page_path), 1)
        return markdown.replace(BUNDLE_MARKER, bundle_button(downloads, lang, page_path), 1)
    return markdown


def on_page_content(html, page, config, files):
    rendered = _rendered.pop(page.file.src_uri, None)
    return rendered.restore(html) if rendered else html


@event_priority(-300)  # after the i18n plugin built the other languages
def on_post_build(config):
    # mkdocs serve keeps the workers (and their imported WeasyPrint) for the next rebuild.
    if all_languages_done(config) and _command[0] != "serve":
        workers.shutdown()


def on_build_error(error):
    _pending.clear()
    _rendered.clear()
    if _command[0] != "serve":
        workers.shutdown(cancel=True)


def on_shutdown():
    workers.shutdown(cancel=True)
