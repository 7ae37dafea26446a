"""Compile the theme's Jinja templates once, not on every build (wilguide/template_cache.py)."""

from mkdocs.plugins import event_priority

from wilguide.template_cache import use_bytecode_cache


@event_priority(100)  # before any hook renders a template
def on_env(env, config, files):
    use_bytecode_cache(env)
    return env
