"""The planner's data for one language: what the page's script reads (as JSON)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..checklists.strings import typography
from ..findings import ContentError, Finding
from .config import INTERVAL_DAYS, INTERVALS, MAX_PROMPTS, MIN_PROMPTS, SCRIPT_STRING_KEYS, Link, PlannerConfig
from .pages import agenda_items, read_page
from .public_holidays import FILE_NAME as HOLIDAYS_FILE

LOCALES = {"fr": "fr-CA", "en": "en-CA"}


def check_link(config: PlannerConfig, docs_dir: Path, lang: str, link: Link) -> tuple[str, list[Finding]]:
    """The link's title in this language, and a finding if the page or its id does not exist."""
    page = read_page(Path(docs_dir) / lang / link.page)
    if page is None:
        return link.target, [Finding(config.path, link.line, f"'{link.target}': there is no page docs/{lang}/{link.page}")]
    if not link.anchor:
        return page.title, []
    heading = page.heading(link.anchor)
    if heading is None:
        return link.target, [
            Finding(config.path, link.line, f"'{link.target}': docs/{lang}/{link.page} has no heading with id '#{link.anchor}'")
        ]
    return f"{page.title} – {heading.text}", []


def prompts_for(config: PlannerConfig, docs_dir: Path, lang: str, meeting: dict) -> tuple[list[str], list[Finding]]:
    """Prompts from the first agenda source that has enough items, then every item of each
    agenda_also source, MAX_PROMPTS in all."""
    also, findings = [], []
    for source in meeting.get("agenda_also", []):
        _, missing = check_link(config, docs_dir, lang, source)
        items = [] if missing else agenda_items(Path(docs_dir), lang, source.target)
        if not missing and not items:
            missing = [Finding(config.path, source.line, f"meeting '{meeting['key']}': '{source.target}' in agenda_also has no list items in docs/{lang}/")]
        findings += missing
        also += items
    if findings:
        return [], findings
    agenda, findings = _agenda_prompts(config, docs_dir, lang, meeting)
    return (agenda[: max(0, MAX_PROMPTS - len(also))] + also[:MAX_PROMPTS] if agenda else []), findings


def _agenda_prompts(config: PlannerConfig, docs_dir: Path, lang: str, meeting: dict) -> tuple[list[str], list[Finding]]:
    """Prompts from the first agenda source that has enough items."""
    tried = []
    for source in meeting["agenda"]:
        _, missing = check_link(config, docs_dir, lang, source)
        if missing:  # a renamed section must not silently hand the agenda to the next source
            return [], missing
        items = agenda_items(Path(docs_dir), lang, source.target)
        if len(items) >= MIN_PROMPTS:
            return items[:MAX_PROMPTS], []
        tried.append(f"{source.target} ({len(items)})")
    line = meeting["agenda"][0].line if meeting["agenda"] else meeting["line"]
    return [], [
        Finding(
            config.path,
            line,
            f"meeting '{meeting['key']}': no agenda source in docs/{lang}/ has at least {MIN_PROMPTS} list items "
            f"(items found: {', '.join(tried) or 'no source'})",
        )
    ]


def rhythm_texts(config: PlannerConfig, lang: str) -> dict[str, str]:
    """How often, as the rhythm line says it mid-sentence: rhythm_weekly "every week" from
    every_weekly "Every week" (the form's choice). rhythm_daily is planner.yml's own text."""
    return {f"rhythm_{every}": config.strings[f"every_{every}"][lang].lower() for every in INTERVALS}


def plan_data(config: PlannerConfig, docs_dir: Path, lang: str, url_for: Callable[[str], str]) -> dict:
    """Everything the planner needs in ``lang``, with links turned into URLs by ``url_for``. The
    public holidays are a file of their own (public_holidays.py), fetched when a province is chosen.

    Raises ContentError when a link points nowhere or a meeting has no agenda prompts.
    """
    findings: list[Finding] = []

    def link(value: Link) -> dict:
        title, problems = check_link(config, docs_dir, lang, value)
        findings.extend(problems)
        return {"title": typography(title, lang), "href": url_for(value.target) if not problems else ""}

    meetings = {}
    for meeting in config.meetings:
        prompts, problems = prompts_for(config, docs_dir, lang, meeting)
        findings.extend(problems)
        meetings[meeting["key"]] = {
            "name": meeting["name"][lang],
            "phase": meeting["phase"],
            "minutes": meeting["minutes"],
            "withStudent": meeting["with_student"],
            "prompts": [typography(prompt, lang) for prompt in prompts],  # as the pages show them
            "checklist": link(meeting["checklist"]),
            "guide": link(meeting["guide"]),
            "template": link(meeting["template"]) if meeting.get("template") else None,
        }
        if meeting["prompts_in_turn"]:  # left out, not null: the script then lists the whole agenda
            meetings[meeting["key"]]["inTurn"] = meeting["prompts_in_turn"]
        if not meeting["with_mentor"]:  # only where false: the script names the mentor unless told not to
            meetings[meeting["key"]]["withMentor"] = False
    if findings:
        raise ContentError(findings)
    return {
        "lang": lang,
        "locale": LOCALES.get(lang, lang),
        "intervals": INTERVAL_DAYS,  # densest first
        "limits": {"minWeeks": config.min_weeks, "maxMonths": config.max_months, "maxWeeks": config.max_weeks},
        "prepareBeforeStart": config.prepare_before_start,
        "followUpAfterEnd": config.follow_up_after_end,
        "bands": [
            {
                "key": band["key"],
                "untilWeeks": band["until_weeks"],
                "midReview": band["mid_review"],
                "midReviewAt": band["mid_review_at"]["fraction"],
                "finalBeforeEnd": band["final_before_end"],
                "reviewsEvery": band["reviews_every"],
                "rhythm": band["rhythm"],
            }
            for band in config.bands
        ],
        "formats": {f["key"]: {"shift": f["shift"], "dailyWeeks": f["daily_weeks"]} for f in config.formats},
        "preferences": {p["key"]: p["shift"] for p in config.preferences},
        "phases": [{"key": p["key"], "name": p["name"][lang]} for p in config.phases],
        "meetings": meetings,
        "strings": {key: config.strings[key][lang] for key in SCRIPT_STRING_KEYS} | rhythm_texts(config, lang),
        "provinces": [province["key"] for province in config.provinces],
        "holidaysFile": HOLIDAYS_FILE,  # beside the page: the address is relative to it
    }
