"""Which pages go into the guide PDF, and in what order.

The PDF follows the site's navigation, with two changes that suit a printed guide:
- the toolkit's checklists move to the end, as an appendix;
- pages that only make sense in a browser are left out (downloads, the editors' translation status) or replaced by a short note that
  gives their address (the interactive planner).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

APPENDIX_FOLDER = "toolkit/"
ONLINE_ONLY = frozenset({"toolkit/planner.md"})
LEFT_OUT = frozenset({"downloads.md", "translation-status.md"})  # for readers online only, or for editors


@dataclass(frozen=True)
class Chapter:
    """One page of the site, as MkDocs rendered it."""

    src_path: str  # inside the language folder: "practices/check-in.md"
    url: str  # from the site root, language prefix included: "en/practices/check-in/"
    html: str  # page.content: the page body exactly as readers see it
    title: str  # the navigation title, used when the body has no H1
    description: str = ""
    section: str | None = None  # title of the top-level navigation section, if any
    online_only: bool = False

    @property
    def slug(self) -> str:
        """A name unique in the guide, used as the prefix of every ID of the page."""
        return self.src_path.removesuffix(".md").replace("/", "-")


@dataclass(frozen=True)
class Part:
    title: str | None  # None for pages outside any navigation section (the home page)
    chapters: list[Chapter] = field(default_factory=list)
    appendix: bool = False

    @property
    def slug(self) -> str:
        return "part-" + (self.chapters[0].slug if self.chapters else "empty")


def arrange(chapters: list[Chapter], appendix_title: str) -> list[Part]:
    """Group pages in navigation order into parts; the toolkit becomes the last part.

    ``appendix_title`` is a format string with ``{title}``, the toolkit section's own title.
    """
    body: list[Part] = []
    appendix: list[Chapter] = []
    toolkit_section = None
    for chapter in chapters:
        if chapter.src_path in LEFT_OUT:
            continue
        if chapter.src_path in ONLINE_ONLY:
            chapter = replace(chapter, online_only=True)
        if chapter.src_path.startswith(APPENDIX_FOLDER):
            appendix.append(chapter)
            toolkit_section = toolkit_section or chapter.section
            continue
        if body and body[-1].title == chapter.section and chapter.section is not None:
            body[-1].chapters.append(chapter)
        else:
            body.append(Part(chapter.section, [chapter]))
    if appendix:
        body.append(Part(appendix_title.format(title=toolkit_section or appendix[0].title), appendix, appendix=True))
    return body
