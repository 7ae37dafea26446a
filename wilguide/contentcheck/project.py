"""The project as the build sees it: languages, pages, shared files and the Markdown settings.

The command loads mkdocs.yml with MkDocs' own loader and lists files with MkDocs' own
``get_files``, so exclusions, languages and Markdown extensions are exactly the build's.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import markdown
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import get_files

from .. import cache, i18n_state
from ..findings import line_of, relative
from ..settings import guide_settings
from . import markdown_text


def engine_version() -> str:
    """The site generator that builds: MkDocs, or ProperDocs (its maintained fork, which answers
    imports of ``mkdocs``): see MAINTAINERS.md."""
    for name in ("mkdocs", "properdocs"):
        try:
            return f"{name}={version(name)}"
        except PackageNotFoundError:
            continue
    return "unknown"


@dataclass(eq=False)
class Page:
    """One Markdown page of one language: ``docs/<lang>/<name>``."""

    project: "Project" = field(repr=False)
    lang: str
    name: str  # path inside the language folder, e.g. "toolkit/planner.md"
    path: Path

    @cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8-sig")

    @property
    def src_uri(self) -> str:
        return f"{self.lang}/{self.name}"

    @property
    def display(self) -> str:
        return self.project.display(self.path)

    def line(self, offset: int) -> int:
        return line_of(self.text, offset)

    @cached_property
    def front_matter_end(self) -> int:
        span = markdown_text.front_matter_span(self.text)
        return span[1] if span else 0

    @cached_property
    def code_free(self) -> str:
        """The source without front matter, code and comments (blanked, positions kept)."""
        return markdown_text.without_code(markdown_text.blank(self.text, [(0, self.front_matter_end)]))

    @cached_property
    def prose(self) -> str:
        """What a reader reads in the page's language, the description included."""
        return markdown_text.prose(self.text, self.lang)

    @cached_property
    def headings(self) -> list[markdown_text.Heading]:
        return markdown_text.headings(self.code_free)

    @cached_property
    def body(self) -> str:
        """The Markdown MkDocs renders: front matter removed, as in mkdocs.utils.meta."""
        return self.text[self.front_matter_end:].lstrip("\n") if self.front_matter_end else self.text


class _IdCollector(HTMLParser):
    """Anchor targets in rendered HTML: every id, and <a name>, as MkDocs collects them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.ids.add(value)


class Project:
    def __init__(self, config: MkDocsConfig, root: Path | None = None):
        self.config = config
        self.root = Path(root or Path(config.config_file_path).parent).resolve()
        self.docs_dir = Path(config.docs_dir).resolve()
        self.languages = i18n_state.languages(config)
        self.default_language = i18n_state.default_language(config)
        self._anchors: dict[str, set[str]] = {}
        self._cached: dict = {}

    def cached(self, key, make):
        """``make()``, computed once per check (what several rules or links ask for)."""
        if key not in self._cached:
            self._cached[key] = make()
        return self._cached[key]

    def display(self, path: Path | str) -> str:
        """A path as editors see it: relative to the project folder."""
        return relative(path, self.root)

    @cached_property
    def files(self):
        return [file for file in get_files(self.config) if not file.inclusion.is_excluded()]

    @cached_property
    def src_uris(self) -> set[str]:
        """Every file the build publishes, by its path inside docs/."""
        return {file.src_uri for file in self.files}

    @cached_property
    def pages(self) -> dict[str, dict[str, Page]]:
        """{lang: {name: Page}} for the Markdown pages in each language folder."""
        pages: dict[str, dict[str, Page]] = {lang: {} for lang in self.languages}
        for file in self.files:
            lang, _, name = file.src_uri.partition("/")
            if lang in pages and name and file.is_documentation_page():
                pages[lang][name] = Page(self, lang, name, Path(file.abs_src_path))
        return {lang: dict(sorted(found.items())) for lang, found in pages.items()}

    def all_pages(self) -> list[Page]:
        return [page for lang in self.languages for page in self.pages[lang].values()]

    def counterparts(self) -> dict[str, dict[str, Page]]:
        """{name: {lang: Page}} for every page name found in any language."""
        names: dict[str, dict[str, Page]] = {}
        for lang in self.languages:
            for name, page in self.pages[lang].items():
                names.setdefault(name, {})[lang] = page
        return dict(sorted(names.items()))

    def placeholder_names(self, lang: str) -> set[str]:
        """The ``{{ name }}`` settings of a language (ValueError when mkdocs.yml lacks one)."""
        return set(guide_settings(self.config.extra, self.config.repo_url, lang))

    def anchors(self, page: Page) -> set[str]:
        """The anchors a link can target on a page: the IDs of the rendered page, as MkDocs sees
        them (explicit ``{ #id }`` and the IDs the table of contents makes from heading titles).

        Rendering is most of the check's time, so the IDs are cached by the page's text and the
        Markdown settings: a build with nothing changed renders nothing here."""
        if page.src_uri not in self._anchors:

            def render(target: Path) -> None:
                collector = _IdCollector()
                collector.feed(self._renderer.reset().convert(page.body))
                target.write_text(json.dumps(sorted(collector.ids)), encoding="utf-8")

            stored = cache.cached_file("anchors", [*self.markdown_identity, page.body], ".json", render)
            self._anchors[page.src_uri] = set(json.loads(stored.read_text(encoding="utf-8")))
        return self._anchors[page.src_uri]

    @cached_property
    def _renderer(self) -> markdown.Markdown:
        return markdown.Markdown(extensions=self.config.markdown_extensions, extension_configs=self.config.mdx_configs or {})

    @cached_property
    def markdown_identity(self) -> list[str]:
        """What rendering a page depends on besides its text: the settings (mkdocs.yml, read as text:
        the loaded Markdown settings name functions by memory address) and the versions of the code
        that renders and lists files."""
        config_file = self.config.config_file_path
        settings = Path(config_file).read_text(encoding="utf-8") if config_file else repr(self.config.markdown_extensions)
        packages = ("markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n")
        return [settings, engine_version(), *(f"{name}={version(name)}" for name in packages),
                Path(__file__).read_text(encoding="utf-8")]

    @contextlib.contextmanager
    def working_directory(self):
        """Validators from other modules print paths relative to the current directory."""
        with contextlib.chdir(self.root):
            yield


def load_project(root: Path | str = ".") -> Project:
    """Load ``<root>/mkdocs.yml`` as the build does, without its hooks: the check needs none of
    them, and some import heavy libraries (WeasyPrint) that would slow it down."""
    root = Path(root).resolve()
    config = load_config(config_file=str(root / "mkdocs.yml"), hooks=[])
    return Project(config, root)


def project_from_config(config: MkDocsConfig) -> Project:
    """The project of a running build (in a hook)."""
    return Project(config)
