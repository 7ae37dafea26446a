"""Read and check content/planner.yml: phases, cadence rules, kinds of meetings, interface text.

Every mistake becomes a Finding at the line of planner.yml where it is, so an editor can fix the
file without reading code. The result is plain data, the same for every language; links are
checked against the pages later (see ``data.py``), when the docs are known.
"""

from __future__ import annotations

import difflib
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .. import cache
from ..checklists.strings import typography
from ..findings import ContentError, Finding, relative
from ..plain_text import REMOVE_FORMATTING, has_formatting
from ..yamlload import yaml_problem
from .yamllines import LineDict, LineList, load_with_lines

# Canada's provinces and territories, as the holidays package codes them.
PROVINCE_CODES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
# The federally regulated private sector: the Canada Labour Code's general holidays, the same in
# every province, listed after the provinces and territories.
FEDERAL = "FED"
# Days from one regular check-in to the next, densest first (twice a week: 3.5 on average); the
# script's data carries them.
INTERVAL_DAYS = {"twice-weekly": 3.5, "weekly": 7, "biweekly": 14, "monthly": 28}
INTERVALS = tuple(INTERVAL_DAYS)  # densest first
POINTS = ("mid", "final", "exit")
# Phases and meetings the schedule logic places itself (the others follow the rhythm rules).
REQUIRED_PHASES = ("prepare", "welcome", "final-evaluation", "exit", "follow-up")
DAYS_PER_MONTH = 30.4375
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
DURATION = re.compile(r"^(\d+)([dw])$")
POSITION = re.compile(r"^(?:(\d+(?:\.\d+)?)%|(\d+)w|(mid|final|exit))$")
# Agenda prompts: the first source with at least MIN_PROMPTS items gives up to MAX_PROMPTS (the
# expectations conversation's checklist has 13).
MIN_PROMPTS = 3
MAX_PROMPTS = 13

# Every interface text of the planner. Editors change the words, not the keys.
# The texts the page's script reads: they travel in its data.
SCRIPT_STRING_KEYS = """
link_copied link_select restored_link restored_saved forget_confirm forgotten summary agenda minutes
guide_link checklist_link with and where template_link supervisor_only calendar_name event_title file_name
errors_title error_required error_date error_year error_end_or_weeks error_end_and_weeks
error_end_before_start error_too_long error_too_short error_weeks error_time error_outside error_in_week_one
error_mid_too_late error_final_before_mid error_cadence error_format agenda_label link_ignored
link_too_long before_start flag_past
flag_holidays other_zone rhythm_week rhythm_weeks rhythm_then rhythm_daily hours_total hours first_of_month
flag_holiday holidays_unknown holidays_failed avoid_holidays flag_moved flag_holiday_entered
flag_holiday_no_room download_failed error_item
""".split()
# The texts the build writes into the page itself (the form, the rhythm table, the notes): the
# script never reads them, so they stay out of its data. The rhythm table's every_* also give the
# script its rhythm_* in lower case (data.rhythm_texts).
PAGE_STRING_KEYS = """
every_daily every_twice-weekly every_weekly every_biweekly every_monthly
noscript form_unavailable legend_dates date_hint start end weeks weeks_hint legend_format legend_rhythm
cadence cadence_recommended cadence_weekly cadence_biweekly cadence_monthly legend_preference preference_hint
legend_meetings weekday weekdays time time_zone length legend_people student mentor place legend_school
midterm final follow_up submit download print copy_link share_label forget result_title table_caption table_phase
table_checklist when_until_percent when_until_week when_until_mid when_until_final when_until_exit
when_at_percent when_reviews_every when_before_start_one when_before_start_many when_before_end_one
when_before_end_many when_after_end_one when_after_end_many when_daily_one when_daily_many when_expectations
when_last_week range_note zone stale update hours_caption hours_time zones_canada province province_hint
province_none holiday_observed
""".split()
STRING_KEYS = SCRIPT_STRING_KEYS + PAGE_STRING_KEYS


