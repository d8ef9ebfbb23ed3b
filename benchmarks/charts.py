"""Chart rendering time (issue 9: <= 300 ms per chart, in-process), the first chart of the
process reported on its own (it pays for importing matplotlib and loading its fonts).

    python benchmarks/charts.py [--reps 30] [--csv PATH]

Builds a temporary SQLite store from the bundled corpus plus one Meta enforcement CSV (the
shared dataset's meta-2024-q2.csv when present, else the test sample), answers a few series
questions, and renders each chart ``--reps`` times. Prints, each from a new process:

- the first chart of a cold process (``modstats ask --chart``: importing matplotlib and
  reading its font list included), and the one after it;
- the first chart a user gets from a Slack server process: the app built as ``modstats serve``
  builds it (``create_app``, which loads matplotlib before serving), then the first chart, once
  start-up is done and (``--at-once``) while the app's warm-up thread still builds its catalog;

and p50/p95/max of the warm charts in this process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
META = ROOT.parent / "shared" / "datasets" / "platform_transparency_diaphanous" / "meta" / "meta-2024-q2.csv"
SAMPLE = ROOT / "tests" / "data" / "samples" / "meta-community-standards-sample.csv"
QUESTIONS = [
    "facebook hate speech content actioned over time",
    "instagram hate speech content actioned each quarter of 2022",
    "facebook terrorism content actioned trend",
    "facebook terrorism proactive rate over time",
]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--csv", type=Path, default=META if META.exists() else SAMPLE)
    ap.add_argument("--child", help=argparse.SUPPRESS)  # internal: time one first chart in this process
    ap.add_argument("--server-child", help=argparse.SUPPRESS)  # internal: ... in a Slack server process
    ap.add_argument("--at-once", action="store_true", help=argparse.SUPPRESS)  # ... while its warm-up thread runs
    args = ap.parse_args()
    if args.child:
        return first_chart(args.child)
    if args.server_child:
        return server_first_chart(args.server_child, args.at_once)

    from store.db import Store
    from store.ingest import Meta, ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store.open(url)
        ingest_paths(store, [args.csv], Meta(None, None, None, None))
        store.dispose()
        print(f"data: {args.csv.name}")
        for flags in (["--child", url], ["--server-child", url], ["--server-child", url, "--at-once"]):
            child = subprocess.run([sys.executable, __file__, *flags], capture_output=True, text=True, check=True)
            print(child.stdout.strip())

        from bot import chart, engine
        from store.reading import open_for_reading

        reading = open_for_reading(url)
        chart.warm()
        times = []
        for q in QUESTIONS:
            a = engine.answer(q, reading)
            if a.status != "series":
                print(f"  (not a series: {q!r} -> {a.status})")
                continue
            for _ in range(args.reps):
                t = time.perf_counter()
                png = chart.render(a.series)
                times.append((time.perf_counter() - t) * 1000)
            print(f"  {q!r}: {len(a.series)} periods, {len(png):,} bytes")
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        print(f"warm charts: n={len(times)} p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, "
              f"max {times[-1]:.0f} ms (target <= 300 ms)")
    return 0


def first_chart(url: str) -> int:
    """In a new process: the first chart, cold (import included), then one after it."""
    from bot import engine
    from store.reading import open_for_reading

    a = engine.answer(QUESTIONS[0], open_for_reading(url))
    t = time.perf_counter()
    from bot import chart

    chart.render(a.series)
    cold = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    chart.render(a.series)
    second = (time.perf_counter() - t) * 1000
    print(f"first chart of a cold process (matplotlib import and fonts included): {cold:.0f} ms; the next: {second:.0f} ms")
    return 0


def server_first_chart(url: str, at_once: bool) -> int:
    """In a new process: the Slack app built as the server builds it, then the first chart,
    once the app's warm-up thread (the catalog) is done, or ``at_once`` while it runs."""
    from bot import engine
    from bot.slack.app import create_app
    from bot.slack.settings import HTTP, Settings
    from store.db import Store
    from store.reading import open_for_reading

    settings = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-benchmark", "SLACK_SIGNING_SECRET": "benchmark",
                                  "DATABASE_URL": url}, mode=HTTP)
    t = time.perf_counter()
    create_app(settings, Store(url), token_verification=False)
    start = (time.perf_counter() - t) * 1000
    a = engine.answer(QUESTIONS[0], open_for_reading(url))
    if not at_once:
        for thread in threading.enumerate():
            if thread.name == "modstats-warm-up":
                thread.join()
    from bot import chart

    t = time.perf_counter()
    chart.render(a.series)
    first = (time.perf_counter() - t) * 1000
    when = "right after start, its warm-up thread still running" if at_once else "once started"
    print(f"first chart in a Slack server process, {when} (create_app took {start:.0f} ms): {first:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
