"""Generated files are cached by a key that must cover every input: change any template, stylesheet,
generator module or font, and the key of every output it shapes changes (else a stale file ships).

The inputs are changed for real, one at a time, in a copy of the `wilguide` package and of the
fonts, and the keys are read in a separate Python that imports that copy. Nothing is generated:
the cache is replaced by a recorder of the keys it is asked for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from wilguide.guide_pdf.fonts import font_files

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST_PDF, CHECKLIST_DOCX, CHECKLIST_ZIP, GUIDE_PDF = "checklists-pdf", "checklists-docx", "checklists-zip", "guide-pdf"
FONTS_OF_BOTH = {CHECKLIST_PDF, CHECKLIST_ZIP, GUIDE_PDF}

# Each input, and the outputs whose key must change with it (the others must keep theirs: a change
# regenerates only what it touches). A ZIP holds the PDFs and Word files, so it follows them.
AFFECTED = {
    "wilguide/checklists/templates/checklist-pdf.html": {CHECKLIST_PDF, CHECKLIST_ZIP},
    "wilguide/checklists/templates/checklist-pdf.css": {CHECKLIST_PDF, CHECKLIST_ZIP},
    "wilguide/checklists/pdf.py": {CHECKLIST_PDF, CHECKLIST_ZIP},
    "wilguide/checklists/pdf_form.py": {CHECKLIST_PDF, CHECKLIST_ZIP},
    "wilguide/checklists/form_font.py": {CHECKLIST_PDF, CHECKLIST_ZIP},
    "wilguide/checklists/word.py": {CHECKLIST_DOCX, CHECKLIST_ZIP},
    "wilguide/checklists/model.py": {CHECKLIST_PDF, CHECKLIST_DOCX, CHECKLIST_ZIP},
    "wilguide/checklists/strings.py": {CHECKLIST_PDF, CHECKLIST_DOCX, CHECKLIST_ZIP},
    "wilguide/checklists/downloads.py": {CHECKLIST_ZIP},
    "wilguide/guide_pdf/guide.css": {GUIDE_PDF},
    "wilguide/guide_pdf/templates/document.html": {GUIDE_PDF},
    "wilguide/guide_pdf/assemble.py": {GUIDE_PDF},
    "wilguide/guide_pdf/build.py": {GUIDE_PDF},
    "wilguide/guide_pdf/contents.py": {GUIDE_PDF},
    "wilguide/guide_pdf/fonts.py": {GUIDE_PDF},
    "wilguide/guide_pdf/labels.py": {GUIDE_PDF},
    "wilguide/guide_pdf/page_fill.py": {GUIDE_PDF},
    "wilguide/guide_pdf/part_languages.py": {GUIDE_PDF},
    "wilguide/guide_pdf/render.py": {GUIDE_PDF},
    "wilguide/site_address.py": {GUIDE_PDF},
    "wilguide/phone_links.py": {CHECKLIST_DOCX, CHECKLIST_ZIP},  # the Word files' numbers kept on one line
    # Fonts: the checklists use Liberation Sans and, cut for their fields, DejaVu Sans; the guide
    # every face it declares.
    "fonts/LiberationSans-Regular.ttf": FONTS_OF_BOTH,
    "fonts/LiberationSans-Bold.ttf": FONTS_OF_BOTH,
    "fonts/LiberationSans-Italic.ttf": {GUIDE_PDF},
    "fonts/LiberationSerif-Regular.ttf": {GUIDE_PDF},
    "fonts/LiberationSerif-BoldItalic.ttf": {GUIDE_PDF},
    "fonts/LiberationMono-Regular.ttf": {GUIDE_PDF},
    "fonts/DejaVuSans.ttf": FONTS_OF_BOTH,
    "fonts/DejaVuSans-Bold.ttf": {GUIDE_PDF},
}

# Runs in the copy: records every key asked of the cache, for the unchanged inputs and then for
# each changed one. A font changes a byte in its middle and keeps its size.
KEYS_OF_EACH_CHANGE = r"""
import json, sys
from pathlib import Path

