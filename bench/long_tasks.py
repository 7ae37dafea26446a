#!/usr/bin/env python3
"""What blocks the main thread while a page of the built site loads, in Chromium.

Loads each page cold, with the CPU slowed down as Lighthouse's mobile preset does (4 ×), records a
Chromium trace, and lists the main thread's long tasks (over 50 ms, the ones total blocking time
counts) with what ran inside each: script evaluation per file, function calls per file, HTML
parsing, style and layout, XHR handlers. Not part of the tests; the bench's Lighthouse figures say
how much blocks, this says what.

    .venv/bin/python bench/long_tasks.py SITE_DIR [PAGE ...] [--slowdown 4] [--runs 1]
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
import tempfile
import threading
from collections import defaultdict
from http.server import ThreadingHTTPServer
from pathlib import Path

from run import CHROMIUM, SITE_PATH, StaticHost, free_port

LONG_TASK_MS = 50
CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing"


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = type("Host", (StaticHost,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{SITE_PATH}"


def describe(event: dict) -> str:
    name, data = event["name"], event.get("args", {}).get("data", {}) or {}
    url = data.get("url") or (data.get("stackTrace") or [{}])[0].get("url", "")
    short = url.rsplit("/", 1)[-1].split("?")[0] if url else ""
    if name in ("EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "FunctionCall", "TimerFire", "EventDispatch", "XHRLoad", "XHRReadyStateChange"):
        label = data.get("type") or data.get("functionName") or ""
        return f"{name} {short} {label}".strip()
    return name


def page_main_thread(events: list[dict], url: str) -> tuple[int, int] | None:
    """The renderer main thread that parsed the page (other renderers share the trace)."""
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    for event in events:
        if event.get("name") == "ParseHTML" and (event["pid"], event["tid"]) in main:
            if ((event.get("args", {}).get("beginData") or {}).get("url") or "").split("#")[0] == url:
                return event["pid"], event["tid"]
    return None


def long_tasks(trace: dict, url: str, slowdown: float) -> list[dict]:
    """Tasks whose CPU time, times the slowdown, passes 50 ms: the load of a shared machine
    stretches wall time but hardly CPU time, so this is what a 4 × slower phone would block."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    thread = page_main_thread(events, url)
    on_thread = [e for e in events if (e.get("pid"), e.get("tid")) == thread and e.get("ph") == "X"]
    tasks = [e for e in on_thread if e["name"] == "RunTask" and e.get("tdur", e.get("dur", 0)) * slowdown >= LONG_TASK_MS * 1000]
    origin = min((e["ts"] for e in on_thread), default=0)
    found = []
    for task in tasks:
        start, end = task["ts"], task["ts"] + task["dur"]
        inside: dict[str, float] = defaultdict(float)
        for event in on_thread:
            if event is not task and start <= event["ts"] and event["ts"] + event.get("dur", 0) <= end and event.get("tdur", event.get("dur", 0)) >= 1000:
                inside[describe(event)] += event.get("tdur", event["dur"]) / 1000
        found.append({"start_ms": (start - origin) / 1000, "ms": task["dur"] / 1000, "cpu_ms": task.get("tdur", task["dur"]) / 1000, "inside": sorted(inside.items(), key=lambda item: -item[1])[:8]})
    return found


def profile(url: str, slowdown: float) -> tuple[list[dict], list[dict]]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 412, "height": 823}, is_mobile=True)
        requests = []
        page.on("requestfinished", lambda request: requests.append(request.url))
        trace_file = Path(tempfile.mkdtemp()) / "trace.json"
        browser.start_tracing(page=page, path=str(trace_file), categories=CATEGORIES.split(","))
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1000)
        browser.stop_tracing()
        trace = json.loads(trace_file.read_text())
        shutil.rmtree(trace_file.parent, ignore_errors=True)
        browser.close()
    return long_tasks(trace, url, slowdown), requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", default=["", "en/", "toolkit/planner/"])
    parser.add_argument("--slowdown", type=float, default=4)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    server, base = serve(args.site)
    try:
        for path in args.pages:
            for run in range(args.runs):
                tasks, requests = profile(base + path, args.slowdown)
                blocking = sum(task["cpu_ms"] * args.slowdown - LONG_TASK_MS for task in tasks)
                print(f"/{path} (run {run + 1}): {len(tasks)} long tasks at {args.slowdown:g} × CPU time, {blocking:.0f} ms over {LONG_TASK_MS} ms; "
                      f"{len(requests)} requests" + (", search index loaded" if any("search_index" in r for r in requests) else ""))
                for task in tasks:
                    print(f"  at {task['start_ms']:7.0f} ms: {task['ms']:5.0f} ms ({task['cpu_ms']:.0f} ms on the CPU)")
                    for name, ms in task["inside"]:
                        print(f"      {ms:6.1f} ms  {name}")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
