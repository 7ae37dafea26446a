"""One print-ready HTML document from the rendered pages of one language.

Each page keeps the HTML MkDocs produced; we only adapt what a book needs:
- every ID gets the page's prefix, so two pages may both have ``#why-it-matters``;
- links to pages of the guide become links inside the document, other site links become absolute
  web addresses (or plain text when the site's address is a stand-in, such as the default
  example.org), and images point at their source files;
- screen-only widgets become their printed form: tabs are laid out one after the other, collapsible
  blocks are opened, check boxes become empty boxes to tick with a pen;
- headings of pages inside a part go one level down, so the outline nests part > page > section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from pathlib import Path
from typing import Mapping, NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from lxml.html import HtmlElement
from markupsafe import Markup, escape

from ..findings import Finding
from ..site_address import is_shareable
from ..template_cache import use_bytecode_cache
from .contents import Chapter, Part
from .labels import labels, long_date

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Resolving relative links needs an absolute base; this reserved name never leaves the process.
_BASE = "http://site.invalid/"
_IDREF_ATTRIBUTES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
_DROPPED = (
    "//script | //style | //link | //button | //template | //select | //*[@hidden]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wg-screen-only ')]"  # e.g. a no-script note
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Edition:
    """What the cover and the metadata say, for one language."""

    lang: str
    title: str
    subtitle: str
    publisher: str
    day: date
    site_url: str  # absolute address of the site root, ending with "/"
    home: str = ""  # this language's home page from the site root: "" or "en/"
    licence: str = ""

    @property
    def language_tag(self) -> str:
        return f"{self.lang}-CA"  # Canadian French and English: also picks the hyphenation rules

    @property
    def published(self) -> bool:
        """False while the site's address is a stand-in or a preview's (mkdocs serve sets 127.0.0.1):
        the PDF then prints no address of the site."""
        return is_shareable(self.site_url)

    def online_url(self, url: str) -> str:
        return urljoin(self.site_url, url)


@dataclass(frozen=True)
class PreparedChapter:
    slug: str
    title: Markup  # for the contents: its short hyphenated words kept whole
    description: Markup
    html: str
    names: frozenset[str] = frozenset()  # its names, never hyphenated (names_printed_whole)


class AssembledGuide(NamedTuple):
    html: str  # the whole guide as one HTML document
    problems: list[Finding]  # what keeps it from printing well
    names: frozenset[str]  # the words hyphenation must leave whole (render.typeset)


def anchor(slug: str, fragment: str = "") -> str:
    return f"{slug}--{fragment}" if fragment else slug


CITATIONS = "references"  # the slug of references.md, the page every source is listed on


def _is_citation(href: str) -> bool:
    """A link to one source of the references; a link to the chapter itself is a cross-reference."""
    return href.startswith(f"#{CITATIONS}--")


class _Links:
    """Where each link of a page points in the book."""

    def __init__(self, chapters: list[Chapter], assets: Mapping[str, Path], edition: Edition):
        self.pages = {chapter.url: chapter.slug for chapter in chapters}
        self.assets = assets
        self.edition = edition

    def resolve(self, chapter: Chapter, href: str, for_image: bool) -> tuple[str, str]:
        """(new address, kind) with kind one of: same, internal, external, asset, missing, and
        unlinked for a page or file of the site while its address is a stand-in."""
        if href.startswith("#"):
            return "#" + anchor(chapter.slug, unquote(href[1:])), "same"
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href, "external"
        target = urlsplit(urljoin(_BASE + chapter.url, href))
        path = target.path.lstrip("/")
        if path.endswith("index.html"):
            path = path.removesuffix("index.html")
        fragment = unquote(target.fragment)
        if path in self.pages and not for_image:
            kind = "same" if self.pages[path] == chapter.slug else "internal"
            return "#" + anchor(self.pages[path], fragment), kind
        if unquote(path) in self.assets:
            if for_image:
                return Path(self.assets[unquote(path)]).resolve().as_uri(), "asset"
            return self._on_site(path)
        if for_image:
            return self.edition.online_url(path), "missing"
        return self._on_site(path + (f"#{target.fragment}" if target.fragment else ""))

    def _on_site(self, path: str) -> tuple[str, str]:
        if not self.edition.published:
            return "", "unlinked"
        return self.edition.online_url(path), "external"


def _class(name: str) -> str:
    """XPath test for an HTML class."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _print_url(href: str) -> str:
    shown = href.removeprefix("mailto:").removeprefix("tel:")
    shown = shown.removeprefix("https://").removeprefix("http://")
    return shown.rstrip("/")


