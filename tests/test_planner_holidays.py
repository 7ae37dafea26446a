"""The planner's public holidays: the right days under the guide's names in each language, the
data's years, errors at planner.yml's line when a name or a province is wrong, and the cache."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from pathlib import Path

import lxml.html
import pytest

from wilguide import cache
from wilguide.findings import ContentError
from wilguide.planner import load_planner_config, plan_data, render_form
from wilguide.planner.public_holidays import holiday_data, holiday_years

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "content" / "planner.yml"
YEARS = (2025, 2029)
PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
FEDERAL = "FED"  # the federally regulated private sector: the Canada Labour Code's holidays


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WILGUIDE_CACHE_DIR", str(tmp_path / "cache"))


def by_date(lang: str, province: str, path: Path = DATA_FILE) -> dict[str, str]:
    data = holiday_data(load_planner_config(path), lang, YEARS)
    epoch = dt.date(1970, 1, 1)
    return {(epoch + dt.timedelta(days=day)).isoformat(): data["names"][name] for day, name in data["days"][province]}


def first_monday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(calendar.MONDAY - day.weekday()) % 7)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA_FILE.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} is not in planner.yml exactly once"
    target = tmp_path / "planner.yml"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


def line_of(path: Path, snippet: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(snippet)].count("\n") + 1


def test_every_province_and_territory_is_in_the_list_and_the_canada_labour_code():
    assert sorted(p["key"] for p in load_planner_config(DATA_FILE).provinces) == sorted([*PROVINCES, FEDERAL])


# The Canada Labour Code's ten general holidays (s. 166, with September 30 since 2021), for 2026 and
# for 2028, when five of the six the Code moves off a weekend (s. 193(2)) fall on a Saturday.
CANADA_LABOUR_CODE_2026 = {
    "2026-01-01": "New Year's Day", "2026-04-03": "Good Friday", "2026-05-18": "Victoria Day", "2026-07-01": "Canada Day",
    "2026-09-07": "Labour Day", "2026-09-30": "National Day for Truth and Reconciliation", "2026-10-12": "Thanksgiving",
    "2026-11-11": "Remembrance Day", "2026-12-25": "Christmas Day", "2026-12-26": "Boxing Day",
    "2026-12-28": "Boxing Day (observed)",
}
CANADA_LABOUR_CODE_2028_MOVED = {
    "2028-01-03": "New Year's Day (observed)", "2028-07-03": "Canada Day (observed)",
    "2028-10-02": "National Day for Truth and Reconciliation (observed)", "2028-11-13": "Remembrance Day (observed)",
}


def test_the_canada_labour_code_gives_its_ten_holidays_and_no_provincial_ones():
    days = by_date("en", FEDERAL)
    assert {d: n for d, n in days.items() if d.startswith("2026-")} == CANADA_LABOUR_CODE_2026
    assert {d: n for d, n in days.items() if d.startswith("2028-") and "observed" in n} == CANADA_LABOUR_CODE_2028_MOVED
    assert by_date("fr", FEDERAL)["2026-09-30"] == "Journée nationale de la vérité et de la réconciliation"
    assert by_date("fr", FEDERAL)["2026-10-12"] == "Action de grâce"


@pytest.mark.parametrize("lang, name", [("fr", "Fête du Travail"), ("en", "Labour Day")])
def test_labour_day_is_the_first_monday_of_september_everywhere(lang, name):
    for province in PROVINCES:
        days = by_date(lang, province)
        for year in range(YEARS[0], YEARS[1] + 1):
            assert days.get(first_monday(year, 9).isoformat()) == name, (province, year)


@pytest.mark.parametrize(
    "lang, province, date, name",
    [
        ("fr", "QC", "2026-06-24", "Fête nationale du Québec"),
        ("en", "QC", "2026-06-24", "Quebec's National Holiday"),
        ("fr", "QC", "2026-04-03", "Vendredi saint, sauf si votre organisation a choisi le lundi de Pâques"),
        ("en", "QC", "2026-04-03", "Good Friday, unless your organization chose Easter Monday instead"),
        ("fr", "ON", "2026-04-03", "Vendredi saint"),  # Quebec's own name for it stays Quebec's
        # Quebec's trainee Act: Good Friday or Easter Monday, as the host chooses.
        ("fr", "QC", "2026-04-06", "Lundi de Pâques, si votre organisation l'a choisi plutôt que le Vendredi saint"),
        ("en", "QC", "2026-04-06", "Easter Monday, if your organization chose it instead of Good Friday"),
        # Quebec moves only July 1 and June 24, when they fall on a Sunday (the trainee Act, s. 9).
        ("fr", "QC", "2029-07-02", "Fête du Canada (congé reporté)"),
        ("en", "QC", "2029-06-25", "Quebec's National Holiday (observed)"),
        ("fr", "QC", "2026-05-18", "Journée nationale des patriotes"),
        ("fr", "ON", "2026-05-18", "Fête de Victoria"),
        ("fr", "ON", "2026-02-16", "Fête de la famille"),
        ("fr", "ON", "2026-12-26", "Lendemain de Noël"),
        ("fr", "ON", "2026-12-28", "Lendemain de Noël (congé reporté)"),  # December 26 is a Saturday
        ("en", "ON", "2026-12-28", "Boxing Day (observed)"),
        ("fr", "NB", "2026-08-03", "Jour du Nouveau-Brunswick"),
        ("fr", "BC", "2026-08-03", "Jour de la Colombie-Britannique"),
        ("fr", "BC", "2026-09-30", "Journée nationale de la vérité et de la réconciliation"),
        ("fr", "MB", "2026-02-16", "Journée Louis-Riel"),
        ("fr", "NL", "2026-07-01", "Fête du Canada et Jour commémoratif"),
        ("en", "NL", "2026-07-01", "Canada Day and Memorial Day"),
        ("en", "NT", "2026-06-21", "National Indigenous Peoples Day"),
        ("fr", "SK", "2026-08-03", "Jour de la Saskatchewan"),
        ("fr", "PE", "2026-02-16", "Fête des Insulaires"),
        ("fr", "NS", "2026-02-16", "Journée du patrimoine"),  # the province's own French name for it
        ("fr", "ON", "2026-01-01", "Jour de l'An"),
        ("fr", "ON", "2026-12-25", "Noël"),
    ],
)
def test_holidays_carry_the_guides_name_for_them(lang, province, date, name):
    assert by_date(lang, province)[date] == name


@pytest.mark.parametrize(
    "province, date",
    [("ON", "2026-06-24"), ("QC", "2026-12-26"), ("ON", "2026-04-06"), ("QC", "2026-02-16"), ("ON", "2026-09-30"),
     # Christmas and New Year's Day on a Saturday: Quebec's law gives no Monday off in their place.
     ("QC", "2027-12-27"), ("QC", "2028-01-03")],
)
def test_a_day_that_is_no_public_holiday_there_is_not_flagged(province, date):
    assert date not in by_date("fr", province)


def test_both_languages_flag_the_same_days():
    for province in [*PROVINCES, FEDERAL]:
        assert by_date("fr", province).keys() == by_date("en", province).keys(), province


def test_the_data_covers_last_year_to_three_years_ahead():
    assert holiday_years(dt.date(2026, 12, 5)) == (2025, 2029)
    assert holiday_years(dt.date(2031, 1, 1)) == (2030, 2034)
    data = holiday_data(load_planner_config(DATA_FILE), "en", (2030, 2031))
    assert data["years"] == [2030, 2031]
    epoch = dt.date(1970, 1, 1)
    years = {(epoch + dt.timedelta(days=day)).year for entries in data["days"].values() for day, _ in entries}
    assert years == {2030, 2031}


def test_a_holiday_without_the_guides_name_stops_the_build_at_holiday_names(tmp_path):
    path = edited(tmp_path, '  "Islander Day": {fr: "Fête des Insulaires", en: "Islander Day"}\n', "")
    with pytest.raises(ContentError) as caught:
        holiday_data(load_planner_config(path), "fr", YEARS)
    assert [str(f) for f in caught.value.findings] == [
        f"{path}:{line_of(path, chr(10) + 'holiday_names:') + 1}: holiday_names: the holidays package names a holiday 'Islander Day'; "
        "add it with the planner's name for it in each language"
    ]


@pytest.mark.parametrize(
    "old, new, snippet, message",
    [
        ('{key: "ON",', "{key: ON,", "{key: ON,", "provinces: 'key' must be in quotes, like \"ON\": without them, YAML reads it as true"),
        ('{key: "YT",', '{key: "YK",', '{key: "YK",', "provinces: 'key' must be the code of a province or territory"),
        ('{key: "SK",', '{key: "AB",', '{key: "AB", name: {fr: "Saskatchewan"', "provinces: the key 'AB' is used twice"),
        ("also: [Easter Monday]", "also: [Easter Tuesday]", 'key: "QC"', "province 'QC': 'Easter Tuesday' is not in holiday_names"),
        ('"Good Friday": {fr: "Vendredi saint, sauf si votre organisation a choisi le lundi de Pâques", en: "Good Friday, unless your organization chose Easter Monday instead"}',
         '"Good Friday": {fr: "Vendredi saint, sauf si votre organisation a choisi le lundi de Pâques"}', '"Good Friday": {fr: "Vendredi saint, sauf',
         "province 'QC' holiday_names: 'Good Friday' has no 'en' text"),
        ("observed: [Canada Day,", "observed: [Dominion Day,", 'key: "QC"', "province 'QC': 'Dominion Day' is not in holiday_names"),
        ("observed: [Canada Day, Saint John the Baptist Day]", "observed: Canada Day", "observed: Canada Day",
         "province 'QC': 'observed' must be a list of holiday names"),
        ('name: {fr: "Nunavut", en: "Nunavut"}', 'name: {fr: "Nunavut"}', '{key: "NU"', "province 'NU': 'name' has no 'en' text"),
        ('note_name: {fr: "Code canadien du travail", en: "Canada Labour Code"}', 'note_name: {fr: "Code canadien du travail"}',
         "note_name: {fr:", "province 'FED': 'note_name' has no 'en' text"),
        ('  "Civic Holiday": {fr: "Congé civique", en: "Civic Holiday"}', '  "Civic Holiday": {fr: "Congé civique"}',
         '"Civic Holiday"', "holiday_names: 'Civic Holiday' has no 'en' text"),
    ],
)
def test_mistakes_in_the_lists_are_reported_at_their_line(tmp_path, old, new, snippet, message):
    path = edited(tmp_path, old, new)
    with pytest.raises(ContentError) as caught:
        load_planner_config(path)
    expected_start = f"{path}:{line_of(path, snippet)}: {message}"
    assert any(str(f).startswith(expected_start) for f in caught.value.findings), [str(f) for f in caught.value.findings]


def test_a_rebuild_reads_the_cache_and_a_changed_name_is_seen(tmp_path):
    config = load_planner_config(DATA_FILE)
    first = holiday_data(config, "fr", YEARS)
    before = cache.generated_count.get("holidays", 0)
    assert holiday_data(config, "fr", YEARS) == first
    assert cache.generated_count.get("holidays", 0) == before  # answered from the cache
    path = edited(tmp_path, '{fr: "Fête de Victoria",', '{fr: "Journée de Victoria",')
    assert "Journée de Victoria" in holiday_data(load_planner_config(path), "fr", YEARS)["names"]
    assert cache.generated_count.get("holidays", 0) == before + 1
    assert holiday_data(config, "en", YEARS) != first  # each language has its own entry


@pytest.mark.slow
@pytest.mark.parametrize("prefix, labour_day, other", [("", "Fête du Travail", "Labour Day"), ("en/", "Labour Day", "Fête du Travail")])
def test_each_language_serves_its_holidays_beside_the_planner_page_not_in_it(built_site, prefix, labour_day, other):
    folder = built_site / prefix / "toolkit" / "planner"
    data = json.loads((folder / "holidays.json").read_text(encoding="utf-8"))
    first, last = data["years"]
    assert first <= dt.date.today().year < last
    names = {data["names"][index] for _, index in data["days"]["ON"]}
    assert labour_day in names and other not in names
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert "Saskatchewan Day" not in html and "Jour de la Saskatchewan" not in html  # fetched only when needed



@pytest.mark.parametrize(
    "lang, names",
    [
        ("fr", ["Ne pas tenir compte des jours fériés", "Alberta", "Colombie-Britannique", "Île-du-Prince-Édouard", "Manitoba",
                "Nouveau-Brunswick", "Nouvelle-Écosse", "Nunavut", "Ontario", "Québec", "Saskatchewan",
                "Terre-Neuve-et-Labrador", "Territoires du Nord-Ouest", "Yukon",
                "Secteur privé sous réglementation fédérale (Code canadien du travail)"]),
        ("en", ["Don't take public holidays into account", "Alberta", "British Columbia", "Manitoba", "New Brunswick",
                "Newfoundland and Labrador", "Northwest Territories", "Nova Scotia", "Nunavut", "Ontario",
                "Prince Edward Island", "Quebec", "Saskatchewan", "Yukon",
                "Federally regulated private sector (Canada Labour Code)"]),
    ],
)
def test_the_form_lists_the_provinces_in_the_readers_alphabetical_order(lang, names):
    config = load_planner_config(DATA_FILE)
    data = plan_data(config, ROOT / "docs", lang, lambda target: target)
    form = lxml.html.fromstring(render_form(config, data, lang, "planner.js"))
    assert [option.text for option in form.xpath("//select[@name='province']/option")] == names


@pytest.mark.parametrize("lang, short", [("fr", "Code canadien du travail"), ("en", "Canada Labour Code")])
def test_the_notes_on_meetings_name_the_federal_list_by_the_code_alone(lang, short):
    config = load_planner_config(DATA_FILE)
    data = plan_data(config, ROOT / "docs", lang, lambda target: target)
    form = lxml.html.fromstring(render_form(config, data, lang, "planner.js"))
    named = {option.get("value"): option.get("data-note-name") for option in form.xpath("//select[@name='province']/option")}
    assert named.pop(FEDERAL) == short
    assert set(named.values()) == {None}  # a province is named in the notes as in the list
