"""HTML the build puts into the planner page: the form (shown once the script runs) and the
recommended rhythm as a table that needs no script, both made from planner.yml."""

from __future__ import annotations

import json
import re
from html import escape
from itertools import groupby

from ..alphabetical import alphabetical_key
from .config import FEDERAL, PlannerConfig

WEEKDAYS = (1, 2, 3, 4, 5)
LENGTHS = (15, 20, 30, 45, 60)
DEFAULTS = {"format": "on-site", "cadence": "recommended", "preference": "as-recommended",
            "weekday": 2, "time": "10:00", "length": 30}


def _fill(template: str, **values) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def _weeks(days: int) -> str:
    return f"{days / 7:g}"


class _Text:
    def __init__(self, config: PlannerConfig, lang: str):
        self.config, self.lang = config, lang

    def __call__(self, key: str, **values) -> str:
        return _fill(self.config.strings[key][self.lang], **values)

    def plural(self, key: str, count: float, **values) -> str:
        return self(f"{key}_one" if count == 1 else f"{key}_many", **values)


# An example date in a hint (2026-09-08, 2026/09/08) is not split across two lines on a phone.
_EXAMPLE_DATE = re.compile(r"\b\d{4}[-/]\d\d[-/]\d\d\b")


def _hint(text: str) -> str:
    return _EXAMPLE_DATE.sub(lambda m: f'<span class="planner-nowrap">{m.group()}</span>', escape(text))


def _field(field_id: str, label: str, control: str, hint: str = "") -> str:
    hint_html = f'<p class="planner-hint" id="{field_id}-hint">{_hint(hint)}</p>' if hint else ""
    return (
        f'<div class="planner-field"><label for="{field_id}">{escape(label)}</label>{hint_html}'
        f"{control}"
        f'<p class="planner-error" id="{field_id}-error" hidden></p></div>'
    )


def _note_name(province: dict, lang: str) -> str:
    """The attribute that gives the notes on meetings a shorter name than the list's, if any."""
    short = province["note_name"]
    return f' data-note-name="{escape(short[lang])}"' if short else ""


def _described(field_id: str, hint: bool = False) -> str:
    ids = f"{field_id}-hint {field_id}-error" if hint else f"{field_id}-error"
    return f'id="{field_id}" aria-describedby="{ids}"'


def _radios(name: str, legend: str, options: list[tuple[str, str]], checked: str, hint: str = "") -> str:
    field_id = f"planner-{name}"
    hint_html = f'<p class="planner-hint" id="{field_id}-hint">{escape(hint)}</p>' if hint else ""
    described = f' aria-describedby="{field_id}-hint"' if hint else ""
    radios = "".join(
        f'<div class="planner-choice"><input type="radio" id="{field_id}-{value}" name="{name}" value="{value}"'
        f'{" checked" if value == checked else ""}>'
        f'<label for="{field_id}-{value}">{escape(label)}</label></div>'
        for value, label in options
    )
    return f'<fieldset class="planner-radios"{described}><legend>{escape(legend)}</legend>{hint_html}{radios}</fieldset>'


