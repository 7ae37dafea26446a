"""The font of the checklist PDFs, cut down to the letters a Canadian form needs.

WeasyPrint embeds the font of form fields whole, so its size is in every checklist PDF. Liberation
Sans 1.07 (Debian's fonts-liberation) has no Vietnamese letters: "Nguyễn" typed in a field printed
as "Nguyn". Liberation Sans 2 (fonts-liberation2, the same metrics as Arial) has them, and three
times the glyphs; cut to the Latin alphabets, their accents and punctuation, without hinting, it
is half the size of the old font. fontTools (a WeasyPrint dependency) does the cutting; the result
is kept in the generator cache under the source font's identity.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import cache

SOURCE_DIR = Path("/usr/share/fonts/truetype/liberation2")
SOURCES = {"regular": SOURCE_DIR / "LiberationSans-Regular.ttf", "bold": SOURCE_DIR / "LiberationSans-Bold.ttf"}
# Basic Latin, Latin-1, Latin Extended-A and -B (Vietnamese Ơ and Ư), combining accents, Latin
# Extended Additional (Vietnamese, Welsh ŵ), general punctuation, and the euro, trade mark, arrow
# and minus signs and the fi/fl ligatures a form's text may use.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
    (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212), (0xFB01, 0xFB02),
]


class MissingFont(RuntimeError):
    pass


def sources() -> dict[str, Path]:
    missing = [str(path) for path in SOURCES.values() if not path.exists()]
    if missing:
        raise MissingFont(
            f"font file(s) missing: {', '.join(missing)}; install the Debian package fonts-liberation2 "
            "(scripts/setup.sh does it)"
        )
    return SOURCES


def identity() -> str:
    """Part of a checklist PDF's cache key: the source fonts and how they are cut."""
    return ";".join(f"{path}:{cache.file_identity(path)}" for path in sources().values()) + cache.source_of(sys.modules[__name__])


def form_fonts() -> dict[str, Path]:
    """Each face, cut, as a file in the generator cache."""
    key = identity()
    return {face: cache.cached_file("form-font", [key, face], ".ttf", lambda target, source=source: _cut(source, target)) for face, source in sources().items()}


def _cut(source: Path, target: Path) -> None:
    from fontTools import subset  # imported late: only needed when the cache has no cut font
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False  # printing and PDF viewers do without; it is a third of the file
    options.layout_features = ["*"]  # kerning and the accents' positions
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in RANGES for code in range(first, last + 1)])
    subsetter.subset(font)
    font.save(target)
