"""Typeset independent documents (checklist PDF and Word files, the guide PDFs) in parallel processes.

The pool starts only when the cache misses something: a rebuild with everything cached never
starts a process nor imports WeasyPrint. Workers are spawned, not forked: a fork of `mkdocs
serve` would copy its server threads' locks. A job's exception (ContentError with its
``file:line`` findings included) comes back to the build through its Future.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Set WILGUIDE_WORKERS=1 to typeset one document at a time (for profiling, or a tiny machine).
WORKERS_VARIABLE = "WILGUIDE_WORKERS"
_pool: list["ProcessPoolExecutor"] = []
started_count = [0]  # pools started in this process: tests check a warm rebuild starts none


def worker_count() -> int:
    wanted = os.environ.get(WORKERS_VARIABLE, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    # One more than the cores: while one worker imports WeasyPrint, another one typesets.
    return (os.cpu_count() or 1) + 1


def exit_with_parent(parent: int) -> None:
    """In each worker: end the worker once the process that started it is gone. A pool worker
    waits on a queue whose other end it holds itself, so when `mkdocs serve` is stopped with
    SIGTERM or SIGKILL (by an editor's IDE, say) its workers would otherwise wait for ever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def submit(function: Callable, *args) -> Future:
    """Run ``function(*args)`` in a worker process (module-level function, picklable arguments)."""
    if not _pool:
        # Imported here: a rebuild with everything cached never pays for them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        _pool.append(ProcessPoolExecutor(worker_count(), mp_context=multiprocessing.get_context("spawn"),
                                         initializer=exit_with_parent, initargs=(os.getpid(),)))
        started_count[0] += 1
    return _pool[0].submit(function, *args)


def shutdown(cancel: bool = False) -> None:
    """Stop the pool (after a build, or at once when the build failed)."""
    if _pool:
        _pool.pop().shutdown(wait=not cancel, cancel_futures=cancel)
