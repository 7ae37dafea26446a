"""The form fields of a checklist PDF, made to work in every viewer once WeasyPrint has written them.

WeasyPrint 70 draws a check box's tick but gives the box no caption, no font and no "off"
appearance, and it asks viewers to redraw every field (NeedAppearances). Viewers that do redraw
(Poppler's: Evince, Okular) then draw a ticked box empty. It also takes a field's spoken name
(TU) from its label as laid out, which loses the space where a label wraps ("Prochaine rencontre
desuivi"). This module gives each check box what a viewer needs to draw its tick (the check mark of
the standard ZapfDingbats font, as AcroForm check boxes usually do) and each field the name its
label or title says in the HTML, with its spaces, and lets typed text in a multi-line field shrink
to fit its box.
"""

from __future__ import annotations

import re

import lxml.html
import pydyf

MULTILINE = 1 << 12  # a text field's flag (PDF 1.7, table 228)
CHECK_MARK = "4"  # the check mark in ZapfDingbats, one of the 14 fonts every PDF viewer has
CHECK_FONT = "ZaDb"


def spoken_names(html: str) -> dict[str, str]:
    """Each field's name, mapped to what a screen reader should say: its aria-label (a name more
    precise than the words printed beside it), else its label, else its title."""
    root = lxml.html.document_fromstring(html)
    labels = {label.get("for"): label.text_content() for label in root.iter("label") if label.get("for")}
    names = {}
    for element in root.iter("input", "textarea", "select"):
        text = element.get("aria-label") or labels.get(element.get("id")) or element.get("title") or ""
        if element.get("name") and text.strip():
            names[element.get("name")] = re.sub(r"[ \t\r\n]+", " ", text).strip()  # a no-break space stays
    return names


def finisher(names: dict[str, str]):
    """A WeasyPrint finisher (called with the document and the PDF before it is written)."""

    def finish(document, pdf: pydyf.PDF) -> None:
        form = pdf.catalog.get("AcroForm")
        if form is None:
            return
        font = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": "/ZapfDingbats"})
        pdf.add_object(font)
        _add_to_form_resources(pdf, form, font)
        for field in list(pdf.objects):
            if not isinstance(field, pydyf.Dictionary) or field.get("Subtype") != "/Widget":
                continue
            name = _text(field.get("T"))
            if name in names:
                field["TU"] = pydyf.String(names[name])
            if field.get("FT") == "/Btn":
                _give_check_box_a_caption(pdf, field)
            elif field.get("FT") == "/Tx" and int(field.get("Ff", 0)) & MULTILINE:
                _let_text_shrink_to_fit(field)

    return finish


def _text(value) -> str | None:
    return value.string if isinstance(value, pydyf.String) else None


def _add_to_form_resources(pdf: pydyf.PDF, form: pydyf.Dictionary, font: pydyf.Dictionary) -> None:
    """The form's own resources: those WeasyPrint shares with the pages (the fonts and graphics
    states its text fields name), plus ZapfDingbats, without adding it to the pages' own."""
    shared = _resolve(pdf, form.get("DR")) or {}
    resources = pydyf.Dictionary(dict(shared))
    resources["Font"] = pydyf.Dictionary(dict(_resolve(pdf, shared.get("Font")) or {}))
    resources["Font"][CHECK_FONT] = font.reference
    form["DR"] = resources


def _give_check_box_a_caption(pdf: pydyf.PDF, field: pydyf.Dictionary) -> None:
    colour = field.get("MK", {}).get("BC") or pydyf.Array((0, 0, 0))
    field["MK"] = pydyf.Dictionary({"BC": colour, "CA": pydyf.String(CHECK_MARK)})
    field["DA"] = pydyf.String(f"/{CHECK_FONT} 0 Tf {' '.join(str(c) for c in colour)} rg")
    rect = [float(value) for value in field["Rect"]]
    off = pydyf.Stream(
        extra={"Type": "/XObject", "Subtype": "/Form", "BBox": pydyf.Array((0, 0, abs(rect[2] - rect[0]), abs(rect[1] - rect[3])))}
    )
    pdf.add_object(off)  # an empty box: the border is drawn in the page itself
    field["AP"]["N"]["Off"] = off.reference


def _let_text_shrink_to_fit(field: pydyf.Dictionary) -> None:
    """Font size 0: the viewer sets the text small enough to fit its box (PDF 1.7, 12.7.3.3).
    A box sized for handwriting (an incident log's row) otherwise printed two lines of a typed
    entry and cut the rest."""
    appearance = field.get("DA")
    text = appearance.string if isinstance(appearance, pydyf.String) else appearance or b""
    text = text.decode("latin-1") if isinstance(text, bytes) else text  # WeasyPrint writes bytes
    field["DA"] = pydyf.String(re.sub(r"(/\S+) [\d.]+ Tf", r"\1 0 Tf", text))


def _resolve(pdf: pydyf.PDF, value):
    """A dictionary, given itself or pydyf's reference to it (b"12 0 R")."""
    if isinstance(value, bytes) and value.endswith(b" R"):
        return pdf.objects[int(value.split()[0])]
    return value
