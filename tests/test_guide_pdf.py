"""The guide PDFs of the built site, read back with pypdf.

Expected text comes from the built HTML pages, never from the current prose, so writers can change
the content freely: the PDF must always say what the site says.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin

import lxml.html
import pypdf
import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import is_redirect_page
from pdf_pages import BODY_BOTTOM, BODY_TOP, PdfPage, poppler_text

from wilguide.guide_pdf.contents import LEFT_OUT, ONLINE_ONLY

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {"fr": "", "en": "en/"}
# Screen-only parts of a page that the PDF leaves out on purpose (see wilguide/guide_pdf/assemble.py).
NOT_PRINTED = (
    "//script | //style | //button | //template | //select | //*[@hidden] | //input | //textarea"
    " | //*[contains(@class, 'headerlink')] | //*[contains(@class, 'md-content__button')]"
    # The checklists' download buttons: wilguide/guide_pdf/guide.css leaves them off paper.
    " | //*[contains(concat(' ', @class, ' '), ' wg-checklist-downloads ')]"
    # A note for readers without JavaScript (the checklists' disabled boxes): screen only.
    " | //*[contains(concat(' ', @class, ' '), ' wg-screen-only ')]"
)
# Pages that are no chapter of the guide (for readers online only, or for editors), and pages printed
# as a note pointing to the web: written out here; the code's tables must say the same.
NOT_A_CHAPTER = ("downloads.md", "translation-status.md")
PRINTED_AS_A_NOTE = ("toolkit/planner.md",)


def settings() -> dict:
    return yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def site_name(lang: str) -> str:
    """The guide's title in one language: site_name, or the i18n plugin's override for the language."""
    config = settings()
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                if language["locale"] == lang and language.get("site_name"):
                    return language["site_name"]
    return config["site_name"]


def letters(text: str) -> str:
    """Only letters and digits: line breaks, hyphenation and spacing differ between HTML and PDF."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).lower()


def url_of(path: str) -> str:
    """docs path inside a language (practices/check-in.md) -> its URL (practices/check-in/)."""
    stem = path.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def article(html_file: Path) -> lxml.html.HtmlElement:
    root = lxml.html.parse(str(html_file)).getroot()
    found = root.xpath("//article")
    assert found, f"{html_file} has no article"
    for element in found[0].xpath("." + NOT_PRINTED.replace("| //", "| .//")):
        element.drop_tree()
    return found[0]


def site_pages(site: Path, lang: str) -> dict[str, Path]:
    """URL (from the language root) -> built HTML file, for every page of one language."""
    root = site / LANGUAGES[lang]
    pages = {}
    for index in root.rglob("index.html"):
        relative = index.parent.relative_to(root).as_posix()
        if lang == "fr" and relative.split("/")[0] in (l for l in LANGUAGES if l != "fr") or is_redirect_page(index):
            continue
        pages["" if relative == "." else relative + "/"] = index
    return pages


def printed_pages(site: Path, lang: str) -> dict[str, Path]:
    left_out = {url_of(path) for path in NOT_A_CHAPTER}
    return {url: path for url, path in site_pages(site, lang).items() if url not in left_out}


def guide_link(site: Path, lang: str) -> tuple[lxml.html.HtmlElement, Path]:
    page = site / LANGUAGES[lang] / "downloads" / "index.html"
    rows = lxml.html.parse(str(page)).getroot().xpath("//tr[@data-download='guide']")
    assert len(rows) == 1, f"{page}: the downloads table has no row for the guide"
    hrefs = rows[0].xpath(".//a/@href")
    assert len(hrefs) == 1 and hrefs[0].endswith(".pdf"), f"{page}: the guide row has no PDF link"
    return rows[0], (page.parent / unquote(hrefs[0])).resolve()


class Guide(NamedTuple):
    lang: str
    reader: pypdf.PdfReader
    text: str  # every page's text
    pdf: Path
    pages: list[PdfPage]
    outline: list  # [title, page index, depth] of every bookmark: depth 0 for a part (and the home page), 1 for a chapter


