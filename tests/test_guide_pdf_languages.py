"""Passages in the other language are tagged with it in the guide PDF's structure tree (/Lang), so
a screen reader reads "Fête nationale" in the English guide with a French voice, as the site's
lang="fr" makes it do online (WCAG 3.1.2). Expected text comes from the built HTML pages: each
element marked with another language than its page's must be found, letter for letter, among the
PDF's structure elements tagged with that language."""

from __future__ import annotations

from collections import defaultdict

import pypdf
import pytest

from pdf_pages import PdfPage
from test_guide_pdf import LANGUAGES, PRINTED_AS_A_NOTE, article, guide_link, letters, printed_pages, url_of


def tagged_texts(reader: pypdf.PdfReader, pages: list[PdfPage]) -> dict[str, list[str]]:
    """Language -> the text of each structure element that carries /Lang, in the tree's order.
    ``pages`` are the same PDF's pages as the ``pdf_pages`` fixture read them, with the text drawn
    inside each marked-content sequence (tests/pdf_pages.py)."""
    marked = {page.indirect_reference.idnum: pages[index].marked for index, page in enumerate(reader.pages)}
    found: dict[str, list[str]] = defaultdict(list)

    def text_of(element) -> str:
        element = element.get_object()
        kids = element.get("/K")
        text = ""
        for kid in kids if isinstance(kids, list) else [] if kids is None else [kids]:
            if isinstance(kid, int):  # a marked-content id on the element's page
                text += marked[element.raw_get("/Pg").idnum].get(str(kid), "")
            elif isinstance(kid.get_object(), dict) and "/Obj" not in kid.get_object():  # not a link or form object
                text += text_of(kid)
        if "/Lang" in element:
            found[str(element["/Lang"])].append(text)
        return text

    text_of(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def marked_in_html(site, lang: str) -> list[tuple[str, str, str]]:
    """(page, language, text) of each outermost element of a printed page whose lang differs from the page's."""
    found = []
    left_out = {url_of(path) for path in PRINTED_AS_A_NOTE}
    for url, html in printed_pages(site, lang).items():
        if url in left_out:
            continue
        for element in article(html).xpath(f".//*[@lang and @lang != '{lang}' and not(ancestor::*[@lang != '{lang}'])]"):
            if letters(element.text_content()):
                found.append((url, element.get("lang"), element.text_content().strip()))
    return found


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_passages_in_the_other_language_are_tagged_with_it(built_site, lang, pdf_pages):
    _, pdf = guide_link(built_site, lang)
    reader = pypdf.PdfReader(pdf)
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang)
    tagged = tagged_texts(reader, pdf_pages(pdf))
    expected = marked_in_html(built_site, lang)
    assert len(expected) > 20, expected  # both guides name many things in the other language
    other = {language for _, language, _ in expected}
    assert other == {"en" if lang == "fr" else "fr"}, other
    in_pdf = {language: letters("".join(texts)) for language, texts in tagged.items()}
    missing = [(url, text) for url, language, text in expected if letters(text) not in in_pdf.get(language, "")]
    assert not missing, f"{len(missing)} of {len(expected)} passages are not tagged with their language: {missing[:8]}"
    assert lang not in tagged, "the document's own language is said once, in the catalogue"
