"""The downloads table while a guide PDF is being typeset, and its swap in the written site."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import lxml.html

from wilguide.guide_pdf import GuidePdf, guide_row, render_downloads
from wilguide.guide_pdf.site_files import replace_file, replace_table

PREVIOUS = GuidePdf(Path("previous.pdf"), date(2026, 11, 30), 409 * 1024, None)


def words(element) -> str:
    """The text a reader sees, spaces (no-break ones included) made plain."""
    return " ".join(element.text_content().split())


def row_of(download, lang: str):
    table = lxml.html.fragment_fromstring(render_downloads([download], lang, "downloads/"))
    return table.xpath("//tr[@data-download='guide']")[0]


def test_while_updating_the_previous_pdf_stays_linked_and_the_row_says_so():
    row = row_of(guide_row("Guide de mentorat en AIT", "fr", "downloads/guide.pdf", PREVIOUS, None, "updating"), "fr")
    assert row.xpath(".//a/@href") == ["guide.pdf"]
    note = " ".join(row.xpath("string(.//*[@data-download-note])").split())
    assert "ce fichier est en cours de mise à jour avec vos dernières modifications" in note
    assert "409 ko" in words(row)


def test_without_a_previous_pdf_there_is_no_link_and_the_row_says_it_is_coming():
    row = row_of(guide_row("WIL Mentoring Guide", "en", "en/downloads/guide.pdf", None, None, "updating"), "en")
    assert not row.xpath(".//a")
    note = " ".join(row.xpath("string(.//*[@data-download-note])").split())
    assert note == "Preview: the guide PDF is being typeset. Reload this page in a minute to download it."


def test_the_note_size_and_date_are_left_out_of_search():
    """The build indexes the page before the PDF is typeset: what changes afterwards is not indexed."""
    row = row_of(guide_row("WIL Mentoring Guide", "en", "en/downloads/guide.pdf", PREVIOUS, None, "updating"), "en")
    excluded = row.xpath(".//*[@data-search-exclude]")
    assert [element.tag for element in excluded] == ["em", "td", "td"]
    assert words(excluded[1]) == "409 KB"
    assert words(excluded[2]) == "November 30, 2026"


def test_the_table_and_the_file_are_swapped_in_the_written_site(tmp_path):
    page = tmp_path / "downloads" / "index.html"
    page.parent.mkdir()
    page.write_text("<main><table>old</table><p>rest</p></main>", encoding="utf-8")
    assert replace_table(page, "<table>old</table>", "<table>new</table>")
    assert page.read_text(encoding="utf-8") == "<main><table>new</table><p>rest</p></main>"
    assert not replace_table(page, "<table>old</table>", "<table>newer</table>"), "the old table is gone"
    assert not replace_table(tmp_path / "missing.html", "a", "b")

    source = tmp_path / "typeset.pdf"
    source.write_bytes(b"%PDF-new")
    target = tmp_path / "downloads" / "guide.pdf"
    target.write_bytes(b"%PDF-old")
    replace_file(source, target)
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["guide.pdf", "index.html"], "no temporary file left"
