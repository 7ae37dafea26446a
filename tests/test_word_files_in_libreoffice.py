"""Every Word file the toolkit pages offer, opened by a word processor instead of the library that
wrote it: LibreOffice Writer (Debian's package, installed by scripts/test.sh) turns each one into
text, and that text must say what the page says. The page's checklist items come back in order,
each after its check box, and its field labels and table headings in order; the expected values
are read from the built HTML, not from the generator."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

LANGUAGES = {"fr": "", "en": "en/"}
# The toolkit pages with a Word file, in each language: the nine checklists, the steps for a
# placement that goes wrong, and the two fill-in templates.
PAGES = ("before-first-day", "first-week", "expectations-conversation", "check-in-agenda", "mid-placement-review",
         "final-evaluation-exit", "inclusive-self-check", "sel-reflection", "when-things-go-wrong",
         "learning-plan", "mentoring-agreement")
BOX = "☐"  # how Writer's text export shows an unticked check box
# The labels of the fields to fill in, the tables' headings, and the heading over each list of items.
FIELDS_AND_HEADINGS = ("//article//*[contains(concat(' ', @class, ' '), ' wg-field__label ')] | //article//th"
                       " | //ul[@class='wg-checklist']/preceding-sibling::*[1][self::h2 or self::h3]")


def words(text: str) -> str:
    # Writer gives Word's non-breaking hyphen (the files' phone numbers use it) as U+2011.
    return re.sub(r"\s+", " ", text).strip().replace("\u2011", "-")


def page_of(site: Path, lang: str, slug: str):
    return lxml.html.parse(str(site / LANGUAGES[lang] / "toolkit" / slug / "index.html")).getroot()


def download(site: Path, lang: str, slug: str, suffix: str) -> Path:
    """The page's one download ending in ``suffix`` (.docx, .pdf), as its link names it."""
    links = page_of(site, lang, slug).xpath(
        f"//article//a[substring(@href, string-length(@href) - {len(suffix) - 1}) = '{suffix}']/@href"
    )
    assert len(links) == 1, f"{lang} {slug}: expected one {suffix} download, found {links}"
    return (site / LANGUAGES[lang] / "toolkit" / slug / links[0]).resolve()


def word_file(site: Path, lang: str, slug: str) -> Path:
    return download(site, lang, slug, ".docx")


def every_word_file(site: Path) -> list[Path]:
    return sorted({word_file(site, lang, slug) for lang in LANGUAGES for slug in PAGES})


def convert(files: list[Path], target: str, folder: Path) -> Path:
    """``files`` converted by LibreOffice Writer in one run to ``target`` (a --convert-to format),
    into ``folder``: each as <its stem>.<format>, absent when Writer could not open it."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run the tests with scripts/test.sh, which installs Debian's libreoffice-writer-nogui"
    done = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
         "--convert-to", target, "--outdir", str(folder / "out"), *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return folder / "out"


@pytest.fixture(scope="module")
def as_text(built_site, tmp_path_factory) -> dict[Path, list[str] | None]:
    """Every page's Word file, converted by LibreOffice in one run: {file: its non-empty lines, or
    None when LibreOffice could not open it}."""
    files = every_word_file(built_site)
    converted_to = convert(files, "txt:Text (encoded):UTF8", tmp_path_factory.mktemp("libreoffice"))
    texts = {}
    for file in files:
        converted = converted_to / f"{file.stem}.txt"  # LibreOffice goes on past a file it cannot open
        lines = converted.read_text(encoding="utf-8-sig").splitlines() if converted.is_file() else []
        texts[file] = [words(line) for line in lines if line.strip()] or None
    return texts


def first_missing(wanted: list[str], lines: list[str]) -> str | None:
    """The first of ``wanted`` that ``lines`` lack in that order (None: all there, in order)."""
    rest = iter(lines)
    for text in wanted:
        if not any(line == text for line in rest):
            return text
    return None


@pytest.mark.parametrize("slug", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_word_processor_reads_the_pages_title_items_fields_and_headings(built_site, as_text, lang, slug):
    page = page_of(built_site, lang, slug)
    file = word_file(built_site, lang, slug)
    lines = as_text[file]
    assert lines, f"LibreOffice could not open {file.name}"
    title = words(page.xpath("//article//h1")[0].text_content()).removesuffix("¶").strip()  # without its anchor link
    assert lines[0] == title  # the title comes first
    items = [words(item.text_content()) for item in page.xpath("//ul[@class='wg-checklist']/li")]
    boxed = [line.removeprefix(BOX).strip() for line in lines if line.startswith(BOX)]
    assert boxed == items  # every item once, in the page's order, each with its box
    fields = [words(cell.text_content()).removesuffix("¶").strip() for cell in page.xpath(FIELDS_AND_HEADINGS)]
    assert len(fields) >= 3, f"{lang} {slug}: the page shows no fields, tables or headed lists"
    missing = first_missing(fields, lines)
    assert missing is None, f"{lang} {slug}: the Word file lacks, or has out of order, {missing!r}"


def test_every_checklist_page_has_at_least_ten_items_and_the_templates_fewer(built_site):
    """The test above compares lists: this one makes sure a checklist's list is not empty."""
    for lang in LANGUAGES:
        for slug in PAGES:
            count = len(page_of(built_site, lang, slug).xpath("//ul[@class='wg-checklist']/li"))
            assert (count >= 10) == (slug not in ("learning-plan", "mentoring-agreement")), (lang, slug, count)


def test_every_page_offering_a_word_file_is_in_the_list_checked_here(built_site):
    """A new toolkit page with a Word file joins PAGES, or neither this file's tests nor the page
    count of test_word_pages.py would open it."""
    for lang, prefix in LANGUAGES.items():
        offering = {
            index.parent.name
            for index in (built_site / prefix / "toolkit").glob("*/index.html")
            if lxml.html.parse(str(index)).getroot().xpath("//article//a[substring(@href, string-length(@href) - 4) = '.docx']")
        }
        assert offering == set(PAGES), f"{lang}: pages offering a Word file {sorted(offering)}, PAGES {sorted(PAGES)}"