# Where a printed address may break is written into its text with two characters that print
# nothing and that the PDF's text leaves out, so an address copied from the PDF still works. Nowrap
# spans did not do: WeasyPrint 70 cannot break between two of them once it has to go back along
# the line, and moved a whole address to the next line, leaving the line before it half empty.
_LINE_BREAK = "\u200b"  # zero width space: a line may break here
_NO_LINE_BREAK = "\u2060"  # word joiner: a line may not break here
# A piece of an address between two slashes longer than this may also break before a hyphen, an
# underscore, a dot or an at sign, or a line could end a third of a line short of the margin.
_LONG_ADDRESS_PIECE = 30  # characters
_BREAKS_AFTER = "-\u2013?!|"  # where Pango breaks in an address that is not after a slash


def _address_with_breaks(address: str) -> str:
    """The address as printed: it breaks after a slash, and inside a long piece before a hyphen,
    underscore, dot or at sign (the next line starts with it, so no hyphen ends a line and reads
    as one added by hyphenation: "wil-mentoring-" / "guide/"); nowhere else."""
    pieces = re.split(r"(?<=/)(?=[^/])", address)
    printed = _LINE_BREAK.join(_long_piece_breaks(piece) if len(piece) > _LONG_ADDRESS_PIECE else piece for piece in pieces)
    return re.sub(f"(?<=[{re.escape(_BREAKS_AFTER)}])(?=.)", _NO_LINE_BREAK, printed)


def _long_piece_breaks(piece: str) -> str:
    """Breaks before a hyphen, underscore, dot or at sign; in a piece with a query, only after its
    "?": a line starting with ".aspx?id=3" would read as garbled text, not as an address."""
    path, question, query = piece.rpartition("?")
    return path + question + re.sub(r"(?<=[^\W_])(?=[-_.@])", _LINE_BREAK, query)


def _append_address(element: HtmlElement, address: str) -> None:
    """Appends the address with its break points; in a table cell, whose column is narrow, as
    typed: it may break anywhere there (guide.css)."""
    in_table = any(a.tag in ("td", "th") for a in element.iterancestors())
    _append_text(element, address if in_table else _address_with_breaks(address))


