"""Scale benchmark for structured data (issue 4): generated CSVs in the Meta, TikTok and
Google layouts, ingested into SQLite; then questions answered against them.

    python benchmarks/ingest_scale.py [--rows 1000000] [--reps 200] [--keep DIR] [--ingest-runs N] [--ingest-only]
                                      [--layout mixed|meta] [--db sqlite|postgres]

Prints, with the issue's targets alongside:
  * ingest rows/s on SQLite (target >= 20,000), all generated files, one process; with
    ``--ingest-runs N`` the ingest is repeated N times into a new database each time and the
    median is reported (a shared machine's timings vary from run to run);
  * the plain ``csv``-module read rate of the same files (the ceiling), and ingest's share of it;
  * ``--layout meta``: every row in the Meta layout (issue 10's target: >= 60,000 rows/s at
    1,000,000 rows); ``--db postgres``: ingest into the PostgreSQL server of the tests
    ($MODSTATS_TEST_PG, default 127.0.0.1:5432/test), in a schema of its own, dropped after;
  * with ``--db postgres`` and the server on this machine, the CPU time of the ingest's backends
    (from /proc): how much of the ingest's time is the server's own work;
  * peak memory of that ingest (resource.getrusage maxrss of the child process; target
    <= 200 MB for 1,000,000 rows, issue 10);
  * answer latency in-process, warm, with the generated figures stored (target p50 <= 5 ms,
    p99 <= 10 ms, issue 10), and per question of a batch through ``modstats ask --json -``;
  * accuracy of the dev question set tests/data/tables_questions.jsonl (samples and the real
    Google country file) and of generated questions whose answers are known by construction.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SET = ROOT / "tests" / "data" / "tables_questions.jsonl"
sys.path.insert(0, str(ROOT))

META_POLICIES = ["Adult Nudity & Sexual Activity", "Bullying & Harassment", "Child Endangerment: Sexual Exploitation",
                 "Dangerous Orgs: Organized Hate", "Dangerous Orgs: Terrorism", "Fake Accounts", "Hate Speech",
                 "Regulated Goods: Drugs", "Regulated Goods: Firearms", "Spam", "Suicide and Self-Injury",
                 "Violence And Incitement", "Violent & Graphic Content", "Child Nudity & Sexual Exploitation",
                 "Child Endangerment: Nudity and Physical Abuse"] + [f"Policy Area {i:02d}" for i in range(5)]
# names that differ only in their order: a question naming one exactly must get that one (issue 7)
PERMUTED_POLICIES = ["Hate & Spam", "Spam & Hate", "Drugs & Firearms", "Firearms & Drugs", "Fraud & Scams", "Scams & Fraud"]
META_POLICIES += PERMUTED_POLICIES
META_METRICS = ["Content Actioned", "Content Appealed", "Content Restored with appeal", "Content Restored without appeal",
                "Proactive rate", "Upperbound Prevalence", "Lowerbound Prevalence"]
TT_METRICS = ["Removal rate within 24 hours", "Removal rate before any views", "Proactive removal rate",
              "Category share", "Total videos removed"]
TT_POLICIES = ["All", "Violent extremism", "Hateful behavior", "Harassment and bullying", "Minor safety",
               "Adult nudity and sexual activities", "Illegal activities and regulated goods", "Integrity and authenticity",
               "Violent and graphic content", "Suicide, self-harm, and dangerous acts", "Privacy and security", "Spam"]
MARKETS = ["All", "United States", "Brazil", "Germany", "France", "Japan", "Indonesia", "Mexico", "Turkey", "Spain",
           "Italy", "United Kingdom", "Pakistan", "Philippines", "Egypt", "Iraq", "Saudi Arabia", "Vietnam", "Thailand",
           "Malaysia"] + [f"Market {i:02d}" for i in range(61)]
COUNTRIES = ["Germany", "United States", "Brazil", "India", "United Kingdom", "France", "Italy", "Spain", "Turkey",
             "Argentina"] + [f"Country {i:03d}" for i in range(340)]
MONTHS = ["Jan-Mar", "Apr-Jun", "Jul-Sep", "Oct-Dec"]


def value(*key) -> int:
    return int(hashlib.sha1("|".join(map(str, key)).encode()).hexdigest()[:7], 16)


def rate(*key) -> float:
    return round(0.5 + (value(*key) % 500) / 1000, 3)  # 0.500 .. 0.999, a fraction as TikTok publishes


YEARS: dict[str, int] = {}  # layout -> last whole year generated


def generate(folder: Path, rows: int, layout: str = "mixed") -> list[Path]:
    """Files in the three layouts, ~15% Meta, ~78% TikTok, ~7% Google rows (``layout`` "meta":
    all Meta); every row a new fact. Generated periods are in 1900-1999 (for 1,000,000 rows),
    so they never collide with the real samples' periods the dev set asks about."""
    folder.mkdir(parents=True, exist_ok=True)
    if layout == "meta":
        meta_n, google_n, tiktok_n = rows, 0, 0
    else:
        meta_n, google_n = int(rows * 0.15), int(rows * 0.07)
        tiktok_n = rows - meta_n - google_n
    apps = ("Facebook", "Instagram", "Messenger") + (tuple(f"App {i:02d}" for i in range(20)) if layout == "meta" else ())
    written: list[Path] = []

    path = folder / "gen-meta.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["app", "policy_area", "metric", "period", "value"])
        n = 0
        year = 1900
        while n < meta_n:
            for q in range(1, 5):
                for app in apps:
                    for pol in META_POLICIES:
                        for m in META_METRICS:
                            if n >= meta_n:
                                break
                            k = (app, pol, m, f"{year}Q{q}")
                            v = f"{rate(*k) * 100:.2f}%" if "rate" in m or "Prevalence" in m else f"{value(*k):,}"
                            w.writerow([*k, v])
                            n += 1
            year += 1
    YEARS["meta"] = year - 2
    written.append(path)
    if layout == "meta":
        return written

    path = folder / "gen-tiktok.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Metric", "Period type", "Period", "Policy type", "Issue", "Task type", "Task", "Location", "Market", "Result"])
        n, year = 0, 1900
        while n < tiktok_n:
            for q in MONTHS:
                period = f"{q} {year}"
                for market in MARKETS:
                    for pol in TT_POLICIES:
                        for m in TT_METRICS:
                            if n >= tiktok_n:
                                break
                            k = (m, period, pol, market)
                            v = f"{value(*k)}.0" if m == "Total videos removed" else str(rate(*k))
                            w.writerow([m, "Quarterly", period, "All" if pol == "All" else "Policy", pol, "All", "All",
                                        "All" if market == "All" else "Market", market, v])
                            n += 1
            year += 1
    YEARS["tiktok"] = year - 2
    written.append(path)

    path = folder / "gen-google.csv"
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Period Ending", "Country", "Country Code", "Content Removal Requests",
                    "Percentage of removal requests fully or partially complied with", "Items Requested To Be Removed"])
        n, year = 0, 1900
        while n < google_n:
            for end in ("06/30", "12/31"):
                for c in COUNTRIES:
                    if n >= google_n:
                        break
                    k = (f"{end}/{year}", c)
                    req = value(*k, "r") % 500
                    w.writerow([*k, "XX", "<10" if req < 10 else req, value(*k, "p") % 101, value(*k, "i") % 5000])
                    n += 1
            year += 1
    YEARS["google"] = year - 2
    written.append(path)
    return written


