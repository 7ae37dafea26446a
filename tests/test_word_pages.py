"""Each Word file prints on no more pages than the PDF of the same page: an employer who prints the
Word version of the check-in agenda at every check-in gets one sheet, as with the PDF (the Word
file once took two, its closing notes box alone on the second).

LibreOffice Writer lays out every Word file the site offers and turns it into a PDF, with Carlito
and Caladea in place of the files' Calibri and Cambria: their letters have the same widths, so
lines and pages break where they do in Word. The pages of that PDF and of the site's own PDF (an
independent rendering, by WeasyPrint from HTML) are counted with pypdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdf_pages import poppler_text
from test_word_files_in_libreoffice import LANGUAGES, PAGES, convert, download, every_word_file

# Word's metrics for the files' theme fonts (body Cambria, headings Calibri), from Debian's
# fonts-crosextra-caladea and fonts-crosextra-carlito.
WORD_METRIC_FONTS = ("Carlito", "Caladea")


def installed_font_families() -> str:
    return subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout


def embedded_fonts(path: Path) -> set[str]:
    """The fonts a PDF's pages draw with, as named in the file ("ABCDEF+Carlito-Bold")."""
    names = set()
    for page in PdfReader(path).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        names.update(str(font.get_object()["/BaseFont"]) for font in fonts.values())
    return names


@pytest.fixture(scope="module")
def word_as_pdf(built_site, tmp_path_factory) -> Path:
    """Every page's Word file, turned into a PDF by LibreOffice in one run: the folder holding them."""
    families = installed_font_families()
    missing = [font for font in WORD_METRIC_FONTS if font not in families]
    assert not missing, (
        f"{', '.join(missing)} missing: without Word's font metrics LibreOffice breaks pages elsewhere. Run the "
        "tests with scripts/test.sh, which installs Debian's fonts-crosextra-carlito and fonts-crosextra-caladea"
    )
    return convert(every_word_file(built_site), "pdf", tmp_path_factory.mktemp("libreoffice-pdf"))


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_word_file_prints_on_no_more_pages_than_the_pdf(built_site, word_as_pdf, lang, slug):
    word = download(built_site, lang, slug, ".docx")
    printed = word_as_pdf / f"{word.stem}.pdf"
    assert printed.is_file(), f"LibreOffice could not open {word.name}"
    fonts = embedded_fonts(printed)
    for font in WORD_METRIC_FONTS:  # the layout is Word's only with them
        assert any(font in name for name in fonts), f"{word.name} was not laid out with {font}: {sorted(fonts)}"
    word_pages = len(PdfReader(printed).pages)
    pdf_pages = len(PdfReader(download(built_site, lang, slug, ".pdf")).pages)
    assert pdf_pages >= 1
    assert word_pages <= pdf_pages, f"{word.name} prints on {word_pages} pages, its PDF on {pdf_pages}"


# A phone number as the guide writes it (9-1-1, 9-8-8, 1-855-242-3310), read from the printed text.
PHONE_NUMBER = re.compile(r"(?<![\w-])(?:\d-\d-\d|(?:1-)?\d{3}-\d{3}-\d{4})(?![\w-])")


def printed_lines(pdf: Path) -> list[str]:
    """The PDF's text as Poppler lays it out, line by line (its plain mode joins "9-" and "1-1")."""
    text = poppler_text(pdf, "-layout")
    return [line.strip() for line in text.splitlines()]


def test_no_phone_number_in_a_printed_word_file_is_cut_at_a_line_end(built_site, word_as_pdf):
    """"to give to 9-" ended a line of the English "Before the first day" in Word, "1-1 in an
    emergency." began the next."""
    cut, whole = [], 0
    for word in every_word_file(built_site):
        lines = printed_lines(word_as_pdf / f"{word.stem}.pdf")
        whole += sum(len(PHONE_NUMBER.findall(line)) for line in lines)
        cut += [f"{word.name}: {line[-30:]!r} / {next_line[:20]!r}" for line, next_line in zip(lines, lines[1:])
                if re.search(r"(?<![\w-])\d(?:-\d{1,3}){0,2}-$", line) and re.match(r"\d", next_line)]
    assert whole >= 10, f"only {whole} phone numbers found in the printed Word files: is the text still read?"
    assert not cut, "phone numbers cut at a line end:\n" + "\n".join(cut)
