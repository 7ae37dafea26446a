"""Checklist PDFs as a PDF viewer shows them.

A viewer that redraws form fields (Evince and Okular do, through Poppler; pdftoppm draws pages the
same way) must show a ticked box with its tick and an unticked one empty. And each field's spoken
name (what a screen reader says) is its label as printed, spaces included, even where the printed
label wraps onto two lines.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject

DOWNLOADS = {"fr": Path("toolkit/downloads"), "en": Path("en/toolkit/downloads")}


def downloads(site: Path, lang: str, name: str) -> Path:
    return site / DOWNLOADS[lang] / name


def ticked_as_a_viewer_does(source: Path, target: Path) -> None:
    """Every check box of page 1 switched to its "on" state (its value and appearance state), nothing
    redrawn: drawing it is the viewer's job."""
    writer = PdfWriter(clone_from=PdfReader(source))
    for annotation in writer.pages[0].get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/FT") == "/Btn":
            on = next(state for state in annotation["/AP"]["/N"] if state != "/Off")
            annotation[NameObject("/AS")] = annotation[NameObject("/V")] = NameObject(on)
    writer.write(target)


def dark_share_in_each_box(pdf: Path, tmp_path: Path) -> list[float]:
    """Page 1 drawn by Poppler at 72 dpi (one pixel a point), in grey: the share of dark pixels inside
    each check box, its border left out."""
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-f", "1", "-l", "1", str(pdf), str(prefix)], check=True, timeout=120)
    (image,) = tmp_path.glob(f"{pdf.stem}*.pgm")
    magic, size, _, pixels = image.read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    width, _ = map(int, size.split())
    page = PdfReader(pdf).pages[0]
    top = float(page.mediabox.height)
    shares = []
    for annotation in page["/Annots"]:
        annotation = annotation.get_object()
        if annotation.get("/FT") != "/Btn":
            continue
        left, bottom, right, upper = (float(v) for v in annotation["/Rect"])
        inside = [
            pixels[int(top - y) * width + x]
            for y in range(int(min(bottom, upper)) + 2, int(max(bottom, upper)) - 1)
            for x in range(int(min(left, right)) + 2, int(max(left, right)) - 1)
        ]
        shares.append(sum(value < 128 for value in inside) / len(inside))
    return shares


@pytest.mark.parametrize(("lang", "name"), [("fr", "ordre-du-jour-rencontre-de-suivi.pdf"), ("en", "first-week-welcome-and-onboarding.pdf")])
def test_a_ticked_box_shows_its_tick_and_an_unticked_one_stays_empty(built_site, tmp_path, lang, name):
    source = downloads(built_site, lang, name)
    ticked = tmp_path / f"ticked-{name}"
    ticked_as_a_viewer_does(source, ticked)
    empty, filled = dark_share_in_each_box(source, tmp_path), dark_share_in_each_box(ticked, tmp_path)
    assert len(empty) == len(filled) >= 3
    assert max(empty) < 0.01, ("an unticked box shows something", empty)
    assert min(filled) > 0.03, ("a ticked box shows no tick", filled)


@pytest.mark.parametrize(
    ("lang", "name", "field", "spoken"),
    [
        ("fr", "ordre-du-jour-rencontre-de-suivi.pdf", "next-check-in", "Prochaine rencontre de suivi"),
        ("fr", "conversation-sur-les-attentes.pdf", "next-check-in", "Prochaine rencontre de suivi"),
        ("fr", "plan-d-apprentissage.pdf", "coordinator", "Coordonnateur ou coordonnatrice de stage"),
        ("en", "regular-check-in-agenda.pdf", "next-check-in", "Next check-in"),
        ("en", "learning-plan.pdf", "coordinator", "Placement coordinator"),
    ],
)
def test_a_field_is_named_as_its_label_reads_with_its_spaces(built_site, lang, name, field, spoken):
    fields = PdfReader(downloads(built_site, lang, name)).get_fields()
    assert fields[field]["/TU"] == spoken


def test_every_check_box_tells_a_viewer_how_to_draw_it(built_site):
    """What a viewer needs to redraw a check box (PDF 1.7, 12.7.3.3 and 12.5.6.19): a caption to
    draw, a default appearance naming a font of the form's resources, and an "off" appearance."""
    files = [path for lang in DOWNLOADS for path in sorted((built_site / DOWNLOADS[lang]).glob("*.pdf"))]
    assert len(files) >= 22
    boxes = 0
    for path in files:
        reader = PdfReader(path)
        form_fonts = reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/FT") != "/Btn":
                    continue
                boxes += 1
                assert annotation["/MK"].get("/CA"), path.name
                font, size, operator = str(annotation["/DA"]).split()[:3]
                assert operator == "Tf" and font in form_fonts, (path.name, annotation["/DA"])
                assert form_fonts[font].get_object()["/BaseFont"] == "/ZapfDingbats", path.name
                assert {"/Off", "/on"} <= set(annotation["/AP"]["/N"]), path.name
    assert boxes > 100


