"""Both languages carry the same pages: a page in one language only is an error."""

from __future__ import annotations

from pathlib import Path

from .findings import Finding, relative


def page_set(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}


def missing_pages(docs_dir: Path, languages: list[str]) -> list[Finding]:
    """One finding per page that exists in some languages and not in others."""
    sets = {lang: page_set(docs_dir / lang) for lang in languages}
    everything = set().union(*sets.values())
    findings = []
    for page in sorted(everything):
        present = [lang for lang in languages if page in sets[lang]]
        for lang in languages:
            if page not in sets[lang]:
                source = relative(docs_dir / present[0] / page)
                findings.append(
                    Finding(
                        source,
                        1,
                        f"this page has no '{lang}' version: create {relative(docs_dir / lang / page)} "
                        "(every page must exist in every language)",
                    )
                )
    return findings
