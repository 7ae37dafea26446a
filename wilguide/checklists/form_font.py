"""The font of what people type in a checklist or template PDF, cut to the Latin alphabets.

WeasyPrint embeds the font of form fields whole, so its size is in every PDF. The printed text is
Liberation Sans 1.07 (Debian's fonts-liberation), which has no Vietnamese letters: "Nguyễn" typed
in a field printed as "Nguyn". DejaVu Sans (fonts-dejavu-core, which the guide PDF uses already)
has them; cut to the Latin alphabets, their accents and punctuation, without hinting, it is smaller
than the whole Liberation Sans the fields used before. fontTools (a WeasyPrint dependency) does the
cutting; the result is kept in the generator cache under the source font's identity. The source is
the file the guide PDF's font list finds, so no font is installed or replaced for the rest of the
machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .. import cache

SOURCE = "DejaVuSans.ttf"  # a face the guide PDF declares: found, or its package named, as there
# Basic Latin, Latin-1, Latin Extended-A and -B (Vietnamese Ơ and Ư), combining accents, Latin
# Extended Additional (Vietnamese, Welsh ŵ), general punctuation, and the euro, trade mark, arrow
# and minus signs and the fi/fl ligatures a form's text may use.
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
    (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2190, 0x2193), (0x2212, 0x2212), (0xFB01, 0xFB02),
]


def source() -> Path:
    from ..guide_pdf import fonts  # here: the guide_pdf package imports the checklists package

    return next(path for face, path in fonts.font_files().items() if face.file_name == SOURCE)


def identity() -> str:
    """Part of a PDF's cache key: the source font and how it is cut."""
    return f"{source()}:{cache.file_identity(source())};" + cache.source_of(sys.modules[__name__])


def field_font() -> Path:
    """The cut font, as a file in the generator cache."""
    return cache.cached_file("form-font", [identity()], ".ttf", lambda target: _cut(source(), target))


def _cut(font_file: Path, target: Path) -> None:
    from fontTools import subset  # imported late: only needed when the cache has no cut font
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.hinting = False  # printing and PDF viewers do without; it is a third of the file
    options.layout_features = ["*"]  # kerning and the accents' positions
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(font_file)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[code for first, last in RANGES for code in range(first, last + 1)])
    subsetter.subset(font)
    font.save(target)
