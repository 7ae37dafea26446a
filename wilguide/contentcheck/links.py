"""Links between pages, to anchors and to files under docs/, resolved as MkDocs and the i18n
plugin resolve them (mkdocs.structure.pages and mkdocs_static_i18n.folder).

A link is relative to the page's source file. The i18n plugin then looks the target up in the
page's language, then in the default language (fallback), then outside the language folders
(shared files such as assets/). Anchors are checked against the IDs of the rendered target page.
"""

from __future__ import annotations

import difflib
import posixpath
from urllib.parse import unquote, urlsplit

from ..findings import Finding
from . import markdown_text
from .figures import REFERENCES_PAGE
from .generated_files import GENERATED_SUFFIXES, generated_files
from .project import Page, Project

# Links into this folder must point at existing files. Downloads the build writes (PDF, Word,
# ZIP) do not exist before it: they are checked against the names the build will give them.
CHECKED_FOLDER = "assets"


def links_and_anchors(project: Project) -> list[Finding]:
    findings = []
    for page in project.all_pages():
        for link in markdown_text.links(page.code_free):
            problem = check_link(project, page, link.target)
            if problem:
                findings.append(Finding(page.display, page.line(link.offset), problem))
    return findings


def candidates(project: Project, page: Page, target_uri: str) -> list[str]:
    """Where the i18n plugin looks for a target, in order (folder.I18nFiles.get_file_from_path)."""
    lang, default = page.lang, project.default_language
    first, _, rest = target_uri.partition("/")
    if first == lang and rest:
        return [target_uri, f"{default}/{rest}", rest]
    if first == default and rest:
        return [target_uri, f"{lang}/{rest}", rest]
    return [f"{lang}/{target_uri}", f"{default}/{target_uri}", target_uri]


def _visible_from(project: Project, page: Page, src_uri: str) -> bool:
    """Files in a language's build: its own, the default language's (fallback), and shared ones."""
    first = src_uri.partition("/")[0]
    return src_uri in project.src_uris and (
        first in (page.lang, project.default_language) or first not in project.languages
    )


def resolve(project: Project, page: Page, path: str) -> str | None:
    target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path).lstrip("/"))
    return next((uri for uri in candidates(project, page, target_uri) if _visible_from(project, page, uri)), None)


def page_at(project: Project, src_uri: str) -> Page | None:
    """The page of a resolved file (``resolve``), or None when the file is not a page."""
    lang, _, name = src_uri.partition("/")
    return project.pages.get(lang, {}).get(name) if src_uri.endswith(".md") else None


def _relative_link(page: Page, src_uri: str) -> str:
    """The link to write in ``page`` to reach ``src_uri`` (a page of the same language or a shared file)."""
    lang, _, name = src_uri.partition("/")
    if lang == page.lang:
        return posixpath.relpath(name, posixpath.dirname(page.name) or ".")
    return posixpath.relpath(src_uri, posixpath.dirname(page.src_uri))


def _suggestion(project: Project, page: Page, path: str) -> str:
    """A guess at the intended target, as MkDocs guesses (index.md, .md instead of .html or /),
    or the closest page name."""
    base = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), path))
    guesses = [base + ".md", posixpath.join(base, "index.md"), base.removesuffix(".html") + ".md"]
    for guess in guesses:
        if guess in project.pages[page.lang]:
            return f"; did you mean '{_relative_link(page, page.lang + '/' + guess)}'?"
    names = list(project.pages[page.lang])
    same_name = [name for name in names if posixpath.basename(name) == posixpath.basename(base)]
    close = same_name[:1] or difflib.get_close_matches(base, names, n=1, cutoff=0.8)
    if close:
        return f"; did you mean '{_relative_link(page, page.lang + '/' + close[0])}'?"
    return ""


