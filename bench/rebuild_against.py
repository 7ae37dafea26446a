"""Rebuild with nothing changed: today's project against the project at an earlier commit, and
both against plain Material + i18n, the three built in turns, run by run.

`bench/run.py` times the project against plain; this script also builds the project as it was at
BASE, so a change made to the rebuild is measured against what it replaced, on the same machine
in the same minutes. Each build gets one untimed build first (its generator cache and site folder
are then warm), as an editor's second build would.

    .venv/bin/python bench/rebuild_against.py 5b586fe --runs 9
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from run import Build, copy_project, export_commit, write_plain_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the commit to compare today's project with")
    parser.add_argument("--runs", type=int, default=9, help="timed rebuilds of each (default 9)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="wilguide-rebuild-"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/wil-mentoring-guide/")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as on an editor's machine (see run.py)
    try:
        today, base, plain = copy_project(work / "today"), export_commit(args.base, work / "base"), copy_project(work / "plain")
        builds = {
            "today": Build(today, today / "mkdocs.yml", work / "today-site", dict(env, WILGUIDE_CACHE_DIR=str(work / "today-cache")), strict=True),
            args.base: Build(base, base / "mkdocs.yml", work / "base-site", dict(env, WILGUIDE_CACHE_DIR=str(work / "base-cache")), strict=True),
            "plain": Build(plain, write_plain_config(plain), work / "plain-site", env, strict=False),
        }
        print("First builds (untimed: they fill each generator cache)...", flush=True)
        for build in builds.values():
            build.run()
        times: dict[str, list[float]] = {name: [] for name in builds}
        for run in range(1, args.runs + 1):
            for name, build in builds.items():
                times[name].append(build.run())
            print(f"run {run}: " + ", ".join(f"{name} {seconds[-1]:.2f} s" for name, seconds in times.items())
                  + f" (load {os.getloadavg()[0]:.1f})", flush=True)
        medians = {name: statistics.median(seconds) for name, seconds in times.items()}
        print("\nmedian: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in medians.items()))
        for name in ("today", args.base):
            print(f"{name}: {medians[name] / medians['plain']:.2f} x plain")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