@pytest.fixture(scope="module", params=list(LANGUAGES))
def guide(request, built_site, pdf_document) -> Guide:
    lang = request.param
    _, pdf = guide_link(built_site, lang)
    assert pdf.is_file(), f"the downloads page links to {pdf}, which was not built"
    document = pdf_document(pdf)
    return Guide(lang, pypdf.PdfReader(pdf), "\n".join(page.text for page in document.pages), pdf, document.pages, document.outline)


def test_downloads_page_gives_size_and_date_of_the_guide(built_site, guide):
    lang, reader, pdf = guide.lang, guide.reader, guide.pdf
    row, _ = guide_link(built_site, lang)
    assert pdf.parent == (built_site / LANGUAGES[lang] / "downloads").resolve()
    built = row.xpath(".//time/@datetime")
    assert built and reader.metadata["/CreationDate"].startswith("D:" + built[0].replace("-", ""))
    cells = [td.text_content().strip() for td in row.xpath("td")]
    assert cells[1] == "PDF" and re.search(r"\d", cells[2]), cells


def test_downloads_page_lists_the_guide_the_checklists_and_their_bundle(built_site):
    for lang, prefix in LANGUAGES.items():
        page = built_site / prefix / "downloads" / "index.html"
        rows = lxml.html.parse(str(page)).getroot().xpath("//table[@class='wilguide-downloads']//tbody/tr")
        kinds = [row.get("data-download") for row in rows]
        assert kinds[0] == "guide" and "checklist" in kinds and kinds.count("bundle") == 1, kinds
        for row in rows:
            href = row.xpath(".//a/@href")
            assert len(href) == 1, f"{page}: a row without its link"
            assert (page.parent / unquote(href[0])).is_file(), f"{page}: {href[0]} was not built"
            cells = [td.text_content().strip() for td in row.xpath("td")]
            assert cells[1] in ("PDF", "DOCX", "ZIP") and re.search(r"\d", cells[2]) and row.xpath(".//time/@datetime")
        names = [a.get("aria-label") for a in lxml.html.parse(str(page)).getroot().xpath("//table//a")]
        assert len(set(names)) == len(names), "each link names its file"


def test_page_count_is_plausible(built_site, guide):
    lang, reader = guide.lang, guide.reader
    chapters = len(printed_pages(built_site, lang))
    assert chapters + 2 <= len(reader.pages) <= chapters * 12, f"{len(reader.pages)} pages for {chapters} chapters"


def test_every_chapter_title_is_in_the_outline(built_site, guide):
    lang = guide.lang
    outline = {title for title, _, _ in guide.outline}
    for url, page in printed_pages(built_site, lang).items():
        heading = article(page).xpath(".//h1")
        assert heading, f"{page} has no H1"
        title = " ".join(heading[0].text_content().split())
        assert title in outline, f"chapter {title!r} ({url}) is not a bookmark of the {lang} PDF"


def test_the_contents_tables_name_the_pages_written_out_here():
    assert LEFT_OUT == set(NOT_A_CHAPTER)
    assert ONLINE_ONLY == set(PRINTED_AS_A_NOTE)


def test_the_downloads_page_is_not_a_chapter(built_site, guide):
    outline = {title for title, _, _ in guide.outline}
    assert len(outline) > 20, outline
    for path in NOT_A_CHAPTER:
        title = " ".join(article(site_pages(built_site, guide.lang)[url_of(path)]).xpath(".//h1")[0].text_content().split())
        assert title not in outline


def test_metadata_names_the_guide_its_publisher_and_its_language(built_site, guide):
    lang, reader = guide.lang, guide.reader
    assert reader.metadata.title == site_name(lang) == {"fr": "Guide de mentorat en AIT", "en": "WIL Mentoring Guide"}[lang]
    assert reader.metadata.author == None  # no publisher by default: no author, never a stand-in
    # The subject is the site description: the description of the language's 404 page, the one page
    # without a description of its own.
    page_404 = lxml.html.parse(str(built_site / LANGUAGES[lang] / "404.html")).getroot()
    description = page_404.xpath("//meta[@name='description']/@content")
    assert len(description) == 1 and len(description[0].split()) >= 8
    assert reader.metadata.subject == description[0]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == {"fr": "fr-CA", "en": "en-CA"}[lang]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], "tagged PDF"


