"""The public holidays the planner flags, by province or territory, from the holidays package.

The package knows each province's statutory holidays and when they move to a weekday; the guide
names them in its own words (planner.yml, ``holiday_names``), so a name the package adds or
changes stops the build at that list instead of reaching a reader untranslated.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .. import cache
from ..findings import ContentError, Finding
from .config import FEDERAL, PlannerConfig

FILE_NAME = "holidays.json"  # beside the planner page, fetched once a province is chosen
OBSERVED = " (observed)"
EPOCH = dt.date(1970, 1, 1)  # the page's script counts days from here
YEARS_BEFORE, YEARS_AFTER = 1, 3  # a plan made today covers at most this span (16 months, a year ahead)


def holiday_years(today: dt.date | None = None) -> tuple[int, int]:
    """The first and last years the build gives holidays for: last year to three years ahead."""
    year = (today or dt.date.today()).year
    return year - YEARS_BEFORE, year + YEARS_AFTER


@lru_cache(maxsize=64)
def _package_holidays(province: str, first: int, last: int, category: str) -> tuple[tuple[dt.date, str], ...]:
    import holidays  # only when the cache has no answer: importing it takes a tenth of a second

    if province == FEDERAL:
        # The package's national "government" list is the Canada Labour Code's ten general
        # holidays, with the weekday given for those the Code moves off a weekend.
        province, category = None, {"public": "government"}.get(category, category)
    found = holidays.Canada(subdiv=province, years=range(first, last + 1), language="en_US", categories=(category,))
    return tuple(sorted(found.items()))


def holiday_data(config: PlannerConfig, lang: str, years: tuple[int, int]) -> dict:
    """{"years": [first, last], "names": [...], "days": {"ON": [[day, name index], ...]}} in ``lang``.

    Raises ContentError, at planner.yml's ``holiday_names``, for a holiday it does not name."""
    return json.loads(holiday_file(config, lang, years).read_text(encoding="utf-8"))


def holiday_file(config: PlannerConfig, lang: str, years: tuple[int, int]) -> Path:
    """The holiday data as the JSON file the site serves. Kept in the generator cache: a rebuild
    does not ask the package again."""
    inputs = {
        "package": version("holidays"),
        "years": list(years),
        "lang": lang,
        "provinces": [{key: p[key] for key in ("key", "also", "observed", "holiday_names")} for p in config.provinces],
        "names": config.holiday_names,
        "strings": {key: config.strings[key] for key in ("holiday_observed", "and")},
    }
    key = [json.dumps(inputs, sort_keys=True, ensure_ascii=False), cache.source_of(sys.modules[__name__])]
    return cache.cached_file("holidays", key, ".json", lambda target: target.write_text(
        json.dumps(_holiday_data(config, lang, years), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"))


def _kept(name: str, observed: list[str]) -> str:
    """The package's name without the moved days the law does not move ("" when none is left)."""
    parts = [part for part in name.split("; ") if not part.endswith(OBSERVED) or part.removesuffix(OBSERVED) in observed]
    return "; ".join(parts)


def _holiday_data(config: PlannerConfig, lang: str, years: tuple[int, int]) -> dict:
    first, last = years
    names: list[str] = []
    days: dict[str, list[list[int]]] = {}
    missing: set[str] = set()

    def named(package_name: str, own: dict[str, dict[str, str]]) -> str:
        base = package_name.removesuffix(OBSERVED)
        known = own.get(base) or config.holiday_names.get(base)
        if known is None:
            missing.add(base)
            return base
        text = known[lang]
        if base != package_name:
            text = config.strings["holiday_observed"][lang].replace("{name}", text)
        return text

    for province in config.provinces:
        found = dict(_package_holidays(province["key"], first, last, "public"))
        for day, name in _package_holidays(province["key"], first, last, "optional"):
            if name.removesuffix(OBSERVED) in province["also"]:
                found[day] = f"{found[day]}; {name}" if day in found else name
        if province["observed"] is not None:  # the law moves only these when they fall on a weekend
            found = {day: kept for day, name in found.items() if (kept := _kept(name, province["observed"]))}
        entries = []
        for day, name in sorted(found.items()):
            # Two holidays on one day (Newfoundland's July 1) come as "Canada Day; Memorial Day".
            text = config.strings["and"][lang].join(named(part, province["holiday_names"]) for part in name.split("; "))
            if text not in names:
                names.append(text)
            entries.append([(day - EPOCH).days, names.index(text)])
        days[province["key"]] = entries
    if missing:
        raise ContentError(
            [
                Finding(config.path, config.holiday_names_line, f"holiday_names: the holidays package names a holiday '{name}'; "
                        "add it with the planner's name for it in each language")
                for name in sorted(missing)
            ]
        )
    return {"years": [first, last], "names": names, "days": days}
