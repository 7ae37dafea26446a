"""Repairs to the markup Material 9.8 writes on every page, found by the Nu Html Checker and by
Lighthouse. Material puts these in base.html and partials/nav-item.html outside any template block,
so a hook edits the rendered page instead of copying those large templates into overrides/.

- ``autocomplete="off"`` on the drawer and search toggle check boxes: the attribute is not allowed
  on check boxes. Material uses it so that a browser does not restore an open drawer or search on
  reload; overrides/main.html resets those two toggles instead.
- ``tabindex=""`` on the labels of navigation sections: an empty tabindex is not a valid integer.
  Material means "not focusable", which is what leaving the attribute out does.
- On a section's index page (``navigation.indexes``) the table of contents keeps its title's
  ``<label for="__toc">`` but Material writes no ``__toc`` toggle: a label for a missing control.
  Without the toggle the label does nothing, so it loses its ``for``.
- The header's menu button (a label for the drawer toggle) cannot be reached with the keyboard,
  so below 76.25em the site navigation could not be opened without a mouse. It becomes a tab stop
  titled like the navigation it opens (a label may not carry aria-label); Material's own Enter handler clicks a focused label, the
  way its navigation section labels work.
- The title of each navigation panel in the drawer is the "back" button (a label for the panel's
  toggle) and cannot be reached with the keyboard either: it becomes a tab stop too.
- A navigation section that has an index page (``navigation.indexes``) is labelled by its toggle,
  a label holding only an icon: every such section's navigation landmark had no name, so several
  landmarks shared one (axe's landmark-unique). Each section's navigation is named by its title.
- The search dialog (``role="dialog"``) has no accessible name: give it the search field's label,
  which Material already translates.
"""

from __future__ import annotations

import re

TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="\w+") autocomplete="off">')
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex="">')
TOC_TITLE_FOR = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'
DRAWER_BUTTON = '<label class="md-header__button md-icon" for="__drawer">'
NAVIGATION_LABEL = re.compile(r'<nav class="md-nav md-nav--primary[^"]*" aria-label="([^"]*)"')
PANEL_TITLE = re.compile(r'<label class="md-nav__title" for="(__nav_[\d_]+)">')
SECTION_NAVIGATION = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="__nav_[\d_]+_label"( aria-expanded="\w+">\s*'
    r'<label class="md-nav__title" for="__nav_[\d_]+"[^>]*>\s*<span class="md-nav__icon md-icon"></span>\s*)([^<]*?)(\s*</label>)'
)
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_FIELD_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')
# Material writes all of the above in the header and the two sidebars, before the page's content:
# the repairs read that part only (about half of a page).
CONTENT = '<div class="md-content"'


def repair_theme_markup(html: str) -> str:
    chrome, content_start, content = html.partition(CONTENT)
    return _repaired(chrome, html) + content_start + content


def _repaired(chrome: str, page: str) -> str:
    """The header and sidebars (``chrome``) repaired; ``page`` is the whole page."""
    chrome = TOGGLE_AUTOCOMPLETE.sub(r"\1>", chrome)
    chrome = EMPTY_TABINDEX.sub(r"\1>", chrome)
    if TOC_TOGGLE not in page:
        chrome = chrome.replace(TOC_TITLE_FOR, '<label class="md-nav__title">')
    navigation = NAVIGATION_LABEL.search(chrome)
    if navigation:
        chrome = chrome.replace(DRAWER_BUTTON, DRAWER_BUTTON[:-1] + f' tabindex="0" title="{navigation.group(1)}">', 1)
    chrome = PANEL_TITLE.sub(r'<label class="md-nav__title" for="\1" tabindex="0">', chrome)
    chrome = SECTION_NAVIGATION.sub(lambda m: f'{m[1]} aria-label="{m[3]}"{m[2]}{m[3]}{m[4]}', chrome)
    label = SEARCH_FIELD_LABEL.search(chrome)
    if label:
        chrome = chrome.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
    return chrome
