"""The check-in planner in Chromium: fill the form in each language, download the calendar and
read it with the icalendar library, restore a shared link, keep hostile text as text, and show
bad input next to its field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

pytestmark = pytest.mark.browser

TORONTO = {"timezone_id": "America/Toronto"}
FR = {"locale": "fr-CA", **TORONTO}
EN = {"locale": "en-CA", **TORONTO}
HOSTILE = "<img src=x onerror=alert(1)>"


def one(locator):
    """The locator, once it is known to match exactly one element (a check that something is
    hidden passes on nothing at all)."""
    assert locator.count() == 1, f"{locator} matches {locator.count()} elements"
    return locator


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
    count = meetings.count()
    assert count >= 12
    assert page.locator(".planner-phase h4").count() == 9  # every phase of the placement, follow-up included
    for index in range(count):
        prompts = meetings.nth(index).locator("ul:not(.planner-links) > li").count()
        assert 3 <= prompts <= 5

    raw, events = download_calendar(page)
    assert len(events) == count
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    starts = sorted(local_start(e) for e in events)
    assert starts[0].date() == dt.date(2026, 9, 1)  # preparation, a week before the start
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
def test_shared_link_and_browser_memory_restore_the_plan(page, site_server, browser):
    open_planner(page, site_server)
    create(page, start="2026-09-08", end="2027-04-30", student="Léa", format="hybrid", cadence="biweekly", weekday="4", time="14:00")
    page.wait_for_selector("#planner-result:not([hidden])")
    timeline = page.inner_text("#planner-timeline")
    link = page.input_value("#planner-share")
    assert "#plan&" in link and "Léa" not in link.split("#")[0]

    other = browser.new_context(**FR)  # a new visitor: nothing stored
    try:
        shared = other.new_page()
        shared.goto(link)
        shared.wait_for_selector("#planner-result:not([hidden])")
        assert shared.inner_text("#planner-timeline") == timeline
        assert shared.input_value("#planner-student") == "Léa"
        assert shared.is_checked("#planner-format-hybrid")
        assert shared.input_value("#planner-cadence") == "biweekly"
    finally:
        other.close()

    page.goto(f"{site_server}toolkit/planner/")  # same browser, no link: the last plan comes back
    page.wait_for_selector("#planner-result:not([hidden])")
    assert page.inner_text("#planner-timeline") == timeline
    assert "rétabli" in page.inner_text("#planner-status")
    page.click("#planner-forget")
    assert one(page.locator("#planner-result")).is_hidden()
    page.goto(f"{site_server}toolkit/planner/")
    page.wait_for_selector("#planner-form:not([hidden])")
    assert page.input_value("#planner-start") == ""


@pytest.mark.parametrize(
    "page, lang, fields, field, message",
    [
        (FR, "fr", {"start": "2026-09-08", "end": "2026-09-01"}, "end", "La date de fin doit venir après la date de début."),
        (FR, "fr", {"start": "2026-02-30", "end": "2026-06-01"}, "start", "Cette date n'existe pas."),
        (FR, "fr", {"start": "2026-09-08", "end": "2028-03-01"}, "end", "au plus 16 mois"),
        (EN, "en", {"start": "2026-09-08", "end": "", "weeks": "3", "cadence": "monthly"}, "cadence", "no check-in falls"),
        (EN, "en", {"start": "2026-09-08", "end": "2026-12-18", "midterm": "2027-01-15"}, "midterm", "within the placement"),
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
    summary = one(page.locator("#planner-errors"))
    assert summary.is_visible() and summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "planner-errors"
    assert message in summary.inner_text()
    assert one(page.locator("#planner-result")).is_hidden()
    assert page.is_disabled("#planner-download")
    for name, value in fields.items():  # what the reader typed is still there
        if name not in ("cadence",):
            assert page.input_value(f"#planner-{name}") == value
    assert page.input_value("#planner-student") == "Alex"
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == f"planner-{field}"


@pytest.mark.parametrize("page", [{"java_script_enabled": False}], indirect=True)
def test_without_javascript_the_rhythm_and_checklists_are_there(page, site_server):
    page.goto(f"{site_server}en/toolkit/planner/")
    assert one(page.locator("#planner-form")).is_hidden()
    table = one(page.locator(".planner-rhythm table"))
    assert table.is_visible()
    assert table.locator("tbody tr").count() == 9
    assert table.locator("a[href$='check-in-agenda/']").count() >= 1
    assert "Every two weeks" in table.inner_text()


@pytest.mark.parametrize("page", [EN], indirect=True)
def test_print_view_shows_the_schedule_only(page, site_server):
    open_planner(page, site_server, "en")
    create(page, start="2026-09-08", end="2026-12-18")
    page.wait_for_selector("#planner-result:not([hidden])")
    page.emulate_media(media="print")
    assert page.locator("#planner-timeline").is_visible()
    assert page.locator(".planner-meeting").first.is_visible()
    for hidden in ("#planner-form", ".planner-actions", ".planner-rhythm", "#how-to-use"):
        assert one(page.locator(hidden)).is_hidden(), hidden
