"""Load benchmark for the Slack app over real HTTP.

Starts ``modstats serve`` (gunicorn, $WEB_CONCURRENCY workers) on a free loopback port with a
fake Slack Web API, on a seeded SQLite copy (or --database-url), then measures:

1. slash-command acknowledgement latency (the answer is in the ack): N sequential signed
   requests, p50/p99 from sending the request to the full response (target p99 <= 50 ms);
2. a burst of 500 signed slash commands, 32 in flight: all must be 200 within 3 s; prints
   requests/s and the RSS memory of each worker process.

    python benchmarks/slack_load.py [--latency-requests 300] [--burst 500] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import http.client
import shutil
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "slack"))

from fake_slack_api import FakeSlack  # noqa: E402
from slack_harness import FORM, Server, signed_headers, slash_command  # noqa: E402

QUESTIONS = [
    "suspensions H2 2017",
    "how many ISIS accounts did Twitter shut down since mid-2015?",
    "share of suspended accounts flagged by internal tools H2 2017",
    "twitter",
    "facebook hate speech 2020",
    "how many accounts did twitter suspend for terrorism between aug 2015 and dec 2017",
    "help",
    "list",
]

_local = threading.local()
KEEPALIVE = False


def post(port: int, body: str) -> tuple[int, float]:
    """One signed POST on this thread's keep-alive connection; (status, seconds)."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = signed_headers(body, FORM)
    started = time.perf_counter()
    try:
        conn.request("POST", "/slack/events", body=body.encode(), headers=headers)
        resp = conn.getresponse()
        resp.read()
        status = resp.status
    except (OSError, http.client.HTTPException):
        conn.close()
        _local.conn = None
        return 0, time.perf_counter() - started
    if not KEEPALIVE:  # like a fresh client: a new TCP connection for every request
        conn.close()
        _local.conn = None
    return status, time.perf_counter() - started


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return [int(p) for p in children.read_text().split()]
    return []


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--latency-requests", type=int, default=300)
    ap.add_argument("--burst", type=int, default=500)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2, help="WEB_CONCURRENCY")
    ap.add_argument("--database-url", help="default: a seeded SQLite copy in a temporary folder")
    ap.add_argument("--keepalive", action="store_true", help="reuse connections (default: one per request)")
    args = ap.parse_args()
    global KEEPALIVE
    KEEPALIVE = args.keepalive

    from store.db import Store

    tmp = Path(tempfile.mkdtemp(prefix="modstats-bench-"))
    url = args.database_url or f"sqlite:///{tmp / 'modstats.db'}"
    Store.open(url).dispose()
    fake = FakeSlack().start()
    server = Server(fake, url, workers=args.workers, log_path=tmp / "server.log").start()
    try:
        bodies = [slash_command(q, fake.response_url("bench")) for q in QUESTIONS]
        for b in bodies * 3:  # warm up every worker's caches
            post(server.port, b)

        # 1. acknowledgement latency, one request at a time
        lat, bad = [], 0
        for i in range(args.latency_requests):
            status, secs = post(server.port, bodies[i % len(bodies)])
            bad += status != 200
            lat.append(secs * 1000)
        print(f"slash-command ack latency over {len(lat)} sequential requests "
              f"({len(QUESTIONS)} different questions, answer in the ack):")
        print(f"  p50 {statistics.median(lat):.1f} ms   p99 {pct(lat, 99):.1f} ms   max {max(lat):.1f} ms   "
              f"non-200: {bad}   target p99 <= 50 ms: {'PASS' if pct(lat, 99) <= 50 and not bad else 'FAIL'}")

        # 2. burst
        burst = [bodies[i % len(bodies)] for i in range(args.burst)]
        _local.conn = None
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(lambda b: post(server.port, b), burst))
        elapsed = time.perf_counter() - started
        ok = sum(1 for s, _ in results if s == 200)
        blat = [s * 1000 for _, s in results]
        print(f"burst of {args.burst} signed slash commands, {args.concurrency} in flight, "
              f"{args.workers} gunicorn workers, {'keep-alive' if KEEPALIVE else 'a new connection per request'}:")
        print(f"  {ok}/{args.burst} answered 200 in {elapsed:.2f} s = {args.burst / elapsed:.0f} requests/s   "
              f"latency p50 {statistics.median(blat):.0f} ms p99 {pct(blat, 99):.0f} ms   "
              f"target all 200 inside 3 s: {'PASS' if ok == args.burst and elapsed <= 3 else 'FAIL'}")
        pids = workers_of(server.proc.pid)
        print("  RSS per worker: " + ", ".join(f"pid {p}: {rss_mb(p):.0f} MB" for p in pids)
              + f"   (master {rss_mb(server.proc.pid):.0f} MB)")
        return 0 if ok == args.burst and elapsed <= 3 and pct(lat, 99) <= 50 else 1
    finally:
        server.stop()
        fake.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
