"""Every built page is valid HTML for the Nu Html Checker (vnu), in one run of the checker.

Errors that Material's templates write are repaired by hooks/theme_markup.py; the unit tests at the
end pin each repair to the exact markup Material writes, so a theme upgrade that changes it shows
up here rather than as a wall of checker errors.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from wilguide.theme_markup import repair_theme_markup

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Checker errors we accept, each with the reason: exact message -> why it cannot be fixed here.
# Empty: every error the theme produced has been repaired. Add an entry only with a real reason.
ACCEPTED_ERRORS: dict[str, str] = {}


def check_html(files: list[Path]) -> list[dict]:
    """Run the Nu Html Checker once over all files; return its error messages."""
    assert VNU.exists(), f"{VNU} is missing: run the tests with scripts/test.sh (npm ci installs vnu-jar)"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    messages = report["messages"]
    # A non-zero exit without messages means the checker itself failed: never pass silently.
    assert result.returncode == 0 or messages, result.stderr[-2000:]
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_built_page_is_valid_html(built_site):
    pages = built_pages(built_site)
    source_pages = list((ROOT / "docs" / "fr").rglob("*.md")) + list((ROOT / "docs" / "en").rglob("*.md"))
    # Every Markdown page and both 404 pages are checked.
    assert len(pages) >= len(source_pages) + 2, (len(pages), len(source_pages))
    assert built_site / "404.html" in pages and built_site / "en" / "404.html" in pages

    errors = [m for m in check_html(pages) if m.get("message") not in ACCEPTED_ERRORS]
    report = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(built_site)}:{m.get('lastLine', '?')}: "
        f"{m['message']}\n    {m.get('extract', '').strip()[:160]}"
        for m in errors
    ]
    assert not report, f"{len(report)} HTML errors:\n" + "\n".join(report[:60])


# What Material 9.8 writes, before hooks/theme_markup.py repairs it.
MATERIAL_TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
)
MATERIAL_SECTION_LABEL = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
MATERIAL_INDEX_SECTION_LABEL = '<label class="md-nav__link md-nav__link--active" for="__nav_3" id="__nav_3_label" tabindex="">'
MATERIAL_TOC_TITLE = '<label class="md-nav__title" for="__toc">'
MATERIAL_PANEL_TITLE = '<label class="md-nav__title" for="__nav_3_2">'
MATERIAL_DRAWER_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'
MATERIAL_PRIMARY_NAV = '<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">'
MATERIAL_SEARCH = (
    '<div class="md-search" data-md-component="search" role="dialog">\n'
    '<input type="text" class="md-search__input" name="query" aria-label="Rechercher" placeholder="Rechercher">'
)


def page_with(*fragments: str) -> str:
    body = "\n".join(fragments)
    return f'<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>t</title></head><body>\n{body}\n</body></html>\n'


def test_the_checker_reports_material_markup_errors(tmp_path):
    """The checker is wired up and fails on exactly the errors the hook repairs."""
    page = tmp_path / "material.html"
    page.write_text(page_with(MATERIAL_TOGGLES, '<input type="checkbox" id="__nav_2">', MATERIAL_SECTION_LABEL + "x</label>", MATERIAL_TOC_TITLE + "t</label>"))
    messages = [m["message"] for m in check_html([page])]
    assert sum("autocomplete" in m for m in messages) == 2, messages
    assert any("tabindex" in m for m in messages), messages
    assert any("“for” attribute" in m for m in messages), messages


def test_repaired_material_markup_is_valid(tmp_path):
    page = tmp_path / "repaired.html"
    page.write_text(repair_theme_markup(page_with(
        MATERIAL_TOGGLES, '<input type="checkbox" id="__nav_2">', MATERIAL_SECTION_LABEL + "x</label>",
        MATERIAL_TOC_TITLE + "t</label>", MATERIAL_DRAWER_BUTTON + "m</label>", MATERIAL_PRIMARY_NAV + "</nav>",
        '<input type="checkbox" id="__nav_3_2">', MATERIAL_PANEL_TITLE + "p</label>",
    )))
    assert check_html([page]) == []


@pytest.mark.parametrize(
    "material, repaired",
    [
        (MATERIAL_TOGGLES, MATERIAL_TOGGLES.replace(' autocomplete="off"', "")),
        (MATERIAL_SECTION_LABEL, MATERIAL_SECTION_LABEL.replace(' tabindex=""', "")),
        (MATERIAL_INDEX_SECTION_LABEL, MATERIAL_INDEX_SECTION_LABEL.replace(' tabindex=""', "")),
        (MATERIAL_TOC_TITLE, '<label class="md-nav__title">'),
        (MATERIAL_PANEL_TITLE, MATERIAL_PANEL_TITLE.replace(">", ' tabindex="0">')),
        (MATERIAL_SEARCH, MATERIAL_SEARCH.replace('role="dialog">', 'role="dialog" aria-label="Rechercher">')),
        (
            MATERIAL_DRAWER_BUTTON + MATERIAL_PRIMARY_NAV,
            MATERIAL_DRAWER_BUTTON.replace(">", ' tabindex="0" title="Navigation">') + MATERIAL_PRIMARY_NAV,
        ),
    ],
    ids=["toggle-autocomplete", "section-tabindex", "index-section-tabindex", "toc-title-for", "panel-title", "search-dialog-name", "drawer-button"],
)
def test_theme_markup_repairs(material, repaired):
    assert repair_theme_markup(material) == repaired


def test_toc_title_keeps_its_toggle_when_the_page_has_one():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + MATERIAL_TOC_TITLE
    assert repair_theme_markup(html) == html
