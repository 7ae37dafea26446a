"""The table of files on the downloads page: the guide PDF, the checklists and their bundle."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Sequence

from .assemble import _environment
from .labels import file_size, labels, long_date

MARKER = "<!-- wilguide:downloads -->"


@dataclass(frozen=True)
class Download:
    title: str
    url: str | None  # from the site root, language prefix included: "en/downloads/guide.pdf"
    format: str  # what readers call it: PDF, ZIP, DOCX
    size: int | None = None
    built: date | None = None
    description: str = ""
    kind: str = "file"  # guide, checklist, bundle: a hook for styles and tests
    unavailable: str = ""  # said instead of a link when the file was not built
    note: str = ""  # said under the title, link or not: "being updated" while a preview catches up
    pages: int | None = None  # the guide's page count, said with its size: readers print it


@dataclass(frozen=True)
class OtherLanguagePage:
    """The downloads page of another language, linked under the table: an employer reading one
    language may need the files in the other, for a student or a colleague."""

    lang: str
    url: str  # from the site root: "en/downloads/"
    title: str  # the page's own title, in its language: "Downloads"


PENDING = ("updating", "preparing", "failed")  # while a file is being typeset (labels' keys)


def guide_row(site_name: str, lang: str, url: str | None, result, skip_reason: str | None, pending: str = "") -> Download:
    """The guide PDF's row: ``result`` is a build.GuidePdf, or None when ``skip_reason`` says why not.

    ``pending`` (one of PENDING) says the PDF for the current pages is not ready yet; ``result``
    is then the previous PDF, still linked, or None."""
    words = labels(lang)
    if pending not in ("", *PENDING):
        raise ValueError(f"pending must be one of {PENDING}, not {pending!r}")
    if pending == "updating" and not result:
        pending = "preparing"
    return Download(
        title=words["guide_title"].format(title=site_name),
        url=url if result else None,
        format="PDF",
        size=result.size if result else None,
        built=result.day if result else None,
        description=words["guide_description"],
        kind="guide",
        note=words[pending] if pending else "",
        unavailable="" if result or pending else words["skipped"].format(reason=skip_reason),
        pages=result.pages if result else None,
    )


def checklist_rows(checklist_downloads, prefix: str) -> list[Download]:
    """The checklists' files (wilguide.checklists.checklist_downloads) as rows of the table.

    Their URLs are relative to the language root; their date is the day the cached file was made."""
    return [
        Download(
            title=item.title,
            url=prefix + item.url,
            format=item.format,
            size=item.size,
            built=date.fromtimestamp(Path(item.path).stat().st_mtime),
            description=item.description,
            kind="bundle" if item.format == "ZIP" else "checklist",
        )
        for item in checklist_downloads
    ]


def relative_url(url: str, page_url: str) -> str:
    """The address of ``url`` from the page at ``page_url`` (both from the site root)."""
    directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    relative = posixpath.relpath("/" + url, "/" + directory)
    return relative + "/" if url.endswith("/") else relative  # a page's address keeps its slash


def kind_label(item: Download, words: dict[str, str]) -> str:
    """What kind of file a link gives, in words: two rows may share a title (a checklist's PDF
    and Word file), so the link's text says which one it is."""
    return words["kind.guide"] if item.kind == "guide" else words.get(f"kind.{item.format}", item.format)


def size_label(item: Download, lang: str) -> str:
    """48 ko; for the guide, with its page count: 797 KB, 125 pages."""
    if item.size is None:
        return ""
    if item.pages:
        return labels(lang)["size_and_pages"].format(size=file_size(item.size, lang), pages=item.pages)
    return file_size(item.size, lang)


def other_language_line(other: OtherLanguagePage, lang: str, page_url: str) -> dict[str, str]:
    """The sentence that links to ``other`` from the page at ``page_url``, cut around its link."""
    key = f"other_language.{other.lang}"
    sentence = labels(lang).get(key)
    if sentence is None:
        raise ValueError(f"the downloads page has no sentence for linking {lang} to {other.lang}: add '{key}' to LABELS['{lang}']")
    before, _, after = sentence.partition("{link}")
    return {"before": before, "after": after, "lang": other.lang, "title": other.title, "href": relative_url(other.url, page_url)}


def render_downloads(
    downloads: list[Download], lang: str, page_url: str, others: Sequence[OtherLanguagePage] = ()
) -> str:
    words = labels(lang)
    rows = [
        {
            "download": item,
            "href": relative_url(item.url, page_url) if item.url and not item.unavailable else None,
            "size": size_label(item, lang),
            "built": long_date(item.built, lang) if item.built else "",
            "kind": kind_label(item, words),
            "description": item.description or (words["bundle_description"] if item.kind == "bundle" else ""),
            # The accessible name starts with the visible text (title and kind), then the size.
            "label": words["download_link"].format(
                title=item.title, kind=kind_label(item, words), size=size_label(item, lang) if item.size else ""
            ).removesuffix(", "),
        }
        for item in downloads
    ]
    lines = [other_language_line(other, lang, page_url) for other in others]
    return _environment().get_template("downloads.html").render(words=words, rows=rows, others=lines)


def insert_downloads(content: str, table: str) -> str:
    """Put the table where the page has the marker, or at its end."""
    if MARKER in content:
        return content.replace(MARKER, table, 1)
    return content + table