def _append_text(element: HtmlElement, text: str) -> None:
    """Adds text at the end of the element's content, after its last child if it has one."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _replace(old: HtmlElement, new: HtmlElement) -> None:
    new.tail = old.tail
    old.getparent().replace(old, new)


def _add_class(element: HtmlElement, name: str) -> None:
    classes = element.get("class", "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))


def _after(element: HtmlElement, new: HtmlElement) -> None:
    new.tail, element.tail = element.tail, None
    element.addnext(new)


def _element(tag: str, text: str = "", **attributes: str) -> HtmlElement:
    element = lxml.html.Element(tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()})
    element.text = text or None
    return element


def _open_details(root: HtmlElement) -> None:
    """A collapsible block prints open, as the admonition it looks like."""
    for details in root.xpath("//details"):
        summary = details.find("summary")
        box = _element("div", class_=" ".join(["admonition", *details.get("class", "").split()]))
        if summary is not None:
            title = _element("p", class_="admonition-title")
            title.text, title[:] = summary.text, list(summary)
            box.append(title)
            details.remove(summary)
        box.text = details.text
        box.extend(list(details))
        _replace(details, box)


def _unfold_tabs(root: HtmlElement) -> None:
    """Content tabs print one after the other, each under its label."""
    for tabs in root.xpath("//div[%s]" % _class("tabbed-set")):
        labels_ = tabs.xpath("./div[%s]/label" % _class("tabbed-labels"))
        blocks = tabs.xpath("./div[%s]/div[%s]" % (_class("tabbed-content"), _class("tabbed-block")))
        if len(labels_) != len(blocks):
            continue  # unknown markup: leave it, the inputs are dropped anyway
        printed = _element("div", class_="tabbed-print")
        for label, block in zip(labels_, blocks):
            tab = _element("div", class_="tab")
            tab.append(_element("p", label.text_content().strip(), class_="tab-title"))
            tab.text = block.text
            tab.extend(list(block))
            printed.append(tab)
        _replace(tabs, printed)


def _print_form_fields(root: HtmlElement) -> None:
    """Check boxes become boxes to tick with a pen, text fields become lines to write on."""
    for field in root.xpath("//input | //textarea"):
        kind = (field.get("type") or "text").lower() if field.tag == "input" else "textarea"
        if kind == "checkbox":
            new = _element("span", class_="task-box checked" if field.get("checked") is not None else "task-box")
            item = field.getparent()
            if item.tag == "li":  # any list of check boxes prints as a checklist, whatever its classes
                _add_class(item, "task-list-item")
                _add_class(item.getparent(), "task-list")
        elif kind in ("radio", "hidden", "submit", "button", "reset", "image", "file"):
            parent = field.getparent()
            if field.tail:
                previous = field.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + field.tail
                else:
                    parent.text = (parent.text or "") + field.tail
            parent.remove(field)
            continue
        elif kind == "textarea":
            new = _element("span", class_="blank blank-lines")
        else:
            new = _element("span", class_="blank")
        new.set("aria-hidden", "true")
        _replace(field, new)


def _drop(root: HtmlElement) -> None:
    for element in root.xpath(_DROPPED):
        element.drop_tree()  # keeps the tail text
    for element in root.xpath("//noscript"):
        element.drop_tag()  # WeasyPrint runs no script: the fallback is what prints


# The interactive part of an online-only page: on paper, a note with its address takes its place.
INTERACTIVE = f"//*[{_class('planner')}] | //form"


def _online_note(chapter: Chapter, edition: Edition):
    note = _element("p", class_="online-only")
    if edition.published:
        online = edition.online_url(chapter.url)
        before, _, after = labels(edition.lang)["online_only"].partition("{url}")
        note.text = before
        link = _element("a", online, href=online)
        link.tail = after
        note.append(link)
    else:
        note.text = labels(edition.lang)["online_only_unpublished"]
    return note


def _print_online_only(root, chapter: Chapter, edition: Edition):
    """An interactive page on paper: its text (how to use it, its tables) with a note pointing to the
    web, after the introduction, so that a reader knows where the tool is before reading how to use
    it; a section that held only the tool goes. Only a title, a description and the note when the
    tool is the page."""
    found = root.xpath(INTERACTIVE)
    interactive = [element for element in found if not any(a in found for a in element.iterancestors())]
    text_outside = [p for p in root.iter("p") if not any(a in interactive for a in p.iterancestors())]
    if interactive and text_outside:
        for element in interactive:
            element.drop_tree()  # its tail stays
        for heading in root.xpath(" | ".join(f"//{tag}" for tag in _HEADINGS if tag != "h1")):
            following = heading.getnext()
            if following is None or (following.tag in _HEADINGS and following.tag <= heading.tag):
                heading.drop_tree()  # a section left empty
        first_section = next((h for h in root.iter(*_HEADINGS) if h.tag != "h1"), None)
        note = _online_note(chapter, edition)
        if first_section is None:
            root.append(note)
        else:
            first_section.addprevious(note)
        return root
    heading = root.find(".//h1")
    title = heading.text_content().strip() if heading is not None else chapter.title
    page = _element("div")
    page.append(_element("h1", title))
    if chapter.description:
        page.append(_element("p", chapter.description))
    page.append(_online_note(chapter, edition))
    return page


# Inline elements a title's last words may hold (an abbreviation, code, emphasis); each stays whole.
_INLINE_IN_TITLES = {"abbr", "code", "em", "strong", "span", "i", "b"}
_LONGEST_KEPT_TOGETHER = 32  # characters: a longer line that cannot wrap could overflow its column


SHORT_INTRODUCTION = 200  # characters: a sentence or two that opens a section


def _mark_lead_ins(root: HtmlElement) -> None:
    """Mark the paragraphs that introduce what follows them, so the page does not break right after
    one: a paragraph ending with a colon before a list, table or box, and a short paragraph that
    opens a section (the references' "These sources support ..." before the first source)."""
    for paragraph in root.iter("p"):
        following, previous = paragraph.getnext(), paragraph.getprevious()
        if following is None or not isinstance(following.tag, str) or paragraph.get("class"):
            continue  # a paragraph with a class has a role of its own (a box's title, a note)
        text = " ".join(paragraph.text_content().split())
        introduces_block = text.endswith(":") and following.tag in ("ul", "ol", "dl", "table", "div", "pre", "blockquote")
        opens_section = previous is not None and previous.tag in _HEADINGS and len(text) <= SHORT_INTRODUCTION
        if introduces_block or opens_section:
            _add_class(paragraph, "lead-in")


def _keep_last_words_together(heading: HtmlElement) -> None:
    """The last two words of a title kept on one line, so a title never ends on a line of one word.

    A span that does not wrap, not a no-break space: the PDF's bookmarks take the title's text as
    it is. An inline element (an abbreviation such as « AIT ») is part of its word and never split;
    a title holding a link or any other element keeps the breaks it has."""
    children = list(heading)
    if any(not isinstance(child.tag, str) or child.tag not in _INLINE_IN_TITLES for child in children):
        return
    # The title as a row of characters, each child counting as one character that is not a space:
    # (run, offset) where run 0 is the text before the first child and run n the tail of child n.
    runs = [heading.text or ""] + [child.tail or "" for child in children]
    row: list[tuple[str, int, int]] = []
    for run_index, run in enumerate(runs):
        if run_index:
            row.append(("x", run_index - 1, -1))  # the child itself
        row.extend((character, run_index, offset) for offset, character in enumerate(run))
    while row and row[-1][0].isspace():
        row.pop()
    spaces = [i for i, (character, _, _) in enumerate(row) if character.isspace()]
    if not spaces:
        return  # one word
    last_space = spaces[-1]
    before_previous = [i for i in spaces if i < last_space and not row[i + 1][0].isspace()]
    start = before_previous[-1] + 1 if before_previous else 0
    while row[start][0].isspace():
        start += 1
    kept_text = "".join(c if o >= 0 else children[r].text_content() for c, r, o in row[start:])
    if len(kept_text) > _LONGEST_KEPT_TOGETHER:
        return
    _wrap_to_the_end(heading, *row[start][1:])


def _wrap_to_the_end(heading: HtmlElement, run_index: int, offset: int) -> None:
    """Moves the title's content from a point to its end (trailing spaces left out) into a span
    that does not wrap. The point is a character of text run ``run_index`` (offset ≥ 0), or child
    number ``run_index`` itself (offset -1); either way the children from that index on move."""
    children = list(heading)
    together = _element("span", class_="keep-together")
    if offset >= 0:
        run = (heading.text if run_index == 0 else children[run_index - 1].tail) or ""
        together.text = run[offset:]
        if run_index == 0:
            heading.text = run[:offset] or None
        else:
            children[run_index - 1].tail = run[:offset] or None
    moved = children[run_index:]
    for child in moved:
        together.append(child)  # the child's tail moves with it
    last = moved[-1] if moved else None
    text = (last.tail if last is not None else together.text) or ""
    kept = text.rstrip()
    if last is not None:
        last.tail = kept or None
    else:
        together.text = kept
    together.tail = text[len(kept) :] or None
    heading.insert(run_index, together)


# Pyphen breaks a name as it breaks any word ("Car-leton", "Univer-sity"); a printer does not.
# A capitalized word long enough to be broken (hyphenate-limit-chars in guide.css) that a sentence
# carries inside it (not as its first word) is a name: it prints whole wherever it appears, even
# at the start of a sentence ("Toronto hosts…" after "in Toronto"), while an ordinary word that is
# capitalized only there keeps its breaks. A name with a capital inside it ("iCalendar", printed
# "iCal-endar") counts as capitalized. The names go to the typesetting (render.py), which keeps
# them whole through the hyphenation dictionary: no element is added round each one, except where
# the dictionary cannot see the name (below).
_CAPITALIZED = re.compile(r"(?<![\w’'-])(?:[A-ZÀ-ÖØ-Þ]|[a-z]+[A-Z])[\w’'-]{5,}")
_NOT_HYPHENATED = {"a", "abbr", "code", "pre", *_HEADINGS}
_INLINE = {"span", "em", "strong", "i", "b", "q", "cite", "mark"}  # their text goes on a sentence
_WORD_JOINS = re.compile(r"[-’']")  # where WeasyPrint cuts the words it gives the hyphenation dictionary
_CAPITAL_FIRST = re.compile(r"[A-ZÀ-ÖØ-Þ]|[a-z]+[A-Z]")
_ELIDED_ARTICLE = re.compile(r"[A-ZÀ-ÖØ-Þ][’'][a-zà-ÿ]")  # "L'actualité", not "L'Université"


def names_printed_whole(root: HtmlElement) -> set[str]:
    """The names of a chapter, as hyphenation sees its words (cut at hyphens and apostrophes): the
    capitalized parts of each capitalized word found inside a sentence ("Colombie" and
    "Britannique" of "Colombie-Britannique", "Carleton" of "Carleton’s").

    French hyphenation sees the word after an elision on its own ("actualité" of the magazine
    *L'actualité*), where the dictionary cannot tell it from the common word: such a name goes in
    a span that is never hyphenated (guide.css, .whole-word)."""
    names = set()
    elided = []  # (element, child, start, end) of each name that only its elided article capitalizes
    for element in root.iter():
        if not isinstance(element.tag, str) or any(
            e.tag in _NOT_HYPHENATED or "print-url" in (e.get("class") or "") for e in (element, *element.iterancestors())
        ):
            continue
        for child in [None, *element]:  # None: the element's own text, before its first child
            text = (element.text if child is None else child.tail) or ""
            mid_sentence = child is not None or element.tag in _INLINE  # the text goes on a sentence
            for match in _CAPITALIZED.finditer(text):
                before = text[: match.start()].rstrip()
                if before[-1] in ".?!…" if before else not mid_sentence:
                    continue  # a sentence's first word
                names.update(part for part in _WORD_JOINS.split(match.group()) if len(part) >= 6 and _CAPITAL_FIRST.match(part))
                if _ELIDED_ARTICLE.match(match.group()):
                    elided.append((element, child, match.start(), match.end()))
    for element, child, start, end in reversed(elided):  # from the last, so that earlier offsets hold
        _wrap_ranges(element, child, [(start, end)], "whole-word")
    return names


# A line breaks at a word's own hyphen only where hyphenation could break it too (guide.css,
# hyphenate-limit-chars): with three letters or more on each side. No "mi-" / "stage", "check-" /
# "in", "COVID-" / "19"; "Colombie-" / "Britannique" still may.
_SHORTEST_PART = 3
# French typography never breaks between a verb and the pronoun joined to it ("arrive-t-il",
# "peut-elle", "dites-le-moi"): the pronouns of three letters or more (shorter ones such as "t",
# "il", "on" and "le" are already kept by the rule above).
_PRONOUNS_AFTER_A_VERB = frozenset("elle elles ils les lui leur leurs moi toi nous vous".split())
_HYPHENATED = re.compile(r"[\w’']+\.?(?:-[\w’']+\.?)+")  # with abbreviations: "C.-B.", "c.-à-d."
_TYPED = {"code", "pre", "kbd", "samp"}  # printed as typed, breaks included


def _unbreakable_runs(word: str, french: bool) -> list[tuple[int, int]]:
    """(start, end) of each run of the word's parts that must not be split across two lines."""
    parts = word.split("-")
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)

    def joined(before: str, after: str) -> bool:
        shortest = min(len(re.sub(r"[’'.]", "", part)) for part in (before, after))
        return shortest < _SHORTEST_PART or (french and after.lower() in _PRONOUNS_AFTER_A_VERB)

    runs, first = [], 0
    for index in range(1, len(parts) + 1):
        if index == len(parts) or not joined(parts[index - 1], parts[index]):
            if index - first > 1:
                runs.append((starts[first], starts[index - 1] + len(parts[index - 1])))
            first = index
    return runs


