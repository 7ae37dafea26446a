"""Fail the build when a page exists in one language only (fallback would hide it)."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from wilguide.findings import ContentError
from wilguide.i18n_state import is_nested_build, languages
from wilguide.parity import missing_pages


def on_pre_build(config):
    if is_nested_build(config):
        return  # checked once, by the default language's build
    findings = missing_pages(Path(config.docs_dir), languages(config))
    if findings:
        raise PluginError(str(ContentError(findings)))