setup = json.loads(sys.stdin.read())
root, fonts_dir, out = Path(setup["root"]), Path(setup["fonts"]), Path(setup["out"])
import wilguide
assert Path(wilguide.__file__).resolve().is_relative_to(root.resolve()), wilguide.__file__
from wilguide import cache
from wilguide.checklists import load_all, pdf
from wilguide.checklists.downloads import produce_downloads
from wilguide.guide_pdf import Chapter, Edition, fonts, make_guide_pdf
from datetime import date

pdf.FONTS = {name: fonts_dir / path.name for name, path in pdf.FONTS.items()}
fonts.FONT_DIRS = [fonts_dir]
recorded = {}

def recorder(kind, key_parts, suffix, produce):
    digest = cache.content_hash(key_parts)
    recorded.setdefault(kind, []).append(digest)
    target = out / kind / (digest + suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "guide-pdf-edition":
        produce(target)  # the edition day, which the guide reads back
    else:
        target.write_text(digest)  # a stand-in whose content follows its key (ZIP members)
    return target

cache.cached_file = recorder
checklists = load_all(Path(setup["docs"]), ["fr", "en"])
chapters = [Chapter("index.md", "", "<h1>Accueil</h1><p>Bonjour.</p>", "Accueil"),
            Chapter("roles.md", "roles/", "<h1>Rôles</h1><p>Texte.</p>", "Rôles", section="Le guide")]
edition = Edition("fr", "Guide", "Sous-titre", "Organisation", date.min, "https://example.org/g/", "", "CC BY 4.0")

def keys():
    recorded.clear()
    for lang in ("fr", "en"):
        produce_downloads(list(checklists[lang].values()), lang, {"publisher": "Organisation"})
    make_guide_pdf(chapters, edition, {})
    return {kind: list(values) for kind, values in recorded.items()}

def changed(data: bytes, suffix: str) -> bytes:
    if suffix == ".ttf":
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]
    note = {".py": b"\n# changed by the cache-key test\n", ".css": b"\n/* changed */\n", ".html": b"\n<!-- changed -->\n"}
    return data + note[suffix]

result = {"unchanged": keys()}
for name in setup["inputs"]:
    path = root / name if name.startswith("wilguide/") else fonts_dir / Path(name).name
    original = path.read_bytes()
    path.write_bytes(changed(original, path.suffix))
    try:
        result[name] = keys()
    finally:
        path.write_bytes(original)
result["restored"] = keys()
print(json.dumps(result))
"""


def test_every_input_of_a_generated_file_is_in_its_cache_key(tmp_path):
    package = tmp_path / "package"
    shutil.copytree(ROOT / "wilguide", package / "wilguide", ignore=shutil.ignore_patterns("__pycache__"))
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for path in font_files().values():
        shutil.copy2(path, fonts / path.name)
    for name in AFFECTED:  # each input exists where the test changes it
        assert (package / name if name.startswith("wilguide/") else fonts / Path(name).name).is_file(), name

    setup = {"root": str(package), "fonts": str(fonts), "out": str(tmp_path / "out"), "docs": str(ROOT / "docs"), "inputs": list(AFFECTED)}
    env = dict(os.environ, PYTHONPATH=str(package), PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-c", KEYS_OF_EACH_CHANGE], input=json.dumps(setup), capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    assert result.returncode == 0, result.stderr[-4000:]
    keys = json.loads(result.stdout)
    unchanged = keys["unchanged"]
    assert {kind: len(values) for kind, values in unchanged.items() if kind not in ("guide-pdf-edition", "form-font")} == {
        # Per language: nine checklists and two templates, one ZIP; one guide PDF.
        CHECKLIST_PDF: 22, CHECKLIST_DOCX: 22, CHECKLIST_ZIP: 2, GUIDE_PDF: 1,
    }
    assert keys["restored"] == unchanged, "the same inputs give the same keys"

    problems = []
    for name, affected in AFFECTED.items():
        for kind in (CHECKLIST_PDF, CHECKLIST_DOCX, CHECKLIST_ZIP, GUIDE_PDF):
            same = [old == new for old, new in zip(unchanged[kind], keys[name][kind])]
            if kind in affected and any(same):
                problems.append(f"changing {name} keeps the key of {sum(same)} of {len(same)} {kind} file(s): they would not be regenerated")
            if kind not in affected and not all(same):
                problems.append(f"changing {name} changes the key of {kind} files, which it does not shape")
    assert not problems, "\n".join(problems)
