"""Check-in planner page (toolkit/planner.md): fill its three markers from content/planner.yml.

- ``<!-- planner:noscript -->``: the note readers without JavaScript see (put it before the steps
  that describe the form);
- ``<!-- planner:form -->``: the form, the result area and the plan data for the page's language
  (inline JSON, links resolved to this language's URLs);
- ``<!-- planner:rhythm -->``: the recommended rhythm as a table, for readers without JavaScript.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from wilguide.findings import ContentError, relative
from wilguide.i18n_state import current_language, languages
from wilguide.planner.public_holidays import FILE_NAME as HOLIDAYS_FILE, holiday_file, holiday_years
from wilguide.planner import DATA_FILE_NAME, MARKERS, PAGE, load_planner_config, missing_markers, plan_data, render_form, render_noscript, render_rhythm_table
from wilguide.site_links import CachedFile

DATA_FILE = Path(__file__).resolve().parent.parent / "content" / DATA_FILE_NAME
SCRIPT = "assets/javascripts/planner/planner.js"
STYLE = "assets/stylesheets/planner.css"


@event_priority(-200)  # after the i18n plugin has chosen this language's files
def on_files(files, config):
    """The public holidays in this language, beside the planner page (not in it: most readers
    never choose a province, and the page is the site's heaviest)."""
    lang = current_language(config)
    page = next((file for file in files if _is_planner_file(file)), None)
    if page is None:
        return files
    try:
        planner = load_planner_config(DATA_FILE, tuple(languages(config)))
        path = holiday_file(planner, lang, holiday_years())
    except ContentError as error:
        raise PluginError(str(error)) from None
    folder = page.dest_uri.rpartition("/")[0]  # toolkit/planner or en/toolkit/planner
    files.append(CachedFile.generated(config, f"{folder}/{HOLIDAYS_FILE}", abs_src_path=str(path)))
    return files


def _is_planner_file(file) -> bool:
    return file.src_uri.endswith(PAGE) and file.src_uri.count("/") <= 2


def _is_planner(page) -> bool:
    return _is_planner_file(page.file)


def on_page_content(html, page, config, files):
    if not _is_planner(page):
        return html
    source = relative(page.file.abs_src_path)
    missing = missing_markers(html, source)
    if missing:
        raise PluginError(str(ContentError(missing)))
    lang = current_language(config)
    try:
        planner = load_planner_config(DATA_FILE, tuple(languages(config)))
        data = plan_data(planner, Path(config.docs_dir), lang, lambda target: _url(target, page, files))
    except ContentError as error:
        raise PluginError(str(error)) from None
    style = get_relative_url(STYLE, page.url)
    form = f'<link rel="stylesheet" href="{style}">' + render_form(planner, data, lang, get_relative_url(SCRIPT, page.url))
    filled = {
        MARKERS[0]: render_noscript(planner, lang),
        MARKERS[1]: form,
        MARKERS[2]: render_rhythm_table(planner, data, lang),
    }
    for marker, part in filled.items():
        html = html.replace(marker, part, 1)
    return html


def _url(target: str, page, files) -> str:
    """A page.md#id link, as the URL of this language's page relative to the planner page."""
    path, _, anchor = target.partition("#")
    linked = files.get_file_from_path(path)
    if linked is None:
        raise PluginError(f"{relative(DATA_FILE)}: '{target}' is not a page of the site")
    url = linked.url_relative_to(page.file)
    return f"{url}#{anchor}" if anchor else url
