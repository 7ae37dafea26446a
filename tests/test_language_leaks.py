"""No string of the other language on any built page, PDF or Word file.

What a person sees or hears on a page: its visible text and the attributes read aloud or shown as
tooltips (title, aria-label, alt, placeholder, button values), the <title>, the meta description
and the social card's text; in the generated files, their metadata. Two independent checks:

1. A string found on a French page (or file) and on an English one is a leak: one language shows
   the other's words (the headings' "Lien vers cette section" tooltips on English pages were one).
2. No page shows a string from Material's translations of the other language (read from the
   installed theme, not from our code), even a string the other language does not use.

ALLOWED lists what may appear in both languages, and why.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from pathlib import Path

import lxml.etree
import lxml.html
import material
import pytest

from pdf_pages import poppler_info

LANGUAGES = {"fr": "", "en": "en/"}
READ_ATTRIBUTES = ["title", "aria-label", "alt", "placeholder"]
SHOWN_META = {"description", "og:title", "og:description", "og:site_name", "og:image:alt"}
# Quoted terms and titles keep their own language: the glossary gives each term in the other
# language, the references cite sources by their published title, code is code.
QUOTED = {"em", "cite", "q", "abbr", "code", "pre", "kbd"}
NOT_TEXT = {"script", "style", "svg", "template"}
# Allowed in both languages, as whole words (case-sensitive):
ALLOWED = {
    # proper names of organisations, programs, a licence and a file
    "TRAES", "BHER", "EDI", "AIT", "WIL", "MENTOR",
    # BHER's name in each language: the glossary's abbreviations table gives the other one too
    "Business + Higher Education Roundtable", "Table ronde des affaires + de l'enseignement supérieur", "Mentor Canada", "Work-Learn Institute", "Waterloo",
    "Canada", "Creative Commons Attribution 4.0 International", "CONTRIBUTING.md", "CONTRIBUTING.fr.md",
    # sources cited by name in both languages (the references pages, the chapters' citations)
    "CRTC", "CICMH", "CICan", "CNESST", "Dentons", "Hicks Morley", "Filion Wakely Thorup Angeletti", "CREAN", "Coastal Research, Education & Advocacy Network",
    "Jaber et al.", "PLEA", "WorkSafeBC", "WorkplaceNL",
    # provinces and territories spelled alike in both languages (the planner's list)
    "Manitoba", "Nunavut", "Saskatchewan", "Yukon",
    "Carleton", "College of the Rockies", "Cégep de Thetford", "Humber College", "Ontario", "Alberta", "Propel", "SFU",
    "School of Early Childhood Education, Seneca Polytechnic", "Seneca Polytechnic", "UBC", "UVic",
    "Université Laval", "Université de Sherbrooke", "Université de Moncton", "Service des stages et du développement professionnel",
    "Cégep régional de Lanaudière à Joliette",
    "Commission des normes, de l'équité, de la santé et de la sécurité du travail",  # CNESST's own name, French only
    # a source's own subtitle, quoted on the French references page as published
    "student work placements",
    # words spelled the same in French and English
    "Navigation", "Collaboration", "Document", "Format", "Phase", "Date", "Licence", "licence", "minutes", "min",
    "Notes", "Page",
    # file formats
    "PDF", "DOCX", "ZIP", "Word",
}
WORD = re.compile(r"[^\W\d_]{3,}")
ADDRESS = re.compile(r"^\S+(://|@)\S+$")


def meaningful(text: str) -> bool:
    """True when the string still has a word of three letters once allowed names are removed."""
    for name in sorted(ALLOWED, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(name)}(?![\w-])", " ", text)
    return bool(WORD.search(text))


def normal(text: str) -> str:
    return " ".join(text.split())


def page_language(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return next((lang for lang, prefix in LANGUAGES.items() if prefix and rel.startswith(prefix)), "fr")


def other_language_marked(element, page_lang: str) -> bool:
    """Text in an element marked lang="xx" of another language is announced as such. The page's own
    <html lang> does not count: a page wrongly marked as a whole still leaks."""
    for node in [element, *element.iterancestors()]:
        lang = node.get("lang") if node.tag != "html" else None
        if lang:
            return not lang.startswith(page_lang)
    return False


def page_strings(path: Path, page_lang: str):
    """(element description, string) for everything a person sees or hears on the page."""
    document = lxml.html.parse(str(path)).getroot()
    title = document.find(".//title")
    if title is not None:
        yield "<title>", title.text_content()
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        marked = other_language_marked(element, page_lang)
        for attribute in READ_ATTRIBUTES:
            if element.get(attribute) and not marked:
                yield f"<{element.tag} {attribute}>", element.get(attribute)
        if element.tag in {"input", "button"} and element.get("value") and element.get("type") in {"button", "submit", "reset"}:
            yield f"<{element.tag} value>", element.get("value")
        if element.tag == "meta" and (element.get("name") or element.get("property")) in SHOWN_META:
            yield f"<meta {element.get('name') or element.get('property')}>", element.get("content") or ""
        if element.tag in NOT_TEXT | QUOTED | {"head", "title"} or marked:
            continue
        if any(parent.tag in NOT_TEXT | QUOTED for parent in element.iterancestors()):
            continue
        pieces = [element.text] + [child.tail for child in element if isinstance(child.tag, str)]
        for piece in pieces:
            if piece and piece.strip() and not ADDRESS.match(piece.strip()):
                yield f"<{element.tag} class={element.get('class')!r}> text", piece


def file_strings(path: Path):
    """Metadata a reader's PDF viewer or word processor shows: title, subject, author, keywords."""
    if path.suffix == ".pdf":
        info = poppler_info(path)  # pypdf parsed a guide's whole object stream to reach its Info (4 s)
        for key in ["Title", "Subject", "Author", "Keywords"]:
            if info.get(key):
                yield f"/{key}", info[key]
    else:
        with zipfile.ZipFile(path) as package:
            core = lxml.etree.fromstring(package.read("docProps/core.xml"))
        for element in core:
            name = lxml.etree.QName(element).localname
            if name in {"title", "subject", "creator", "keywords", "description"} and element.text:
                yield f"docProps/core.xml {name}", element.text


