"""The check-in planner in Chromium: fill the form in each language, download the calendar and
read it with the icalendar library, restore a shared link, keep hostile text as text, and show
bad input next to its field."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import icalendar
import pypdf
import pytest

from locators import one
from page_layout import sideways_overflow
from page_waits import announced
from pdf_pages import drawn_text


pytestmark = pytest.mark.browser

TORONTO = {"timezone_id": "America/Toronto"}
FR = {"locale": "fr-CA", **TORONTO}
EN = {"locale": "en-CA", **TORONTO}
HOSTILE = "<img src=x onerror=alert(1)>"


def open_planner(page, site_server, lang="fr", fragment=""):
    prefix = "" if lang == "fr" else "en/"
    page.goto(f"{site_server}{prefix}toolkit/planner/{fragment}")
    page.wait_for_selector("#planner-form:not([hidden])")


def create(page, **fields):
    for name, value in fields.items():
        selector = f"#planner-{name}"
        if name in ("format", "preference"):
            page.check(f"#planner-{name}-{value}")
        elif name in ("cadence", "weekday", "duration"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click("#planner-form button[type=submit]")


def download_calendar(page) -> tuple[bytes, list]:
    with page.expect_download() as info:
        page.click("#planner-download")
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    raw = Path(download.path()).read_bytes()
    return raw, list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))


def local_start(event) -> dt.datetime:
    return event.decoded("DTSTART")


@pytest.mark.parametrize(
    "page, lang, date_text, title",
    [(FR, "fr", "mardi 8 septembre 2026", "Rencontre de suivi – Alex"), (EN, "en", "Tuesday, September 8, 2026", "Check-in – Alex")],
    indirect=["page"],
)
def test_fill_the_form_and_download_the_calendar(page, site_server, lang, date_text, title):
    open_planner(page, site_server, lang)
    create(page, start="2026-09-08", end="2026-12-18", student="Alex", mentor="Sam", weekday="2", time="10:00", duration="30")
    page.wait_for_selector("#planner-result:not([hidden])")
    meetings = page.locator(".planner-meeting")
    assert date_text in page.inner_text("#planner-timeline")
    # A meeting's date stays on one line on a phone ("mardi 8 septembre" / "2026" read badly).
    dates = page.locator(".planner-meeting strong").filter(has_text=date_text)
    assert dates.count() >= 1 and dates.first.inner_text() == date_text
    assert dates.first.evaluate("(date) => getComputedStyle(date).whiteSpace") == "nowrap"
    count = meetings.count()
    assert count >= 12
    assert page.locator(".planner-phase h4").count() == 9  # every phase of the placement, follow-up included
    names = [meetings.nth(index).locator(".planner-kind").inner_text() for index in range(count)]
    agendas = [meetings.nth(index).locator("ul:not(.planner-links) > li").all_inner_texts() for index in range(count)]
    check_ins = [agenda for name, agenda in zip(names, agendas) if name == title.split(" – ")[0]]
    for name, prompts in zip(names, agendas):
        # Five in turn at the daily touchpoints; a check-in, or a meeting held once, lists its whole agenda.
        assert 3 <= len(prompts) and (len(prompts) <= 5 or names.count(name) == 1 or prompts in check_ins), (name, prompts)
    # Every check-in lists the same agenda: the checklist's ten items.
    assert len(check_ins) >= 5 and all(len(agenda) == 10 and agenda == check_ins[0] for agenda in check_ins), check_ins

    raw, events = download_calendar(page)
    assert len(events) == count
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    starts = sorted(local_start(e) for e in events)
    assert starts[0].date() == dt.date(2026, 8, 25)  # preparation, two weeks before the start
    assert all((s.hour, s.minute) == (10, 0) for s in starts)
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries.count(title) >= 5
    assert len({str(e["UID"]) for e in events}) == count
    check_in = next(e for e in events if str(e["SUMMARY"]) == title)
    assert check_in.decoded("DURATION") == dt.timedelta(minutes=30)
    description = str(check_in["DESCRIPTION"])
    assert "/practices/check-in/#what-to-do" in description and "/toolkit/check-in-agenda/" in description

    # The same plan exported again keeps its UIDs, so calendar apps update instead of duplicating.
    _, again = download_calendar(page)
    assert {str(e["UID"]) for e in again} == {str(e["UID"]) for e in events}


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_times_stay_right_across_the_november_clock_change(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18", time="09:30", format="remote")
    page.wait_for_selector("#planner-result:not([hidden])")
    raw, events = download_calendar(page)
    assert b"BEGIN:VTIMEZONE" in raw and b"TZID:America/Toronto" in raw
    starts = [local_start(e) for e in events]
    before = [s for s in starts if s.date() < dt.date(2026, 11, 1)]
    after = [s for s in starts if s.date() > dt.date(2026, 11, 1)]
    assert before and after
    assert all((s.hour, s.minute) == (9, 30) for s in starts)
    assert {s.utcoffset() for s in before} == {dt.timedelta(hours=-4)}
    assert {s.utcoffset() for s in after} == {dt.timedelta(hours=-5)}
    assert {s.astimezone(dt.timezone.utc).hour for s in after} == {14}


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_hostile_text_is_shown_as_text(page, site_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_planner(page, site_server)
    create(page, start="2026-09-08", weeks="10", end="", student=HOSTILE, mentor="<b>Sam</b>",
           place='"><script>alert(2)</script>')
    page.wait_for_selector("#planner-result:not([hidden])")
    timeline = page.locator("#planner-timeline")
    assert HOSTILE in timeline.inner_text()
    assert "<script>alert(2)</script>" in timeline.inner_text()
    assert page.locator("#planner-timeline img, #planner-timeline script, #planner-timeline b").count() == 0
    assert page.locator("img[src=x]").count() == 0
    _, events = download_calendar(page)
    assert any(HOSTILE in str(e["SUMMARY"]) for e in events)
    page.wait_for_timeout(300)
    assert dialogs == []


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_shared_link_and_browser_memory_restore_the_plan(page, site_server, browser_pool):
    open_planner(page, site_server)
    page.uncheck("#planner-avoid")  # a box unchecked comes back unchecked, not as its default
    create(page, start="2026-09-08", end="2027-04-30", student="Léa", format="hybrid", cadence="biweekly", weekday="4", time="14:00")
    page.wait_for_selector("#planner-result:not([hidden])")
    timeline = page.inner_text("#planner-timeline")
    link = page.input_value("#planner-share")
    assert "#plan&" in link and "Léa" not in link.split("#")[0]

    with browser_pool.page(**FR) as shared:  # a second context while the test holds one: a new visitor
        shared.goto(link)
        shared.wait_for_selector("#planner-result:not([hidden])")
        assert shared.inner_text("#planner-timeline") == timeline
        assert shared.input_value("#planner-student") == "Léa"
        assert shared.is_checked("#planner-format-hybrid")
        assert shared.input_value("#planner-cadence") == "biweekly"
        assert not shared.is_checked("#planner-avoid")

    page.goto(f"{site_server}toolkit/planner/")  # same browser, no link: the last plan comes back
    page.wait_for_selector("#planner-result:not([hidden])")
    assert page.inner_text("#planner-timeline") == timeline
    assert "rétabli" in announced(page.locator("#planner-status"))
    assert not page.is_checked("#planner-avoid")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click("#planner-forget")  # one stray tap on a phone: asked first, and "Cancel" loses nothing
    assert asked == ["Effacer ce plan et vider le formulaire, sur cet appareil?"]
    assert one(page.locator("#planner-result")).is_visible()
    assert page.input_value("#planner-student") == "Léa"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#planner-forget")
    assert one(page.locator("#planner-result")).is_hidden()
    # The language links carried the plan: a forgotten plan does not come back through them.
    assert not [href for href in page.eval_on_selector_all("a[hreflang]", "all => all.map((a) => a.href)") if "#plan" in href]
    page.goto(f"{site_server}toolkit/planner/")
    page.wait_for_selector("#planner-form:not([hidden])")
    assert page.input_value("#planner-start") == ""


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_form_with_errors_can_be_forgotten_without_fixing_it(page, site_server):
    """What is typed is kept as typed, names included, before any schedule exists: the button that
    deletes it must be there too (a shared computer, a reader who gives up on the form)."""
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-09-10", student="Alex", mentor="Sam")
    one(page.locator("#planner-errors")).wait_for(state="visible")
    assert one(page.locator("#planner-result")).is_hidden()
    forget = one(page.locator("#planner-forget"))
    assert forget.is_visible() and forget.inner_text() == "Clear and forget this plan"
    page.once("dialog", lambda dialog: dialog.accept())
    forget.click()
    assert one(page.locator("#planner-errors")).is_hidden()
    assert page.input_value("#planner-student") == ""
    page.reload()
    page.wait_for_selector("#planner-form:not([hidden])")
    assert [page.input_value(f"#planner-{name}") for name in ("start", "end", "student", "mentor")] == ["", "", "", ""]


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_a_reload_keeps_what_was_typed_after_the_schedule_was_made(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="", weeks="14", time="13:30", student="Alex")
    page.wait_for_selector("#planner-result:not([hidden])")
    timeline = page.inner_text("#planner-timeline")
    page.fill("#planner-time", "14:00")
    page.fill("#planner-student", "Noor")
    stale = one(page.locator("#planner-stale"))
    stale.wait_for(state="visible")
    assert "Le formulaire a changé depuis la création" in announced(page.locator("#planner-status"))  # said, not only shown
    page.reload()  # the address still holds the schedule as made; the form holds the edits
    page.wait_for_selector("#planner-result:not([hidden])")
    assert page.input_value("#planner-time") == "14:00"
    assert page.input_value("#planner-student") == "Noor"
    assert page.inner_text("#planner-timeline") == timeline  # the schedule the download and link still hold
    assert stale.is_visible()
    page.click("#planner-update")
    assert stale.is_hidden()
    assert "14 h 00" in page.inner_text("#planner-timeline") and "Noor" in page.inner_text("#planner-timeline")


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_the_calendar_keeps_its_event_ids_when_the_plan_is_reloaded_or_reopened(page, site_server):
    # Calendars update an event whose UID they know: new UIDs would import every meeting twice.
    open_planner(page, site_server)
    create(page, start="2027-01-11", end="", weeks="16")
    page.wait_for_selector("#planner-result:not([hidden])")
    _, events = download_calendar(page)
    uids = sorted(str(event["UID"]) for event in events)
    assert len(set(uids)) == len(uids) > 10
    page.reload()  # the reader's own link, nothing changed: no "the form has changed" warning
    page.wait_for_selector("#planner-result:not([hidden])")
    assert one(page.locator("#planner-stale")).is_hidden()
    assert sorted(str(event["UID"]) for event in download_calendar(page)[1]) == uids
    page.goto(f"{site_server}toolkit/planner/")  # a later visit without the link
    page.wait_for_selector("#planner-result:not([hidden])")
    assert sorted(str(event["UID"]) for event in download_calendar(page)[1]) == uids


@pytest.mark.parametrize(
    "page, lang, fields, field, message",
    [
        (FR, "fr", {"start": "2026-09-08", "end": "2026-09-01"}, "end", "La date de fin doit venir après la date de début."),
        (FR, "fr", {"start": "2026-02-30", "end": "2026-06-01"}, "start", "Cette date n'existe pas. Vérifiez le jour et le mois."),
        (FR, "fr", {"start": "2026-09-08", "end": "2028-03-01"}, "end", "au plus 16\u00a0mois"),
        (EN, "en", {"start": "2026-09-08", "end": "", "weeks": "3", "cadence": "monthly"}, "cadence", "no check-in falls"),
        (EN, "en", {"start": "2026-09-08", "end": "2026-12-18", "midterm": "2027-01-15"}, "midterm", "within the placement"),
        # An institution's date that would put the plan out of order or past its end.
        (FR, "fr", {"start": "2026-09-08", "end": "2026-12-18", "midterm": "2026-09-09"}, "midterm", "Cette date tombe pendant la première semaine, celle de l'accueil"),
        (EN, "en", {"start": "2026-09-08", "end": "2026-12-18", "midterm": "2026-12-18"}, "midterm", "must leave at least one working day before the placement ends"),
        # Both an end date and a length: neither is dropped silently.
        (FR, "fr", {"start": "2026-09-08", "end": "2026-12-18", "weeks": "52"}, "weeks",
         "Effacez la date de fin ou la durée. Le planificateur n'a besoin que de l'une des deux."),
        # A decimal comma, as French writes it: not turned into 25 weeks, and still in the field.
        (FR, "fr", {"start": "2026-09-08", "end": "", "weeks": "2,5"}, "weeks", "Indiquez un nombre entier de semaines, de 2 à 69."),
        (EN, "en", {"start": "2026-09-08", "end": "", "weeks": "1e"}, "weeks", "Enter a whole number of weeks, from 2 to 69."),
        (EN, "en", {"start": "0026-09-08", "end": "2026-12-18"}, "start", "Check the year. The planner accepts years from 2000 to 2099."),
    ],
    indirect=["page"],
)
def test_bad_input_is_explained_next_to_the_field(page, site_server, lang, fields, field, message):
    open_planner(page, site_server, lang)
    create(page, start="2026-09-08", end="2026-12-18", student="Alex")  # a good plan first
    page.wait_for_selector("#planner-result:not([hidden])")
    create(page, **fields)
    error = page.locator(f"#planner-{field}-error")
    error.wait_for(state="visible")
    assert message in error.inner_text()
    control = page.locator(f"#planner-{field}")
    assert control.get_attribute("aria-invalid") == "true"
    assert f"planner-{field}-error" in control.get_attribute("aria-describedby")
    if control.evaluate("e => e.matches('input:not([type=radio]), select')"):
        border = control.evaluate("e => [getComputedStyle(e).borderTopWidth, getComputedStyle(e).borderTopColor]")
        assert border == ["2px", "rgb(176, 0, 32)"], "the field itself is outlined in red (#b00020), not only its message"
    summary = one(page.locator("#planner-errors"))
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "planner-errors"
    # The box is focused and holds the alert (GOV.UK's error summary since 4.4): a screen reader
    # hears it once, not once for the alert and again for the focus.
    alert = one(page.get_by_role("alert"))
    assert alert.evaluate("e => e !== document.activeElement && document.activeElement.contains(e)")
    title = {"en": "The schedule was not created. Please fix the following:",
             "fr": "Le calendrier n'a pas été créé. Corrigez ce qui suit\u00a0:"}[lang]
    assert alert.inner_text().startswith(title) and message in alert.inner_text()
    assert message in summary.inner_text()
    assert one(page.locator("#planner-result")).is_hidden()
    assert page.is_disabled("#planner-download")
    for name, value in fields.items():  # what the reader typed is still there
        if name not in ("cadence",):
            assert page.input_value(f"#planner-{name}") == value
    assert page.input_value("#planner-student") == "Alex"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == f"planner-{field}"


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_fixed_field_loses_its_error_and_the_others_keep_theirs(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-09-01", time="25:00")
    one(page.locator("#planner-end-error")).wait_for(state="visible")
    assert "The end date must come after the start date." in page.inner_text("#planner-errors")
    create(page, end="2026-12-18")  # the end date fixed, the time still wrong
    time_error = one(page.locator("#planner-time-error"))
    time_error.wait_for(state="visible")
    assert time_error.inner_text() == "Enter the meeting time (hours and minutes)."
    assert page.get_attribute("#planner-time", "aria-invalid") == "true"
    assert one(page.locator("#planner-end-error")).is_hidden()
    assert page.get_attribute("#planner-end", "aria-invalid") is None
    summary = page.inner_text("#planner-errors")
    assert "The end date" not in summary and "Enter the meeting time" in summary


@pytest.mark.parametrize(
    "page, lang, dates, items",
    [
        # The same message on two fields: each item of the list says which field it is about.
        (FR, "fr", {"midterm": "2026-09-09", "final": "2026-09-10"}, [
            "Bilan de mi-stage\u00a0: Cette date tombe pendant la première semaine, celle de l'accueil",
            "Évaluation finale\u00a0: Cette date tombe pendant la première semaine, celle de l'accueil",
        ]),
        # An evaluation before the review: both dates are marked, as the message asks to check both.
        (EN, "en", {"midterm": "2026-11-20", "final": "2026-11-10"}, [
            "Mid-placement review: The final evaluation must come after the mid-placement review. Check both dates.",
            "Final evaluation: The final evaluation must come after the mid-placement review. Check both dates.",
        ]),
    ],
    indirect=["page"],
)
def test_each_error_in_the_list_names_its_field(page, site_server, lang, dates, items):
    open_planner(page, site_server, lang)
    create(page, start="2026-09-08", end="2026-12-18", **dates)
    one(page.locator("#planner-errors")).wait_for(state="visible")
    links = [text.strip() for text in page.locator("#planner-errors li a").all_inner_texts()]
    assert len(links) == 2 and all(link.startswith(item) for link, item in zip(links, items)), links
    for field in dates:
        assert page.get_attribute(f"#planner-{field}", "aria-invalid") == "true"
        assert one(page.locator(f"#planner-{field}-error")).is_visible()


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_each_meeting_starts_with_a_heading_and_the_changed_form_is_announced_alone(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    meetings = page.locator("#planner-timeline li.planner-meeting")
    headings = page.get_by_role("heading", level=5)
    assert meetings.count() > 10 and headings.count() == meetings.count()
    assert headings.first.inner_text().startswith("Tuesday, August 25, 2026")  # the preparation
    page.fill("#planner-student", "Noor")
    page.wait_for_function("document.getElementById('planner-status').textContent.length > 0")
    assert page.inner_text("#planner-status").strip() == (
        "The form has changed since this schedule was created. The download and the share link still hold the "
        "schedule shown below: update the schedule to include your changes."
    )


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_without_javascript_the_rhythm_and_checklists_are_there(page, site_server):
    page.goto(f"{site_server}en/toolkit/planner/")
    assert one(page.locator("#planner-form")).is_hidden()
    table = one(page.locator(".planner-rhythm table"))
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 9
    assert table.locator("a[href$='check-in-agenda/']").count() >= 1
    assert "Every two weeks" in table.inner_text()


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_without_javascript_the_page_says_so_before_the_steps_that_describe_the_form(page, site_server):
    page.goto(f"{site_server}en/toolkit/planner/")
    note = one(page.locator("p.planner-noscript"))
    assert note.is_visible()
    assert note.inner_text() == "The interactive planner needs JavaScript. The recommended rhythm below and the checklists work without it."
    steps = one(page.locator("h2#how-to-use"))
    assert note.bounding_box()["y"] < steps.bounding_box()["y"]
    # The section that holds the form says what to do instead, rather than standing empty.
    here = one(page.locator("p.planner-form-unavailable"))
    assert here.inner_text() == ("The form can't be shown here: it needs JavaScript and an up-to-date browser. "
                                 "Plan your check-ins by hand instead, using the recommended rhythm further down the page.")
    assert page.locator("h2#plan").bounding_box()["y"] < here.bounding_box()["y"] < page.locator("h2#privacy").bounding_box()["y"]
    page.emulate_media(media="print")
    assert note.is_hidden()  # a printed page is not a browser without JavaScript
    assert here.is_hidden()


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_a_browser_the_script_fails_in_is_told_what_to_do_instead(page, site_server):
    """Safari before 15.4 has no Intl.supportedValuesOf: the script stops before it shows the form,
    and the section must not stand empty."""
    page.add_init_script("delete Intl.supportedValuesOf")
    failures = []
    page.on("pageerror", lambda error: failures.append(error))
    page.goto(f"{site_server}toolkit/planner/")
    page.wait_for_load_state("load")
    assert failures, "the script was expected to fail without Intl.supportedValuesOf"
    assert one(page.locator("#planner-form")).is_hidden()
    here = one(page.locator("p.planner-form-unavailable"))
    assert here.is_visible()
    assert here.inner_text() == (
        "Le formulaire ne peut pas s'afficher ici\u00a0: il lui faut JavaScript et un navigateur à jour. "
        "Planifiez plutôt vos rencontres à la main, en suivant le rythme recommandé présenté plus bas."
    )


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_where_the_script_runs_the_note_never_shows(page, site_server):
    """Not even while the planner's script is on its way: it would say the form can't be shown."""
    held = []
    page.route("**/planner/planner.js", lambda route: held.append(route))  # answered when the test says so
    with page.expect_request("**/planner/planner.js"):
        page.goto(f"{site_server}toolkit/planner/", wait_until="commit")  # the held module delays DOMContentLoaded
    page.wait_for_function("() => document.getElementById('planner-data')")  # parsed past the note
    assert len(held) == 1
    note = one(page.locator("p.planner-form-unavailable"))
    assert note.is_hidden()
    held[0].continue_()
    page.wait_for_selector("#planner-form:not([hidden])")
    page.wait_for_load_state("load")
    assert note.is_hidden()


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_print_view_shows_the_schedule_only(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    page.fill("#planner-student", "Sam")  # the form changed: its warning is for the screen only
    one(page.locator("#planner-stale")).wait_for(state="visible")
    page.emulate_media(media="print")
    assert page.locator("#planner-timeline").is_visible()
    assert page.locator(".planner-meeting").first.is_visible()
    for hidden in ("#planner-form", ".planner-rhythm", "#how-to-use", "#planner-stale"):
        assert one(page.locator(hidden)).is_hidden(), hidden
    actions = page.locator(".planner-actions")  # the form's buttons and the schedule's
    assert actions.count() == 2 and not [n for n in range(2) if actions.nth(n).is_visible()]


# Issue 15 and the planner part of issue 20 ------------------------------------------------------

VANCOUVER = {"timezone_id": "America/Vancouver"}
NBSP = "\u00a0"


def link_to(site_server, lang, fragment):
    return f"{site_server}{'' if lang == 'fr' else 'en/'}toolkit/planner/#plan&{fragment}"


@pytest.mark.parametrize(
    "page, lang, fragment, field, message",
    [
        (FR, "fr", "start=2026-09-08&end=2026-09-01", "end", "La date de fin doit venir après la date de début."),
        (FR, "fr", "start=2026-09-08&end=&weeks=0", "weeks", "Indiquez un nombre entier de semaines, de 2 à 69."),
        (EN, "en", "start=2026-09-08&end=&weeks=500", "weeks", "Enter a whole number of weeks, from 2 to 69."),
        (FR, "fr", "start=2026-02-30&end=2026-06-01", "start", "Cette date n'existe pas. Vérifiez le jour et le mois."),
        (EN, "en", "start=2026-09-08&end=2026-12-18&time=25:00", "time", "Enter the meeting time (hours and minutes)."),
        (FR, "fr", "start=hier&end=2026-12-18", "start", "Écrivez l'année, le mois, puis le jour, par exemple 2026-09-08."),
        (EN, "en", "", "start", "Enter a start date."),
    ],
    indirect=["page"],
)
def test_a_shared_link_with_bad_values_is_answered_like_create(page, site_server, lang, fragment, field, message):
    page.goto(link_to(site_server, lang, fragment))
    error = page.locator(f"#planner-{field}-error")
    error.wait_for(state="visible")
    assert error.inner_text() == message
    assert page.get_attribute(f"#planner-{field}", "aria-invalid") == "true"
    summary = page.locator("#planner-errors")
    assert summary.is_visible() and message in summary.inner_text()
    assert ("n'a pas été créé" if lang == "fr" else "was not created") in summary.inner_text()
    assert one(page.locator("#planner-result")).is_hidden()
    for name, value in (pair.split("=") for pair in fragment.split("&") if pair):
        if name in ("start", "end"):  # the link's text stays in the form, to be corrected
            assert page.input_value(f"#planner-{name}") == value
        if name == "time":  # no clock shows 25:00: the field is left empty beside its error, not at 10:00
            assert page.input_value("#planner-time") == ""


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_a_shared_link_with_unknown_values_says_what_it_ignored(page, site_server):
    page.goto(link_to(site_server, "fr", "start=2026-09-08&end=2026-12-18&weekday=9&cadence=parfois&duration=-30&format=lune"))
    page.wait_for_selector("#planner-result:not([hidden])")
    # The form shows what the plan uses, not blanks.
    assert page.input_value("#planner-weekday") == "2"
    assert page.input_value("#planner-cadence") == "recommended"
    assert page.input_value("#planner-duration") == "30"
    assert page.is_checked("#planner-format-on-site")
    status = page.locator("#planner-status")
    for label in ("Jour de la semaine", "Fréquence", "Durée d'une rencontre de suivi (minutes)", "Mode de travail"):
        page.wait_for_function("label => document.getElementById('planner-status').textContent.includes(label)", arg=label)
    assert "Certaines valeurs du lien sont inconnues." in status.inner_text()


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_huge_link_is_refused_quickly_with_a_message(page, site_server):
    page.goto(link_to(site_server, "en", "start=2026-09-08&weeks=10&end=&student=" + "x" * 300_000))
    page.wait_for_selector("#planner-form:not([hidden])")
    # Refused before it is read: the empty form below says so. (A time limit here would only
    # measure the machine's load; the planner's speed is the bench's to report.)
    page.wait_for_function("document.getElementById('planner-status').textContent.includes('too long')", timeout=10_000)
    assert page.input_value("#planner-student") == ""
    assert one(page.locator("#planner-result")).is_hidden()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_planner_fits_a_phone_without_sideways_scrolling(browser_pool, site_server, width, lang):
    with browser_pool.page(viewport={"width": width, "height": 740}, locale="fr-CA" if lang == "fr" else "en-CA", **TORONTO) as page:
        open_planner(page, site_server, lang)
        assert sideways_overflow(page) == 0
        create(page, start="2026-09-08", end="2026-12-08", student="Alexandrine-Marguerite", place="https://example.org/visio/salle-de-reunion-principale")
        page.wait_for_selector("#planner-result:not([hidden])")
        assert sideways_overflow(page) == 0
        create(page, start="2026-02-30")
        page.locator("#planner-errors").wait_for(state="visible")
        assert sideways_overflow(page) == 0
        # The hint's example date reads on one line, not "2026-09-" then "08".
        lines = page.evaluate("""() => {
            const hint = document.getElementById('planner-start-hint');
            const walker = document.createTreeWalker(hint, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
                const at = node.data.indexOf('2026-09-08');
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + 10);
                return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            }
            return 0;
        }""")
        assert lines == 1


def test_a_plan_keeps_its_time_zone_when_opened_in_another_city(browser_pool, site_server):
    with browser_pool.page(**EN) as page, browser_pool.page(locale="en-CA", **VANCOUVER) as there:
        open_planner(page, site_server, "en")
        assert page.input_value("#planner-zone") == "America/Toronto"  # the device's, by default
        # Canada's zones by name, once each; the others by their code.
        assert page.locator("#planner-zone option:checked").inner_text() == "Eastern Time — Toronto, Montréal, Ottawa"
        options = page.eval_on_selector_all("#planner-zone option", "all => all.map((o) => [o.value, o.text])")
        assert [text for value, text in options if value == "America/Toronto"] == ["Eastern Time — Toronto, Montréal, Ottawa"]
        assert [text for value, text in options if value == "Europe/Paris"] == ["Europe/Paris"]
        create(page, start="2026-09-08", end="2026-12-18", time="10:00")
        page.wait_for_selector("#planner-result:not([hidden])")
        assert "Your time" not in page.inner_text("#planner-timeline")  # same zone: one time
        link = page.input_value("#planner-share")

        there.goto(link)
        there.wait_for_selector("#planner-result:not([hidden])")
        assert there.input_value("#planner-zone") == "America/Toronto"
        first = there.locator(".planner-meeting").first.inner_text()
        assert "10:00 a.m. (Eastern Time — Toronto, Montréal, Ottawa)" in first
        assert "Your time (Pacific Time — Vancouver, Victoria): " in first and "7:00 a.m." in first
        _, events = download_calendar(there)
        starts = [local_start(e) for e in events]
        assert all((s.hour, s.minute) == (10, 0) for s in starts)
        assert {str(s.tzinfo) for s in starts} == {"America/Toronto"}
        assert starts[0].astimezone(dt.timezone.utc).hour == 14  # 10:00 in Toronto in September

        # The zone can be changed: the reader in Vancouver makes it a Vancouver plan.
        there.select_option("#planner-zone", "America/Vancouver")
        there.click("#planner-form button[type=submit]")
        there.wait_for_function("!document.getElementById('planner-timeline').textContent.includes('Your time')")
        _, events = download_calendar(there)
        assert {str(local_start(e).tzinfo) for e in events} == {"America/Vancouver"}

        # Clearing the form gives the device's zone back, not the first one in the list.
        page.select_option("#planner-zone", "Europe/Paris")
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#planner-forget")
        assert page.input_value("#planner-zone") == "America/Toronto"


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_pasting_another_link_into_an_open_tab_shows_that_plan(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18", student="Alex")
    page.wait_for_selector("#planner-result:not([hidden])")
    page.goto(link_to(site_server, "fr", "start=2027-01-11&end=&weeks=8&student=B%C3%A9a&weekday=4"))
    page.wait_for_function("document.getElementById('planner-start').value === '2027-01-11'")
    assert page.input_value("#planner-student") == "Béa"
    assert page.input_value("#planner-end") == ""
    assert page.input_value("#planner-weekday") == "4"
    page.wait_for_function("document.getElementById('planner-timeline').textContent.includes('Béa')")
    assert "lundi 11 janvier 2027" in page.inner_text("#planner-timeline")
    assert "Alex" not in page.inner_text("#planner-timeline")
    # The plan this browser keeps is still its reader's own: a link from someone else did not replace it.
    page.goto(f"{site_server}toolkit/planner/")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert page.input_value("#planner-student") == "Alex"
    assert "Béa" not in page.inner_text("#planner-timeline")


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_download_after_editing_is_the_plan_on_screen(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18", student="Alex")
    page.wait_for_selector("#planner-result:not([hidden])")
    stale = page.locator("#planner-stale")
    assert stale.is_hidden()
    page.fill("#planner-start", "2026-10-05")
    page.fill("#planner-student", "Noor")
    stale.wait_for(state="visible")
    assert "has changed" in stale.inner_text()
    with page.expect_download() as info:
        page.click("#planner-download")
    assert info.value.suggested_filename == "check-ins-2026-09-08.ics"
    events = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")
    assert min(local_start(e) for e in events).date() == dt.date(2026, 8, 25)  # preparation, two weeks ahead
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert "Alex" in summaries and "Noor" not in summaries

    page.click("#planner-update")  # bring the schedule up to date, then download again
    assert stale.is_hidden()
    with page.expect_download() as info:
        page.click("#planner-download")
    assert info.value.suggested_filename == "check-ins-2026-10-05.ics"
    events = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")
    assert "Noor" in " ".join(str(e["SUMMARY"]) for e in events)


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_dates_typed_on_a_phone_keypad_without_a_dash(page, site_server):
    open_planner(page, site_server)
    assert "20260908" in page.inner_text("#planner-start-hint")
    create(page, start="20260908", end="2026/12/18")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert "mardi 8 septembre 2026" in page.inner_text("#planner-timeline")
    create(page, start="20250902", end="08/12/2026")
    error = page.locator("#planner-end-error")
    error.wait_for(state="visible")
    assert error.inner_text() == "Écrivez l'année, le mois, puis le jour, par exemple 2026-09-08."
    assert one(page.locator("#planner-start-error")).is_hidden()  # 20250902 is a date, in a usual form
    assert page.input_value("#planner-end") == "08/12/2026"


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_french_dates_write_the_first_of_the_month_as_1er(page, site_server):
    open_planner(page, site_server)
    create(page, start="2027-06-15", end="2027-09-10")  # preparation two weeks before: Tuesday, June 1
    page.wait_for_selector("#planner-result:not([hidden])")
    summary = page.inner_text("#planner-summary")
    assert "du mardi 1er juin 2027 au" in summary, summary
    assert " 1 juin" not in page.inner_text("#planner-result")


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_french_times_have_no_leading_zero(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18", time="09:05")
    page.wait_for_selector("#planner-result:not([hidden])")
    timeline = page.inner_text("#planner-timeline")
    assert "9 h 05" in timeline and "09 h" not in timeline


def test_after_create_the_result_opens_with_its_rhythm_and_one_summary(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert page.evaluate("document.activeElement.id") == "planner-result-title"
    first_line = page.locator("#planner-result-title + p")
    assert first_line.inner_text() == (
        f"Semaine{NBSP}1{NBSP}: chaque jour · De la semaine{NBSP}2 à la semaine{NBSP}4{NBSP}: chaque semaine · Ensuite aux deux semaines"
    )
    summary = page.inner_text("#planner-summary")
    assert " rencontres du mardi 25 août 2026 au " in summary  # the preparation, two weeks before the start
    # Each date stays on one line on a phone, as in the timeline ("mardi 25 août" / "2026" reads badly).
    last = summary.split(" au ")[1].removesuffix(".")
    dates = page.locator("#planner-summary > *")
    assert [dates.nth(i).inner_text() for i in range(dates.count())] == ["mardi 25 août 2026", last]
    assert dates.evaluate_all("(dates) => dates.map((date) => getComputedStyle(date).whiteSpace)") == ["nowrap"] * 2
    page.wait_for_timeout(200)
    assert page.inner_text("body").count(summary) == 1


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_the_preparation_meeting_says_why_it_comes_before_the_start(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    cards = page.locator(".planner-meeting")
    assert "mardi 25 août 2026" in cards.first.inner_text()  # two weeks before the start
    assert "Avant le début du stage" in cards.first.inner_text()
    assert "Avant le début du stage" not in cards.nth(1).inner_text()


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_past_and_year_end_meetings_are_flagged(page, site_server):
    page.clock.set_fixed_time(dt.datetime(2026, 9, 10, 12, 0))
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2027-04-30", cadence="weekly")
    page.wait_for_selector("#planner-result:not([hidden])")
    cards = page.locator(".planner-meeting")
    holidays = past = 0
    for index in range(cards.count()):
        text = cards.nth(index).inner_text()
        date = re.search(r"(\d+)(?:er)? (\w+) (\d{4})", text)
        day, month = int(date[1]), date[2]
        in_holidays = (month == "décembre" and day >= 24) or (month == "janvier" and day <= 2)
        in_past = date[3] == "2026" and (month == "août" or (month == "septembre" and day < 10))
        assert ("déjà passée" in text) == in_past, text
        assert (f"entre le 24{NBSP}décembre et le 2{NBSP}janvier" in text) == in_holidays, text
        holidays += in_holidays
        past += in_past
    assert holidays >= 1 and past == 3  # preparation (Aug. 25), first day (Sept. 8), touchpoint (Sept. 9)


@pytest.mark.parametrize(
    "page, lang, province, box, dates, moved, kept",
    [
        (EN, "en", "ON", "Move meetings that fall on a public holiday to another working day",
         ("Monday, October 12, 2026", "Tuesday, October 13, 2026"),
         "Moved from Monday, October 12, 2026, a public holiday (Ontario): Thanksgiving.",
         "Public holiday (Ontario): Thanksgiving. Keep this date if you and your student are both working that day. If not, move it "
         "in your calendar, or check “Move meetings that fall on a public holiday to another working day” in the planner and update the schedule."),
        (FR, "fr", "QC", "Déplacer à un autre jour ouvrable les rencontres qui tombent un jour férié",
         ("lundi 12 octobre 2026", "mardi 13 octobre 2026"),
         f"Au lieu du lundi 12 octobre 2026, jour férié (Québec){NBSP}: Action de grâce.",
         f"Jour férié (Québec){NBSP}: Action de grâce. Gardez cette date si votre stagiaire et vous travaillez tous les deux "
         "ce jour-là. Sinon, déplacez-la dans votre agenda, ou cochez "
         f"«{NBSP}Déplacer à un autre jour ouvrable les rencontres qui tombent un jour férié{NBSP}» dans le planificateur "
         "et mettez le calendrier à jour."),
        # The federally regulated private sector: the notes name the Code, not the list's long name.
        (FR, "fr", "FED", "Déplacer à un autre jour ouvrable les rencontres qui tombent un jour férié",
         ("lundi 12 octobre 2026", "mardi 13 octobre 2026"),
         f"Au lieu du lundi 12 octobre 2026, jour férié (Code canadien du travail){NBSP}: Action de grâce.",
         f"Jour férié (Code canadien du travail){NBSP}: Action de grâce. Gardez cette date si votre stagiaire et vous travaillez "
         "tous les deux ce jour-là. Sinon, déplacez-la dans votre agenda, ou cochez "
         f"«{NBSP}Déplacer à un autre jour ouvrable les rencontres qui tombent un jour férié{NBSP}» dans le planificateur "
         "et mettez le calendrier à jour."),
    ],
    indirect=["page"],
)
def test_meetings_move_off_the_chosen_provinces_public_holidays_or_stay_flagged(page, site_server, lang, province, box, dates, moved, kept):
    page.clock.set_fixed_time(dt.datetime(2026, 8, 1, 12, 0))
    open_planner(page, site_server, lang)
    page.select_option("#planner-province", province)
    create(page, start="2026-08-31", end="2026-12-11", weekday="1", cadence="weekly")  # Mondays
    page.wait_for_selector(".planner-flag")  # once the holidays have arrived

    def flags() -> dict[str, str]:
        cards = page.locator(".planner-meeting")
        assert cards.count() > 10  # a plan is on screen: no flag means none was shown, not no card
        found = {}
        for index in range(cards.count()):
            card = cards.nth(index)
            date = card.locator("strong").first.inner_text()
            texts = card.locator(".planner-flag").all_inner_texts()
            assert len(texts) <= 1, texts
            if texts:
                found[date] = texts[0]
        return found

    def described() -> dict[dt.date, str]:
        """The calendar file's events that speak of a holiday: their day and description."""
        _, events = download_calendar(page)
        firsts = {local_start(e).date(): str(e.get("DESCRIPTION")).split("\n")[0] for e in events}
        return {day: line for day, line in firsts.items() if line.startswith((moved[:8], kept[:8]))}

    # Moved by default: Thanksgiving's check-in is on the Tuesday, and says why (in the file too).
    assert f"province={province}" in page.input_value("#planner-share") and "avoid=yes" in page.input_value("#planner-share")
    assert flags() == {dates[1]: moved}
    assert described() == {dt.date(2026, 10, 13): moved}
    # Unchecked, the meeting stays on the holiday, flagged; the link carries the choice.
    page.get_by_label(box).uncheck()
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector(".planner-flag")
    assert "avoid=no" in page.input_value("#planner-share")
    assert flags() == {dates[0]: kept}
    assert described() == {dt.date(2026, 10, 12): kept}
    # Without a province, the same plan flags nothing (none of its dates is past or at year's end).
    page.select_option("#planner-province", "")
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert flags() == {}


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_the_calendar_code_comes_once_a_plan_is_made_and_a_failure_is_said(page, site_server):
    asked = []
    page.on("request", lambda request: request.url.endswith("/ics.js") and asked.append(request.url))
    page.route("**/planner/ics.js", lambda route: route.abort())
    open_planner(page, site_server, "en")
    page.wait_for_load_state("networkidle")
    assert asked == []  # not with the page: only a plan needs it
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.click("#planner-download")
    failed = "The calendar file could not be prepared. Check your connection, then try again."
    assert announced(page.locator("#planner-status")) == failed
    assert downloads == [] and len(asked) >= 1
    page.unroute("**/planner/ics.js")
    raw, events = download_calendar(page)  # the next click fetches it again, and the file comes
    assert raw.startswith(b"BEGIN:VCALENDAR") and len(events) > 10
    assert set(asked) == {f"{site_server}assets/javascripts/planner/ics.js"}


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_schedule_redrawn_when_its_holidays_arrive_keeps_the_reader_in_it(page, site_server):
    """On a slow connection the schedule is shown before the public holidays arrive, then drawn
    again with them: a reader who has already tabbed into it is not dropped to the page's top."""
    held = []
    page.route("**/holidays.json", lambda route: held.append(route))  # answered when the test says so
    open_planner(page, site_server, "en")
    page.select_option("#planner-province", "ON")
    create(page, start="2027-09-07", end="2027-12-17", weekday="1")
    page.wait_for_selector("#planner-result:not([hidden])")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    page.locator("#planner-timeline a").first.focus()
    assert page.evaluate("!!document.activeElement.closest('#planner-timeline')")
    held[0].continue_()
    page.get_by_text("Moved from Monday, October 11, 2027", exact=False).first.wait_for()
    assert page.evaluate("document.activeElement.id") == "planner-result-title"


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_the_holidays_are_fetched_once_a_province_is_chosen_and_a_failure_is_said(page, site_server):
    page.clock.set_fixed_time(dt.datetime(2026, 8, 1, 12, 0))
    asked = []
    page.on("request", lambda request: request.url.endswith("/holidays.json") and asked.append(request.url))
    open_planner(page, site_server, "en")
    create(page, start="2026-08-31", end="2026-12-11", weekday="1", cadence="weekly")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert asked == []  # no province: the page never asks for them
    page.route("**/holidays.json", lambda route: route.abort())
    page.select_option("#planner-province", "ON")
    page.click("#planner-form button[type=submit]")
    note = page.locator("#planner-holiday-note")
    note.wait_for(state="visible")
    failed = ("The public holidays could not be loaded, so meetings that fall on one are neither moved nor flagged. "
              "To try again, create the schedule once more.")
    assert note.inner_text() == failed
    assert announced(page.locator("#planner-status")) == failed  # said in the live region too: the note comes after the plan
    assert page.locator(".planner-meeting").count() > 10 and page.locator(".planner-flag").count() == 0
    page.unroute("**/holidays.json")
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector(".planner-flag")
    assert note.is_hidden()
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector("#planner-result:not([hidden])")
    assert asked == [f"{site_server}en/toolkit/planner/holidays.json"] * 2  # the failed try and the retry, then kept


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_the_plan_adds_up_the_mentors_meeting_time_by_phase(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18", duration="45")
    page.wait_for_selector("#planner-result:not([hidden])")
    shown = {}
    for phase in page.locator(".planner-phase").all():
        minutes = sum(int(m) for m in re.findall(rf"· (\d+){NBSP}min", phase.inner_text()))
        shown[phase.locator("h4").inner_text()] = minutes
    rows = {
        row.locator("th").inner_text(): row.locator("td").inner_text()
        for row in page.locator("#planner-hours tr").all()
    }
    assert list(rows) == [*shown, "Total"]
    for name, minutes in shown.items():
        assert rows[name] == f"{minutes / 60:.2f}".rstrip("0").rstrip(".") + f"{NBSP}h", name
    assert rows["Total"] == f"{sum(shown.values()) / 60:.2f}".rstrip("0").rstrip(".") + f"{NBSP}h"
    assert rows["Welcome week"] == f"2{NBSP}h"  # 15 + 3 × 15 + 60 minutes


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_a_right_to_left_mark_in_a_name_does_not_reverse_the_sentence(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18", student="\u202eAlex", mentor="Sam")
    page.wait_for_selector("#planner-result:not([hidden])")
    line = page.locator(".planner-meeting p", has_text="Sam").nth(1)  # a meeting with the student
    positions = line.evaluate(
        """p => {
            const node = p.firstChild, text = node.textContent, x = (word) => {
                const range = document.createRange(), at = text.indexOf(word);
                range.setStart(node, at); range.setEnd(node, at + word.length);
                return range.getBoundingClientRect().left;
            };
            return [x("Avec"), x("Alex"), x("et"), x("Sam")];
        }"""
    )
    assert positions == sorted(positions), positions  # read left to right: Avec, Alex, et, Sam


def test_two_unnamed_plans_get_their_own_uids_and_an_edit_updates_them(browser_pool, site_server):
    with browser_pool.page(**EN) as visitor, browser_pool.page(**EN) as other_visitor:
        pages = [visitor, other_visitor]
        calendars = []
        for page in pages:
            open_planner(page, site_server, "en")
            create(page, start="2026-09-08", end="2026-12-18")
            page.wait_for_selector("#planner-result:not([hidden])")
            calendars.append(download_calendar(page)[1])
        uids = [{str(e["UID"]) for e in events} for events in calendars]
        assert uids[0].isdisjoint(uids[1])

        first = pages[0]
        create(first, time="14:00")  # edit the first plan
        first.wait_for_function("document.getElementById('planner-timeline').textContent.includes('2:00')")
        _, edited = download_calendar(first)
        assert {str(e["UID"]) for e in edited} == uids[0]
        before = {str(e["UID"]): e.decoded("SEQUENCE") for e in calendars[0]}
        assert all(e.decoded("SEQUENCE") > before[str(e["UID"])] for e in edited)
        assert all(local_start(e).hour == 14 for e in edited)


def test_switching_language_keeps_the_plan_without_storage(browser, site_server):
    context = browser.new_context(**FR)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('off', 'SecurityError'); }});"
    )
    try:
        page = context.new_page()
        open_planner(page, site_server)
        create(page, start="2026-09-08", end="2026-12-18", student="Léa")
        page.wait_for_selector("#planner-result:not([hidden])")
        page.locator("a[hreflang=en]").first.dispatch_event("click")
        page.wait_for_url("**/en/toolkit/planner/**")
        page.wait_for_selector("#planner-result:not([hidden])")
        assert page.input_value("#planner-student") == "Léa"
        assert "Tuesday, September 8, 2026" in page.inner_text("#planner-timeline")
    finally:
        context.close()


