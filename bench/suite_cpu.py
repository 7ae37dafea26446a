"""A pytest plugin: how much CPU each test costs the whole machine (every process, Chromium's and
the builds' included, read from /proc/stat), written as JSON and summed by module at the end.

The suite's wall time on 2 cores cannot fall below its CPU time divided by 2, and pytest's own
durations do not show CPU: a test that waits for the network costs wall time, a browser test
costs more CPU than wall time. Run it in one process on an otherwise idle machine (Linux only):

    PYTHONPATH=bench bash scripts/test.sh -n 0 -p suite_cpu    # per test: $WILGUIDE_SUITE_CPU or /tmp/suite-cpu.json
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest

from time_ci import machine_busy_seconds

_rows: dict[str, dict[str, float]] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    busy, start = machine_busy_seconds(), time.perf_counter()
    yield
    _rows[item.nodeid] = {"cpu": machine_busy_seconds() - busy, "wall": time.perf_counter() - start}


def pytest_terminal_summary(terminalreporter):
    if not _rows:
        return
    output = Path(os.environ.get("WILGUIDE_SUITE_CPU") or Path(tempfile.gettempdir()) / "suite-cpu.json")
    output.write_text(json.dumps(_rows, indent=1) + "\n", encoding="utf-8")
    modules: dict[str, list[float]] = {}
    for nodeid, row in _rows.items():
        total = modules.setdefault(nodeid.split("::")[0], [0.0, 0.0, 0])
        total[0] += row["cpu"]
        total[1] += row["wall"]
        total[2] += 1
    cpu, wall = sum(row["cpu"] for row in _rows.values()), sum(row["wall"] for row in _rows.values())
    write = terminalreporter.write_line
    write(f"machine CPU {cpu:.0f} s over {wall:.0f} s of tests ({cpu / max(wall, 1e-9):.2f} cores busy); per test: {output}")
    for module, (module_cpu, module_wall, count) in sorted(modules.items(), key=lambda item: -item[1][0])[:15]:
        write(f"{module_cpu:7.1f} s CPU {module_wall:7.1f} s wall {count:4d} tests  {module}")
