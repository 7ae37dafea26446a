"""Checklist pages in Chromium: "Clear all ticks" can be undone (exactly, also after a reload), a
Print button prints a page that carries the PDF's name lines and notes areas without the
toolbar, no heading ends a printed page, and the toolbar says the PDF starts blank."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from conftest import CHECKLIST_SLUGS
from locators import every, one
from pdf_pages import drawn_text

pytestmark = pytest.mark.browser

PREFIX = {"fr": "", "en": "en/"}
AGENDA = "toolkit/check-in-agenda/"
PROGRESS = ".wg-checklist-toolbar__progress"
WORDS = {
    "fr": {"reset": "Tout décocher", "undo": "Annuler", "print": "Imprimer la liste",
           "removed": "Toutes les coches ont été retirées.", "restored": "Vos coches sont rétablies."},
    "en": {"reset": "Clear all ticks", "undo": "Undo", "print": "Print the checklist",
           "removed": "All ticks were removed.", "restored": "Your ticks are back."},
}


def ticked_keys(page) -> list[str]:
    return page.eval_on_selector_all(".wg-checklist__box:checked", "els => els.map(e => e.dataset.key)")


def stored(page, lang: str, slug: str = "check-in-agenda"):
    return page.evaluate(f"localStorage.getItem('wilguide:checklist:{lang}:{slug}')")


@pytest.mark.parametrize("lang", list(PREFIX))
def test_uncheck_all_can_be_undone_exactly_and_the_undo_survives_a_reload(page, site_server, lang):
    words = WORDS[lang]
    page.goto(site_server + PREFIX[lang] + AGENDA)
    # Stored as a reader left it: out of page order, with a key this page no longer has.
    saved = '["confirm-next", "gone-item", "wins", "blockers"]'
    page.evaluate(f"localStorage.setItem('wilguide:checklist:{lang}:check-in-agenda', {json.dumps(saved)})")
    page.reload()
    before = ticked_keys(page)
    assert sorted(before) == ["blockers", "confirm-next", "wins"]
    progress_before = page.locator(PROGRESS).text_content()

    page.get_by_role("button", name=words["reset"]).click()
    assert ticked_keys(page) == []
    assert stored(page, lang) is None
    message = page.locator(".wg-checklist-toolbar__message")
    assert message.get_attribute("aria-live") == "polite"
    assert message.text_content() == words["removed"]
    undo = page.get_by_role("button", name=words["undo"])
    assert undo.is_visible()
    assert page.evaluate("document.activeElement.textContent") == words["undo"], "focus moves to Undo"

    page.keyboard.press("Enter")  # the keyboard is enough
    assert ticked_keys(page) == before
    assert stored(page, lang) == saved, "the stored entry comes back exactly as it was"
    assert page.locator(PROGRESS).text_content() == progress_before
    assert message.text_content() == words["restored"]
    assert not undo.is_visible()
    assert page.evaluate("document.activeElement.textContent") == words["reset"]

    page.reload()
    assert ticked_keys(page) == before
    assert stored(page, lang) == saved


def test_a_new_tick_after_uncheck_all_ends_the_undo_offer(page, site_server):
    page.goto(site_server + "en/" + AGENDA)
    page.locator(".wg-checklist__box").nth(0).check()
    page.locator(".wg-checklist__box").nth(1).check()
    page.get_by_role("button", name="Clear all ticks").click()
    assert page.get_by_role("button", name="Undo").is_visible()
    page.locator(".wg-checklist__box").nth(2).check()
    assert not page.get_by_role("button", name="Undo").is_visible()
    assert page.locator(".wg-checklist-toolbar__message").text_content() == ""
    assert ticked_keys(page) == [page.locator(".wg-checklist__box").nth(2).get_attribute("data-key")]


@pytest.mark.parametrize("lang", list(PREFIX))
def test_uncheck_all_without_undo_stays_unchecked_after_a_reload(page, site_server, lang):
    page.goto(site_server + PREFIX[lang] + AGENDA)
    page.locator(".wg-checklist__box").first.check()
    page.get_by_role("button", name=WORDS[lang]["reset"]).click()
    page.reload()
    assert ticked_keys(page) == []
    assert not one(page.get_by_role("button", name=WORDS[lang]["undo"], exact=True, include_hidden=True)).is_visible()


@pytest.mark.parametrize("lang", list(PREFIX))
def test_print_button_prints_the_page(page, site_server, lang):
    page.goto(site_server + PREFIX[lang] + AGENDA)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name=WORDS[lang]["print"]).click()
    assert page.evaluate("window.printed") == 1


# Fill-in lines and notes of the PDF, as printed on it (see the Markdown front matter), and the
# number of notes areas: one at the end of "Before the first day"; one under each of the eleven
# competencies in the reflection ("My next step" has a field of its own, "chosen-skill", instead).
PRINTED = {
    ("fr", "before-first-day"): (["Stagiaire", "Personne qui supervise", "Mentor ou mentore", "Date"], "Notes", None, 1),
    ("en", "before-first-day"): (["Student", "Supervisor", "Mentor", "Date"], "Notes", None, 1),
    ("fr", "sel-reflection"): (["Nom", "Date"], None, "Un exemple récent ou une note", 11),
    ("en", "sel-reflection"): (["Name", "Date"], None, "A recent example or a note", 11),
}
BODY_FIELDS = {"chosen-skill"}  # fields in a section, not the lines under the title


def pdf_fields(site: Path, page_html: Path) -> tuple[list[str], list[str]]:
    """(line fields, notes areas) of the PDF the page's first download button links to."""
    document = lxml.html.parse(str(page_html)).getroot()
    href = document.xpath("//a[contains(@class, 'wg-download')]/@href")[0]
    fields = PdfReader(page_html.parent / href).get_fields()
    text = [name for name, field in fields.items() if field.get("/FT") == "/Tx"]
    return [n for n in text if not n.startswith("notes") and n not in BODY_FIELDS], [n for n in text if n.startswith("notes")]


