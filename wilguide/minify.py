"""Our own scripts and stylesheets, served minified.

The sources under docs/assets keep their comments and layout for editors; a phone downloads
neither. rjsmin and rcssmin only remove comments and spaces (names stay as written, so a browser's
error still names the source's functions). Each file is minified from its source, not from what
the build copied: minifying twice gives the same file.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified(suffix: str, text: str) -> str:
    """The text of a .js or .css file without its comments and spaces."""
    return MINIFIERS[suffix](text)


def minify_assets(sources: Path, served: Path) -> list[Path]:
    """Write the minified copy of each script and stylesheet under ``sources`` over the copy the
    build put at the same place under ``served``; return the files written."""
    written = []
    for source in sorted(sources.rglob("*")):
        target = served / source.relative_to(sources)
        if source.suffix in MINIFIERS and target.is_file():
            target.write_text(minified(source.suffix, source.read_text(encoding="utf-8")), encoding="utf-8")
            written.append(target)
    return written
