"""Generated files (PDF, Word, ZIP, the planner's holidays) reach the site as hard links to their
file in the generator cache, not as copies.

A build empties the site folder and writes every file again: the downloads alone are about 15 MB
in 90 files, copied on every rebuild. A link holds the same bytes and costs no copy. The site's
file is then the cache's file: nothing may write into it in place (the guide PDF and its table are
replaced through a new file and a rename, wilguide/guide_pdf/site_files.py), and what publishes the
site must store each file's bytes, as GitHub's Pages upload does (tar --hard-dereference). Where a
link cannot be made (the cache on another file system, a file from outside the cache), the file is
copied.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from mkdocs.structure.files import File

from .cache import cache_dir

# What a copy gets: the site is served by a web server that is not its owner.
SITE_FILE_MODE = 0o644


class CachedFile(File):
    """A generated file of the site whose source is a file of the generator cache."""

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        link_into_site(Path(self.abs_src_path), Path(self.abs_dest_path))


def link_into_site(source: Path, target: Path) -> None:
    """Put ``source`` at ``target``: a hard link to a file of the generator cache, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if _in_cache(source):
        try:
            if stat.S_IMODE(source.stat().st_mode) != SITE_FILE_MODE:
                os.chmod(source, SITE_FILE_MODE)  # the cache writes its files owner-only (mkstemp)
            os.link(source, target)
            return
        except OSError:  # another file system, a file system without links, a cache file of another user
            pass
    shutil.copyfile(source, target)


def _in_cache(source: Path) -> bool:
    return source.resolve().is_relative_to(cache_dir().resolve())