def test_each_language_has_its_own_text(built_site, guide):
    lang, text = guide.lang, guide.text
    printed = letters(text)
    for other in LANGUAGES:
        page = site_pages(built_site, other)["why-mentoring/"]
        # Paragraphs with links get the address or page number printed after the link: skip them.
        paragraphs = [p.text_content() for p in article(page).xpath(".//p[not(.//a)]") if len(p.text_content().split()) >= 12]
        assert paragraphs, f"{page} has no plain paragraph to look for"
        sentence = paragraphs[0]
        if other == lang:
            assert letters(sentence) in printed, f"{sentence!r} is missing from the {lang} PDF"
        else:
            assert letters(sentence) not in printed, f"the {other} text {sentence!r} is in the {lang} PDF"


def test_accented_letters_are_printed_not_replaced(built_site, guide):
    lang, text = guide.lang, guide.text
    assert "\ufffd" not in text, "a replacement character means a glyph is missing"
    if lang != "fr":
        return
    page = site_pages(built_site, "fr")["why-mentoring/"]
    words = {w for w in re.findall(r"\w+", article(page).text_content()) if re.search(r"[^\x00-\x7f]", w)}
    assert len(words) >= 5, "a French page should have accented words"
    printed = letters(text)
    missing = sorted(w for w in words if letters(w) not in printed)
    assert not missing, f"accented words missing from the PDF text: {missing[:20]}"
    # A query string's "?page=1" is no glyph, nor is one on the line an address continues on
    # after a slash or a hyphen ("https://tbs-sct.canada.ca/pol/" / "doc-eng.aspx?id=32638").
    outside_addresses = re.sub(r"https?://(?:\S|(?<=[/-])\n)+", "", text)
    assert not re.search(r"\w\?\w", outside_addresses), "a '?' inside a word stands for a missing glyph"


def test_fonts_are_embedded(guide):
    reader = guide.reader
    fonts = 0
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            fonts += 1
            owner = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = owner.get("/FontDescriptor", {})
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            assert re.search("Liberation|DejaVu", str(font["/BaseFont"])), font["/BaseFont"]
    assert fonts >= len(reader.pages), "every page uses at least one font"