def render_form(config: PlannerConfig, data: dict, lang: str, script_src: str) -> str:
    """The planner: a form the script reveals, its result area, and the data as inline JSON."""
    t = _Text(config, lang)
    # Dates are text, not <input type="date">: a shared link's bad value (2026-02-30) stays in the field
    # next to its error, and the script reads the usual year-first forms (20260908 on a keypad without "-").
    date_input = lambda name: (  # noqa: E731
        f'<input type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="12" '
        f'name="{name}" {_described("planner-" + name, hint=True)}>'
    )
    text_input = lambda name: (  # noqa: E731
        f'<input type="text" maxlength="200" autocomplete="off" name="{name}" {_described("planner-" + name)}>'
    )
    weekday_names = [name.strip() for name in t("weekdays").split(",")]
    weekday_options = "".join(
        f'<option value="{number}"{" selected" if number == DEFAULTS["weekday"] else ""}>{escape(name)}</option>'
        for number, name in zip(WEEKDAYS, weekday_names)
    )
    named_zones = "".join(f'<option value="{z["zone"]}">{escape(z["name"][lang])}</option>' for z in config.zones)
    zone_options = f'<optgroup label="{escape(t("zones_canada"))}">{named_zones}</optgroup>'
    # In the order of the reader's alphabet (Île-du-Prince-Édouard among the I's), the federal
    # choice after the provinces and territories.
    by_name = sorted(config.provinces, key=lambda p: (p["key"] == FEDERAL, alphabetical_key(p["name"][lang])))
    province_options = f'<option value="">{escape(t("province_none"))}</option>' + "".join(
        f'<option value="{p["key"]}"{_note_name(p, lang)}>{escape(p["name"][lang])}</option>' for p in by_name
    )
    length_options = "".join(
        f'<option value="{n}"{" selected" if n == DEFAULTS["length"] else ""}>{escape(t("minutes", n=n))}</option>'
        for n in LENGTHS
    )
    cadence_options = "".join(
        f'<option value="{value}">{escape(t("cadence_" + value))}</option>'
        for value in ("recommended", "weekly", "biweekly", "monthly")
    )
    parts = [
        f'<div class="planner" id="planner" lang="{lang}">',
        '<form id="planner-form" class="planner-form" novalidate hidden>',
        '<div id="planner-errors" class="planner-errors" tabindex="-1" hidden></div>',
        f'<fieldset><legend>{escape(t("legend_dates"))}</legend>',
        _field("planner-start", t("start"), date_input("start"), t("date_hint")),
        _field("planner-end", t("end"), date_input("end"), t("date_hint")),
        _field(
            "planner-weeks",
            t("weeks"),
            # Text, as the dates: a number field would turn "2,5" into 25 or "1e" into nothing, unannounced.
            f'<input type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="4" name="weeks" '
            f'{_described("planner-weeks", hint=True)}>',
            t("weeks_hint"),
        ),
        "</fieldset>",
        _radios("format", t("legend_format"), [(f["key"], f["name"][lang]) for f in config.formats], DEFAULTS["format"]),
        f'<fieldset><legend>{escape(t("legend_rhythm"))}</legend>',
        _field("planner-cadence", t("cadence"), f'<select name="cadence" {_described("planner-cadence")}>{cadence_options}</select>'),
        _radios(
            "preference",
            t("legend_preference"),
            [(p["key"], p["name"][lang]) for p in config.preferences],
            DEFAULTS["preference"],
            t("preference_hint"),
        ),
        "</fieldset>",
        f'<fieldset><legend>{escape(t("legend_meetings"))}</legend>',
        _field("planner-weekday", t("weekday"), f'<select name="weekday" {_described("planner-weekday")}>{weekday_options}</select>'),
        _field("planner-time", t("time"), f'<input type="time" name="time" value="{DEFAULTS["time"]}" {_described("planner-time")}>'),
        # Canada's zones by name; the script adds every other zone by its code, then selects the device's.
        _field("planner-zone", t("zone"), f'<select name="zone" {_described("planner-zone", hint=True)}>{zone_options}</select>', t("time_zone")),
        _field(
            "planner-province", t("province"),
            f'<select name="province" {_described("planner-province", hint=True)}>{province_options}</select>', t("province_hint"),
        ),
        '<div class="planner-choice"><input type="checkbox" id="planner-avoid" name="avoid" value="yes" checked>'
        f'<label for="planner-avoid">{escape(t("avoid_holidays"))}</label></div>',
        _field("planner-duration", t("length"), f'<select name="duration" {_described("planner-duration")}>{length_options}</select>'),
        "</fieldset>",
        f'<fieldset><legend>{escape(t("legend_people"))}</legend>',
        _field("planner-student", t("student"), text_input("student")),
        _field("planner-mentor", t("mentor"), text_input("mentor")),
        _field("planner-place", t("place"), text_input("place")),
        "</fieldset>",
        f'<fieldset><legend>{escape(t("legend_school"))}</legend>',
        _field("planner-midterm", t("midterm"), date_input("midterm"), t("date_hint")),
        _field("planner-final", t("final"), date_input("final"), t("date_hint")),
        "</fieldset>",
        '<input type="hidden" name="plan">',
        '<div class="planner-choice"><input type="checkbox" id="planner-followup" name="followup" value="yes" checked>'
        f'<label for="planner-followup">{escape(t("follow_up"))}</label></div>',
        # The forget button sits by "Create" rather than with the schedule: a form with errors has
        # no schedule, yet what was typed in it (names included) is already kept in the browser.
        f'<p class="planner-actions"><button type="submit" class="md-button md-button--primary">{escape(t("submit"))}</button>'
        f'<button type="button" class="md-button" id="planner-forget">{escape(t("forget"))}</button></p>',
        "</form>",
        # Else the section's heading stands over nothing, with scripting off or when the planner's
        # script fails (a module an old browser cannot run, a missing Intl function). Where scripts
        # run, this plain script (old browsers run it too) keeps the note hidden while the planner
        # loads, and shows it only if the form is still hidden once the page has loaded: module
        # scripts have run by then.
        f'<p class="planner-form-unavailable wg-screen-only">{escape(t("form_unavailable"))}</p>',
        "<script>(function (note) { note.hidden = true; addEventListener(\"load\", function () "
        "{ note.hidden = !document.getElementById(\"planner-form\").hidden; }); })"
        "(document.currentScript.previousElementSibling);</script>",
        '<div id="planner-status" class="planner-status" role="status" aria-live="polite"></div>',
        '<section id="planner-result" class="planner-result" aria-labelledby="planner-result-title" hidden>',
        f'<h3 id="planner-result-title" tabindex="-1">{escape(t("result_title"))}</h3>',
        '<p id="planner-rhythm" class="planner-rhythm-line"></p>',
        '<p id="planner-summary"></p>',
        '<p id="planner-holiday-note" hidden></p>',
        f'<div id="planner-stale" class="planner-stale" hidden><p>{escape(t("stale"))}</p>'
        f'<button type="button" class="md-button" id="planner-update">{escape(t("update"))}</button></div>',
        '<div class="planner-actions">',
        f'<button type="button" class="md-button" id="planner-download">{escape(t("download"))}</button>',
        f'<button type="button" class="md-button" id="planner-print">{escape(t("print"))}</button>',
        f'<button type="button" class="md-button" id="planner-copy">{escape(t("copy_link"))}</button>',
        "</div>",
        f'<p class="planner-share"><label for="planner-share">{escape(t("share_label"))}</label> '
        '<input type="text" id="planner-share" readonly></p>',
        '<div id="planner-timeline"></div>',
        f'<table><caption>{escape(t("hours_caption"))}</caption>'
        f'<thead><tr><th scope="col">{escape(t("table_phase"))}</th><th scope="col">{escape(t("hours_time"))}</th></tr></thead>'
        '<tbody id="planner-hours"></tbody></table>',
        "</section>",
        # "</" cannot appear inside a script element: JSON allows "<\/" for "</".
        '<script type="application/json" id="planner-data">'
        + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        + "</script>",
        f'<script type="module" src="{escape(script_src)}"></script>',
        "</div>",
    ]
    return "".join(parts)


