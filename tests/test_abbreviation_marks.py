"""The faster abbreviation marks (wilguide/abbreviation_marks.py) make the same HTML as Markdown's own
abbr extension: on every page of the guide in both languages, with the site's settings and its
glossary, and on the cases its search handles apart (tails, nesting, code, empty definitions)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from wilguide import abbreviations
from wilguide.checklists.parser import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
OURS, LIBRARY = "wilguide.abbreviation_marks", "abbr"


@pytest.fixture(scope="module")
def site_config():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert OURS in config.markdown_extensions and LIBRARY not in config.markdown_extensions
    return config


def convert(text: str, extension: str, extensions: list, configs: dict, glossary: dict[str, str]) -> str:
    names = [extension if name in (OURS, LIBRARY) else name for name in extensions]
    settings = {name: value for name, value in configs.items() if name not in (OURS, LIBRARY)}
    return markdown.Markdown(extensions=names, extension_configs={**settings, extension: {"glossary": glossary}}).convert(text)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_is_marked_as_the_library_marks_it(site_config, lang):
    glossary = dict(abbreviations.load(abbreviations.definitions_file(ROOT, lang)))
    pages = sorted((ROOT / "docs" / lang).rglob("*.md"))
    marked = 0
    for page in pages:
        body = split_front_matter(page.read_text(encoding="utf-8"))[1]
        ours = convert(body, OURS, site_config.markdown_extensions, site_config.mdx_configs, glossary)
        assert ours == convert(body, LIBRARY, site_config.markdown_extensions, site_config.mdx_configs, glossary), page
        marked += ours.count("<abbr ")
    assert len(pages) >= 30 and marked >= 400  # the comparison compared abbreviations


SAMPLE = """\
*[HTML]: HyperText Markup Language
*[nDA]: non-disclosure agreement

The AIT and WIL pages use HTML, **HTML in bold**, then AIT again: AIT. AITS is no abbreviation, nor is xAIT.

- A list item about *AIT* with a tail: WIL, and a second WIL.
- `AIT in code` stays as it is, and so does CSS, defined as empty; an nDA is signed.

| AIT | Tail |
|-----|------|
| WIL | <span>HTML</span> after HTML |

AIT
"""


@pytest.mark.parametrize("extensions", [["tables"], ["tables", "attr_list", "md_in_html", "toc"]])
def test_the_cases_the_search_treats_apart(extensions):
    glossary = {"AIT": "apprentissage intégré au travail", "WIL": "work-integrated learning", "CSS": ""}
    ours = convert(SAMPLE, OURS, [OURS, *extensions], {}, glossary)
    assert ours == convert(SAMPLE, LIBRARY, [LIBRARY, *extensions], {}, glossary)
    assert ours.count('<abbr title="apprentissage intégré au travail">AIT</abbr>') == 6
    assert '<abbr title="non-disclosure agreement">nDA</abbr>' in ours
    assert "<code>AIT in code</code>" in ours and "AITS" in ours and "xAIT" in ours and "<abbr title=\"\">" not in ours


@pytest.mark.parametrize("keys", [
    ["AIT", "ÉDI", "EDI", "SME", "SMEs", "UVic", "nDA"],  # each starts with a word character
    ["AIT", ".NET", "C++"],  # some do not: the library's own pattern
])
def test_the_pattern_finds_what_the_library_s_finds(keys):
    from wilguide.abbreviation_marks import abbreviation_pattern

    library = re.compile(r"\b(?:" + "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True)) + r")\b")
    text = ("AIT at the start, xAIT, AIT_x, _AIT, 3AIT, AITs, (AIT), l'AIT, l’ÉDI, ÉDI-EDI, SMEs and SME, "
            "UVic\nAIT after a line, an nDA, .NET and C++ in .NET, end AIT")
    expected = [(found.start(), found.group()) for found in library.finditer(text)]
    assert len(expected) >= 5
    assert [(found.start(), found.group()) for found in abbreviation_pattern(keys).finditer(text)] == expected