def test_links_inside_the_guide_and_to_the_web_work(built_site, guide):
    lang, reader = guide.lang, guide.reader
    links = [
        annotation.get_object()
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    internal = [a for a in links if "/Dest" in a or a.get("/A", {}).get("/S") == "/GoTo"]
    external = [str(a["/A"]["/URI"]) for a in links if a.get("/A", {}).get("/S") == "/URI"]
    assert len(internal) > len(printed_pages(built_site, lang)), "the table of contents links every chapter"
    names = set(reader.named_destinations)
    for annotation in internal:
        destination = annotation.get("/Dest") or annotation["/A"]["/D"]
        if isinstance(destination, str):
            assert destination in names, f"internal link to a missing destination {destination}"
    site_url = "https://example-org.github.io/wil-mentoring-guide/"
    assert any(uri.startswith("http") for uri in external)
    assert urljoin(site_url, LANGUAGES[lang]) in external, "the cover links to the online version"


def test_interactive_pages_are_a_note_pointing_to_the_web(built_site, guide):
    lang, text = guide.lang, guide.text
    for path in PRINTED_AS_A_NOTE:
        address = urljoin("https://example-org.github.io/wil-mentoring-guide/", LANGUAGES[lang] + url_of(path))
        assert letters(address) in letters(text), f"the PDF should give the address of {path}"


def test_every_page_footer_and_the_home_page_link_to_downloads(built_site):
    for lang, prefix in LANGUAGES.items():
        downloads = (built_site / prefix / "downloads" / "index.html").resolve()
        for url, page in site_pages(built_site, lang).items():
            footer = lxml.html.parse(str(page)).getroot().xpath("//footer//a/@href")
            targets = {(page.parent / unquote(href)).resolve() / "index.html" for href in footer if not href.startswith("http")}
            assert downloads in targets, f"the footer of {page} does not link to the downloads page"
        home = article(built_site / prefix / "index.html")
        assert any((built_site / prefix / h).resolve() == downloads.parent for h in home.xpath(".//a/@href")), (
            f"the {lang} home page text does not link to the downloads page"
        )


# What the site shows that the guide compares: paragraphs, list items, table cells and admonitions
# (a collapsible <details> prints as an admonition).
COMPARED = ".//p | .//li | .//td | .//th | .//div[contains(@class, 'admonition')] | .//details"


def chapter_texts(guide: Guide, titles: list[str]) -> dict[str, str]:
    """The printed text of each chapter: from its bookmark's page to the next chapter's page."""
    starts = {}
    for title, number, depth in guide.outline:
        # A chapter's own bookmark, not a heading of the same name inside another chapter
        # (the mid-placement review has a "Learning plan" section).
        if depth <= 1 and title in titles and title not in starts:
            starts[title] = number
    assert set(starts) == set(titles), f"chapters without a bookmark: {sorted(set(titles) - set(starts))}"
    ordered = sorted(starts.items(), key=lambda item: item[1])
    pages = [letters(page.body) for page in guide.pages]
    texts = {}
    for index, (title, first) in enumerate(ordered):
        last = ordered[index + 1][1] if index + 1 < len(ordered) else len(pages) - 1
        texts[title] = "".join(pages[first : last + 1])
    return texts


def printed_runs(element: lxml.html.HtmlElement) -> list[str]:
    """The element's text in the pieces the PDF keeps whole: the guide prints a note (the address,
    or the page it leads to) right after each link, so the text is cut after every link."""
    runs, current = [], []

    def walk(node, inside_link=False):
        if node.text:
            current.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, inside_link or child.tag == "a")
                if child.tag == "a" and not inside_link:
                    runs.append("".join(current))
                    current.clear()
            if child.tail:
                current.append(child.tail)

    walk(element)
    runs.append("".join(current))
    return [run for run in (letters(r) for r in runs) if run]


def split_by_a_page_break(run: str, printed: str, bodies: list[str] = ()) -> bool:
    """True when the run is printed in two pieces: a paragraph that a page break cuts, whose end the
    PDF's text comes back to after the next page's first lines."""
    low, high = 0, len(run)
    while low < high:  # the longest start of the run that is printed
        middle = (low + high + 1) // 2
        if run[:middle] in printed:
            low = middle
        else:
            high = middle - 1
    if low >= 20 and len(run) - low >= 1 and run[low:] in printed:
        return True
    # A start too short to tell on its own ("Ce délai d'une semaine"): it must end one page's text
    # and the rest must open the next page's. Poppler gives a page's list numbers after its text.
    for before, after in zip(bodies, bodies[1:]):
        end = re.sub(r"\d+$", "", before)
        if any(end.endswith(run[:cut]) and after.startswith(run[cut:]) for cut in range(1, len(run))):
            return True
    return False


def test_every_printed_page_says_what_the_site_says(built_site, guide):
    """Each paragraph, list item, table cell and admonition of every printed page, in the chapter
    that prints it; the only differences allowed are the documented ones (screen-only parts left
    out, a note after links, an interactive tool replaced by a note pointing to the web)."""
    lang = guide.lang
    online_only = {url_of(path) for path in PRINTED_AS_A_NOTE}
    pages = {url: article(path) for url, path in printed_pages(built_site, lang).items()}
    titles = {url: " ".join(page.xpath(".//h1")[0].text_content().split()) for url, page in pages.items()}
    texts = chapter_texts(guide, list(titles.values()))
    bodies = [letters(page.body) for page in guide.pages]
    missing, compared = [], 0
    for url, page in pages.items():
        printed = texts[titles[url]]
        for element in page.xpath(COMPARED):
            if url in online_only and element.xpath("ancestor-or-self::div[contains(concat(' ', @class, ' '), ' planner ')]"):
                continue  # the tool itself: a note with its address prints instead

            for run in printed_runs(element):
                compared += 1
                if run not in printed and not split_by_a_page_break(run, printed, bodies):
                    missing.append(f"{lang}/{url}: <{element.tag}> {' '.join(element.text_content().split())[:100]!r}")
                    break
    assert compared > 500, f"only {compared} pieces of text compared"
    assert not missing, f"{len(missing)} pieces of the site missing from the {lang} PDF:\n" + "\n".join(missing[:40])