def _when(config: PlannerConfig, t: _Text, until: dict) -> str:
    if "fraction" in until:
        return t("when_until_percent", percent=f"{until['fraction'] * 100:g}")
    if "days" in until:
        return t("when_until_week", week=_weeks(until["days"]))
    return t(f"when_until_{until['point']}")


def phase_meetings(config: PlannerConfig) -> dict[str, list[str]]:
    """The kinds of meetings shown in each phase's row of the rhythm table."""
    rows: dict[str, list[str]] = {phase["key"]: [] for phase in config.phases}
    for meeting in config.meetings:
        if meeting["phase"]:
            rows[meeting["phase"]].append(meeting["key"])
    for band in config.bands:
        for segment in band["rhythm"]:
            if "check-in" not in rows[segment["phase"]]:
                rows[segment["phase"]].append("check-in")
        if band["reviews_every"]:
            rows[config.meeting(band["mid_review"])["phase"] or "mid-review"].append("quarterly-review")
    return rows


def render_noscript(config: PlannerConfig, lang: str) -> str:
    """What a reader without JavaScript sees instead of the form: which parts of the page still work.
    Placed near the top of the page, before the steps that describe the form; left out on paper."""
    return f'<noscript><p class="planner-noscript wg-screen-only">{escape(_Text(config, lang)("noscript"))}</p></noscript>'