# A realistic entry of the incident log (about 180 characters), ending in a word we look for.
LOG_ENTRY = (
    "No-show Monday; called at 9:15 and texted at 9:30, no answer. Called the placement coordinator "
    "(J. Tremblay) at 11:00; she will try the emergency contact and call back by 3 p.m."
)


def test_text_typed_in_a_small_multiline_box_is_drawn_whole(built_site, tmp_path):
    """An incident log's row is sized for handwriting: typed text shrinks to fit (a font size of 0)
    instead of printing two lines and cutting the rest at the box's lower edge."""
    source = downloads(built_site, "en", "when-things-go-wrong-the-steps.pdf")
    writer = PdfWriter(clone_from=PdfReader(source))
    found = None
    for number, page in enumerate(writer.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/T") == "log-event-1":
                annotation[NameObject("/V")] = TextStringObject(LOG_ENTRY)
                annotation.pop("/AP", None)  # drawn by the viewer from what was typed, as after typing
                found = number, [float(v) for v in annotation["/Rect"]]
    assert found, "the incident log's first row"
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    number, (left, bottom, right, upper) = found
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "144", "-gray", "-f", str(number), "-l", str(number), str(filled), str(prefix)], check=True, timeout=120)
    (image,) = tmp_path.glob("page*.pgm")
    _, size, _, pixels = image.read_bytes().split(b"\n", 3)
    width, _ = map(int, size.split())
    top, scale = float(PdfReader(filled).pages[number - 1].mediabox.height), 2
    rows = [
        sum(pixels[y * width + x] < 128 for x in range(int(left * scale) + 2, int(right * scale) - 2))
        for y in range(int((top - max(bottom, upper)) * scale) + 2, int((top - min(bottom, upper)) * scale) - 1)
    ]
    assert sum(rows) > 500, "the typed text is drawn"
    assert rows[-3:] == [0, 0, 0], f"the text runs into the box's lower edge: {rows[-8:]}"


def test_every_multiline_text_field_lets_its_text_shrink_to_fit(built_site):
    """PDF 1.7, 12.7.3.3: a font size of 0 in a field's default appearance means "fit the box"."""
    multiline = 0
    for lang in DOWNLOADS:
        for path in sorted((built_site / DOWNLOADS[lang]).glob("*.pdf")):
            for page in PdfReader(path).pages:
                for annotation in page.get("/Annots") or []:
                    annotation = annotation.get_object()
                    if annotation.get("/FT") == "/Tx" and int(annotation.get("/Ff", 0)) & 4096:
                        multiline += 1
                        operands = str(annotation["/DA"]).split()
                        assert operands[operands.index("Tf") - 1] == "0", (path.name, annotation["/T"], annotation["/DA"])
    assert multiline > 50


NAME = "Zoë Côté-Nguyễn Ơn"  # French and Vietnamese letters a student's name may carry


@pytest.mark.parametrize("lang, name", [("en", "mentoring-agreement.pdf"), ("fr", "avant-la-premiere-journee.pdf")])
def test_a_name_with_vietnamese_letters_is_drawn_whole(built_site, tmp_path, lang, name):
    """The form fields' font has the letters typed in them (Liberation Sans 1 has no Vietnamese
    ones: "Nguyễn" printed as "Nguyn"). Read with fontTools from the font the PDF embeds for its
    fields, and drawn by Poppler, which says when a character has no glyph."""
    import io

    from fontTools.ttLib import TTFont

    reader = PdfReader(downloads(built_site, lang, name))
    form_fonts = reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
    fields = [a.get_object() for page in reader.pages for a in page.get("/Annots") or [] if a.get_object().get("/FT") == "/Tx"]
    assert fields
    for field in fields:
        operands = str(field["/DA"]).split()
        font = form_fonts[operands[operands.index("Tf") - 2]].get_object()
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        missing = [letter for letter in NAME if letter != " " and ord(letter) not in embedded.getBestCmap()]
        assert not missing, f"{name}: field {field['/T']} has no glyph for {missing}"

    writer = PdfWriter(clone_from=reader)
    for annotation in writer.pages[0].get("/Annots") or []:
        annotation = annotation.get_object()
        if annotation.get("/FT") == "/Tx":
            annotation[NameObject("/V")] = TextStringObject(NAME)
            annotation.pop("/AP", None)
    writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
    filled = tmp_path / "filled.pdf"
    writer.write(filled)
    drawn = subprocess.run(["pdftoppm", "-r", "36", "-f", "1", "-l", "1", str(filled), str(tmp_path / "page")], capture_output=True, text=True, timeout=120)
    assert drawn.returncode == 0 and "find a font" not in drawn.stderr, drawn.stderr