def test_the_roles_table_is_printed_cell_by_cell(built_site, guide):
    """A sample the comparison above must see: the table of the roles page, in both languages."""
    lang = guide.lang
    pages = {url: article(path) for url, path in printed_pages(built_site, lang).items()}
    titles = [" ".join(page.xpath(".//h1")[0].text_content().split()) for page in pages.values()]
    page = pages["roles/"]
    cells = page.xpath(".//table//td")
    assert len(cells) >= 6, "the roles page has a table"
    printed = chapter_texts(guide, titles)[" ".join(page.xpath(".//h1")[0].text_content().split())]
    for cell in cells:
        for run in printed_runs(cell):
            assert run in printed, cell.text_content()


def test_every_image_of_a_printed_page_is_drawn(built_site, guide):
    lang = guide.lang
    expected = 0
    for url, page in printed_pages(built_site, lang).items():
        if url not in {url_of(path) for path in PRINTED_AS_A_NOTE}:
            expected += len([src for src in article(page).xpath(".//img/@src") if not src.lower().endswith(".svg")])
    drawn = sum(page.images for page in guide.pages)  # raster images painted (tests/pdf_pages.py)
    assert drawn == expected, f"{drawn} images drawn for {expected} in the {lang} pages"


# " (p. 24)" printed after a link to another section; ", p. 24" after a link that is already in brackets.
PAGE_REFERENCE = re.compile(r"\s*(?:\(p\.\s*(\d+)\)|,\s*p\.\s*(\d+))\s*")
PRINTED_REFERENCE = re.compile(r"\(p\.\s*\d+\)|,\s*p\.\s*\d+\)")


def test_printed_page_numbers_are_the_pages_the_links_lead_to(built_site, guide):
    """Each number in the table of contents and each "(p. N)" after a link is the number printed at
    the foot of the page that the link's destination is on: read from the PDF's own link
    annotations and footers, not from the stylesheet that asked for the numbers."""
    lang = guide.lang
    destinations = {name: guide.reader.get_destination_page_number(place) for name, place in guide.reader.named_destinations.items()}

    def printed_number(index: int) -> int | None:
        footer = [text.strip() for _, y, text in guide.pages[index].runs if y < BODY_BOTTOM and text.strip().isdigit()]
        return int(footer[-1]) if footer else None

    def link_at(index: int, x: float, y: float) -> str | None:
        names = [name for left, bottom, right, top, name in guide.pages[index].links if left - 0.5 <= x <= right and bottom <= y <= top]
        return names[-1] if names else None

    # The text of every page's text area in drawing order, running headers and footers left out,
    # so that a "(p. N)" starting a page follows its link at the end of the page before.
    runs = [(index, x, y, text) for index, page in enumerate(guide.pages) for x, y, text in page.runs if BODY_BOTTOM < y < BODY_TOP]
    wrong, references, contents_lines = [], 0, 0
    for before, (index, x, y, text) in zip(runs, runs[1:]):
        reference = PAGE_REFERENCE.fullmatch(text)
        # A line of the contents: the title, a dotted leader, then the number, all one link.
        in_contents = text.strip().isdigit() and before[3] == "."
        if not (reference or in_contents):
            continue
        name = link_at(*before[:3]) if reference else link_at(index, x, y)
        number = int((reference[1] or reference[2]) if reference else text)
        references += bool(reference)
        contents_lines += bool(in_contents)
        expected = printed_number(destinations[name]) if name in destinations else None
        if expected != number:
            wrong.append(f"page {printed_number(index)}: {text.strip()!r} after a link to {name!r}, which is on page {expected}")
    printed_anywhere = sum(len(PRINTED_REFERENCE.findall(page.text)) for page in guide.pages)
    assert references == printed_anywhere, f"{printed_anywhere - references} of the {lang} PDF's page references were not read"
    assert contents_lines >= len(printed_pages(built_site, lang)), f"the {lang} contents number only {contents_lines} lines"
    assert references > 0 and not wrong, f"{len(wrong)} wrong page numbers in the {lang} PDF:\n" + "\n".join(wrong[:20])


