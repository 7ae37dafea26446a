"""The fonts embedded in the guide PDF, taken from Debian packages by file, never by guess.

Each face is declared in @font-face with its file, so fontconfig cannot swap in whatever font of
that name a machine happens to have: every build embeds the same fonts, or fails and names the
packages to install (scripts/setup.sh installs them).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import cache

FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]


@dataclass(frozen=True)
class Face:
    family: str
    weight: int
    style: str
    file_name: str
    package: str


FACES = [
    Face("Liberation Serif", 400, "normal", "LiberationSerif-Regular.ttf", "fonts-liberation"),
    Face("Liberation Serif", 700, "normal", "LiberationSerif-Bold.ttf", "fonts-liberation"),
    Face("Liberation Serif", 400, "italic", "LiberationSerif-Italic.ttf", "fonts-liberation"),
    Face("Liberation Serif", 700, "italic", "LiberationSerif-BoldItalic.ttf", "fonts-liberation"),
    Face("Liberation Sans", 400, "normal", "LiberationSans-Regular.ttf", "fonts-liberation"),
    Face("Liberation Sans", 700, "normal", "LiberationSans-Bold.ttf", "fonts-liberation"),
    Face("Liberation Sans", 400, "italic", "LiberationSans-Italic.ttf", "fonts-liberation"),
    Face("Liberation Sans", 700, "italic", "LiberationSans-BoldItalic.ttf", "fonts-liberation"),
    Face("Liberation Mono", 400, "normal", "LiberationMono-Regular.ttf", "fonts-liberation"),
    Face("Liberation Mono", 700, "normal", "LiberationMono-Bold.ttf", "fonts-liberation"),
    # Glyphs Liberation lacks: narrow no-break space (French "50 %"), ballot boxes, arrows.
    Face("DejaVu Sans", 400, "normal", "DejaVuSans.ttf", "fonts-dejavu-core"),
    Face("DejaVu Sans", 700, "normal", "DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
]


class MissingFonts(RuntimeError):
    pass


@lru_cache(maxsize=None)
def _index(font_dirs: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in font_dirs:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.ttf")):
                found.setdefault(path.name, path)
    return found


def font_files(font_dirs: list[Path] | None = None) -> dict[Face, Path]:
    """The file of every face, or MissingFonts naming the Debian packages to install."""
    index = _index(tuple(font_dirs or FONT_DIRS))
    missing = sorted({face.package for face in FACES if face.file_name not in index})
    if missing:
        raise MissingFonts(
            "the guide PDF needs the fonts of these Debian packages: "
            + " ".join(missing)
            + " (scripts/setup.sh installs them: apt-get install " + " ".join(missing) + ")"
        )
    return {face: index[face.file_name] for face in FACES}


def font_face_css(files: dict[Face, Path]) -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f'font-style: {face.style}; src: url("{path.resolve().as_uri()}"); }}'
        for face, path in files.items()
    )


def fonts_identity(files: dict[Face, Path]) -> str:
    """For the cache key: a font package upgrade changes the files, so the PDF is typeset again."""
    return ";".join(f"{face.file_name}:{cache.file_identity(path)}" for face, path in files.items())