@pytest.mark.parametrize("page", [FR], indirect=True)
def test_the_french_calendar_writes_its_labels_as_the_page_does(page, site_server):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2026-12-18", place="Salle 2")  # LOCATION is checked too
    page.wait_for_selector("#planner-result:not([hidden])")
    _, events = download_calendar(page)
    descriptions = [str(e["DESCRIPTION"]) for e in events]
    assert all(f"Ordre du jour{NBSP}:\n- " in d for d in descriptions)
    # The text a reader sees (the decoded values, not the ICS property names before them), without
    # its web addresses: every colon, wherever it sits on its line, follows a no-break space.
    texts = [str(e[name]) for e in events for name in ("SUMMARY", "DESCRIPTION", "LOCATION") if name in e]
    assert len(texts) >= 2 * len(events)
    colons = {
        line.strip()
        for text in texts
        for line in re.sub(r"https?://\S+", "", text).splitlines()
        if re.search("(?<!\u00a0):", line)
    }
    assert colons == set()  # every French colon has its no-break space


@pytest.mark.parametrize("page,lang", [(EN, "en"), (FR, "fr")], indirect=["page"])
def test_print_puts_several_meetings_on_a_page_and_no_heading_at_its_foot(page, lang, site_server):
    open_planner(page, site_server, lang)
    create(page, start="2026-09-08", end="2026-12-18", student="Alex", mentor="Sam", place="Room 2")
    page.wait_for_selector("#planner-result:not([hidden])")
    headings = set(page.locator(".planner-phase h4").all_inner_texts())
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter")))
    pages = [p.extract_text() for p in pdf.pages]
    per_page = [len(re.findall(r"\d+ min\b", text)) for text in pages]
    assert sum(per_page) == page.locator(".planner-meeting").count()
    assert all(n > 2 for n in per_page[:-1] if n), per_page
    for text in pages[:-1]:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines and lines[-1] not in headings, lines[-3:]
    # No page but the last is left a third blank: a daily touchpoint with a long checklist item
    # once moved whole to the next page, leaving half of the first one empty.
    for number, pdf_page in enumerate(pdf.pages[:-1], start=1):
        lowest = min(height for height, _ in drawn_text(pdf_page))
        assert lowest < float(pdf_page.mediabox.height) / 3, f"page {number}: its last line is {lowest:.0f} pt above the foot of the sheet"


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_a_plan_id_from_a_link_cannot_add_lines_to_the_calendar(page, site_server):
    page.goto(link_to(site_server, "en", "start=2026-09-08&end=2026-12-18&plan=x%0D%0ABEGIN%3AVEVENT%0D%0ASUMMARY%3Aspam"))
    page.wait_for_selector("#planner-result:not([hidden])")
    raw, events = download_calendar(page)
    assert len(events) == page.locator(".planner-meeting").count()
    assert b"spam" not in raw
    assert all(re.fullmatch(r"\w+-[a-z-]+-\d+@wil-check-in-planner", str(e["UID"])) for e in events)