def test_a_link_in_brackets_gets_its_page_number_after_a_comma(guide):
    """"(see Pay (p. 61))" nested brackets: the guide prints "(see Pay, p. 61)"."""
    doubled = [found for page in guide.pages for found in re.findall(r"[^()\n]{0,40}\(p\.\s*\d+\)\)", page.text)]
    after_a_comma = sum(len(re.findall(r",\s*p\.\s*\d+\)", page.text)) for page in guide.pages)
    assert not doubled and after_a_comma > 0, (after_a_comma, doubled[:10])


def test_the_cover_is_printed_to_the_edges_of_the_page(guide, tmp_path):
    """The cover's colour once stopped 6 pt short of the top and sides (WeasyPrint's default body
    margin), leaving a white frame around it. Rendered by Poppler at 18 dpi: every pixel of its
    outer rows and columns is the cover's colour, not paper white."""
    subprocess.run(["pdftoppm", "-r", "18", "-f", "1", "-l", "1", str(guide.pdf), str(tmp_path / "cover")], check=True, timeout=120)
    (image,) = tmp_path.glob("cover*.ppm")
    magic, size, _, pixels = image.read_bytes().split(b"\n", 3)
    assert magic == b"P6"
    width, height = map(int, size.split())
    pixel = lambda x, y: tuple(pixels[3 * (y * width + x) : 3 * (y * width + x) + 3])  # noqa: E731
    edges = [(x, 0) for x in range(width)] + [(0, y) for y in range(height)] + [(width - 1, y) for y in range(height)]
    edges += [(x, height - 1) for x in range(width)]
    pale = [(x, y, pixel(x, y)) for x, y in edges if sum(pixel(x, y)) > 3 * 128]
    assert not pale, f"{len(pale)} of {len(edges)} edge pixels of the {guide.lang} cover are pale: {pale[:5]}"


def test_the_cover_keeps_its_address_and_licence_at_the_foot(guide):
    """The online address and the licence close the cover, at its foot, apart from the title and
    the edition's date (they once sat just under the date). Poppler gives each word's box."""
    page = lxml.html.fromstring(poppler_text(guide.pdf, "-f", "1", "-l", "1", "-bbox")).xpath("//page")[0]
    height = float(page.get("height"))
    words = {word.text: float(word.get("ymin")) for word in page.iter("word")}
    licence, edition = {"en": ("licensed", "edition"), "fr": ("licence", "Édition")}[guide.lang]
    assert words[licence] > 0.8 * height, f"the licence line starts {words[licence]:.0f} pt down a {height:.0f} pt cover"
    assert words[edition] < 0.5 * height


SHORT_ADDRESS_PIECE = 70  # characters between two slashes of an address: fits on a printed line


def test_a_printed_address_breaks_after_a_slash_not_at_a_hyphen(guide):
    """"wil-mentoring-" / "guide/" looked like a hyphenated word split across lines. An address
    breaks at the end of a line only after a slash, unless a piece between two slashes is too long
    for a line."""
    cut = []
    for number, page in enumerate(guide.pages, start=1):
        for before, after in re.findall(r"(\S*[./]\S*-)\n(\S+)", page.text):
            address = before + after
            if not re.search(r"\.[a-z]{2,}/|^\(?(https?:|www\.)", address):
                continue  # not an address: a catalogue number ("HR4-123/2024E-PDF")
            if all(len(piece) <= SHORT_ADDRESS_PIECE for piece in re.split(r"(?<=/)(?=[^/])", address)):
                cut.append(f"page {number}: {before} / {after}")
    assert not cut, f"{len(cut)} addresses of the {guide.lang} PDF break at a hyphen:\n" + "\n".join(cut[:20])


