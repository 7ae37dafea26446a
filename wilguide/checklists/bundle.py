"""The ZIP of all checklists and templates, made to be used on its own: its files are numbered in
the order of the toolkit index's "Which tool, when" list, and a read-me comes first, saying what
the files are and when to use each. It is read without the site: a link of a step names the file
it leads to, or says that the page is online, and where.

That list is the one source of the order: a tool's number is the rank of its first link there. A
checklist or template the list does not link comes after, in checklist order, and the content
check reports it (``order_findings``, run by contentcheck/generated_parts.py).
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections import Counter
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
LICENCE_PAGE, LICENCE_SECTION = "contribute.md", "licence"  # the terms and the credit line to copy
TOOLKIT = posixpath.dirname(INDEX_PAGE)
# Notepad users: Windows line ends; lines short enough to read without its word wrap.
LINE_END = "\r\n"
WIDTH = 72


# A link's words, right before the "](" of its target: [words] or ![words].
LINK_WORDS = re.compile(r"!?\[(?P<words>[^\[\]]*)\]\Z")


@dataclass(frozen=True)
class Step:
    text: str  # the list item's Markdown (the read-me shows it as plain text)
    tools: tuple[str, ...]  # the slugs first linked in this step, in order
    again: tuple[str, ...] = ()  # the slugs it links that an earlier step linked first, in order


@dataclass(frozen=True)
class Tool:
    """A checklist or template as the read-me names it."""

    number: int  # its files' number in the ZIP
    title: str
    kind: str  # "checklist" or "template" (Checklist.kind)
    files: tuple[str, ...]  # its files' names in the ZIP

    @property
    def name(self) -> str:
        """Its files' name without extension (02-learning-plan), as a folder shows it on Windows."""
        return posixpath.splitext(self.files[0])[0]


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
    ``tools``) it links first and those it links again; None when the page or its section is
    missing."""
    page = read_page(index)
    heading = page.heading(WHEN_TO_USE) if page else None
    if heading is None:
        return None
    seen: set[str] = set()
    steps = []
    for item in section_list_items(page, WHEN_TO_USE):
        linked = list(dict.fromkeys(_linked_tools(item, tools)))
        first = tuple(slug for slug in linked if slug not in seen)
        steps.append(Step(item, first, tuple(slug for slug in linked if slug in seen)))
        seen.update(first)
    return ToolOrder(heading.text, heading.line, tuple(steps))


def _linked_tools(markdown: str, tools: Collection[str]) -> Iterator[str]:
    """The tools a list item links to, in order (links from the index, in the toolkit folder)."""
    from ..contentcheck.markdown_text import links  # here: the content check imports this package

    for link in links(markdown):
        slug = _tool(link.target, tools)
        if slug:
            yield slug


def _tool(target: str, tools: Collection[str]) -> str | None:
    """The tool (a slug among ``tools``) a link of the index leads to, or None."""
    page, _anchor = _page(target) or ("", "")
    folder, _, name = page.rpartition("/")
    slug = name.removesuffix(".md")
    return slug if folder == TOOLKIT and slug in tools else None


def _page(target: str) -> tuple[str, str] | None:
    """The page of the site a link of the index leads to (its path in the docs folder, and its
    #section or ""), or None: an address elsewhere, a section of the index itself, a file."""
    scheme, netloc, path, _query, anchor = urlsplit(target)
    if scheme or netloc or not path.endswith(".md"):
        return None
    page = posixpath.normpath(posixpath.join(TOOLKIT, unquote(path)))
    return None if page.startswith("../") else (page, anchor)


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
    by_slug = {checklist.slug: checklist for checklist in checklists}
    tools = {
        slug: Tool(number, by_slug[slug].title, by_slug[slug].kind, tuple(name for name, _path in found))
        for number, (slug, found) in enumerate(numbered.items(), start=1)
    }
    readme = readme_text(lang, order, tools, values)
    # With a byte order mark: older Notepad and WordPad would read the French accents as ANSI.
    return [(readme_name(lang), readme.encode("utf-8-sig")), *(member for found in numbered.values() for member in found)]


def readme_text(lang: str, order: ToolOrder | None, tools: Mapping[str, Tool], values: Mapping[str, str]) -> str:
    """The read-me: what the ZIP is and for whom, the steps of "Which tool, when" each with its
    files' names (``tools``: {slug: Tool}, in number order) and the tools it uses again, what is
    not in the ZIP, how to adapt the files, the licence."""

    def finish(text: str) -> str:  # a setting or the page's words, as the reader sees them
        return strings.typography(plain(substitute(text, values)), lang)

    address = values.get("address", "")
    blocks = [[strings.text(lang, "bundle.title"), finish(values.get("site_name", "")), _at(address, INDEX_PAGE)]]
    blocks.append(_wrapped(strings.text(lang, "readme.intro", tools=_counted(lang, tools.values()))))
    blocks.append(_wrapped(strings.text(lang, "readme.versions")))
    listed: set[str] = set()
    if order is not None:
        blocks.append([finish(order.heading)])
        for number, step in enumerate(order.steps, start=1):
            text = finish(_spelled_out_links(step.text, lang, tools, address))
            lines = _wrapped(f"{number}. {text}", indent="   ")
            blocks.append(lines + _files(lang, step.tools, tools) + _again(lang, step.again, tools))
            listed.update(step.tools)
    others = [slug for slug in tools if slug not in listed]
    if others:
        blocks.append([strings.text(lang, "readme.others"), *_files(lang, others, tools, indent="")])
    blocks.append(_wrapped(_elsewhere(lang, address)))
    blocks.append(_wrapped(_adapt(lang, address)))
    blocks.append([finish(" · ".join(filter(None, (values.get("publisher", ""), values.get("copyright", "")))))])
    paragraphs = [LINE_END.join(line for line in block if line) for block in blocks]
    return (LINE_END * 2).join(paragraph for paragraph in paragraphs if paragraph) + LINE_END


def _counted(lang: str, tools: Collection[Tool]) -> str:
    """What the ZIP holds: "nine checklists and two templates"."""
    counts = Counter(tool.kind for tool in tools)
    parts = [strings.counted(lang, f"readme.count.{kind}", counts[kind]) for kind in ("checklist", "template") if counts[kind]]
    return strings.text(lang, "readme.and", first=parts[0], second=parts[1]) if len(parts) == 2 else "".join(parts)


def _spelled_out_links(markdown: str, lang: str, tools: Mapping[str, Tool], address: str) -> str:
    """A step's Markdown with each link written out for a reader without the site: a tool of the
    ZIP as its title in quotes and its number, another page of the site as its words and
    "(online)", with its address when the site has one; any other link as its words."""
    from ..contentcheck.markdown_text import INLINE_LINK_TARGET, links

    pieces, done = [], 0
    for link in links(markdown):
        close = markdown.rfind("](", done, link.offset)
        target = INLINE_LINK_TARGET.match(markdown, close) if close >= 0 else None
        words = LINK_WORDS.search(markdown, done, close + 1) if target else None
        if not words or target.start("target") != link.offset:
            continue  # a reference definition, or words in nested brackets: plain() keeps the words
        pieces += [markdown[done : words.start()], _spelled_out(words.group("words"), link.target, lang, tools, address)]
        done = target.end()
    return "".join(pieces) + markdown[done:]


def _spelled_out(words: str, target: str, lang: str, tools: Mapping[str, Tool], address: str) -> str:
    """One link, written out (see _spelled_out_links)."""
    slug = _tool(target, tools)
    if slug:
        return strings.text(lang, "readme.tool", title=tools[slug].title, number=f"{tools[slug].number:02d}")
    page = _page(target)
    if page is None:
        return words
    online = _at(address, *page)
    return strings.text(lang, "readme.online.address" if online else "readme.online", text=words, address=online)


def _elsewhere(lang: str, address: str) -> str:
    """Where the guide PDF and the planner are, which the ZIP does not hold."""
    if not address:
        return strings.text(lang, "readme.elsewhere")
    return strings.text(lang, "readme.elsewhere.address", downloads=_at(address, DOWNLOADS_PAGE), planner=_at(address, PLANNER_PAGE))


def _adapt(lang: str, address: str) -> str:
    """That the files may be adapted, and where the credit line to add is."""
    if not address:
        return strings.text(lang, "readme.adapt")
    return strings.text(lang, "readme.adapt.address", licence=_at(address, LICENCE_PAGE, LICENCE_SECTION))


def _at(address: str, page: str, section: str = "") -> str:
    """A page's address on the published site (at ``section``, if given), or "" when the site
    has none to give."""
    if not address:
        return ""
    return urljoin(address, page_url(page)) + (f"#{section}" if section else "")


def _wrapped(text: str, indent: str = "", first: str = "") -> list[str]:
    # Words stay whole: a hyphenated word, an address; French no-break spaces are not split.
    return textwrap.wrap(
        text, WIDTH, initial_indent=first, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False
    )


def _files(lang: str, slugs, tools: Mapping[str, Tool], indent: str = "   ") -> list[str]:
    """Each tool's files, each with what it is for (Windows hides the extension), in the order
    of a Windows folder, which sorts by name: the Word file (.docx) before the PDF."""
    return [
        f"{indent}- {name} ({strings.text(lang, 'readme.file' + posixpath.splitext(name)[1])})"
        for slug in slugs
        for name in sorted(tools[slug].files, key=str.casefold)
    ]


def _again(lang: str, slugs, tools: Mapping[str, Tool], indent: str = "   ") -> list[str]:
    """One line naming the files of the tools a step uses again, wrapped under its first name."""
    if not slugs:
        return []
    label = strings.text(lang, "readme.again")
    names = ", ".join(tools[slug].name for slug in slugs)
    return _wrapped(f"{label} {names}", indent=indent + " " * (len(label) + 1), first=indent)


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
