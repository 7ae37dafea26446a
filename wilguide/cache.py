"""Content-addressed cache for expensive generated files (PDF, Word, ZIP).

A file is stored under a hash of everything that determines it (its source text, the language,
settings, the generator's own code), so an unchanged input is never generated twice, across
`mkdocs serve` rebuilds and separate builds alike. The folder is `.cache/wilguide/` in the project
(git-ignored), or WILGUIDE_CACHE_DIR.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

# Counts generations in this process, so tests and benchmarks can see what a build regenerated.
generated_count: dict[str, int] = {}


def cache_dir() -> Path:
    return Path(os.environ.get("WILGUIDE_CACHE_DIR") or Path.cwd() / ".cache" / "wilguide")


def content_hash(parts: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


def source_of(*modules) -> str:
    """The source code of generator modules (modules or their file paths), for a cache key: a
    digest of each, so that a key stays short to hash (a rebuild asks for about a hundred)."""
    return ";".join(file_identity(Path(getattr(module, "__file__", module))) for module in modules)


def file_identity(path: Path) -> str:
    """A file's content digest, for a cache key (fonts: an upgrade may keep a file's size). Read
    once per process while the file's size and modification time stay the same."""
    return _digest_of(str(path), *_stamp(path))


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=None)  # every download's key holds its generators' code: read once
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cached_path(kind: str, key_parts: Iterable[str | bytes], suffix: str) -> Path:
    """Where the file for this key is (or will be) cached, without producing it."""
    return cache_dir() / kind / f"{content_hash(key_parts)}{suffix}"


def cached_file(kind: str, key_parts: Iterable[str | bytes], suffix: str, produce: Callable[[Path], None]) -> Path:
    """Return the cached file for this key, calling ``produce(path)`` to write it when missing.

    Safe to call from several processes at once: each writes its own temporary file."""
    target = cached_path(kind, key_parts, suffix)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=suffix + ".part")
    os.close(handle)
    try:
        produce(Path(temporary))
        os.replace(temporary, target)  # atomic: parallel builds never see half a file
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    generated_count[kind] = generated_count.get(kind, 0) + 1
    return target