def check_link(project: Project, page: Page, url: str) -> str | None:
    """The problem with one link target, or None."""
    if "{{" in url:  # a {{ placeholder }} becomes an external address at build time
        return None
    scheme, netloc, path, _query, anchor = urlsplit(url)
    if scheme or netloc:
        return None
    if url.startswith(("/", "\\")):
        return (f"absolute link '{url}': write a link relative to this file, to the .md file "
                "(for example 'toolkit/planner.md' or '../references.md#statcan-2020')")
    if not path:
        if anchor and anchor not in project.anchors(page):
            return f"link '{url}': there is no anchor #{anchor} on this page{_anchor_hint(project, page, anchor)}"
        return None

    path = unquote(path)
    target_uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path).lstrip("/"))
    first = target_uri.partition("/")[0]
    if target_uri.startswith("../") or target_uri == "..":
        return f"link '{url}' points outside the docs folder: link to a page or a file under docs/"
    if first in project.languages and first != page.lang:
        rest = target_uri.partition("/")[2]
        return (f"link '{url}' points into the '{first}' folder: link to the page in this language, "
                f"without the language folder: '{_relative_link(page, page.lang + '/' + rest)}'")
    found = resolve(project, page, path)
    if found is None:
        extension = posixpath.splitext(path)[1]
        if not extension:
            return (f"link '{url}' is not a link to a file: link to the page's .md file"
                    f"{_suggestion(project, page, path) or ' (for example toolkit/planner.md)'}")
        if extension == ".md":
            return f"broken link '{url}': there is no page {_shown(project, page, target_uri)}{_suggestion(project, page, path)}"
        if CHECKED_FOLDER in target_uri.split("/"):
            return f"broken link '{url}': there is no file {_shown(project, page, target_uri)}"
        if extension == ".html":
            return f"link '{url}' points at a web address: link to the page's .md file{_suggestion(project, page, path)}"
        if extension in GENERATED_SUFFIXES:
            return _generated_file_problem(project, page, url, target_uri)
        return None  # another kind of file the build may write: MkDocs checks it
    if anchor and found.endswith(".md"):
        target = page_at(project, found)
        if target is not None and anchor not in project.anchors(target):
            return (f"broken link '{url}': {target.display} has no anchor #{anchor}"
                    f"{_anchor_hint(project, target, anchor)}")
    return None


def _shown(project: Project, page: Page, target_uri: str) -> str:
    """The missing target as a path from the project folder."""
    first = target_uri.partition("/")[0]
    shared = target_uri.startswith(CHECKED_FOLDER + "/")
    uri = target_uri if first in project.languages or shared else f"{page.lang}/{target_uri}"
    return project.display(project.docs_dir / uri)


def _anchor_hint(project: Project, page: Page, anchor: str) -> str:
    """The anchor the link most likely meant; failing that, where to find the right one: the page's
    H2 IDs, or on the references page, where each source's ID is (its H2s are only groups)."""
    close = _closest_anchor(anchor, sorted(project.anchors(page)))
    if close:
        return f"; did you mean #{close}?"
    if page.name == REFERENCES_PAGE:
        return (" (a source's ID is the { #… } at the end of its ### heading on the references page: copy it from "
                "the source's entry, or add the entry if the source is new)")
    ids = [h.id for h in page.headings if h.level == 2 and h.id]
    return f" (its H2 IDs: {', '.join('#' + i for i in ids)})" if ids else ""


def _closest_anchor(anchor: str, anchors: list[str]) -> str | None:
    """A cut-short ID (#ohrc-ableism for #ohrc-ableism-2016) or a near-certain typo. A looser
    match counts only among IDs that start with the same word (a source's organization): a loose
    guess elsewhere sent editors to an unrelated section after a heading's ID was changed."""
    longer = [candidate for candidate in anchors if candidate.startswith(anchor)]
    if len(longer) == 1:
        return longer[0]
    first_word = anchor.split("-")[0]
    same_first_word = [candidate for candidate in anchors if candidate.split("-")[0] == first_word]
    close = (difflib.get_close_matches(anchor, anchors, n=1, cutoff=0.88)
             or difflib.get_close_matches(anchor, same_first_word, n=1, cutoff=0.8))
    return close[0] if close else None


def _generated_file_problem(project: Project, page: Page, url: str, target_uri: str) -> str | None:
    """A link to a download the build writes: the file must be one it writes in this language."""
    lang, _, inside = target_uri.partition("/")
    if lang != page.lang:
        return None  # a download outside the language folders is not one the build writes
    files = project.cached(("generated-files", lang), lambda: generated_files(project, lang))
    if inside in files:
        return None
    # Compared by file name within the folder: the shared folder part would make any name look close.
    folder, name = posixpath.split(inside)
    names = sorted(posixpath.basename(file) for file in files if posixpath.dirname(file) == folder)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    if close:
        hint = f": did you mean '{_relative_link(page, lang + '/' + folder + '/' + close[0])}'?"
    elif 0 < len(names) <= 3:  # the guide PDF's folder holds one file per language
        hint = ": the build writes " + ", ".join(f"'{_relative_link(page, lang + '/' + folder + '/' + n)}'" for n in names) + " there"
    else:
        hint = ": the downloads are listed on the toolkit page, each named after its checklist's title"
    return f"broken link '{url}': the build makes no file {inside} in this language{hint}"