@pytest.mark.parametrize(("lang", "slug"), list(PRINTED))
def test_printed_page_has_the_pdf_name_lines_and_notes_but_no_toolbar(page, site_server, built_site, lang, slug):
    lines, notes, section_notes, areas = PRINTED[(lang, slug)]
    page.goto(f"{site_server}{PREFIX[lang]}toolkit/{slug}/")
    assert page.locator(".wg-checklist-toolbar").is_visible()
    print_button = page.get_by_role("button", name=WORDS[lang]["print"])
    assert print_button.is_visible() and page.locator(".wg-download").first.is_visible()
    # On screen: no empty boxes.
    assert not any(notes.is_visible() for notes in every(page.locator(".wg-checklist-print-notes")))
    page.emulate_media(media="print")
    assert not page.locator(".wg-checklist-toolbar").is_visible()
    assert not print_button.is_visible()
    assert not any(link.is_visible() for link in every(page.locator(".wg-download")))

    fields = page.locator(".wg-checklist-print-fields__field")
    assert [text.strip() for text in fields.all_text_contents()] == lines
    assert all(field.is_visible() for field in fields.all())
    boxes = page.locator(".wg-checklist-print-notes")
    labels = [text.strip() for text in boxes.all_text_contents()]
    assert all(box.is_visible() for box in boxes.all())
    for box in boxes.all():  # an area to write in, below the label
        assert box.evaluate("b => parseFloat(getComputedStyle(b, '::after').height)") >= 40

    pdf_lines, pdf_notes = pdf_fields(built_site, built_site / PREFIX[lang] / "toolkit" / slug / "index.html")
    assert len(lines) == len(pdf_lines)
    assert len(pdf_notes) == areas, "the PDF's notes areas"
    assert len(labels) == areas, "as many notes areas as the PDF"
    if notes:
        assert labels[-1] == notes
    if section_notes:
        assert labels.count(section_notes) == areas


def checklist_pages(site: Path, lang: str) -> list[str]:
    folder = site / PREFIX[lang] / "toolkit"
    return sorted(
        path.parent.name
        for path in folder.glob("*/index.html")
        if "wg-checklist-toolbar" in path.read_text(encoding="utf-8")
    )


def lowest_text(pdf_page) -> str:
    """The last line printed on a page: the text nearest the foot (PDF y grows upwards)."""
    drawn = drawn_text(pdf_page)
    return min(drawn)[1] if drawn else ""


