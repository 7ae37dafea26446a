"""Fill-in templates in Chromium: typed answers survive a reload, clear empties them, the example
picker inserts an example the reader can edit, typed text never becomes HTML, the print view
shows the form only, axe finds nothing (filled and empty, both palettes), the keyboard reaches
everything, and without JavaScript the blank template still reads as a document.

Expected texts are the words readers see, written here, not read from the code."""

from __future__ import annotations

import io
import json

import pypdf
import pytest

from locators import every, one
from page_waits import announced
from test_accessibility import axe_violations

pytestmark = pytest.mark.browser

PLAN = "toolkit/learning-plan/"
AGREEMENT = "toolkit/mentoring-agreement/"
HOSTILE = '<img src=x onerror="window.__pwned = 1">'
FR_KEY = "wilguide:template:fr:learning-plan"


def field(page, name):
    return page.locator(f'.wg-field__input[data-field="{name}"]')


def test_answers_are_kept_after_a_reload_and_clear_empties_them(page, site_server):
    page.goto(site_server + PLAN)
    assert page.get_by_text("Ce que vous écrivez ici reste dans ce navigateur, sur cet appareil seulement").is_visible()
    page.get_by_label("Stagiaire", exact=True).fill("Alex Tremblay")
    page.get_by_label("Objectif 2 — Activités pour y arriver").fill("Revue de code\nDeux tickets")
    stored = json.loads(page.evaluate(f"localStorage.getItem('{FR_KEY}')"))
    assert stored == {"header-student": "Alex Tremblay", "activities-2": "Revue de code\nDeux tickets"}

    page.reload()
    assert page.get_by_label("Stagiaire", exact=True).input_value() == "Alex Tremblay"
    assert page.get_by_label("Objectif 2 — Activités pour y arriver").input_value() == "Revue de code\nDeux tickets"
    assert announced(page.locator(".wg-template-toolbar__status")) == "Les réponses de votre dernière visite ont été récupérées."

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Tout effacer").click()
    assert page.get_by_label("Stagiaire", exact=True).input_value() == ""
    assert page.get_by_label("Objectif 2 — Activités pour y arriver").input_value() == ""
    assert page.evaluate(f"localStorage.getItem('{FR_KEY}')") is None
    page.reload()
    assert page.get_by_label("Stagiaire", exact=True).input_value() == ""


def test_two_tabs_of_one_template_keep_each_others_text(page, site_server):
    """Each keystroke saves the whole template: a second tab, with its older copy, wrote over the first."""
    page.goto(site_server + PLAN)
    other = page.context.new_page()  # same browser, same storage: a second tab
    try:
        other.goto(site_server + PLAN)
        page.get_by_label("Stagiaire", exact=True).fill("Alex Tremblay")
        other.wait_for_function("document.querySelector('[data-field=\"header-student\"]').value === 'Alex Tremblay'")
        other.get_by_label("Objectif 1 — Activités pour y arriver").fill("Revue de code")
        # Read in the tab that saved: another tab's page sees a write a moment later (Chromium
        # hands storage between its processes), which made this check fail on a busy machine.
        stored = json.loads(other.evaluate(f"localStorage.getItem('{FR_KEY}')"))
        assert stored == {"header-student": "Alex Tremblay", "activities-1": "Revue de code"}
        page.wait_for_function("document.querySelector('[data-field=\"activities-1\"]').value === 'Revue de code'")
        page.wait_for_function(f"JSON.parse(localStorage.getItem('{FR_KEY}'))['activities-1'] === 'Revue de code'")
    finally:
        other.close()


def test_the_agreements_boxes_can_be_ticked_and_are_kept_until_cleared(page, site_server):
    page.goto(site_server + "en/" + AGREEMENT)
    limits = page.get_by_label("We understand the limits", exact=False)
    either = page.get_by_label("Either of us may ask to revisit this agreement", exact=False)
    assert limits.count() == either.count() == 1
    assert limits.is_enabled() and not limits.is_checked()
    limits.focus()
    page.keyboard.press("Space")  # the keyboard ticks it, as it does any check box
    assert limits.is_checked()
    stored = json.loads(page.evaluate("localStorage.getItem('wilguide:template:en:mentoring-agreement')"))
    assert stored == {"box:confidentiality-limits": "yes"}

    page.reload()
    assert limits.is_checked() and not either.is_checked()
    assert announced(page.locator(".wg-template-toolbar__status")) == "Your answers from your last visit have been restored."
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything").click()
    assert not limits.is_checked()
    page.reload()
    assert not limits.is_checked()


