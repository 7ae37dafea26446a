"""Interactive checklists in Chromium: ticks survive a reload, progress is announced, reset clears,
each language keeps its own ticks, the keyboard works, and without JavaScript the list still reads."""

from __future__ import annotations

import json
import re

import pytest

from locators import one

pytestmark = pytest.mark.browser

AGENDA = "toolkit/check-in-agenda/"
PROGRESS = ".wg-checklist-toolbar__progress"


def boxes(page):
    return page.locator(".wg-checklist__box")


def ticked_keys(page) -> list[str]:
    return page.eval_on_selector_all(".wg-checklist__box:checked", "els => els.map(e => e.dataset.key)")


def test_ticks_are_remembered_after_a_reload_and_reset_clears_them(page, site_server):
    page.goto(site_server + AGENDA)
    total = boxes(page).count()
    assert total >= 10
    progress = page.locator(PROGRESS)
    assert progress.get_attribute("aria-live") == "polite"
    assert progress.text_content() == f"0 case cochée sur {total}"
    assert page.locator(".wg-checklist-toolbar").is_visible()
    assert page.get_by_role("button", name="Tout décocher").is_disabled()

    # Clicking the label ticks its box (labels are tied to boxes).
    page.get_by_text("Commencer par les réussites").click()
    page.get_by_label("Confirmer la date de la prochaine rencontre.").check()
    assert progress.text_content() == f"2 cases cochées sur {total}"
    assert ticked_keys(page) == ["wins", "confirm-next"]
    stored = page.evaluate("localStorage.getItem('wilguide:checklist:fr:check-in-agenda')")
    assert sorted(json.loads(stored)) == ["confirm-next", "wins"]  # a JSON list of keys

    page.reload()
    assert ticked_keys(page) == ["wins", "confirm-next"]
    assert page.locator(PROGRESS).text_content() == f"2 cases cochées sur {total}"

    page.get_by_role("button", name="Tout décocher").click()
    assert ticked_keys(page) == []
    assert page.locator(PROGRESS).text_content() == f"0 case cochée sur {total}"
    assert page.evaluate("localStorage.getItem('wilguide:checklist:fr:check-in-agenda')") is None
    page.reload()
    assert ticked_keys(page) == []


def test_two_tabs_of_one_checklist_keep_each_others_ticks(page, site_server):
    page.goto(site_server + AGENDA)
    other = page.context.new_page()  # same browser, same storage: a second tab
    try:
        other.goto(site_server + AGENDA)
        boxes(page).nth(0).check()
        other.wait_for_function("document.querySelectorAll('.wg-checklist__box:checked').length === 1")
        boxes(other).nth(1).check()  # before, this tab saved its own view: the first tick was lost
        page.wait_for_function("document.querySelectorAll('.wg-checklist__box:checked').length === 2")
        assert ticked_keys(page) == ticked_keys(other)
        page.reload()
        assert len(ticked_keys(page)) == 2
        assert re.fullmatch(r"2 cases cochées sur \d+", page.locator(PROGRESS).text_content())
    finally:
        other.close()


def test_each_language_and_checklist_keeps_its_own_ticks(page, site_server):
    page.goto(site_server + AGENDA)
    page.get_by_text("Commencer par les réussites").click()

    page.goto(site_server + "en/" + AGENDA)
    total = boxes(page).count()
    assert ticked_keys(page) == []
    assert page.locator(PROGRESS).text_content() == f"0 of {total} ticked"
    page.get_by_label("Start with wins since the last check-in, small ones included.").check()
    assert page.locator(PROGRESS).text_content() == f"1 of {total} ticked"

    page.goto(site_server + "toolkit/mid-placement-review/")
    assert ticked_keys(page) == []
    page.goto(site_server + AGENDA)
    assert ticked_keys(page) == ["wins"]


def test_keyboard_ticks_a_box_with_a_visible_focus_ring(page, site_server):
    page.goto(site_server + "en/" + AGENDA)
    first = boxes(page).first
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    outline = first.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline == "solid 3px"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.key") == boxes(page).nth(1).get_attribute("data-key")

    # Reset moves focus to its Undo button, since the reset button becomes disabled.
    page.get_by_role("button", name="Clear all ticks").click()
    assert page.evaluate("document.activeElement.textContent") == "Undo"


def test_stored_garbage_or_unknown_keys_are_ignored(page, site_server):
    page.goto(site_server + "en/" + AGENDA)
    page.evaluate("localStorage.setItem('wilguide:checklist:en:check-in-agenda', '{not json')")
    page.reload()
    assert ticked_keys(page) == []
    page.evaluate("""localStorage.setItem('wilguide:checklist:en:check-in-agenda', '["wins", "gone", 3, "<b>x</b>"]')""")
    page.reload()
    assert ticked_keys(page) == ["wins"]
    assert re.fullmatch(r"1 of \d+ ticked", page.locator(PROGRESS).text_content())


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_without_javascript_the_checklist_is_a_readable_list(page, site_server):
    page.goto(site_server + AGENDA)
    assert not one(page.locator(".wg-checklist-toolbar")).is_visible()
    assert boxes(page).count() >= 10
    assert boxes(page).first.is_disabled()
    note = one(page.locator(".wg-checklist-noscript"))  # Playwright's text search skips <noscript>
    assert note.is_visible(), "the disabled boxes are explained"
    assert note.inner_text().startswith("Sans JavaScript, les cases ne se cochent pas sur cette page")
    assert page.get_by_text("Commencer par les réussites").is_visible()
    assert page.locator(".wg-download").first.is_visible()


def test_print_shows_the_list_and_fill_in_lines_but_not_the_buttons(page, site_server):
    page.goto(site_server + AGENDA)
    page.emulate_media(media="print")
    assert not one(page.locator(".wg-checklist-toolbar")).is_visible()
    downloads = page.locator(".wg-download")
    assert downloads.count() == 2
    assert not downloads.nth(0).is_visible() and not downloads.nth(1).is_visible()
    assert one(page.locator(".wg-checklist-print-fields")).is_visible()
    assert boxes(page).first.is_visible()


def test_when_things_go_wrong_ticks_by_label_and_keeps_them_per_language(page, site_server):
    page.goto(site_server + "toolkit/when-things-go-wrong/")
    assert page.locator(PROGRESS).text_content() == "0 case cochée sur 52"
    page.get_by_label("Noter deux ou trois faits, avec leur date, avant d'en parler.").check()
    page.get_by_text("En envoyer une copie à la coordination de stage.").click()
    assert ticked_keys(page) == ["facts-ready", "plan-copy"]
    assert page.locator(PROGRESS).text_content() == "2 cases cochées sur 52"
    page.reload()
    assert ticked_keys(page) == ["facts-ready", "plan-copy"]

    page.goto(site_server + "en/toolkit/when-things-go-wrong/")
    assert ticked_keys(page) == []
    page.get_by_label("Debrief with your manager, HR, the placement coordinator or another mentor.").check()
    assert page.locator(PROGRESS).text_content() == "1 of 52 ticked"