def child_ingest(url: str, paths: list[str]) -> None:
    """Run in a subprocess so its peak RSS is the ingest's own."""
    from store.db import Store
    from store.ingest import Meta, ingest_paths

    if url.startswith("postgresql"):  # this process's backends, by name: see _server_cpu
        url += f"{'&' if '?' in url else '?'}application_name=modstats-bench-{os.getpid()}"
    store = Store.open(url, seed=False)
    server0 = _server_cpu(store)  # the migrations'
    start = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = usage.ru_utime + usage.ru_stime
    report = ingest_paths(store, [Path(p) for p in paths], Meta(published=dt.date(2024, 8, 1)))
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    rss_kb = usage.ru_maxrss
    print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime - cpu0, "maxrss_mb": rss_kb / 1024, "failed": [f.message for f in report.files if f.status == "failed"],
                      "citations": sum(f.figures for f in report.files), "server_cpu": _less(_server_cpu(store), server0)}))


def _less(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _server_cpu(store) -> float | None:
    """CPU seconds (user + system) of this process's PostgreSQL backends so far, when the server
    runs on this machine (read from /proc); None otherwise. The ingest's work on the server."""
    if store.engine.dialect.name != "postgresql":
        return None
    from sqlalchemy import text

    with store.engine.connect() as conn:
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE application_name = "
                                 "current_setting('application_name')")).scalars().all()
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def generated_questions(layout: str = "mixed") -> list[tuple[str, float]]:
    """Questions over generated rows, with the values the generator wrote. Meta questions name
    a fact exactly, among policies whose names are permutations of each other."""
    out = []
    rnd = random.Random(4)
    for _ in range(60 if layout == "meta" else 5):
        year, q = rnd.randint(1900, YEARS["meta"]), rnd.randint(1, 4)
        app, pol, metric = rnd.choice(("Facebook", "Instagram")), rnd.choice(PERMUTED_POLICIES), rnd.choice(META_METRICS)
        k = (app, pol, metric, f"{year}Q{q}")
        want = round(rate(*k) * 100, 2) if "rate" in metric or "Prevalence" in metric else value(*k)
        out.append((f"{app} {pol} {metric} {year}Q{q}", want))
    if layout == "meta":
        return out
    for _ in range(20):
        year, q = rnd.randint(1900, YEARS["tiktok"]), rnd.randint(1, 4)
        period = f"{MONTHS[q - 1]} {year}"
        market = rnd.choice(["All", "United States", "Brazil", "Germany", "Japan"])
        where = "" if market == "All" else (" US" if market == "United States" else f" in {market}")
        out.append((f"tiktok removal rate within 24h violent extremism{where} Q{q} {year}",
                    round(rate("Removal rate within 24 hours", period, "Violent extremism", market) * 100, 10)))
        out.append((f"how many videos did tiktok remove{where} Q{q} {year}", value("Total videos removed", period, "All", market)))
    for _ in range(10):
        year, q = rnd.randint(1900, YEARS["meta"]), rnd.randint(1, 4)
        out.append((f"facebook terrorism content actioned Q{q} {year}", value("Facebook", "Dangerous Orgs: Terrorism", "Content Actioned", f"{year}Q{q}")))
        out.append((f"instagram hate speech content appealed Q{q} {year}", value("Instagram", "Hate Speech", "Content Appealed", f"{year}Q{q}")))
    for _ in range(10):
        year = rnd.randint(1900, YEARS["google"])
        c = rnd.choice(["Germany", "Brazil", "India", "France"])
        out.append((f"items governments asked Google to remove in {c} H2 {year}", value(f"12/31/{year}", c, "i") % 5000))
    return out


