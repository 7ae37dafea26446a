"""The ZIP of all checklists and templates, made to be used on its own: its files are numbered in
the order of the toolkit index's "Which tool, when" list, and a read-me comes first, saying what
the files are and when to use each.

That list is the one source of the order: a tool's number is the rank of its first link there. A
checklist or template the list does not link comes after, in checklist order, and the content
check reports it (``order_findings``, run by contentcheck/generated_parts.py).
"""

from __future__ import annotations

import posixpath
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterator, Mapping
from urllib.parse import unquote, urljoin, urlsplit

from ..file_names import file_stem
from ..findings import Finding
from ..placeholders import substitute
from ..planner.markers import PAGE as PLANNER_PAGE
from ..planner.pages import plain, read_page, section_list_items
from ..redirects import page_url
from . import strings
from .model import Checklist

INDEX_PAGE = "toolkit/index.md"  # lists the tools, in the order to use them (WHEN_TO_USE)
WHEN_TO_USE = "when-to-use"
DOWNLOADS_PAGE = "downloads.md"  # where the guide PDF is, which the ZIP does not hold
TOOLKIT = posixpath.dirname(INDEX_PAGE)
# Notepad users: Windows line ends; lines short enough to read without its word wrap.
LINE_END = "\r\n"
WIDTH = 72


@dataclass(frozen=True)
class Step:
    text: str  # the list item's Markdown (the read-me shows it as plain text)
    tools: tuple[str, ...]  # the slugs first linked in this step, in order


@dataclass(frozen=True)
class ToolOrder:
    heading: str  # the section's title ("Which tool, when")
    line: int  # its line in the page
    steps: tuple[Step, ...]

    @property
    def linked(self) -> list[str]:
        return [slug for step in self.steps for slug in step.tools]


def read_order(index: Path, tools: Collection[str]) -> ToolOrder | None:
    """The "Which tool, when" steps of a toolkit index, each with the tools (slugs among
    ``tools``) it links first; None when the page or its section is missing."""
    page = read_page(index)
    heading = page.heading(WHEN_TO_USE) if page else None
    if heading is None:
        return None
    seen: set[str] = set()
    steps = []
    for item in section_list_items(page, WHEN_TO_USE):
        first = []
        for slug in _linked_tools(item, tools):
            if slug not in seen:
                seen.add(slug)
                first.append(slug)
        steps.append(Step(item, tuple(first)))
    return ToolOrder(heading.text, heading.line, tuple(steps))


def _linked_tools(markdown: str, tools: Collection[str]) -> Iterator[str]:
    """The tools a list item links to, in order (links from the index, in the toolkit folder)."""
    from ..contentcheck.markdown_text import links  # here: the content check imports this package

    for link in links(markdown):
        scheme, netloc, path, _query, _anchor = urlsplit(link.target)
        if scheme or netloc or not path:
            continue
        folder, _, name = posixpath.normpath(posixpath.join(TOOLKIT, unquote(path))).rpartition("/")
        slug = name.removesuffix(".md")
        if folder == TOOLKIT and name.endswith(".md") and slug in tools:
            yield slug


def ranked(checklists: list[Checklist], order: ToolOrder | None) -> list[Checklist]:
    """The checklists in the order of their numbers: those the list links, by their first link,
    then the others in checklist order."""
    by_slug = {checklist.slug: checklist for checklist in checklists}
    linked = [slug for slug in (order.linked if order else []) if slug in by_slug]
    return [by_slug[slug] for slug in linked] + [checklist for checklist in checklists if checklist.slug not in linked]


def member_name(number: int, name: str) -> str:
    """A file's name in the ZIP: its usual name after its number (01-before-the-first-day.pdf)."""
    return f"{number:02d}-{name}"


def readme_name(lang: str) -> str:
    return member_name(0, file_stem(strings.text(lang, "readme.name"), "readme") + ".txt")


