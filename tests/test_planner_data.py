"""The planner's build side: content/planner.yml checks (file:line errors), agenda prompts read
from the checklists and guide pages, links resolved and checked, and the page the hook fills."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import lxml.html
import pytest
from mkdocs.exceptions import PluginError

from wilguide.findings import ContentError
from wilguide.planner import load_planner_config, plan_data, render_rhythm_table
from wilguide.planner.pages import list_items, read_page
from wilguide.planner.public_holidays import holiday_data
from wilguide.planner.test_copies import HOLIDAYS_YEARS, REFRESH_COMMAND, fake_url, write_test_copies

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "content" / "planner.yml"
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "js" / "plan-data.en.json"
HOLIDAYS_FIXTURE = ROOT / "tests" / "js" / "holidays.en.json"


def broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in planner.yml"
    target = tmp_path / "planner.yml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, snippet: str) -> int:
    return path.read_text(encoding="utf-8")[: path.read_text(encoding="utf-8").index(snippet)].count("\n") + 1


def findings_of(path: Path, docs: Path | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        config = load_planner_config(path)
        if docs:
            plan_data(config, docs, "fr", fake_url)
    return [str(f) for f in caught.value.findings]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_real_data_builds_in_each_language(lang):
    config = load_planner_config(DATA_FILE)
    data = plan_data(config, DOCS, lang, fake_url)
    assert data["locale"] == {"fr": "fr-CA", "en": "en-CA"}[lang]
    for key, meeting in data["meetings"].items():
        assert len(meeting["prompts"]) >= 3, key
        assert all(p and "{{" not in p and "[" not in p for p in meeting["prompts"]), meeting["prompts"]
        assert meeting["guide"]["href"] and meeting["checklist"]["href"], key
    assert [p["key"] for p in data["phases"]][:2] == ["prepare", "welcome"]
    assert "{zone}" in data["strings"]["other_zone"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_scripts_data_carries_exactly_the_texts_it_reads(lang):
    """The form's labels, hints and the rhythm table are written into the page by the build: sent
    again in the script's data, they only made the page heavier. Read from the script's own source:
    each text it names (`s.summary`), each key it passes as a quoted name ("error_time") and each
    family it builds (`rhythm_${…}`) is in the data, and the data holds nothing else."""
    source = "".join((DOCS / "assets" / "javascripts" / "planner" / name).read_text(encoding="utf-8")
                     for name in ("planner.js", "schedule.js", "ics.js"))
    named = set(re.findall(r"\bs\.([a-z_]+)", source)) | set(re.findall(r'"([a-z]+_[a-z_]+)"', source))
    families = re.findall(r"`([a-z]+_)\$\{", source)
    strings = set(plan_data(load_planner_config(DATA_FILE), DOCS, lang, fake_url)["strings"])
    assert named - strings == set(), "the script reads texts its data does not carry"
    assert families and all(any(key.startswith(family) for key in strings) for family in families)
    unread = {key for key in strings - named if not key.startswith(tuple(families))}
    assert unread == set(), "the data carries texts the script never reads"


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["chaque jour", "deux fois par semaine", "chaque semaine", "aux deux semaines", "chaque mois"]),
    ("en", ["every day", "twice a week", "every week", "every two weeks", "every month"]),
])
def test_the_rhythm_line_says_how_often_mid_sentence_in_lower_case(lang, expected):
    """The rhythm line ("Week 1: every day · Then every two weeks") takes its words from the
    script's data, in lower case, as the form's choices say them."""
    strings = plan_data(load_planner_config(DATA_FILE), DOCS, lang, fake_url)["strings"]
    keys = ["rhythm_daily", "rhythm_twice-weekly", "rhythm_weekly", "rhythm_biweekly", "rhythm_monthly"]
    assert [strings[key] for key in keys] == expected


def test_node_fixture_matches_the_rules_in_planner_yml():
    """tests/js/plan-data.en.json feeds the node tests: its rules must be today's rules.
    Regenerate it with: .venv/bin/python -m wilguide.planner.test_copies"""
    current = plan_data(load_planner_config(DATA_FILE), DOCS, "en", fake_url)
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    regenerate = f"regenerate {FIXTURE.name} with: {REFRESH_COMMAND}"
    assert set(fixture) == set(current), f"planner data keys changed: {regenerate}"
    assert set(fixture["meetings"]) == set(current["meetings"]), f"meetings changed: {regenerate}"
    assert set(fixture["strings"]) == set(current["strings"]), f"strings changed: {regenerate}"
    for key, meeting in current["meetings"].items():
        assert fixture["meetings"][key] == meeting, f"meeting {key!r} changed (planner.yml or its agenda pages): {regenerate}"
    for key in current:
        assert fixture[key] == current[key], f"{key} changed in planner.yml or the pages: {regenerate}"
    holidays = holiday_data(load_planner_config(DATA_FILE), "en", HOLIDAYS_YEARS)
    assert json.loads(HOLIDAYS_FIXTURE.read_text(encoding="utf-8")) == holidays, f"holidays changed: {regenerate}"


def write_fixture() -> None:
    """Kept for muscle memory; editors run .venv/bin/python -m wilguide.planner.test_copies."""
    write_test_copies(ROOT)


def test_missing_translation_is_reported_at_its_line(tmp_path):
    broken = broken_copy(tmp_path, 'name: {fr: "Démarrage", en: "Ramp-up"}', 'name: {fr: "Démarrage"}')
    line = line_of(broken, 'name: {fr: "Démarrage"}')
    assert findings_of(broken) == [f"{broken}:{line}: phase 'ramp-up': 'name' has no 'en' text"]


def test_interface_text_with_formatting_is_reported_at_its_line(tmp_path):
    broken = broken_copy(tmp_path, 'name: {fr: "Démarrage", en: "Ramp-up"}', 'name: {fr: "*Démarrage*", en: "Ramp-up"}')
    line = line_of(broken, 'name: {fr: "*Démarrage*"')
    assert findings_of(broken) == [
        f"{broken}:{line}: phase 'ramp-up': 'name' in 'fr' is shown as plain text: remove Markdown or HTML formatting (*, **, `, links, tags)"
    ]


def test_placeholders_must_match_between_languages(tmp_path):
    broken = broken_copy(tmp_path, 'en: "{count} meetings from {first} to {last}."', 'en: "{count} meetings until {end}."')
    [finding] = findings_of(broken)
    assert finding.startswith(f"{broken}:{line_of(broken, 'summary:')}: strings: 'summary' uses")
    assert "{end}" in finding


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("every: weekly}", "every: fortnightly}", "unknown interval 'fortnightly'"),
        ("until: 25%, every: weekly}", "until: 125%, every: weekly}", "must be between 0% and 100%"),
        ("until: 25%, every: weekly}", "until: soon, every: weekly}", "'soon' is not a point in the placement"),
        ("    phase: prepare\n", "    phase: before\n", "unknown phase 'before'"),
        ("guide: roles.md#before-the-placement", "guide: roles#before", "is not a link to a page"),
        ("until_weeks: 71", "until_weeks: 60", "the last band must cover placements of 16 months"),
        ("  - key: hybrid", "  - key: remote", "the key 'remote' is used twice"),
        ("  minutes: {fr:", "  minutez: {fr:", "strings: 'minutez' is not a setting the planner reads; did you mean 'minutes'?"),
        ("{zone: America/Winnipeg,", "{zone: America/Winipeg,", "zones: 'America/Winipeg' is not a time zone"),
        ("{zone: America/Winnipeg,", "{zone: America,", "zones: 'America' is not a time zone"),
        ("{zone: America/Winnipeg,", "{zone: America/Toronto,", "zones: the zone 'America/Toronto' is used twice"),
        ('en: "Central Time — Winnipeg"}', 'en: ""}', "zone 'America/Winnipeg': 'name' has no 'en' text"),
        ("agenda: [toolkit/check-in-agenda.md, practices/check-in.md#agenda]", "agenda: []",
         "meeting 'check-in': 'agenda' must list the checklist or guide section its prompts come from"),
        ("agenda_also: [toolkit/mid-placement-review.md#second-half, toolkit/mid-placement-review.md#feedback-on-supervision]", "agenda_also: []",
         "meeting 'mid-review': 'agenda_also' must list the sections whose items always follow the agenda's"),
    ],
)
def test_mistakes_are_reported_with_file_and_line(tmp_path, old, new, message):
    broken = broken_copy(tmp_path, old, new)
    findings = findings_of(broken)
    assert any(message in f for f in findings), findings
    assert all(re.match(rf"{re.escape(str(broken))}:\d+: ", f) for f in findings)


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    broken = broken_copy(tmp_path, "limits:\n", "limits:\n  : [\n")
    [finding] = findings_of(broken)
    assert "not valid YAML" in finding and re.match(rf"{re.escape(str(broken))}:\d+: ", finding)


def test_links_to_missing_pages_or_anchors_are_reported(tmp_path):
    broken = broken_copy(tmp_path, "guide: practices/check-in.md#what-to-do", "guide: practices/check-in.md#no-such-part")
    text = broken.read_text(encoding="utf-8")
    assert "checklist: toolkit/check-in-agenda.md" in text, "test setup: the agenda checklist is not in planner.yml"
    broken.write_text(text.replace("checklist: toolkit/check-in-agenda.md", "checklist: toolkit/nowhere.md", 1), encoding="utf-8")
    findings = findings_of(broken, DOCS)
    assert f"{broken}:{line_of(broken, 'practices/check-in.md#no-such-part')}: 'practices/check-in.md#no-such-part': docs/fr/practices/check-in.md has no heading with id '#no-such-part'" in findings
    assert any("'toolkit/nowhere.md': there is no page docs/fr/toolkit/nowhere.md" in f for f in findings)


def test_an_agenda_source_that_no_longer_exists_is_reported(tmp_path):
    broken = broken_copy(tmp_path, "agenda: [toolkit/first-week.md#orientation", "agenda: [toolkit/first-week.md#renamed")
    findings = findings_of(broken, DOCS)
    line = line_of(broken, "toolkit/first-week.md#renamed")
    assert findings == [
        f"{broken}:{line}: 'toolkit/first-week.md#renamed': docs/fr/toolkit/first-week.md has no heading with id '#renamed'"
    ]


def test_a_meeting_without_agenda_prompts_is_reported(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    for page in ("check-in-agenda.md",):
        (docs / "fr" / "toolkit" / page).write_text("---\ndescription: x\n---\n\n# Ordre du jour\n\nEn préparation.\n")
    text = (docs / "fr" / "practices" / "check-in.md").read_text(encoding="utf-8")
    assert re.search(r"(?m)^\d+\. ", text), "test setup: the check-in page has no numbered list"
    (docs / "fr" / "practices" / "check-in.md").write_text(re.sub(r"(?m)^\d+\. ", "", text), encoding="utf-8")
    findings = findings_of(DATA_FILE, docs)
    assert any("meeting 'check-in': no agenda source in docs/fr/ has at least 3 list items" in f for f in findings), findings


@pytest.mark.parametrize("kind", ["mid-review", "informal-review", "quarterly-review"])
def test_a_review_lists_the_students_feedback_on_supervision_after_the_learning_plan(kind):
    """toolkit/mid-placement-review.md keeps a third of the review for the student's feedback; the
    review's calendar entry lists those items after the learning plan's (agenda_also)."""
    prompts = plan_data(load_planner_config(DATA_FILE), DOCS, "en", fake_url)["meetings"][kind]["prompts"]
    assert prompts[0] == "Go through each learning-plan goal: met, in progress or needs a change."
    assert prompts[-3:] == [
        "Keep at least a third of the review for the student's feedback: ask what helps in your supervision and mentoring, and what could change.",
        "Agree on how often to hold check-ins from here on.",
        "Ask again, privately, whether an accommodation would help or needs adjusting.",
    ]


@pytest.mark.parametrize("kind", ["mid-review", "informal-review"])
def test_the_mid_placement_review_also_lists_the_second_half_before_the_feedback(kind):
    """placement-step-by-step.md asks for the final evaluation's criteria at the midpoint: the
    review's calendar entry lists the checklist's second-half items, then the feedback."""
    prompts = plan_data(load_planner_config(DATA_FILE), DOCS, "en", fake_url)["meetings"][kind]["prompts"]
    criteria = prompts.index("Walk through the final-evaluation criteria together, so the evaluation holds no surprises.")
    assert prompts[criteria + 1] == "Adjust the work planned for the second half of the placement."
    assert criteria < prompts.index("Agree on how often to hold check-ins from here on.")


def test_an_agenda_also_section_without_list_items_is_reported_at_its_line(tmp_path):
    broken = broken_copy(tmp_path, "agenda_also: [toolkit/mid-placement-review.md#second-half, toolkit/mid-placement-review.md#feedback-on-supervision]",
                         "agenda_also: [toolkit/mid-placement-review.md#second-half, practices/check-in.md#remote]")
    line = line_of(broken, "practices/check-in.md#remote")
    assert findings_of(broken, DOCS) == [
        f"{broken}:{line}: meeting 'mid-review': 'practices/check-in.md#remote' in agenda_also has no list items in docs/fr/"
    ]


def test_guide_section_lists_are_read_as_plain_text(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "---\ndescription: x\n---\n\n# Title\n\n## Part { #part }\n\n"
        "- **Bold** lead with a [link](other.md#x).\n  continued line\n    - nested detail\n"
        "- `code` and _emphasis_\n\n```\n- not an item\n```\n\n!!! example\n    - in an admonition\n\n"
        "## Next { #next }\n\n- elsewhere\n",
        encoding="utf-8",
    )
    parsed = read_page(page)
    assert parsed.title == "Title"
    assert list_items(parsed, "part") == ["Bold lead with a link. continued line", "code and emphasis"]
    assert list_items(parsed, "missing") == []


@pytest.mark.slow
@pytest.mark.parametrize("lang, prefix", [("fr", ""), ("en", "en/")])
def test_built_page_has_form_data_and_text_version(built_site, lang, prefix):
    page = built_site / prefix / "toolkit" / "planner" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<!-- planner:" not in html
    data = json.loads(re.search(r'<script type="application/json" id="planner-data">(.*?)</script>', html, re.S).group(1))
    assert data["lang"] == lang
    for meeting in data["meetings"].values():
        for link in (meeting["guide"], meeting["checklist"]):
            path, _, anchor = link["href"].partition("#")
            target = (page.parent / path / "index.html").resolve()
            assert target.exists(), link
            if anchor:
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), link
    # The page loads the planner's module and stylesheet from the site's own assets, at any depth.
    document = lxml.html.fromstring(html)
    scripts = document.xpath("//script[@type='module'][contains(@src, 'planner')]/@src")
    sheets = document.xpath("//link[@rel='stylesheet'][contains(@href, 'planner')]/@href")
    assert len(scripts) == 1 and len(sheets) == 1, (scripts, sheets)
    assert (page.parent / scripts[0]).resolve() == (built_site / "assets" / "javascripts" / "planner" / "planner.js").resolve()
    assert (page.parent / sheets[0]).resolve() == (built_site / "assets" / "stylesheets" / "planner.css").resolve()
    assert (page.parent / scripts[0]).is_file() and (page.parent / sheets[0]).is_file()
    # Canada's zones are listed first, by their names, before the script adds every other zone.
    [group] = document.xpath("//select[@name='zone']/optgroup")
    assert group.get("label") == {"fr": "Au Canada", "en": "In Canada"}[lang]
    eastern = {"fr": "Heure de l'Est — Montréal, Toronto, Ottawa", "en": "Eastern Time — Toronto, Montréal, Ottawa"}[lang]
    assert (eastern, "America/Toronto") in [(o.text, o.get("value")) for o in group.xpath("option")]
    assert len(group.xpath("option")) == 8
    table = re.search(r'<div class="planner-rhythm">(.*?)</div>', html, re.S).group(1)
    assert table.count('<tr><th scope="row">') == len(data["phases"])
    assert "../check-in-agenda/" in table


@pytest.mark.slow
def test_a_broken_planner_file_stops_the_build_with_file_and_line(broken_late_build):
    """planner.yml links a guide section that does not exist (see conftest.broken_late_build)."""
    line = broken_late_build.lines["planner"]
    assert broken_late_build.result.returncode != 0
    assert f"content/planner.yml:{line}: 'practices/check-in.md#gone': docs/fr/practices/check-in.md has no heading with id '#gone'" in broken_late_build.stderr


def test_a_planner_page_without_one_of_its_markers_fails_naming_the_file_and_the_marker():
    spec = importlib.util.spec_from_file_location("planner_hook", ROOT / "hooks" / "planner.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    source = DOCS / "en" / "toolkit" / "planner.md"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="en/toolkit/planner.md", abs_src_path=str(source)))
    with pytest.raises(PluginError) as error:
        hook.on_page_content("<p>Intro</p>\n<!-- planner:form -->\n<!-- planner:rhythm -->", page, None, None)
    assert str(error.value) == "docs/en/toolkit/planner.md:1: the planner page must contain the line <!-- planner:noscript -->"


def test_the_rhythm_table_says_once_what_several_lengths_share():
    """Cells side by side that say the same are one cell across their columns (read once, shorter
    on a phone and on paper); every row still covers the four lengths of placement."""
    config = load_planner_config(DATA_FILE)
    table = lxml.html.fromstring(render_rhythm_table(config, plan_data(config, DOCS, "en", fake_url), "en"))
    rows = {row.xpath("string(th)"): [(cell.text_content(), int(cell.get("colspan", 1))) for cell in row.xpath("td")[:-1]]
            for row in table.xpath(".//tbody/tr")}
    assert rows["Preparation"] == [("2 weeks before the start", 4)]
    assert rows["Mid-placement review"] == [
        ("About 50% of the way through the placement", 3), ("About 50% of the way through the placement; a quarterly review every 13 weeks", 1),
    ]
    assert rows["Ramp-up"] == [
        ("Twice a week, until 25% of the way through the placement", 1), ("Every week, until 25% of the way through the placement", 2),
        ("Every week, until week 4", 1),
    ]
    assert all(sum(span for _, span in cells) == 4 for cells in rows.values()), rows


def test_french_text_from_planner_yml_gets_the_pages_spacing(tmp_path, monkeypatch):
    # Editors type ordinary spaces; the form and the plan must not show "Lieu :" split at a line end.
    text = DATA_FILE.read_text(encoding="utf-8").replace('fr: "Lieu\u00a0: {place}"', 'fr: "Lieu : {place}"', 1)
    assert 'fr: "Lieu : {place}"' in text
    (tmp_path / "planner.yml").write_text(text, encoding="utf-8")
    config = load_planner_config(tmp_path / "planner.yml")
    assert config.strings["where"]["fr"] == "Lieu\u00a0: {place}"
    assert config.strings["where"]["en"] == "Place: {place}"
