"""Fail the build on a broken link or anchor, an H2 that differs between languages, or bad front
matter, naming the file AND the line (MkDocs' own link warnings give no line).

Runs once, before the default language's build, and not at all when the same pages, settings and
code passed before (a rebuild with nothing changed). House terms and figures are checked by
scripts/check-content.sh only (see CONTRIBUTING.md).
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wilguide.contentcheck import project_from_config
from wilguide.contentcheck.build_check import BUILD_RULES, run_rules_unless_unchanged
from wilguide.findings import ContentError
from wilguide.i18n_state import is_nested_build


@event_priority(100)  # before the other hooks' own checks, so one build reports every problem
def on_pre_build(config):
    if is_nested_build(config):
        return  # the nested language builds read the same files: checked once is enough
    findings = run_rules_unless_unchanged(project_from_config(config), BUILD_RULES)
    if findings:
        raise PluginError(str(ContentError(findings)))