def test_a_name_is_not_hyphenated_at_the_end_of_a_line(guide):
    """Printers do not cut names: "Car-leton", "Qué-bec", "Univer-sity" were. Read from the PDF:
    a capitalized word inside a sentence, broken at a line end before a lowercase letter. Only the
    hyphens WeasyPrint adds are looked for (its hyphenate character, U+2010): a word's own hyphen
    ("Self-identification", "Colombie-Britannique") is an ASCII one and may end a line."""
    cut = [
        f"page {number}: {first}-{rest}"
        for number, page in enumerate(guide.pages, start=1)
        for first, rest in re.findall(r"(?<=[^\s.?!…:] )([A-ZÀ-ÖØ-Þ][\w’']*)\u2010\n([a-zà-ÿ][\w’']*)", page.text)
    ]
    assert not cut, f"{len(cut)} names of the {guide.lang} PDF are hyphenated:\n" + "\n".join(cut)


def test_no_line_is_cut_short_by_a_hyphen(guide):
    """WeasyPrint 70 once broke "Relisez-la" as "Reli-" in the middle of a line, after a bold lead-in
    and before a link, and carried on on the next one: a half-empty line in a paragraph. Read with
    Poppler's own layout (each line's extent): a line that ends with a hyphen is never 150 pt
    shorter than the line that follows it. When this fails after an edit, reword the paragraph
    slightly: a word more or less moves the break."""
    root = lxml.html.fromstring(poppler_text(guide.pdf, "-bbox-layout"))
    short = []
    for number, page in enumerate(root.iter("page"), start=1):
        lines = list(page.iter("line"))
        for line, following in zip(lines, lines[1:]):
            words = [word.text or "" for word in line.iter("word")]
            if words and words[-1].endswith(("\u2010", "-")) and float(following.get("xmax")) - float(line.get("xmax")) > 150:
                short.append(f"page {number}: {' '.join(words)!r}")
    assert not short, f"{len(short)} lines of the {guide.lang} PDF end early at a hyphen:\n" + "\n".join(short)


def test_a_page_reference_stays_on_the_line_of_its_link(guide):
    """"(p. 24)" is never alone at the start of a line or of a page: it follows the last word of its
    link on the same line (a no-break space joins them)."""
    runs = [(index, y, text) for index, page in enumerate(guide.pages) for _, y, text in page.runs if BODY_BOTTOM < y < BODY_TOP]
    alone = [
        f"page {index + 1}: {text.strip()!r} after {before[2].strip()[-30:]!r}"
        for before, (index, y, text) in zip(runs, runs[1:])
        if PAGE_REFERENCE.fullmatch(text) and (before[0] != index or abs(before[1] - y) > 1)
    ]
    references = sum(bool(PAGE_REFERENCE.fullmatch(text)) for _, _, text in runs)
    assert references > 50 and not alone, f"{len(alone)} of {references} page references start a line:\n" + "\n".join(alone)


# The first row of the recommended rhythm (the planner page's table, whose phases are row headers,
# and the check-in page's table): its label and the first words of the cell beside it.
FIRST_ROW = {"fr": ("Préparation", "2 semaines"), "en": ("Preparation", "2 weeks")}


def test_a_table_row_label_prints_whole_on_the_first_line_of_its_row(guide):
    label, cell = FIRST_ROW[guide.lang]
    rows = 0
    for number, page in enumerate(guide.pages, start=1):
        # The label alone in its cell, whole or cut by a hyphen ("Prepara-"): not a line of prose.
        labels = [(y, text.strip()) for _, y, text in page.runs if text.strip()[:7] == label[:7] and len(text.strip()) <= len(label) + 1]
        for y, text in labels:
            assert text == label, f"page {number}: {label!r} is printed as {text!r}"
            beside = [other for _, other_y, other in page.runs if abs(other_y - y) < 1 and other.strip().startswith(cell)]
            assert beside, f"page {number}: {label!r} is not on the first line of its row ({cell!r})"
            rows += 1
    assert rows >= 2, f"{label!r} heads {rows} printed rows; the two rhythm tables give two"


