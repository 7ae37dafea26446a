"""Stylesheets and scripts that only some pages use, linked from those pages only.

Material links `extra_css` and `extra_javascript` from every page. These files style and run one
kind of component each (a checklist and its download buttons, a fill-in template, the downloads
table), so a page links a file only when its HTML holds that component: the home page and the
chapters no longer download them (issue 18, page weight). Which component needs which file is
written once, here; the class names are the ones the generators write (wilguide/checklists/web.py,
wilguide/guide_pdf/downloads.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CHECKLISTS_CSS = "assets/stylesheets/checklists.css"


@dataclass(frozen=True)
class Component:
    class_prefix: str  # a class the component's HTML carries (any class starting with it)
    styles: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()  # ES modules


COMPONENTS = (
    Component("wg-checklist", styles=(CHECKLISTS_CSS,), scripts=("assets/javascripts/checklists.js",)),
    Component("wg-download", styles=(CHECKLISTS_CSS,)),  # download buttons, on the toolkit's pages
    Component("wg-template-toolbar", styles=("assets/stylesheets/templates.css",), scripts=("assets/javascripts/templates.js",)),
    Component("wg-field", styles=("assets/stylesheets/templates.css",)),  # a checklist's fields, printed
    Component("wilguide-downloads", styles=("assets/stylesheets/downloads.css",)),
)

# A class attribute that may name a component (it holds one of their prefixes): its value.
_COMPONENT_CLASSES = re.compile(r'class="([^"]*(?:' + "|".join(re.escape(c.class_prefix) for c in COMPONENTS) + ')[^"]*)"')


def needed_assets(html: str) -> tuple[list[str], list[str]]:
    """(stylesheets, scripts) the page's components need, in COMPONENTS order, each once."""
    if not any(component.class_prefix in html for component in COMPONENTS):
        return [], []  # most pages: no need to read their class attributes
    # The classes of those attributes only (an attribute follows a space or a line break).
    classes = {name for match in _COMPONENT_CLASSES.finditer(html) if html[match.start() - 1].isspace() for name in match.group(1).split()}
    styles: list[str] = []
    scripts: list[str] = []
    for component in COMPONENTS:
        if any(name.startswith(component.class_prefix) for name in classes):
            styles += [path for path in component.styles if path not in styles]
            scripts += [path for path in component.scripts if path not in scripts]
    return styles, scripts


def link_assets(html: str, url_of) -> str:
    """The page with its components' stylesheets at the end of <head> and scripts at the end of
    <body> (where Material puts extra_css and extra_javascript). ``url_of(path)`` is the file's
    address relative to the page."""
    styles, scripts = needed_assets(html)
    if styles:
        links = "".join(f'<link rel="stylesheet" href="{url_of(path)}">' for path in styles)
        html = html.replace("</head>", links + "</head>", 1)
    if scripts:
        tags = "".join(f'<script type="module" src="{url_of(path)}"></script>' for path in scripts)
        head, _, tail = html.rpartition("</body>")
        html = head + tags + "</body>" + tail
    return html