def collect(site: Path, pattern: str, strings) -> dict[str, dict[str, list[str]]]:
    """language -> string -> where it was found ("page: element")."""
    found: dict[str, dict[str, list[str]]] = {lang: defaultdict(list) for lang in LANGUAGES}
    for path in sorted(site.rglob(pattern)):
        lang = page_language(site, path)
        for where, text in strings(path, lang) if pattern == "*.html" else strings(path):
            text = normal(text)
            if text and meaningful(text):
                found[lang][text].append(f"{path.relative_to(site).as_posix()}: {where}")
    return found


def shared(found) -> list[str]:
    fr, en = found["fr"], found["en"]
    return [
        f"{text!r} is on French and English pages: {fr[text][0]} and {en[text][0]}"
        for text in sorted(set(fr) & set(en))
    ]


@pytest.fixture(scope="module")
def html_strings(built_site):
    return collect(built_site, "*.html", page_strings)


def test_no_page_shows_a_string_of_the_other_language(html_strings):
    assert sum(len(v) for v in html_strings["en"].values()) > 1000
    leaks = shared(html_strings)
    assert not leaks, f"{len(leaks)} strings of one language on the other's pages:\n" + "\n".join(leaks)


def material_strings(lang: str) -> dict[str, str]:
    source = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    return dict(re.findall(r'^\s*"([\w.]+)": "([^"]*)"', source.read_text(encoding="utf-8"), re.M))


@pytest.mark.parametrize(
    "lang, other, sample", [("fr", "en", "Table of contents"), ("en", "fr", "Table des matières")]
)
def test_no_page_shows_a_theme_string_of_the_other_language(html_strings, lang, other, sample):
    ours, theirs = material_strings(lang), material_strings(other)
    foreign = {text for key, text in theirs.items() if text != ours.get(key) and meaningful(text) and "#" not in text}
    assert len(foreign) > 20
    # A theme string the other language's pages show is among those looked for, and the harness
    # sees it there: the same string on this language's pages would be reported.
    assert sample in foreign and html_strings[other][sample]
    leaks = [f"{text!r} ({other}): {html_strings[lang][text][0]}" for text in sorted(foreign & set(html_strings[lang]))]
    assert not leaks, f"Material's {other} strings on {lang} pages:\n" + "\n".join(leaks)


def test_pdf_and_word_metadata_keep_their_language(built_site):
    files = [path for pattern in ["*.pdf", "*.docx"] for path in built_site.rglob(pattern)]
    assert len(files) >= 20
    found = collect(built_site, "*.pdf", file_strings)
    for lang, strings in collect(built_site, "*.docx", file_strings).items():
        for text, places in strings.items():
            found[lang][text] += places
    assert len(found["fr"]) >= 10 and len(found["en"]) >= 10
    leaks = shared(found)
    assert not leaks, "\n".join(leaks)


def test_the_checker_sees_a_leaked_tooltip_and_allows_a_marked_name(tmp_path):
    """The harness itself: a French tooltip on an English page is found; a marked name is not."""
    site = tmp_path
    (site / "en").mkdir()
    (site / "index.html").write_text(
        '<html lang="fr"><head><title>Accueil</title></head><body>'
        '<a class="headerlink" title="Lien vers cette section">¶</a><span lang="en">English</span></body></html>'
    )
    (site / "en" / "index.html").write_text(
        '<html lang="en"><head><title>Home</title></head><body>'
        '<a class="headerlink" title="Lien vers cette section">¶</a><span lang="fr">Français</span>'
        "<p>English</p></body></html>"
    )
    leaks = shared(collect(site, "*.html", page_strings))
    assert len(leaks) == 1 and "Lien vers cette section" in leaks[0] and "<a title>" in leaks[0], leaks


def calendar_strings(page, site_server, lang: str) -> list[tuple[str, str]]:
    """Make a plan in the planner and download its calendar: (property, line) of each text."""
    import icalendar

    page.goto(f"{site_server}{LANGUAGES[lang]}toolkit/planner/")
    page.wait_for_selector("#planner-form:not([hidden])")
    for field, value in {"start": "2026-09-08", "end": "2026-12-18", "student": "Alex", "mentor": "Sam"}.items():
        page.fill(f"#planner-{field}", value)
    page.click("#planner-form button[type=submit]")
    page.wait_for_selector("#planner-result:not([hidden])")
    with page.expect_download() as info:
        page.click("#planner-download")
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
    strings = []
    for component in calendar.walk():
        for name in ["SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "X-WR-CALNAME", "X-WR-CALDESC", "COMMENT"]:
            if name in component:
                strings += [(f"{component.name} {name}", line) for line in str(component[name]).splitlines()]
    return strings


@pytest.mark.browser
def test_calendar_files_keep_their_language(page, site_server):
    found = {}
    for lang in LANGUAGES:
        found[lang] = defaultdict(list)
        for where, text in calendar_strings(page, site_server, lang):
            text = normal(text.replace("Alex", "").replace("Sam", ""))  # the names typed in both
            if meaningful(text) and not ADDRESS.match(text):
                found[lang][text].append(f"{lang} calendar: {where}")
    assert len(found["fr"]) >= 10 and len(found["en"]) >= 10
    leaks = shared(found)
    assert not leaks, "\n".join(leaks)
