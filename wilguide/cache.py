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
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent

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


@functools.lru_cache(maxsize=1)
def code_identity() -> str:
    """A digest of the wilguide package's Python code, for the key of a result that its functions
    compute (cached_value). Read once per process: a process runs the code it imported, and
    `mkdocs serve` does not import the package again when a file of it changes."""
    files = sorted(PACKAGE.rglob("*.py"))
    return content_hash(part for path in files for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes()))


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
    return _stored(kind, key_parts, suffix, produce)


def _stored(kind: str, key_parts: Iterable[str | bytes], suffix: str, produce: Callable[[Path], None]) -> Path:
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


def cached_value(kind: str, key_parts: Iterable[str | bytes], compute: Callable[[], T]) -> T:
    """What ``compute()`` returns, remembered between builds: computed when no earlier build
    computed it for this key, else read back. For pure functions of their inputs: the key holds
    every input, with code_identity() for the code (and the files the function reads, if any).

    Stored pickled: the cache folder is the project's own, trusted as its code is. An exception
    from ``compute`` stores nothing, so a problem is reported on every build until it is fixed."""
    path = _stored(kind, [code_identity(), *key_parts], ".pickle",
                   lambda target: target.write_bytes(pickle.dumps(compute(), pickle.HIGHEST_PROTOCOL)))
    return pickle.loads(path.read_bytes())