def render_rhythm_table(config: PlannerConfig, data: dict, lang: str) -> str:
    """The recommended rhythm, phase by phase and band by band: the page's no-script version."""
    t = _Text(config, lang)
    head = "".join(f'<th scope="col">{escape(band["name"][lang])}</th>' for band in config.bands)
    rows = []
    for phase, kinds in phase_meetings(config).items():
        cells = []
        for band in config.bands:
            cells.append(_cell(config, t, band, phase, lang))
        seen, links = set(), []
        for kind in kinds:
            checklist = data["meetings"][kind]["checklist"]
            if checklist["href"] and checklist["href"] not in seen:
                seen.add(checklist["href"])
                links.append(f'<a href="{escape(checklist["href"])}">{escape(checklist["title"])}</a>')
        name = next(p["name"][lang] for p in config.phases if p["key"] == phase)
        cell_html = "".join(_merged_cells(cells))
        rows.append(f'<tr><th scope="row">{escape(name)}</th>{cell_html}<td>{"<br>".join(links)}</td></tr>')
    return (
        '<div class="planner-rhythm"><table>'
        f"<caption>{escape(t('table_caption'))}</caption>"
        f'<thead><tr><th scope="col">{escape(t("table_phase"))}</th>{head}'
        f'<th scope="col">{escape(t("table_checklist"))}</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
        f'<p class="planner-note">{escape(t("range_note"))}</p></div>'
    )


def _merged_cells(cells: list[str]) -> list[str]:
    """A row's cells, those next to each other that say the same thing as one cell across their
    columns: read once, not four times, and the table is shorter on a phone and on paper."""
    merged = []
    for text, run in groupby(cells):
        span = len(list(run))
        merged.append(f'<td colspan="{span}">{escape(text)}</td>' if span > 1 else f"<td>{escape(text)}</td>")
    return merged


def _cell(config: PlannerConfig, t: _Text, band: dict, phase: str, lang: str) -> str:
    if phase == "prepare":
        weeks = config.prepare_before_start / 7
        return t.plural("when_before_start", weeks, weeks=f"{weeks:g}")
    if phase == "welcome":
        by_weeks: dict[int, list[str]] = {}
        for fmt in config.formats:
            by_weeks.setdefault(fmt["daily_weeks"], []).append(fmt["name"][lang].lower())
        spans = "; ".join(
            t.plural("when_daily", weeks, weeks=weeks, formats=", ".join(names))
            for weeks, names in sorted(by_weeks.items())
            if weeks
        )
        return f"{t('every_daily')}, {spans}; {t('when_expectations')}"
    parts = []
    if phase == config.meeting(band["mid_review"])["phase"]:
        parts.append(t("when_at_percent", percent=f"{band['mid_review_at']['fraction'] * 100:g}"))
        if band["reviews_every"]:
            parts.append(t("when_reviews_every", weeks=_weeks(band["reviews_every"])))
    if phase == "final-evaluation":
        weeks = band["final_before_end"] / 7
        parts.append(t.plural("when_before_end", weeks, weeks=f"{weeks:g}"))
    if phase == "exit":
        parts.append(t("when_last_week"))
    if phase == "follow-up":
        weeks = config.follow_up_after_end / 7
        parts.append(t.plural("when_after_end", weeks, weeks=f"{weeks:g}"))
    for segment in band["rhythm"]:
        if segment["phase"] == phase:
            parts.append(f"{t('every_' + segment['every'])}, {_when(config, t, segment['until'])}")
    # One sentence per cell: later parts continue it in lower case.
    return "; ".join(part if i == 0 else part[:1].lower() + part[1:] for i, part in enumerate(parts)) or "–"