def test_clear_asks_first_and_keeps_everything_when_refused(page, site_server):
    page.goto(site_server + "en/" + AGREEMENT)
    page.get_by_label("What stays between us").fill("Career plans")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Clear everything").click()
    assert page.get_by_label("What stays between us").input_value() == "Career plans"


def test_the_picker_inserts_an_example_into_the_chosen_goal_row(page, site_server):
    page.goto(site_server + "en/" + PLAN)
    page.get_by_label("Field of work", exact=True).select_option(label="Health")
    example = "Attend the weekly interprofessional team meeting, and present a case summary at one meeting before the placement ends."
    page.get_by_label("Example goal").select_option(label=example)
    page.get_by_label("Insert into").select_option(label="Goal 3")
    page.get_by_role("button", name="Insert the example").click()

    goal = page.get_by_label("Goal 3 — Goal: what the student will be able to do")
    assert goal.input_value() == example
    assert goal.evaluate("el => el === document.activeElement")  # ready to edit
    assert announced(page.locator(".wg-example-picker__status")) == "Example inserted into Goal 3. Edit it to fit your placement."
    goal.press("End")
    goal.type(" By week 10.")
    page.reload()
    assert page.get_by_label("Goal 3 — Goal: what the student will be able to do").input_value() == example + " By week 10."

    # A row that already holds text keeps it: the example goes after it.
    page.get_by_label("Goal 1 — Goal: what the student will be able to do").fill("My own goal")
    page.get_by_label("Insert into").select_option(label="Goal 1")
    page.get_by_role("button", name="Insert the example").click()
    assert page.get_by_label("Goal 1 — Goal: what the student will be able to do").input_value().startswith("My own goal\n")
    assert page.get_by_label("Insert into").input_value() == "2"  # the first empty goal is next

    # Once everything is cleared, the next example goes into Goal 1 again.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear everything").click()
    assert page.get_by_label("Insert into").input_value() == "1"


def test_typed_text_never_becomes_html(page, site_server):
    page.goto(site_server + PLAN)
    page.get_by_label("Objectif 1 — Objectif : ce que votre stagiaire saura faire").fill(HOSTILE)
    page.get_by_label("Stagiaire", exact=True).fill(HOSTILE)
    # A stored value that someone tampered with is also only ever a value.
    page.evaluate(f"localStorage.setItem('{FR_KEY}', JSON.stringify({{'goal-2': {json.dumps(HOSTILE)}, 'goal-3': {{'x': 1}}}}))")
    page.reload()
    page.get_by_role("button", name="Insérer l'exemple").click()
    assert page.get_by_label("Objectif 2 — Objectif : ce que votre stagiaire saura faire").input_value() == HOSTILE
    assert page.locator(".md-content img[src='x']").count() == 0
    assert page.evaluate("window.__pwned") is None
    status = announced(page.locator(".wg-example-picker__status"))
    assert status.startswith("Exemple") and "<" not in status


