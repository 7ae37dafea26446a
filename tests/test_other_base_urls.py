"""Builds of copies of the project, each with a copy of the session build's cache: every link of a
build at a root address (the preview's, http://127.0.0.1:8000/: conftest.configured_site, which
the publisher's tests share) and of the session build lands on a file and an ID of its site; a
build reuses the cached downloads; the guide PDF is typeset again only for the language whose pages
changed.

Three builds, one of them shared with the publisher's tests, cover what used to take five: a copy
builds, links at a root URL, the checklists' cache across builds, and the guide PDF's cache across
builds (on a copy with a short navigation, so short guides: what is tested is which language is
typeset again, not what the guide holds).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import lxml.html
import pypdf
import pytest

from conftest import PREVIEW_URL, SITE_URL, copy_generator_cache, copy_project, mkdocs_build, shorten_nav
from pdf_pages import poppler_text

pytestmark = pytest.mark.slow
ROOT_URL = "http://127.0.0.1:8000/"
LANGUAGES = {"fr": "", "en": "en/"}
CHECKLIST_KINDS = ("checklists-pdf", "checklists-docx", "checklists-zip")
ADDED_SENTENCE = "Une phrase ajoutée par le test du cache."


def cached_files(cache: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for kind in CHECKLIST_KINDS for path in (cache / kind).glob("*") if path.is_file()}


def guide_pdf(site: Path, lang: str) -> Path:
    pdfs = sorted((site / LANGUAGES[lang] / "downloads").glob("*.pdf"))
    assert len(pdfs) == 1, f"expected one guide PDF in {site / LANGUAGES[lang] / 'downloads'}, found {pdfs}"
    return pdfs[0]


@pytest.fixture(scope="module")
def copies_built(built_site, configured_site, tmp_path_factory):
    """Two copies. The first is conftest.configured_site: at the root URL of a preview (127.0.0.1)
    with no repository set, without the guide PDF (the address is printed on its cover, so a new
    address means typesetting both languages); its checklist files print no address, so they are
    new files. The second, with a short navigation (so a short guide PDF), is built twice with a
    copy of the session build's cache: as it is, then after a French page changed and with one
    checklist PDF removed from the cache."""
    work = tmp_path_factory.mktemp("copies")
    cache = work / "cache"
    copy_generator_cache(cache)
    root_url_site, root_url = configured_site
    assert ROOT_URL == PREVIEW_URL

    changed_copy = copy_project(work / "changed")
    shorten_nav(changed_copy)
    unchanged = mkdocs_build(changed_copy, work / "unchanged-site", WILGUIDE_CACHE_DIR=str(cache))

    first_week = (built_site / "toolkit" / "downloads" / "checklist-first-week-fr.pdf").read_bytes()
    # (A long-lived cache may also hold the same file under an older key: remove every copy.)
    removed = [path for path in (cache / "checklists-pdf").glob("*.pdf") if path.read_bytes() == first_week]
    assert removed, "the session build's cache holds the French first-week PDF"
    for path in removed:
        path.unlink()
    before = cached_files(cache)

    page = changed_copy / "docs" / "fr" / "why-mentoring.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{ADDED_SENTENCE}\n", encoding="utf-8")
    env = {"WILGUIDE_CACHE_DIR": str(cache), "WILGUIDE_SKIP_GUIDE_PDF": "1"}  # ignored by mkdocs build
    changed = mkdocs_build(changed_copy, work / "changed-site", **env)
    after = cached_files(cache)
    return SimpleNamespace(
        root_url=root_url, root_url_site=root_url_site, unchanged=unchanged, unchanged_site=work / "unchanged-site",
        changed=changed, changed_site=work / "changed-site",
        removed=removed, before=before, after=after, cache=cache,
    )


def test_a_build_reuses_cached_downloads_and_makes_only_the_missing_one(copies_built):
    assert copies_built.changed.returncode == 0, copies_built.changed.stderr[-4000:]
    before, after = copies_built.before, copies_built.after
    assert len(before) >= 2 * (8 + 8 + 1) - 1
    rewritten = [path.name for path, mtime in before.items() if after.get(path) != mtime]
    assert not rewritten, f"cached files written again: {rewritten}"
    new = set(after) - set(before)
    made = [path for path in new if path.parent.name == "checklists-pdf"]
    assert len(made) == 1 and made[0] in copies_built.removed, "the missing PDF, and only it, was generated into the cache"
    assert all(path.parent.name in ("checklists-pdf", "checklists-zip") for path in new), new  # a new member may mean a new ZIP
    built = copies_built.changed_site / "toolkit" / "downloads" / "checklist-first-week-fr.pdf"
    assert built.read_bytes() == made[0].read_bytes()


def test_a_preview_address_is_not_printed_on_the_checklists(copies_built, built_site):
    """A file shared from a preview build must not send its reader to 127.0.0.1; the session's
    build, at an address readers can open, prints that address (tests/test_checklists_outputs.py)."""
    assert copies_built.root_url.returncode == 0, copies_built.root_url.stderr[-4000:]
    name = "checklist-first-week-fr.pdf"
    preview = pypdf.PdfReader(copies_built.root_url_site / "toolkit" / "downloads" / name).pages[0].extract_text()
    published = pypdf.PdfReader(built_site / "toolkit" / "downloads" / name).pages[0].extract_text()
    assert "127.0.0.1" not in preview and "http" not in preview, preview[-200:]
    assert SITE_URL in published, published[-200:]


def test_a_changed_page_typesets_its_language_again_and_reuses_the_other(copies_built):
    unchanged, changed = copies_built.unchanged, copies_built.changed
    assert unchanged.returncode == 0, unchanged.stderr[-4000:]
    # The copy's guides (a few chapters) were not in the session's cache: each was typeset.
    assert "guide PDF (fr): typeset in" in unchanged.stderr and "guide PDF (en): typeset in" in unchanged.stderr
    assert changed.returncode == 0, changed.stderr[-4000:]
    assert "WILGUIDE_SKIP_GUIDE_PDF only applies to mkdocs serve" in changed.stderr
    assert "guide PDF (fr): typeset in" in changed.stderr
    assert "guide PDF (en): unchanged, reused from the cache" in changed.stderr
    assert "guide PDF (en): typeset in" not in changed.stderr
    assert guide_pdf(copies_built.changed_site, "en").read_bytes() == guide_pdf(copies_built.unchanged_site, "en").read_bytes()
    text = poppler_text(guide_pdf(copies_built.changed_site, "fr"))
    assert ADDED_SENTENCE in " ".join(text.split())
    rewritten = [path.name for path, mtime in copies_built.before.items() if path.stat().st_mtime_ns != mtime]
    assert not rewritten, f"checklist files written again for a page that is not a checklist: {rewritten}"


def broken_links(site: Path, site_url: str) -> list[str]:
    """Every href and src of every page that should land in the site but does not: a missing file,
    or a missing ID for a link with a fragment. Addresses on other hosts are left alone."""
    base = urlsplit(site_url).path
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            document = lxml.html.parse(str(page)).getroot()
            ids[page] = set(document.xpath("//@id")) | set(document.xpath("//a/@name"))
        return ids[page]

    problems = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        folder = page.parent.relative_to(site).as_posix()
        document = lxml.html.parse(str(page)).getroot()
        for element in document.iter():
            if not isinstance(element.tag, str):
                continue
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if not value or value.startswith(("mailto:", "data:", "javascript:", "tel:")):
                    continue
                parts = urlsplit(value)
                if parts.scheme or parts.netloc:
                    if not value.startswith(site_url):
                        continue  # another site
                    path = value[len(site_url):].split("#")[0].split("?")[0]
                elif value.startswith("/"):
                    if not parts.path.startswith(base):
                        problems.append(f"{page.relative_to(site)}: {value} is outside the site path {base}")
                        continue
                    path = parts.path[len(base):]
                elif not parts.path:
                    path = page.relative_to(site).as_posix()  # a fragment of this page
                else:
                    path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
                if path.startswith("../"):
                    problems.append(f"{page.relative_to(site)}: {value} leaves the site")
                    continue
                target = site / path
                if target.is_dir() or path in ("", ".") or value.split("#")[0].split("?")[0].endswith("/"):
                    target = target / "index.html"
                if not target.is_file():
                    problems.append(f"{page.relative_to(site)}: {element.tag} {attribute}={value!r}: no file {target.relative_to(site)}")
                elif parts.fragment and target.suffix == ".html" and element.tag == "a":
                    if unquote(parts.fragment) not in ids_of(target):
                        problems.append(f"{page.relative_to(site)}: {value!r}: no ID #{parts.fragment} in {target.relative_to(site)}")
    return problems


def sitemap_problems(site: Path, site_url: str) -> list[str]:
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locations) > 20
    return [loc for loc in locations if not loc.startswith(site_url) or not (site / loc[len(site_url):] / "index.html").is_file()]


def test_every_link_lands_at_a_root_url(copies_built):
    site = copies_built.root_url_site
    assert copies_built.root_url.returncode == 0, copies_built.root_url.stderr[-4000:]
    problems = broken_links(site, ROOT_URL) + sitemap_problems(site, ROOT_URL)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:40])
    page = lxml.html.parse(str(site / "en" / "practices" / "check-in" / "index.html")).getroot()
    assert page.xpath("//link[@rel='canonical']/@href") == [ROOT_URL + "en/practices/check-in/"]
    missing = lxml.html.parse(str(site / "en" / "404.html")).getroot()
    assert "/404.html" in missing.xpath("//a[@hreflang='fr']/@href")


def test_every_link_lands_at_a_sub_path(built_site):
    problems = broken_links(built_site, SITE_URL) + sitemap_problems(built_site, SITE_URL)
    assert not problems, f"{len(problems)} broken links:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("lang, edit, repository, propose", [
    ("fr", "Modifier cette page", "Aller au dépôt", "Proposer une modification"),
    ("en", "Edit this page", "Go to repository", "Propose a change"),
])
def test_without_a_repository_no_page_offers_to_edit_or_fork(copies_built, lang, edit, repository, propose):
    """With repo_url left empty (mkdocs.yml's default), readers see no edit link, no repository link
    and no "propose a change" section, never a link to a stand-in repository."""
    assert copies_built.root_url.returncode == 0, copies_built.root_url.stderr[-4000:]
    site = copies_built.root_url_site / LANGUAGES[lang]
    for name in ("roles", "contribute"):
        document = lxml.html.parse(str(site / name / "index.html")).getroot()
        names = [" ".join(a.text_content().split()) for a in document.xpath("//a[@href]")]
        assert edit not in names and repository not in names, (lang, name)
        assert not document.xpath("//a[@rel='edit'] | //a[contains(@href, 'github.com/example-org')]"), (lang, name)
    contribute = lxml.html.parse(str(site / "contribute" / "index.html")).getroot()
    headings = [" ".join(h.text_content().replace("¶", "").split()) for h in contribute.xpath("//article//h2")]
    assert propose not in headings and len(headings) == 3, headings
    assert not contribute.xpath("//article//a[contains(@href, 'CONTRIBUTING')]")
    assert contribute.xpath("//article//a[@href='../translation-status/']"), "the translation status is still linked"
