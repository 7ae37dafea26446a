#!/usr/bin/env python3
"""Time the full test suite (`.ci/run`, the README's test command) once; writes bench/ci-time.json,
which bench/run.py reports.

Apart from run.py because the suite takes minutes on its own (about 6 on an idle machine): rerunning
it on every bench run would double the bench, and its time does not depend on anything else the
bench measures. The file keeps the commit, date and load, so a stale or busy figure shows as such.
Run it on an otherwise idle machine, with nothing else testing:

    .venv/bin/python bench/time_ci.py
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "bench" / "ci-time.json"


def machine_busy_seconds() -> float:
    """CPU time every process has used since boot (all cores, idle and I/O wait left out; Linux)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    load_start = os.getloadavg()[0]
    busy, start = machine_busy_seconds(), time.perf_counter()
    result = subprocess.run(["bash", str(ROOT / ".ci" / "run")], cwd=ROOT)
    seconds = time.perf_counter() - start
    cpu = machine_busy_seconds() - busy
    record = {
        "seconds": round(seconds, 1),
        "passed": result.returncode == 0,
        "commit": commit + (" (uncommitted changes)" if subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode else ""),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        # CPU time every process used meanwhile (Chromium's and the builds' too): on this many
        # cores, the run cannot take less than cpu_seconds / cores.
        "cpu_seconds": round(cpu, 1),
        "cores": os.cpu_count(),
    }
    OUTPUT.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"{seconds / 60:.1f} min ({cpu:.0f} s of CPU), {'passed' if record['passed'] else 'FAILED'}; wrote {OUTPUT}")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
