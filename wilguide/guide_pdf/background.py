"""`mkdocs serve` only: typeset a guide PDF in a separate process, so the preview never waits for it.

``BackgroundTypesetting.start(job)`` runs ``python -m wilguide.guide_pdf.background`` on a pickled
GuideJob and calls ``on_done(job, result, error)`` from a watcher thread when it ends. A newer job
for the same language stops the older one (its pages are out of date anyway). The worker runs at a
lower priority than the server, so rebuilds keep the processor.

Tests only: WILGUIDE_TEST_TYPESET_GATE names a file; the worker waits until that file exists
before it typesets, so a test decides when the PDF is "done". Nothing else reads the variable.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

GATE_VARIABLE = "WILGUIDE_TEST_TYPESET_GATE"
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds wilguide/


class _Running:
    def __init__(self, job, process: subprocess.Popen, folder: str):
        self.job = job
        self.process = process
        self.folder = folder
        self.stopped = False


class BackgroundTypesetting:
    def __init__(self, on_done: Callable):
        self._on_done = on_done  # on_done(job, GuidePdf | None, error message | None)
        self._running: dict[str, _Running] = {}
        self._lock = threading.Lock()

    def is_running(self, job) -> bool:
        with self._lock:
            running = self._running.get(job.lang)
            return bool(running and running.job.path == job.path and running.process.poll() is None)

    def start(self, job) -> bool:
        """Typeset ``job`` in the background unless that very job is already running; True if started."""
        if self.is_running(job):
            return False
        self.stop(job.lang)
        folder = tempfile.mkdtemp(prefix="wilguide-guide-pdf-")
        job_file, result_file = Path(folder) / "job.pickle", Path(folder) / "result.pickle"
        job_file.write_bytes(pickle.dumps(job))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_PACKAGE_ROOT), env.get("PYTHONPATH")]))
        process = subprocess.Popen(
            [sys.executable, "-m", "wilguide.guide_pdf.background", str(job_file), str(result_file)],
            env=env,
            stdin=subprocess.DEVNULL,
        )
        running = _Running(job, process, folder)
        with self._lock:
            self._running[job.lang] = running
        threading.Thread(target=self._watch, args=(running, result_file), daemon=True).start()
        return True

    def stop(self, lang: str) -> None:
        with self._lock:
            running = self._running.pop(lang, None)
        if running and running.process.poll() is None:
            running.stopped = True
            running.process.terminate()

    def stop_all(self) -> None:
        for lang in list(self._running):
            self.stop(lang)

    def _watch(self, running: _Running, result_file: Path) -> None:
        running.process.wait()
        try:
            if running.stopped:
                return
            with self._lock:
                if self._running.get(running.job.lang) is running:
                    del self._running[running.job.lang]
            if result_file.exists():
                outcome, value = pickle.loads(result_file.read_bytes())
            else:
                outcome, value = "failed", f"the typesetting process stopped (exit status {running.process.returncode})"
            if outcome == "done":
                self._on_done(running.job, value, None)
            else:
                self._on_done(running.job, None, value)
        finally:
            for name in os.listdir(running.folder):
                os.unlink(os.path.join(running.folder, name))
            os.rmdir(running.folder)


def _main(job_file: str, result_file: str) -> None:
    from ..findings import ContentError
    from .build import typeset_guide_pdf
    from .fonts import MissingFonts
    from .render import TypesetError

    os.nice(5)  # the server's rebuilds come first
    job = pickle.loads(Path(job_file).read_bytes())
    gate = os.environ.get(GATE_VARIABLE)
    while gate and not Path(gate).exists():
        time.sleep(0.1)
    try:
        outcome = ("done", typeset_guide_pdf(job))
    except (ContentError, MissingFonts, TypesetError) as error:
        outcome = ("failed", str(error))
    except Exception as error:  # reported in the serve log; the build command would stop on it
        outcome = ("failed", f"{type(error).__name__}: {error}")
    partial = result_file + ".part"
    Path(partial).write_bytes(pickle.dumps(outcome))
    os.replace(partial, result_file)


if __name__ == "__main__":
    _main(*sys.argv[1:3])
