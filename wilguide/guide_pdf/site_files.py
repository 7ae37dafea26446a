"""Put a PDF typeset after its pages into the written site: the file itself and the downloads table.

Both are replaced atomically (a temporary file in the same folder, then a rename): a reader of the
served site sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _replace(target: Path, write) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def replace_file(source: Path, target: Path) -> None:
    """Copy ``source`` over ``target``."""
    _replace(Path(target), lambda temporary: shutil.copyfile(source, temporary))


def replace_table(page: Path, old_table: str, new_table: str) -> bool:
    """Swap the downloads table written in ``page``; False when the page no longer holds it."""
    page = Path(page)
    if not page.exists():
        return False
    html = page.read_text(encoding="utf-8")
    if html.count(old_table) != 1:
        return False
    _replace(page, lambda temporary: temporary.write_text(html.replace(old_table, new_table), encoding="utf-8"))
    return True