from contextlib import contextmanager


@contextmanager
def _database(kind: str, sqlite_url: str):
    """The URL to ingest into: the SQLite file, or a new schema on the PostgreSQL server."""
    if kind == "sqlite":
        yield sqlite_url
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_schema import fresh_schema

    with fresh_schema(prefix="bench") as url:
        yield url


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--ingest-runs", type=int, default=1, help="ingest N times (fresh database each), report the median")
    ap.add_argument("--ingest-only", action="store_true", help="stop after the ingest numbers")
    ap.add_argument("--layout", choices=("mixed", "meta"), default="mixed")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--child-ingest", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_ingest:
        child_ingest(args.child_ingest[0], args.child_ingest[1:])
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="modstats-scale-"))
    t = time.perf_counter()
    files = generate(work / "data", args.rows, args.layout)
    print(f"generated {args.rows:,} rows in {len(files)} files ({sum(f.stat().st_size for f in files) / 1e6:.0f} MB) in {time.perf_counter() - t:.1f}s")
    t = time.perf_counter()
    read = 0
    for f in files:
        with f.open(newline="", encoding="utf-8-sig") as fh:
            for _ in csv.reader(fh):
                read += 1
    ceiling = read / (time.perf_counter() - t)
    print(f"ceiling: the csv module reads the same files at {ceiling:,.0f} rows/s")
    db = work / "scale.db"
    url = f"sqlite:///{db}"
    runs = []
    for _ in range(max(1, args.ingest_runs)):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with _database(args.db, url) as target:
            out = subprocess.run([sys.executable, __file__, "--child-ingest", target, *map(str, files)], check=True,
                                 capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        if r["failed"]:
            print("FAILED:", r["failed"])
            return 1
        runs.append(r)
        if args.ingest_runs > 1:
            print(f"  run {len(runs)}: {r['seconds']:.1f}s = {args.rows / r['seconds']:,.0f} rows/s ({r['cpu']:.1f}s of CPU), "
                  f"peak {r['maxrss_mb']:.0f} MB")
    seconds = statistics.median(x["seconds"] for x in runs)
    peak = max(x["maxrss_mb"] for x in runs)
    cpu = statistics.median(x["cpu"] for x in runs)
    what = f"median of {len(runs)} runs, " if len(runs) > 1 else ""
    print(f"ingest ({args.db}, {args.layout} layout): {args.rows:,} rows ({r['citations']:,} figures) in {seconds:.1f}s "
          f"({what}one process) = {args.rows / seconds:,.0f} rows/s, {args.rows / seconds / ceiling:.0%} of the csv module's "
          f"read rate  (target >= 60,000)")
    # on a busy machine the wall clock says more about the neighbours than about ingest: the
    # ingest process's own CPU time (user + system; the database server's not included)
    print(f"ingest CPU time of the ingesting process: {cpu:.1f}s = {args.rows / cpu:,.0f} rows per CPU-second"
          f"{' (the PostgreSQL server works besides)' if args.db == 'postgres' else ''}")
    if all(x.get("server_cpu") is not None for x in runs):
        server = statistics.median(x["server_cpu"] for x in runs)
        print(f"ingest CPU time of its PostgreSQL backends (server on this machine): {server:.1f}s = "
              f"{args.rows / server:,.0f} rows per CPU-second (the server's own bound on the rate)")
    print(f"ingest peak memory (maxrss, child process{', the highest run' if len(runs) > 1 else ''}): {peak:.0f} MB  "
          f"(target <= 200 MB for 1,000,000 rows, issue 10)")
    if args.ingest_only or args.db != "sqlite":
        return 0

    from bot.engine import answer
    from store.db import Store
    from store.ingest import Meta, ingest_paths

    from store.corpus import seed

    store = Store.open(url, seed=False)
    seed(store)  # the prose seed corpus too: its questions must still be answered beside the tables
    extra = sorted((SHARED / "samples").glob("*.csv")) + [SHARED / "datasets" / "google_gov_removals_2009_2011" / "google-content-removal-requests.csv"]
    extra = [p for p in extra if p.exists()]
    ingest_paths(store, extra, Meta(published=dt.date(2024, 9, 1)))

    gen = generated_questions(args.layout)
    dev = [json.loads(line) for line in SET.read_text().splitlines() if line.strip()] if SET.exists() else []
    questions = [q for q, _ in gen] + [d["question"] for d in dev] + ["suspensions H2 2017"]
    for q in questions:  # warm
        answer(q, store)
    times = []
    for _ in range(max(1, args.reps // len(questions) + 1)):
        for q in questions:
            t = time.perf_counter()
            answer(q, store)
            times.append((time.perf_counter() - t) * 1000)
    print(f"answer latency over {len(times):,} answers ({len(questions)} questions), warm, in-process: "
          f"p50 {statistics.median(times):.2f} ms, p99 {pct(times, 99):.2f} ms  (targets p50 <= 5 ms, p99 <= 10 ms: issue 10)")
    # the same questions through the command, one process for all: its start-up (imports, the
    # vocabulary read from the store) counts, shared by the batch
    batch = "\n".join(questions) + "\n"
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "-"], input=batch, capture_output=True,
                             text=True, cwd=ROOT, env={**os.environ, "DATABASE_URL": url})
        runs.append(time.perf_counter() - t)
        if len(out.stdout.splitlines()) != len(questions):
            print(f"  the batch answered {len(out.stdout.splitlines())} of {len(questions)} questions: {out.stderr[-300:]}")
    print(f"'modstats ask --json -' with {len(questions)} questions on stdin: {min(runs):.2f}s (best of 3, start-up "
          f"included) = {min(runs) / len(questions) * 1000:.1f} ms per question  (target <= 10 ms: issue 10)")

    def right(a, expected_value, expected_status="answer") -> bool:
        if a.status != expected_status:
            return False
        return expected_status != "answer" or abs(a.answer.value - expected_value) < 1e-6

    ok = 0
    for q, v in gen:
        a = answer(q, store)
        good = right(a, v)
        ok += good
        if not good:
            print(f"  generated miss: {q!r} -> {a.status} {a.answer.value if a.answer else ''} (expected {v})")
    print(f"generated questions: {ok}/{len(gen)} = {ok / len(gen):.0%}")
    ok = 0
    for d in dev:
        a = answer(d["question"], store)
        good = right(a, d.get("value"), d.get("status", "answer"))
        ok += good
        if not good:
            print(f"  dev miss: {d['question']!r} -> {a.status} {a.answer.value if a.answer else ''} (expected {d.get('status', 'answer')} {d.get('value')})")
    if dev:
        print(f"dev set {SET.relative_to(ROOT)}: {ok}/{len(dev)} = {ok / len(dev):.0%}")
    print(f"prose: 'suspensions H2 2017' -> {answer('suspensions H2 2017', store).message.splitlines()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