def _prints_as_typed(element: HtmlElement) -> bool:
    """Code, a printed address (its breaks are its own), or a phone number (never broken)."""
    for e in (element, *element.iterancestors()):
        classes = (e.get("class") or "").split()
        if e.tag in _TYPED or "print-url" in classes or "wg-tel" in classes:
            return True
        if e.tag == "a":
            shown = " ".join(e.text_content().replace(_LINE_BREAK, "").replace(_NO_LINE_BREAK, "").split())
            if shown in (e.get("href"), _print_url(e.get("href") or "")):
                return True
    return False


def _keep_short_compounds_whole(root: HtmlElement, lang: str) -> None:
    """Each run of a hyphenated word that must stay on one line goes in a span that does not wrap
    ("bilan de <span>mi-stage</span>"). Not a no-break hyphen (U+2011): the PDF's text, which
    readers copy and search, keeps the hyphen they typed."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or _prints_as_typed(element):
            continue
        french = (next((e.get("lang") for e in (element, *element.iterancestors()) if e.get("lang")), None) or lang).startswith("fr")
        for child in [None, *element]:  # None: the element's own text, before its first child
            text = element.text if child is None else child.tail
            ranges = [
                (match.start() + start, match.start() + end)
                for match in _HYPHENATED.finditer(text or "")
                for start, end in _unbreakable_runs(match.group(), french)
            ]
            if ranges:
                _wrap_ranges(element, child, ranges, "compound")


def _in_print(text: str, lang: str) -> Markup:
    """A line of the contents (a chapter's title or description) as markup, its short
    hyphenated words kept whole as in the chapters."""
    line = _element("span", text)
    _keep_short_compounds_whole(line, lang)
    return escape(line.text or "") + Markup("".join(lxml.html.tostring(child, encoding="unicode") for child in line))


def _wrap_ranges(element: HtmlElement, child: HtmlElement | None, ranges: list[tuple[int, int]], class_: str) -> None:
    """Puts each (start, end) range of a text run in a span of that class: the element's own text
    when ``child`` is None, else the child's tail."""
    text = (element.text if child is None else child.tail) or ""
    spans = []
    for (start, stop), (following, _) in zip(ranges, [*ranges[1:], (len(text), None)]):
        span = _element("span", text[start:stop], class_=class_)
        span.tail = text[stop:following] or None
        spans.append(span)
    _replace_run(element, child, text[: ranges[0][0]] or None, spans)


def _replace_run(element: HtmlElement, child: HtmlElement | None, head: str | None, nodes: list) -> None:
    """Cuts a text run (the element's own text when ``child`` is None, else the child's tail) down
    to ``head`` and puts ``nodes`` right after it."""
    if child is None:
        element.text = head
    else:
        child.tail = head
    at = 0 if child is None else element.index(child) + 1
    for offset, node in enumerate(nodes):
        element.insert(at + offset, node)


def prepare_chapter(
    chapter: Chapter, in_part: bool, links: _Links, edition: Edition, problems: list[Finding]
) -> PreparedChapter:
    root = lxml.html.fragment_fromstring(chapter.html or "", create_parent="div")
    source = f"docs/{edition.lang}/{chapter.src_path}"
    _drop(root)
    if chapter.online_only:
        root = _print_online_only(root, chapter, edition)
    _open_details(root)
    _unfold_tabs(root)
    _print_form_fields(root)
    _mark_lead_ins(root)

    heading = root.find(".//h1")
    if heading is None:
        heading = _element("h1", chapter.title)
        root.insert(0, heading)
        heading.tail, root.text = root.text, None
    _add_class(heading, "chapter-title")
    title = " ".join(heading.text_content().split())

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        if element.get("id"):
            element.set("id", anchor(chapter.slug, element.get("id")))
        for attribute in _IDREF_ATTRIBUTES:
            if element.get(attribute):
                element.set(attribute, " ".join(anchor(chapter.slug, i) for i in element.get(attribute).split()))

    # Download links side by side (the toolkit's cards: PDF, then Word) each take a line on paper,
    # where each is followed by its address: "PDF, 116 ko (…/avant.pdf) Word (DOCX), 23 ko (…)" ran on.
    for link in root.xpath(f"//a[{_class('wg-download')}]"):
        previous = link.getprevious()
        if previous is not None and previous.tag == "a" and "wg-download" in (previous.get("class") or "").split():
            link.addprevious(_element("br"))
    for link in root.xpath("//a[@href]"):
        href, kind = links.resolve(chapter, link.get("href"), for_image=False)
        if kind == "unlinked":
            link.drop_tag()  # its words stay, without a link to a site that is not online
            continue
        link.set("href", href)
        link.attrib.pop("target", None)
        shown = " ".join(link.text_content().split())
        # On paper a link must say where it goes: the address, or the page of the guide. The note
        # follows the link instead of sitting inside it, so it is not underlined as part of it.
        # A phone number (wilguide/phone_links.py) is its own address: no "(tel:911)" after it.
        # Inside brackets the note takes a comma instead of brackets of its own: "(see Pay, p. 61)",
        # not "(see Pay (p. 61))".
        in_brackets = (link.tail or "").startswith(")")
        if kind == "external" and shown not in (href, _print_url(href)) and not href.startswith("tel:"):
            note = _element("span", ", " if in_brackets else " (", class_="print-url")
            _after(link, note)  # placed first: in a table cell, the address may break anywhere
            _append_address(note, _print_url(href))
            if not in_brackets:
                _append_text(note, ")")
        elif kind == "external" and shown in (href, _print_url(href)) and len(link) == 0:
            link.text = None  # an address shown as itself
            _append_address(link, shown)
        # A section of the same chapter gets its page too: a chapter can run over several pages.
        # A citation does not: "(BHER, 2020 (p. 74))" reads as a page of BHER's document.
        elif (
            (kind == "internal" or (kind == "same" and href != f"#{chapter.slug}"))
            and not _is_citation(href)
            and not any(a.tag in _HEADINGS for a in link.iterancestors())
        ):
            _after(link, _element("span", class_="page-ref page-ref--in-brackets" if in_brackets else "page-ref", data_target=href))
    for image in root.xpath("//img"):
        src, kind = links.resolve(chapter, image.get("src", ""), for_image=True)
        if kind in ("missing", "external") and not src.startswith("data:"):
            problems.append(Finding(source, 1, f"the guide PDF cannot embed the image {image.get('src')!r}"))
        if image.get("alt") is None:
            problems.append(Finding(source, 1, f"image {image.get('src')!r} has no alt text (needed in the PDF)"))
        image.set("src", src)
        image.attrib.pop("loading", None)

    names = names_printed_whole(root)
    _keep_short_compounds_whole(root, edition.lang)
    for element in root.iter("h2", "h3", "h4", "h5", "h6"):  # styled by role, whatever the level
        _add_class(element, {"h2": "section-title", "h3": "subsection-title"}.get(element.tag, "minor-title"))
    for element in root.iter("h1", "h2", "h3"):
        _keep_last_words_together(element)
    if in_part:  # part > page > section: h1 becomes h2, and so on
        for element in root.iter(*reversed(_HEADINGS)):
            element.tag = f"h{min(int(element.tag[1]) + 1, 6)}"

    body = (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    html = f'<section class="chapter" id="{chapter.slug}">{body}</section>'
    return PreparedChapter(
        chapter.slug, _in_print(title, edition.lang), _in_print(chapter.description, edition.lang), html, frozenset(names)
    )


@lru_cache(maxsize=1)  # one per process: Jinja then compiles each template once (and again if it changes)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True
    )
    use_bytecode_cache(env)  # the downloads table is rendered on every build, by a new process
    return env


def build_document(parts: list[Part], edition: Edition, assets: Mapping[str, Path]) -> AssembledGuide:
    """The whole guide as one HTML document, the problems that keep it from printing well, and its names."""
    words = labels(edition.lang)
    chapters = [chapter for part in parts for chapter in part.chapters]
    links = _Links(chapters, assets, edition)
    problems: list[Finding] = []
    prepared_parts = [
        {
            "title": part.title,
            "slug": part.slug,
            "appendix": part.appendix,
            "chapters": [prepare_chapter(c, part.title is not None, links, edition, problems) for c in part.chapters],
        }
        for part in parts
    ]
    online_before, _, online_after = words["online"].partition("{url}")
    html = _environment().get_template("document.html").render(
        edition=edition,
        words=words,
        edition_line=words["edition"].format(date=long_date(edition.day, edition.lang)),
        online_before=online_before,
        online_after=online_after,
        parts=prepared_parts,
    )
    names = frozenset().union(*(chapter.names for part in prepared_parts for chapter in part["chapters"]))
    return AssembledGuide(html, problems, names)
