"""A bytecode cache for the theme's Jinja templates, in the generator cache folder.

MkDocs makes a new Jinja environment for every build: each language's, and each rebuild under
`mkdocs serve`. Each one compiled Material's templates again, about a second of a three-second
rebuild. Jinja keys its cached code by template name and checks it against the template's
source (and the Python version) before using it, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache

from .cache import cache_dir


def use_bytecode_cache(env: Environment) -> None:
    folder = cache_dir() / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