def members(
    checklists: list[Checklist], lang: str, values: Mapping[str, str], files: Mapping[str, list[tuple[str, Path]]]
) -> list[tuple[str, Path | bytes]]:
    """The ZIP's members: the read-me, then each tool's files (``files``: {slug: [(usual name,
    path)]}) under their numbered names, in the order of the toolkit index beside the checklists'
    pages. ``values`` are the site settings (file_settings)."""
    order = read_order(checklists[0].path.with_name(posixpath.basename(INDEX_PAGE)), [c.slug for c in checklists])
    numbered = {
        checklist.slug: [(member_name(number, name), path) for name, path in files[checklist.slug]]
        for number, checklist in enumerate(ranked(checklists, order), start=1)
    }
    names = {slug: [name for name, _path in found] for slug, found in numbered.items()}
    readme = readme_text(lang, order, names, values)
    return [(readme_name(lang), readme.encode("utf-8")), *(member for found in numbered.values() for member in found)]


def readme_text(lang: str, order: ToolOrder | None, names: Mapping[str, list[str]], values: Mapping[str, str]) -> str:
    """The read-me: what the ZIP is, the steps of "Which tool, when" each with its files' names
    (``names``, {slug: names in the ZIP}, in number order), what is not in the ZIP, the licence."""

    def finish(text: str) -> str:  # a setting or the page's words, as the reader sees them
        return strings.typography(plain(substitute(text, values)), lang)

    address = values.get("address", "")
    blocks = [[strings.text(lang, "bundle.title"), finish(values.get("site_name", "")), _at(address, INDEX_PAGE)]]
    blocks.append(_wrapped(strings.text(lang, "readme.intro")))
    listed: set[str] = set()
    if order is not None:
        blocks.append([finish(order.heading)])
        for number, step in enumerate(order.steps, start=1):
            blocks.append(_wrapped(f"{number}. {finish(step.text)}", indent="   ") + _files(step.tools, names))
            listed.update(step.tools)
    others = [slug for slug in names if slug not in listed]
    if others:
        blocks.append([strings.text(lang, "readme.others"), *_files(others, names, indent="")])
    blocks.append(_wrapped(_elsewhere(lang, address)))
    blocks.append([finish(" · ".join(filter(None, (values.get("publisher", ""), values.get("copyright", "")))))])
    paragraphs = [LINE_END.join(line for line in block if line) for block in blocks]
    return (LINE_END * 2).join(paragraph for paragraph in paragraphs if paragraph) + LINE_END


def _elsewhere(lang: str, address: str) -> str:
    """Where the guide PDF and the planner are, which the ZIP does not hold."""
    if not address:
        return strings.text(lang, "readme.elsewhere")
    return strings.text(lang, "readme.elsewhere.address", downloads=_at(address, DOWNLOADS_PAGE), planner=_at(address, PLANNER_PAGE))


def _at(address: str, page: str) -> str:
    """A page's address on the published site, or "" when the site has none to give."""
    return urljoin(address, page_url(page)) if address else ""


def _wrapped(text: str, indent: str = "") -> list[str]:
    # Words stay whole: a hyphenated word, an address; French no-break spaces are not split.
    return textwrap.wrap(text, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def _files(slugs, names: Mapping[str, list[str]], indent: str = "   ") -> list[str]:
    return [f"{indent}- {name}" for slug in slugs for name in names[slug]]


def order_findings(index: Path, tools: Mapping[str, str], shown: str) -> list[Finding]:
    """A finding for each tool ({slug: title}) that the "Which tool, when" list of the toolkit
    index (shown as ``shown``) does not link: its files would come last in the ZIP, in no step."""
    order = read_order(index, tools)
    if order is None:
        return [Finding(shown, 1, (
            f"the toolkit index has no section {{ #{WHEN_TO_USE} }}: add it, with a numbered list that links each "
            "checklist and template in the order to use them; the ZIP numbers their files in that order"
        ))]
    return [
        Finding(shown, order.line, (
            f'"{title}" ({slug}.md) is not linked in "{order.heading}": add it to the list, at the step where it is '
            "used, so its files are numbered in that order in the ZIP"
        ))
        for slug, title in tools.items()
        if slug not in order.linked
    ]
