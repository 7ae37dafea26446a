"""One search index per language, so readers only get results in the language they read.

The i18n plugin writes a single index for all languages. We split it by URL prefix: the default
language keeps ``search/search_index.json``; another language gets ``<lang>/search/search_index.json``
with locations relative to its own root (the page template points Material's search there).
"""

from __future__ import annotations

import json
from pathlib import Path

# Every language keeps the configured pipeline, stemmer included: "supervisors" finds "supervisor",
# "chevaux" finds "cheval". A stemmed index finds whole words only through the search worker the
# pages load (overrides/assets/javascripts/workers/search-stemming.js): Material adds "*" to every
# typed word, and lunr does not stem a word with a wildcard.


def split_index(index: dict, default: str, others: list[str]) -> dict[str, dict]:
    prefixes = {lang: f"{lang}/" for lang in others}
    per_language: dict[str, list] = {lang: [] for lang in [default, *others]}
    for doc in index["docs"]:
        location = doc["location"]
        lang = next((lang for lang, prefix in prefixes.items() if location.startswith(prefix)), default)
        if lang != default:
            doc = dict(doc, location=location[len(prefixes[lang]):])
        per_language[lang].append(doc)
    return {
        lang: {
            **index,
            "config": {**index["config"], "lang": [lang]},
            "docs": docs,
        }
        for lang, docs in per_language.items()
    }


def write_split_indexes(site_dir: Path, default: str, others: list[str]) -> dict[str, Path]:
    combined = site_dir / "search" / "search_index.json"
    index = json.loads(combined.read_text(encoding="utf-8"))
    written = {}
    for lang, part in split_index(index, default, others).items():
        target = site_dir / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        written[lang] = target
    return written