def test_a_phone_number_prints_on_one_line(built_site, guide):
    """"composer le 9" / "-1-1" was the French guide's emergency number on paper: a phone number
    (a tel: link on the site) never breaks across two lines of the PDF, at a hyphen or a space."""
    numbers = {
        link.text_content().strip()
        for path in site_pages(built_site, guide.lang).values()
        for link in lxml.html.parse(str(path)).getroot().xpath("//a[starts-with(@href, 'tel:')]")
    }
    assert {"9-1-1", "9-8-8"} <= numbers, sorted(numbers)
    split = []
    for number in sorted(numbers):
        for cut in (index for index, mark in enumerate(number) if mark in " -\u00a0\u2011"):
            # before or after the mark: "9-" / "1-1" or "9" / "-1-1"
            for before, after in ((number[: cut + 1].rstrip(" \u00a0"), number[cut + 1 :]), (number[:cut], number[cut:].lstrip(" \u00a0"))):
                pattern = re.escape(before) + r"[ \u00a0\u2010]*\n\s*" + re.escape(after)
                split += [f"{number}: {found!r}" for found in re.findall(pattern, guide.text)]
    assert not split, f"{len(split)} phone numbers of the {guide.lang} PDF break across lines:\n" + "\n".join(split)


# The labels of the spaces a reader writes in: the reflection sheet's box under each competency and
# its closing field, and every checklist's closing notes box.
WRITING_SPACE_LABELS = {
    "en": ("A recent example or a note", "The competency I chose, and who I told", "Notes"),
    "fr": ("Un exemple récent ou une note", "La compétence choisie et la personne à qui j'en ai parlé", "Notes"),
}


def test_a_space_to_write_in_never_opens_a_page_cut_from_what_it_is_for(guide):
    """A notes box or a field under a checklist's last items goes over with them: at the top of a
    page, "A recent example or a note" did not say which competency it was for, and the reflection
    sheet's closing field took a page of its own."""
    cut = []
    for number, page in enumerate(guide.pages, start=1):
        body = [text.strip() for _, y, text in sorted(page.runs, key=lambda run: -run[1]) if BODY_BOTTOM < y < BODY_TOP and text.strip()]
        if body and body[0] in WRITING_SPACE_LABELS[guide.lang]:
            cut.append(f"page {number}: {body[0]!r}")
    assert not cut, f"{len(cut)} pages of the {guide.lang} PDF open on a space to write in:\n" + "\n".join(cut)


def test_no_page_of_the_references_is_left_a_third_blank(guide):
    """A source's long "Used for" line splits like a paragraph instead of jumping whole to the next
    page: kept whole, it left 35 % of a page of the French references blank. Read from the PDF: the
    lowest line of each page of the chapter, its last page left out."""
    title = {"fr": "Références", "en": "References"}[guide.lang]
    bookmarks = [(name, page) for name, page, depth in guide.outline if depth <= 1]
    index = next(i for i, (name, _) in enumerate(bookmarks) if name == title)
    first, after = bookmarks[index][1], bookmarks[index + 1][1]  # page indexes from 0
    short = []
    for number in range(first, after - 1):
        lines = [y for _, y, text in guide.pages[number].runs if BODY_BOTTOM < y < BODY_TOP and text.strip()]
        filled = (BODY_TOP - min(lines)) / (BODY_TOP - BODY_BOTTOM)
        if filled < 0.7:
            short.append(f"page {number + 1}: {filled:.0%} of the text area used")
    assert after - first > 20, "the references run to many pages: the chapter was not found"
    assert not short, f"pages of the {guide.lang} references end early:\n" + "\n".join(short)