@dataclass(frozen=True)
class Link:
    """A link as written in planner.yml (``page.md#id``) and the line it is on."""

    target: str
    line: int

    @property
    def page(self) -> str:
        return self.target.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.target.partition("#")[2]


@dataclass
class PlannerConfig:
    path: str
    languages: tuple[str, ...]
    min_weeks: int = 2
    max_months: int = 16
    prepare_before_start: int = 7  # days
    follow_up_after_end: int = 28  # days
    bands: list[dict] = field(default_factory=list)
    formats: list[dict] = field(default_factory=list)
    preferences: list[dict] = field(default_factory=list)
    phases: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    zones: list[dict] = field(default_factory=list)  # {"zone": "America/Toronto", "name": {lang: text}}
    # {"key": "QC", "name": {lang: text}, "also": ["Easter Monday"], "observed": [...] or None,
    #  "holiday_names": {package name: {lang: text}}}: see public_holidays.py
    provinces: list[dict] = field(default_factory=list)
    holiday_names: dict[str, dict[str, str]] = field(default_factory=dict)  # the package's name: {lang: text}
    holiday_names_line: int = 1
    strings: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def max_weeks(self) -> int:
        return int(self.max_months * DAYS_PER_MONTH // 7)

    def meeting(self, key: str) -> dict:
        return next(m for m in self.meetings if m["key"] == key)


class _Checker:
    """Collects findings while walking the YAML tree."""

    def __init__(self, path: str, languages: tuple[str, ...]):
        self.path = path
        self.languages = languages
        self.findings: list[Finding] = []

    def error(self, line: int, message: str) -> None:
        self.findings.append(Finding(self.path, line, message))

    def unknown_keys(self, mapping: LineDict, settings: Sequence[str], where: str = "") -> None:
        """Report each key of ``mapping`` that is not one of ``settings``: the planner would skip a
        misspelt setting without a word, and quietly do something else than the editor wrote."""
        for key in mapping:
            if key in settings:
                continue
            guess = difflib.get_close_matches(str(key), settings, n=1)
            hint = f"did you mean '{guess[0]}'?" if guess else f"use one of: {', '.join(settings)}"
            prefix = f"{where}: " if where else ""  # the top level needs no "where"
            self.error(mapping.line_of(key), f"{prefix}'{key}' is not a setting the planner reads; {hint}")

    def mapping(self, parent, key, line: int, required=True) -> LineDict | None:
        value = parent.get(key) if isinstance(parent, dict) else None
        if value is None:
            if required:
                self.error(line, f"'{key}' is missing")
            return None
        if not isinstance(value, LineDict):
            self.error(parent.line_of(key), f"'{key}' must be a mapping (key: value lines)")
            return None
        return value

    def sequence(self, parent: LineDict, key: str) -> LineList:
        value = parent.get(key)
        if not isinstance(value, LineList) or not value:
            self.error(parent.line_of(key), f"'{key}' must be a non-empty list")
            return LineList()
        return value

    def text(self, parent: LineDict, key: str, where: str) -> dict[str, str]:
        """A {fr: …, en: …} text with every language and the same {placeholders} in each."""
        value = parent.get(key)
        line = parent.line_of(key)
        if not isinstance(value, dict):
            self.error(line, f"{where}: '{key}' must be a text in each language, like {{fr: …, en: …}}")
            return {lang: "" for lang in self.languages}
        result = {}
        for lang in self.languages:
            words = value.get(lang)
            if not isinstance(words, str) or not words.strip():
                self.error(line, f"{where}: '{key}' has no '{lang}' text")
                words = ""
            elif has_formatting(words):  # the page shows these words as written, never as HTML
                self.error(line, f"{where}: '{key}' in '{lang}' is shown as plain text: {REMOVE_FORMATTING}")
            result[lang] = typography(words, lang)  # French spacing, as on the pages: editors type ordinary spaces
        for extra in sorted(set(value) - set(self.languages)):
            self.error(line, f"{where}: '{key}' has text in '{extra}', which is not a language of the site")
        placeholders = {lang: set(PLACEHOLDER.findall(words)) for lang, words in result.items()}
        first = self.languages[0]
        for lang in self.languages[1:]:
            if result[lang] and result[first] and placeholders[lang] != placeholders[first]:
                self.error(
                    line,
                    f"{where}: '{key}' uses {_names(placeholders[first])} in '{first}' "
                    f"but {_names(placeholders[lang])} in '{lang}'; use the same placeholders",
                )
        return result

    def integer(self, parent: LineDict, key: str, where: str, minimum: int, maximum: int) -> int:
        value = parent.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
            self.error(parent.line_of(key), f"{where}: '{key}' must be a whole number from {minimum} to {maximum}")
            return minimum
        return value

    def duration(self, parent: LineDict, key: str, where: str) -> int:
        """'3d' or '2w', in days."""
        value = str(parent.get(key, ""))
        match = DURATION.match(value)
        if not match:
            self.error(parent.line_of(key), f"{where}: '{key}' must be a length like 3d or 2w, not '{value}'")
            return 0
        return int(match.group(1)) * (7 if match.group(2) == "w" else 1)

    def position(self, value, line: int, where: str, points=POINTS) -> dict:
        """'25%', '4w', 'mid', 'final' or 'exit': a point in the placement."""
        match = POSITION.match(str(value))
        if not match or (match.group(3) and match.group(3) not in points):
            allowed = ", ".join(["a percentage like 25%", "weeks like 4w", *(f"'{p}'" for p in points)])
            self.error(line, f"{where}: '{value}' is not a point in the placement; use {allowed}")
            return {"fraction": 0.5}
        percent, weeks, point = match.groups()
        if percent is not None:
            if not 0 < float(percent) < 100:
                self.error(line, f"{where}: '{value}' must be between 0% and 100%")
            return {"fraction": float(percent) / 100}
        if weeks is not None:
            return {"days": int(weeks) * 7}
        return {"point": point}

    def interval(self, value, line: int, where: str) -> str:
        if value not in INTERVALS:
            self.error(line, f"{where}: unknown interval '{value}'; use one of: {', '.join(INTERVALS)}")
            return "weekly"
        return value

    def link(self, value, line: int, where: str) -> Link | None:
        if not isinstance(value, str) or not re.match(r"^[\w./-]+\.md(#[\w-]+)?$", value):
            self.error(line, f"{where}: '{value}' is not a link to a page, like practices/check-in.md#what-to-do")
            return None
        return Link(value, line)

    def keyed(self, items: LineList, where: str, field: str = "key", problem=None) -> list[tuple[int, LineDict]]:
        """The list's mappings, each with a unique ``field``; ``problem(value)`` says what is wrong
        with a value, or None (by default: a key is lowercase words joined by hyphens)."""
        problem = problem or _key_problem
        seen: set[str] = set()
        result = []
        for index, item in enumerate(items):
            line = items.line_of(index)
            if not isinstance(item, LineDict):
                self.error(line, f"{where}: each item must be a mapping with a '{field}'")
                continue
            value = item.get(field)
            message = problem(value)
            if message:
                self.error(line, f"{where}: {message}")
                continue
            if value in seen:
                self.error(line, f"{where}: the {field} '{value}' is used twice")
                continue
            seen.add(value)
            result.append((line, item))
        return result


def _key_problem(key) -> str | None:
    if not isinstance(key, str) or not re.match(r"^[a-z][a-z0-9-]*$", key):
        return f"'key' must be lowercase words joined by hyphens, not '{key}'"
    return None


def _zone_problem(code) -> str | None:
    try:
        zoneinfo.ZoneInfo(code)
    except (TypeError, ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):  # OSError: a folder (America)
        return f"'{code}' is not a time zone; write its code in the tz database, like America/Toronto"
    return None


def _names(placeholders: set[str]) -> str:
    return ", ".join(f"{{{p}}}" for p in sorted(placeholders)) or "no placeholder"


def load_planner_config(path: Path, languages: tuple[str, ...] = ("fr", "en")) -> PlannerConfig:
    """Parse and check planner.yml. Raises ContentError listing every mistake found.

    Each language's build asks for it: unchanged text is parsed once. Do not modify the result."""
    shown = relative(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(Finding(shown, 1, "the planner's data file is missing")) from None
    return _parse_unchanged(text, shown, tuple(languages))


# The top-level settings (each kind of mapping has its settings above the function that reads it).
SETTINGS = ("limits", "prepare_before_start", "follow_up_after_end", "bands", "formats", "preferences",
            "phases", "meetings", "zones", "provinces", "holiday_names", "strings")


@lru_cache(maxsize=8)
def _parse_unchanged(text: str, shown: str, languages: tuple[str, ...]) -> PlannerConfig:
    # Parsed once per process, and remembered between builds.
    return cache.cached_value("parsed-planner-data", [text, shown, ",".join(languages)], lambda: _parse(text, shown, languages))


def _parse(text: str, shown: str, languages: tuple[str, ...]) -> PlannerConfig:
    try:
        tree = load_with_lines(text)
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, text)
        raise ContentError(Finding(shown, line, f"not valid YAML: {problem}")) from None
    check = _Checker(shown, tuple(languages))
    if not isinstance(tree, LineDict):
        raise ContentError(Finding(shown, 1, "the file must be a mapping of settings"))
    config = PlannerConfig(path=shown, languages=tuple(languages))
    check.unknown_keys(tree, SETTINGS)

    _limits(check, tree, config)
    config.prepare_before_start = check.duration(tree, "prepare_before_start", "timing")
    config.follow_up_after_end = check.duration(tree, "follow_up_after_end", "timing")

    config.phases = _phases(check, tree)
    phase_keys = [phase["key"] for phase in config.phases]
    for required in REQUIRED_PHASES:
        if required not in phase_keys:
            check.error(tree.line_of("phases"), f"phases: the planner needs a phase with key '{required}'")

    config.meetings = _meetings(check, tree, phase_keys)
    meeting_keys = {meeting["key"] for meeting in config.meetings}
    for required in ("preparation", "first-day", "touchpoint", "expectations", "check-in",
                     "quarterly-review", "final-evaluation", "exit", "follow-up"):
        if required not in meeting_keys:
            check.error(tree.line_of("meetings"), f"meetings: the planner needs a meeting with key '{required}'")

    config.formats = _shifted(check, tree, "formats", with_daily=True)
    config.preferences = _shifted(check, tree, "preferences", with_daily=False)
    config.bands = _bands(check, tree, phase_keys, meeting_keys, config)

    config.zones = _zones(check, tree)
    config.provinces = _provinces(check, tree)
    names = check.mapping(tree, "holiday_names", 1)
    if names is not None:
        config.holiday_names_line = tree.line_of("holiday_names")
        config.holiday_names = {str(name): check.text(names, name, "holiday_names") for name in names}
        for province in config.provinces:
            for name in province["also"] + (province["observed"] or []):
                if name not in config.holiday_names:
                    check.error(province["line"], f"province '{province['key']}': '{name}' is not in holiday_names")

    strings = check.mapping(tree, "strings", 1)
    if strings is not None:
        for key in STRING_KEYS:
            if key not in strings:
                check.error(strings.line, f"strings: '{key}' is missing")
        check.unknown_keys(strings, STRING_KEYS, "strings")
        for key in strings:
            if key in STRING_KEYS:
                config.strings[key] = check.text(strings, key, "strings")
    if check.findings:
        raise ContentError(check.findings)
    return config


LIMITS_SETTINGS = ("min_weeks", "max_months")


def _limits(check: _Checker, tree: LineDict, config: PlannerConfig) -> None:
    """The shortest and longest placements the form accepts."""
    limits = check.mapping(tree, "limits", 1)
    if limits is not None:
        check.unknown_keys(limits, LIMITS_SETTINGS, "limits")
        config.min_weeks = check.integer(limits, "min_weeks", "limits", 1, 12)
        config.max_months = check.integer(limits, "max_months", "limits", 1, 24)


PHASE_SETTINGS = ("key", "name", "description")


def _phases(check: _Checker, tree: LineDict) -> list[dict]:
    """The phases, in order: the timeline's headings."""
    phases = []
    for line, item in check.keyed(check.sequence(tree, "phases"), "phases"):
        where = f"phase '{item['key']}'"
        check.unknown_keys(item, PHASE_SETTINGS, where)
        phases.append(
            {
                "key": item["key"],
                "line": line,
                "name": check.text(item, "name", where),
                "description": check.text(item, "description", where),
            }
        )
    return phases


MEETING_SETTINGS = ("key", "phase", "name", "minutes", "with_student", "with_mentor", "agenda", "agenda_also",
                    "prompts_in_turn", "checklist", "guide", "template")


def _meetings(check: _Checker, tree: LineDict, phase_keys: list[str]) -> list[dict]:
    """The kinds of meetings: their phase, length, attendees, agenda and links."""
    meetings = []
    for line, item in check.keyed(check.sequence(tree, "meetings"), "meetings"):
        where = f"meeting '{item['key']}'"
        check.unknown_keys(item, MEETING_SETTINGS, where)
        phase = item.get("phase")
        if phase is not None and phase not in phase_keys:
            check.error(item.line_of("phase"), f"{where}: unknown phase '{phase}'; phases are: {', '.join(phase_keys)}")
        minutes = item.get("minutes")
        if minutes is not None:
            minutes = check.integer(item, "minutes", where, 5, 240)
        agenda = _sources(check, item, "agenda", where, "the checklist or guide section its prompts come from")
        also = _sources(check, item, "agenda_also", where, "the sections whose items always follow the agenda's",
                        required=False)
        meetings.append(
            {
                "key": item["key"],
                "line": line,
                "phase": phase,
                "name": check.text(item, "name", where),
                "minutes": minutes,
                "with_student": _flag(check, item, "with_student", where),
                "with_mentor": _flag(check, item, "with_mentor", where),
                "prompts_in_turn": _prompts_in_turn(check, item, where),
                "agenda": agenda,
                "agenda_also": also,
                "checklist": check.link(item.get("checklist"), item.line_of("checklist"), where),
                "guide": check.link(item.get("guide"), item.line_of("guide"), where),
                # Optional: a toolkit template to fill in at this meeting (the learning plan).
                "template": check.link(item["template"], item.line_of("template"), where) if "template" in item else None,
            }
        )
    return meetings


def _sources(check: _Checker, item: LineDict, key: str, where: str, what: str, required: bool = True) -> list[Link]:
    """A meeting's list of agenda sources (one link, or a list of them); [] when an optional
    setting is left out."""
    if key not in item and not required:
        return []
    sources = item.get(key)
    if isinstance(sources, str):
        sources = LineList([sources])
        sources.line, sources.item_lines = item.line_of(key), [item.line_of(key)]
    if not isinstance(sources, LineList) or not sources:
        check.error(item.line_of(key), f"{where}: '{key}' must list {what}")
        return []
    return [link for i, source in enumerate(sources) if (link := check.link(source, sources.line_of(i), where))]


def _flag(check: _Checker, item: LineDict, key: str, where: str) -> bool:
    """An optional true-or-false setting of a meeting, true when left out. A typo or a quoted
    "false" would otherwise read as true, and name someone at a meeting they do not attend."""
    value = item.get(key, True)
    if not isinstance(value, bool):
        check.error(item.line_of(key), f"{where}: '{key}' must be true or false, without quotes; leave it out for true")
        return True
    return value


def _prompts_in_turn(check: _Checker, item: LineDict, where: str) -> int | None:
    """How many prompts each meeting of the kind shows, taking turns from one to the next; None
    when it is left out: each meeting lists the whole agenda."""
    if "prompts_in_turn" not in item:
        return None
    value = item["prompts_in_turn"]
    # MAX_PROMPTS or more would be the whole agenda: leaving the setting out says so.
    if not isinstance(value, int) or isinstance(value, bool) or not MIN_PROMPTS <= value < MAX_PROMPTS:
        check.error(
            item.line_of("prompts_in_turn"),
            f"{where}: 'prompts_in_turn' must be a whole number from {MIN_PROMPTS} to {MAX_PROMPTS - 1} "
            "(how many prompts each meeting shows, taking turns); leave it out to list the whole agenda every time",
        )
        return None
    return value


ZONE_SETTINGS = ("zone", "name")


def _zones(check: _Checker, tree: LineDict) -> list[dict]:
    """The time zones the form names, each a real zone of the tz database, named once."""
    zones = []
    for _, item in check.keyed(check.sequence(tree, "zones"), "zones", field="zone", problem=_zone_problem):
        where = f"zone '{item['zone']}'"
        check.unknown_keys(item, ZONE_SETTINGS, where)
        zones.append({"zone": item["zone"], "name": check.text(item, "name", where)})
    return zones


def _province_problem(code) -> str | None:
    if isinstance(code, bool):  # YAML 1.1 reads a bare ON, OFF, YES or NO as true or false
        return f"'key' must be in quotes, like \"ON\": without them, YAML reads it as {str(code).lower()}"
    if code not in (*PROVINCE_CODES, FEDERAL):
        return (f"'key' must be the code of a province or territory ({', '.join(PROVINCE_CODES)}) "
                f"or {FEDERAL} (the Canada Labour Code), not '{code}'")
    return None


# holiday_names: the province's own names, each a free name (not a setting).
PROVINCE_SETTINGS = ("key", "name", "note_name", "also", "observed", "holiday_names")


def _provinces(check: _Checker, tree: LineDict) -> list[dict]:
    """The provinces and territories of the form's list, each once, with the extra holidays to flag."""
    provinces = []
    for line, item in check.keyed(check.sequence(tree, "provinces"), "provinces", problem=_province_problem):
        where = f"province '{item['key']}'"
        check.unknown_keys(item, PROVINCE_SETTINGS, where)
        names = {}
        for field in ("also", "observed"):
            value = item.get(field, [] if field == "also" else None)
            if value is not None and (not isinstance(value, list) or not all(isinstance(name, str) for name in value)):
                check.error(item.line_of(field), f"{where}: '{field}' must be a list of holiday names, like [Easter Monday]")
                value = [] if field == "also" else None
            names[field] = value
        # Its own name for a holiday, where the law there says more (Quebec's Good Friday).
        own = check.mapping(item, "holiday_names", line, required=False)
        names["holiday_names"] = {str(name): check.text(own, name, f"{where} holiday_names") for name in own or {}}
        # The shorter name the notes on meetings use, where the list's name is long (the federal one).
        note_name = check.text(item, "note_name", where) if "note_name" in item else None
        provinces.append({"key": item["key"], "line": line, "name": check.text(item, "name", where), "note_name": note_name, **names})
    return provinces


PREFERENCE_SETTINGS = ("key", "name", "shift")
FORMAT_SETTINGS = (*PREFERENCE_SETTINGS, "daily_weeks")


def _shifted(check: _Checker, tree: LineDict, key: str, with_daily: bool) -> list[dict]:
    """The formats (with_daily) or the student's preferences: each a step along the intervals."""
    result = []
    for line, item in check.keyed(check.sequence(tree, key), key):
        where = f"{key} '{item['key']}'"
        check.unknown_keys(item, FORMAT_SETTINGS if with_daily else PREFERENCE_SETTINGS, where)
        entry = {
            "key": item["key"],
            "name": check.text(item, "name", where),
            "shift": check.integer(item, "shift", where, -3, 3),
        }
        if with_daily:
            entry["daily_weeks"] = check.integer(item, "daily_weeks", where, 0, 4)
        result.append(entry)
    return result


BAND_SETTINGS = ("key", "until_weeks", "name", "mid_review", "mid_review_at", "reviews_every",
                 "final_evaluation_before_end", "rhythm")
RHYTHM_SETTINGS = ("phase", "until", "every", "range")


def _bands(check: _Checker, tree: LineDict, phases: list[str], meetings: set[str], config: PlannerConfig) -> list[dict]:
    bands = []
    previous_until = 0.0
    for line, item in check.keyed(check.sequence(tree, "bands"), "bands"):
        where = f"band '{item['key']}'"
        check.unknown_keys(item, BAND_SETTINGS, where)
        until = item.get("until_weeks")
        if not isinstance(until, (int, float)) or until <= previous_until:
            check.error(item.line_of("until_weeks"), f"{where}: 'until_weeks' must be a number above the previous band's ({previous_until:g})")
            until = previous_until + 1
        previous_until = until
        mid_review = item.get("mid_review")
        if mid_review not in meetings:
            check.error(item.line_of("mid_review"), f"{where}: 'mid_review' must name a meeting, not '{mid_review}'")
        mid_at = check.position(item.get("mid_review_at"), item.line_of("mid_review_at"), where, points=())
        if "fraction" not in mid_at:
            check.error(item.line_of("mid_review_at"), f"{where}: 'mid_review_at' must be a percentage, like 50%")
        band = {
            "key": item["key"],
            "until_weeks": until,
            "name": check.text(item, "name", where),
            "mid_review": mid_review,
            "mid_review_at": mid_at,
            "final_before_end": check.duration(item, "final_evaluation_before_end", where),
            "reviews_every": check.duration(item, "reviews_every", where) if "reviews_every" in item else None,
            "rhythm": [],
        }
        rhythm = check.sequence(item, "rhythm")
        last_phase = -1
        for index, segment in enumerate(rhythm):
            seg_line = rhythm.line_of(index)
            if not isinstance(segment, LineDict):
                check.error(seg_line, f"{where}: each rhythm segment must be a mapping")
                continue
            check.unknown_keys(segment, RHYTHM_SETTINGS, f"{where}, rhythm")
            phase = segment.get("phase")
            if phase not in phases:
                check.error(seg_line, f"{where}: unknown phase '{phase}'")
                continue
            if phases.index(phase) < last_phase:
                check.error(seg_line, f"{where}: rhythm segments must follow the order of the phases")
            last_phase = phases.index(phase)
            every = check.interval(segment.get("every"), seg_line, where)
            span = segment.get("range")
            if span is not None:
                if not isinstance(span, list) or len(span) != 2:
                    check.error(seg_line, f"{where}: 'range' must be [densest, sparsest], like [weekly, biweekly]")
                    span = None
                else:
                    span = [check.interval(value, seg_line, where) for value in span]
                    low, high = (INTERVALS.index(value) for value in span)
                    if not low <= INTERVALS.index(every) <= high:
                        check.error(seg_line, f"{where}: '{every}' must lie within its range {span[0]} to {span[1]}")
            band["rhythm"].append(
                {"phase": phase, "until": check.position(segment.get("until"), seg_line, where), "every": every, "range": span}
            )
        bands.append(band)
    if bands and bands[-1]["until_weeks"] * 7 <= config.max_months * DAYS_PER_MONTH:
        check.error(
            tree.line_of("bands"),
            f"bands: the last band must cover placements of {config.max_months} months "
            f"(until_weeks above {config.max_months * DAYS_PER_MONTH / 7:.1f})",
        )
    return bands
