"""Component stylesheets and scripts are linked only from the pages that hold the component: the
home page and the chapters do not download the checklists', templates' or downloads table's files."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from conftest import is_redirect_page
from wilguide.page_assets import link_assets, needed_assets

PREFIXES = {"fr": "", "en": "en/"}
COMPONENT_FILES = ("checklists.css", "checklists.js", "templates.css", "templates.js", "downloads.css")


def linked_files(html_file: Path) -> set[str]:
    """File names of the page's stylesheets and scripts, read with lxml."""
    document = lxml.html.parse(str(html_file)).getroot()
    addresses = document.xpath("//link[@rel='stylesheet']/@href") + document.xpath("//script/@src")
    return {address.rsplit("/", 1)[-1] for address in addresses}


def classes(html_file: Path) -> set[str]:
    document = lxml.html.parse(str(html_file)).getroot()
    return {name for value in document.xpath("//@class") for name in value.split()}


def test_a_page_without_components_links_nothing_more():
    html = '<html><head><title>x</title></head><body><p class="md-typeset">Bonjour</p></body></html>'
    assert needed_assets(html) == ([], [])
    assert link_assets(html, lambda path: "../" + path) == html


def test_a_checklist_links_its_stylesheet_and_module_once():
    html = ('<html><head></head><body><div class="wg-checklist-toolbar"></div><ul class="md-typeset wg-checklist">'
            '</ul><a class="md-button wg-download">PDF</a></body></html>')
    out = link_assets(html, lambda path: "../" + path)
    assert out.count('<link rel="stylesheet" href="../assets/stylesheets/checklists.css">') == 1
    assert out.count('<script type="module" src="../assets/javascripts/checklists.js"></script>') == 1
    assert out.index("checklists.css") < out.index("</head>") < out.index("checklists.js") < out.index("</body>")
    assert "templates" not in out and "downloads.css" not in out


def test_text_that_names_a_class_is_not_a_component():
    assert needed_assets("<p>The class wg-checklist styles a list.</p>") == ([], [])
    assert needed_assets('<p data-class="wg-field" title=\'class="wg-field"\'>x</p>') == ([], [])


def test_every_component_of_one_class_attribute_counts():
    html = '<div class="md-typeset wg-download wg-field-row"><p\nclass="wilguide-downloads__table">x</p></div>'
    assert needed_assets(html) == (
        ["assets/stylesheets/checklists.css", "assets/stylesheets/templates.css", "assets/stylesheets/downloads.css"], [],
    )


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_built_pages_link_only_the_files_of_their_components(built_site, lang):
    prefix = PREFIXES[lang]
    home = linked_files(built_site / prefix / "index.html")
    assert not home & set(COMPONENT_FILES), f"the home page links {sorted(home & set(COMPONENT_FILES))}"
    assert {"checklists.css", "checklists.js"} <= linked_files(built_site / prefix / "toolkit" / "first-week" / "index.html")
    assert {"templates.css", "templates.js"} <= linked_files(built_site / prefix / "toolkit" / "learning-plan" / "index.html")
    assert "downloads.css" in linked_files(built_site / prefix / "downloads" / "index.html")
    assert not linked_files(built_site / prefix / "practices" / "check-in" / "index.html") & set(COMPONENT_FILES)
    # Every page that holds a component links its files (classes read with lxml, not the hook's pattern).
    root = built_site / prefix
    pages = [p for p in root.rglob("index.html") if (lang == "en" or not p.relative_to(root).as_posix().startswith("en/")) and not is_redirect_page(p)]
    assert len(pages) > 20
    for page in pages:
        names, files = classes(page), linked_files(page)
        if any(name.startswith("wg-checklist") for name in names):
            assert {"checklists.css", "checklists.js"} <= files, page
        if any(name.startswith("wg-template-toolbar") for name in names):
            assert {"templates.css", "templates.js"} <= files, page
        if any(name.startswith("wilguide-downloads") for name in names):
            assert "downloads.css" in files, page