def test_the_print_view_shows_the_form_and_what_was_typed_only(page, site_server):
    page.goto(site_server + "en/" + PLAN)
    page.get_by_label("Goal 1 — Evidence of progress").fill("Three merged fixes")
    page.emulate_media(media="print")
    assert page.get_by_label("Goal 1 — Evidence of progress").is_visible()
    assert page.get_by_label("Goal 1 — Evidence of progress").input_value() == "Three merged fixes"
    for hidden in (".wg-template-toolbar", ".wg-example-picker", ".wg-checklist-downloads", ".wg-example-library", "#example-goals", "#writing-goals"):
        assert not any(element.is_visible() for element in every(page.locator(hidden))), hidden
    assert page.locator("#initials").is_visible()
    # The printed form fits on one or two Letter pages.
    pdf = page.pdf(format="Letter")
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page\r") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>") in (1, 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [PLAN, "en/" + PLAN, AGREEMENT, "en/" + AGREEMENT])
def test_templates_pass_axe_empty_and_filled(browser_pool, site_server, path, scheme):
    with browser_pool.page(color_scheme=scheme) as page:
        page.goto(site_server + path)
        # Material's palettes: "default" is the light one, "slate" the dark one.
        assert page.locator("body").get_attribute("data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
        problems = axe_violations(page)
        boxes = page.locator(".wg-field__input").all()[:6]
        for index, box in enumerate(boxes):
            box.fill(f"Texte {index}")
        assert [box.input_value() for box in boxes] == [f"Texte {index}" for index in range(6)], "six fields filled"
        if page.locator(".wg-example-picker__insert").count():
            page.locator(".wg-example-picker__insert").click()
        problems += axe_violations(page)
    assert problems == []


def test_keyboard_reaches_the_fields_and_the_picker(page, site_server):
    page.goto(site_server + "en/" + PLAN)
    page.get_by_role("button", name="Print").focus()
    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('aria-label') || document.activeElement.id || document.activeElement.textContent"))
    assert "Clear everything" in reached
    assert "wg-picker-field" in reached and "wg-picker-example" in reached
    # The picker works from the keyboard alone.
    page.locator("#wg-picker-field").focus()
    page.keyboard.press("ArrowDown")  # second field: Engineering
    page.locator(".wg-example-picker__insert").focus()
    page.keyboard.press("Enter")
    first = page.get_by_label("Goal 1 — Goal: what the student will be able to do").input_value()
    assert first.startswith("Produce drawings of a small part")


def test_without_javascript_the_blank_template_reads_as_a_document(browser_pool, site_server):
    with browser_pool.page(java_script_enabled=False) as page:
        page.goto(site_server + "en/" + PLAN)
        assert page.get_by_role("heading", level=1, name="Learning plan").count() == 1
        assert not one(page.locator(".wg-template-toolbar")).is_visible()
        assert not one(page.locator(".wg-example-picker")).is_visible()
        note = one(page.locator(".wg-template-noscript"))  # what is typed here is not kept: said before it is lost
        assert note.is_visible()
        assert note.inner_text().startswith("Without JavaScript, this page does not keep what you type")
        page.emulate_media(media="print")
        assert note.is_hidden()  # a printed page is not a browser without JavaScript
        page.emulate_media(media="screen")
        headers = page.locator(".wg-field-table").first.locator("thead th").all_text_contents()
        assert headers == ["Goal: what the student will be able to do", "Activities to get there", "Support and resources", "Evidence of progress", "Target date"]
        assert page.locator(".wg-field-table").first.get_by_role("rowheader", name="Goal 5").count() == 1
        assert page.get_by_label("Student", exact=True).is_visible()
        # The example goals are listed, by field.
        page.get_by_text("Software and IT", exact=True).click()
        assert page.get_by_text("Fix three reported bugs in the team's code").is_visible()


@pytest.mark.parametrize("path", [AGREEMENT, "en/" + AGREEMENT])
def test_on_paper_each_question_stays_on_the_page_of_its_answer(page, site_server, path):
    """A page ended with "Who else we can call…" and its box was overleaf. Each box gets an answer
    to find in the printed pages, on the same page as its question."""
    page.goto(site_server + path)
    questions = page.eval_on_selector_all(
        ".wg-fields:not(.wg-fields--header) .wg-field", """(fields) => fields.map((field, i) => {
            field.querySelector('.wg-field__input').value = `Answer ${i + 1}.`;
            return field.querySelector('label').textContent.trim();
        })""")
    assert len(questions) >= 10
    page.emulate_media(media="print")
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter"))).pages]
    assert len(pages) >= 2  # the question is where a page breaks

    def page_of(text):
        found = [n for n, words in enumerate(pages) if text in words]
        assert len(found) == 1, (text, found)
        return found[0]

    for i, question in enumerate(questions, start=1):
        assert page_of(" ".join(question.split())) == page_of(f"Answer {i}."), question
