"""Serve our own scripts and stylesheets minified (wilguide/minify.py)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from wilguide.minify import minify_assets


@event_priority(-300)  # after the i18n plugin built the other languages, and copied the assets
def on_post_build(config):
    minify_assets(Path(config.docs_dir) / "assets", Path(config.site_dir) / "assets")
