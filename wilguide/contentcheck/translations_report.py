"""The translation status as Markdown: for the editors' status page and a pull request's summary."""

from __future__ import annotations

from .project import Project
from .translations import CHANGED, IN_STEP, NOT_RECORDED, PairStatus, pair_statuses

LABELS = {
    "fr": {
        "page": "Page", "state": "État", IN_STEP: "à jour", CHANGED: "modifiée depuis la vérification",
        NOT_RECORDED: "jamais vérifiée", "changed_in": "modifiée en {langs}",
        "summary": "{in_step} paires de pages sur {total} sont à jour.",
        "changes": "Changements depuis la dernière vérification",
        "no_diff": "Changements non affichés : {why}.",
    },
    "en": {
        "page": "Page", "state": "Status", IN_STEP: "in step", CHANGED: "changed since checked",
        NOT_RECORDED: "never checked", "changed_in": "changed in {langs}",
        "summary": "{in_step} of {total} page pairs are in step.",
        "changes": "Changes since the last check",
        "no_diff": "Changes not shown: {why}.",
    },
}
LANGUAGE_NAMES = {"fr": {"fr": "français", "en": "anglais"}, "en": {"fr": "French", "en": "English"}}


def _state(status: PairStatus, lang: str) -> str:
    labels = LABELS.get(lang, LABELS["en"])
    if status.state != CHANGED:
        return labels[status.state]
    names = LANGUAGE_NAMES.get(lang, LANGUAGE_NAMES["en"])
    return f"{labels[CHANGED]} ({labels['changed_in'].format(langs=', '.join(names.get(l, l) for l in status.changed))})"


def status_markdown(project: Project, lang: str, statuses: list[PairStatus] | None = None, heading_level: int = 2) -> str:
    """A summary line, a table of every pair, then the changed lines of each pair out of step."""
    labels = LABELS.get(lang, LABELS["en"])
    statuses = pair_statuses(project) if statuses is None else statuses
    in_step = sum(status.state == IN_STEP for status in statuses)
    out = [labels["summary"].format(in_step=in_step, total=len(statuses)), "",
           f"| {labels['page']} | {labels['state']} |", "|---|---|"]
    out += [f"| `{status.name}` | {_state(status, lang)} |" for status in statuses]
    changed = [status for status in statuses if status.state == CHANGED]
    if changed:
        out += ["", f"{'#' * heading_level} {labels['changes']} {{ #changes }}"]
        for status in changed:
            out += ["", f"**`{status.name}`**", ""]
            for changed_lang in status.changed:
                if changed_lang in status.diffs:
                    out += ["````diff", *status.diffs[changed_lang], "````", ""]
                else:
                    out += [labels["no_diff"].format(why=status.diff_unavailable.get(changed_lang, "")), ""]
    return "\n".join(out).rstrip() + "\n"


STATUS_MARKER = "<!-- translation-status -->"
