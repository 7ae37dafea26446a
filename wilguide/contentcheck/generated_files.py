"""The files the build writes beside the pages (checklist downloads, their ZIP, the guide PDF),
named as the build names them, so a hand-written link to one is checked before the build, with
its line, and a typo gets the name it probably meant."""

from __future__ import annotations

from ..checklists.downloads import DOWNLOAD_DIR, bundle_name, file_name
from ..checklists.former_names import SUFFIXES, former_addresses
from ..checklists.parser import find_checklist_slugs, load_checklist
from ..findings import ContentError
from ..guide_pdf.build import file_name as guide_file_name
from ..i18n_state import language_setting
from .project import Project

GUIDE_PDF_DIR = "downloads"  # hooks/guide_pdf.py writes <language prefix>downloads/<name>.pdf
GENERATED_SUFFIXES = (".pdf", ".docx", ".zip")


def generated_files(project: Project, lang: str) -> set[str]:
    """Paths relative to the language's docs folder, e.g. toolkit/downloads/before-the-first-day.pdf.
    A checklist that cannot be read is left out: the checklists rule reports it."""
    checklists = []
    with project.working_directory():
        for slug in find_checklist_slugs(project.docs_dir, lang):
            try:
                checklists.append(load_checklist(project.docs_dir, lang, slug))
            except ContentError:
                continue
    files = {f"{DOWNLOAD_DIR}/{file_name(checklist, suffix)}" for checklist in checklists for suffix in SUFFIXES}
    files.add(f"{DOWNLOAD_DIR}/{bundle_name(lang)}")
    files |= {address.url for address in former_addresses(checklists, lang)}
    files.add(f"{GUIDE_PDF_DIR}/{guide_file_name(language_setting(project.config, lang, 'site_name'))}")
    return files