@pytest.mark.parametrize("lang", list(PREFIX))
def test_no_printed_page_ends_with_a_heading(page, site_server, built_site, lang):
    slugs = checklist_pages(built_site, lang)
    assert slugs == CHECKLIST_SLUGS
    orphans = []
    for slug in slugs:
        page.goto(f"{site_server}{PREFIX[lang]}toolkit/{slug}/")
        headings = page.eval_on_selector_all(
            "article :is(h2, h3, .admonition-title)", "els => els.map(e => e.firstChild.textContent.trim())"
        )
        pages = PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages
        for number, pdf_page in enumerate(pages[:-1], start=1):
            last = lowest_text(pdf_page)
            if any(heading.endswith(last) for heading in headings):
                orphans.append(f"{slug}, page {number}: {last!r}")
    assert not orphans, "a heading ends a printed page:\n" + "\n".join(orphans)


@pytest.mark.parametrize("lang", list(PREFIX))
def test_toolbar_says_the_pdf_starts_blank_and_is_how_to_share(built_site, lang):
    expected = {
        "fr": "Les fichiers PDF et Word, eux, ne reprennent pas vos coches\u00a0: pour transmettre cette liste ou en "
        "garder une copie remplie, téléchargez le PDF et remplissez-le.",
        "en": "The PDF and Word files don't include your ticks: to share this checklist or keep a filled-in copy, "
        "download the PDF and fill it in.",
    }[lang]
    slugs = checklist_pages(built_site, lang)
    assert slugs == CHECKLIST_SLUGS
    for slug in slugs:
        document = lxml.html.parse(str(built_site / PREFIX[lang] / "toolkit" / slug / "index.html")).getroot()
        note = document.xpath("//div[contains(@class, 'wg-checklist-toolbar')]//p[@class='wg-checklist-toolbar__note']")
        assert len(note) == 1 and expected in re.sub(r"[ \n]+", " ", note[0].text_content()), slug


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", list(PREFIX))
def test_toolbar_offering_undo_passes_axe(browser_pool, site_server, lang, scheme):
    from test_accessibility import axe_violations

    with browser_pool.page(color_scheme=scheme, viewport={"width": 375, "height": 800}) as page:
        page.goto(site_server + PREFIX[lang] + AGENDA)
        page.locator(".wg-checklist__box").first.check()
        page.get_by_role("button", name=WORDS[lang]["reset"]).click()
        assert page.get_by_role("button", name=WORDS[lang]["undo"]).is_visible()
        assert not axe_violations(page)


# What a checklist page says, on screen, where its fields are (the log of When things go wrong).
FILL_NOTE = {
    "fr": "Remplissez cette partie sur la page imprimée, ou dans le PDF ou la version Word de la liste.",
    "en": "Fill this in on the printed page, or in the PDF or Word version of the checklist.",
}


CHOSEN_SKILL = {"fr": "La compétence choisie et la personne à qui j'en ai parlé", "en": "The competency I chose, and who I told"}


@pytest.mark.parametrize("lang", list(PREFIX))
def test_a_checklists_fields_are_printed_not_typed_on_screen(page, site_server, lang):
    """A checklist keeps only its ticks in the browser: text typed into its log would be lost on a
    reload, so on screen a note says where to fill it in, and the printed page has the log, styled
    as in the PDF (a table of ruled cells, not a row of bare boxes wider than a phone)."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{site_server}{PREFIX[lang]}toolkit/when-things-go-wrong/")
    log, note = one(page.locator("table[aria-labelledby='log']")), one(page.locator(".wg-checklist-fill-note"))
    assert not log.is_visible() and note.is_visible() and note.inner_text().strip() == FILL_NOTE[lang]
    page.emulate_media(media="print")
    assert log.is_visible() and not note.is_visible()
    assert log.evaluate("table => getComputedStyle(table).borderCollapse") == "collapse"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # A box of the reflection: on screen its label stays, with the note under it.
    page.emulate_media(media="screen")
    page.goto(f"{site_server}{PREFIX[lang]}toolkit/sel-reflection/")
    note = one(page.locator(".wg-checklist-fill-note"))
    assert note.inner_text().split("\n") == [CHOSEN_SKILL[lang], FILL_NOTE[lang]]
    assert not one(page.locator(".wg-field__input[data-field='chosen-skill']")).is_visible()
