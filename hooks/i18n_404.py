"""One 404 page per language, each with a switcher to the other language's 404 page.

Every language build writes site/404.html, so the last one would win. We keep the default
language's page at the root and move the others to site/<lang>/404.html.

A host such as GitHub Pages serves only the root 404.html, whatever the missing address: the
default language's page sends an address under another language's folder (/en/...) to that
language's 404 page (``other_languages_404``, used by overrides/404.html).
"""

from copy import deepcopy
from pathlib import Path

from mkdocs.plugins import event_priority

from wilguide.i18n_state import current_language, default_language, root_alternates

_default_page: dict[str, bytes] = {}


def on_template_context(context, template_name, config):
    if template_name != "404.html":
        return context
    alternates = [dict(alt, link=alt["link"] + "404.html") for alt in root_alternates(config)]
    # The plugin sets extra.alternate as an attribute, which shadows the key Jinja reads.
    config.extra["alternate"] = deepcopy(alternates)
    config.extra.alternate = deepcopy(alternates)
    if current_language(config) == default_language(config):
        # (folder prefix, its 404 page) for each other language: /wil-mentoring-guide/en/, ...
        context["other_languages_404"] = [
            (alt["link"].removesuffix("404.html"), alt["link"])
            for alt in alternates
            if alt["lang"] != current_language(config)
        ]
    return context


@event_priority(-50)  # before the i18n plugin starts the next language's build
def on_post_build(config):
    page = Path(config.site_dir) / "404.html"
    lang = current_language(config)
    if lang == default_language(config):
        _default_page["bytes"] = page.read_bytes()
        return
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    if "bytes" in _default_page:
        page.write_bytes(_default_page["bytes"])
