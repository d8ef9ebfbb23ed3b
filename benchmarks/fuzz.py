"""Fuzzing the real functions (issue 8): generated documents, CSV files and questions, odd on
purpose (impossible dates, huge numbers, foreign digits, broken front matter, bad bytes, long
lines, CRLF), ingested and asked through the same code the command runs.

    python benchmarks/fuzz.py [--n 1000] [--seed 1] [--keep DIR] [--ask DATABASE_URL]

Generates N documents, N CSV files and 2N questions, ingests them into a new SQLite store with
``store.ingest.ingest_paths`` and asks each question with ``bot.engine.answer``. Prints:
  * tracebacks: files whose ingest ended in an internal error (an exception modstats did not
    expect, which ingest reports as "internal error") and questions whose answer raised
    (target 0);
  * how many files were refused with a message, and how many went in;
  * the worst ingest time per 100 KB of document (target <= 2 s), and the worst question;
  * peak memory of the process (resource.getrusage; target <= 300 MB).

``--ask URL`` ingests nothing: the 2N questions are asked of that existing store (the issue's
million-figure store: ``ingest_scale.py --rows 1000000 --keep DIR``, then
``--ask sqlite:///DIR/scale.db``). The question reader, which the first question after the
store changed builds (the words the store knows, and how telling each is), is timed apart.

The same generators drive the property tests (tests/test_properties.py), with hypothesis
supplying the random source.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLATFORMS = ["Twitter", "Facebook", "YouTube", "TikTok", "X", "Reddit", "Meta", "Discord", "Snapchat", "twitter", "Twittr"]
ACTIONS = ["suspended", "removed", "took down", "banned", "shut down", "flagged", "did not suspend", "verified"]
OBJECTS = ["accounts", "videos", "posts", "profiles", "channels", "pieces of content", "users", "items"]
POLICIES = ["for promoting terrorism", "for hate speech", "for spam", "excluding terrorism", "for ISIS content", ""]
NUMBERS = ["274,460", "1.2 million", "93 percent", "8.4%", "three-quarters", "less than one percent", "over 270,000",
           "٢٧٤٬٤٦٠", "٤٦٠", "9" * 30, "9" * 400, "0", "-5", "5%-4%", "1e308", "2863/hr", "+40.0757.104.166",
           "$5 million", "125,000", "10k", "5.4bn", "069717726", "250%", "NaN", "inf", "1,2,3,4"]
PERIODS = ["in H2 2017", "during the last six months of 2017", "since mid-2015", "since Feb 29 2017",
           "between Feb 30, 2017 and Dec 31, 2017", "in Q5 2017", "in H3 2017", "in H2 1850", "in 2017Q5",
           "from 2017-02-30 to 2017-06-30", "on 2/30/2017", "in 31 February 2016", "last year", "this quarter",
           "last month", "in the previous reporting period", "in Q3 2016", "between Aug. 1, 2015 and Dec. 31, 2017",
           "in 0000Q1", "in 9999", "within a four-month period", "since the middle of 2015", ""]
JUNK = ["More news", "Related:", "Follow us on Twitter", "☎ +1 415 555 0100", "ข่าวล่าสุด", "👍 7836 likes (2863/hr)",
        "\u200b", "\t", "e.g.", "U.S.", "Mr. Smith", "<b>", "\\x00", "„quoted“", "—", "...", "?!"]
FRONT = ["title: A report", "publisher: Twitter", "url: https://example.org/x", "published: 2018-04-05",
         "published: 2017-13-45", "published: 2017-02-30", "published: 2010", "platform: 123", "platform: Twitter",
         "title: [a, b]", "period: H2 2017", "period: Q5 2017", "author: [a, b]", "title: " + "9" * 5000,
         "title: " + "[" * 300 + "]" * 300, "a: &a [x, x]\nb: [*a, *a]", "unknown: key", "title: 'unterminated",
         "published: 2018-04-05T10:00:00"]


def sentence(rng: random.Random) -> str:
    parts = [rng.choice(PLATFORMS), rng.choice(ACTIONS), rng.choice(NUMBERS), rng.choice(OBJECTS),
             rng.choice(POLICIES), rng.choice(PERIODS)]
    if rng.random() < 0.3:
        rng.shuffle(parts)
    if rng.random() < 0.2:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(JUNK))
    return " ".join(p for p in parts if p) + rng.choice([".", ".", ".", "", "!", ";", " and"])


def document(rng: random.Random, big: bool = False) -> bytes:
    """A text or Markdown document: optional front matter, paragraphs of generated sentences."""
    lines = []
    if rng.random() < 0.5:
        lines += ["---", *rng.sample(FRONT, rng.randint(0, 4)), "---"]
    paragraphs = rng.randint(200, 2000) if big else rng.randint(0, 12)
    for _ in range(paragraphs):
        n = rng.randint(1, 400) if rng.random() < 0.05 else rng.randint(1, 5)
        lines.append(" ".join(sentence(rng) for _ in range(n)))
        if rng.random() < 0.1:
            lines.append(rng.choice(JUNK))
    text = ("\r\n" if rng.random() < 0.2 else "\n").join(lines) + "\n"
    data = text.encode()
    roll = rng.random()
    if roll < 0.03:
        data = data[: rng.randrange(len(data) + 1)] + bytes([rng.randrange(128, 256)]) + data[rng.randrange(len(data) + 1):]
    elif roll < 0.04:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
    return data


HEADERS = [
    "app,policy_area,metric,period,value",
    "Metric,Period type,Period,Policy type,Issue,Task type,Task,Location,Market,Result",
    "Period Ending,Country,Country Code,Product,Court Orders,Items Requested To Be Removed",
    "platform,metric,policy,value,unit,period_start,period_end,location,quote",
    "period,daily_billion",
]
CELLS = {
    "value": ["9,400,000", "96.90%", "N/A", "4%-5%", "5%-4%", "<10", "?", "", "0.904", "90.4", "-5", "250%",
              "9" * 400, "lots", "1e5", "٤٦٠", "12", "0", " 7 ", "1,2"],
    "period": ["2018Q2", "0000Q1", "2017Q5", "Jul-Sep 2020", "H2 2017", "2019", "13/45/2017", "", "Q5 2017", "2018-Q1"],
    "date": ["12/31/2010", "03/31/0001", "2/30/2017", "06/30/2011", "", "12/31/9999"],
    "iso": ["2022-01-01", "2022-06-30", "2017-02-30", "0001-01-01", "2022-13-01", "", "2021-12-31"],
    "name": ["Facebook", "Instagram", "", "R" * 150, "Spam", "Hate Speech", "All", "Brazil", "Market", "x\u0000y",
             "Content actioned", "Proactive rate", "UBP", "\"quoted, name\"", "mult\nline"],
}
LAYOUT_CELLS = [
    ["name", "name", "name", "period", "value"],
    ["name", "name", "period", "name", "name", "name", "name", "name", "name", "value"],
    ["date", "name", "name", "name", "value", "value"],
    ["name", "name", "name", "value", "name", "iso", "iso", "name", "name"],
    ["period", "value"],
]


def _cell(rng: random.Random, kind: str) -> str:
    value = rng.choice(CELLS[kind])
    if any(c in value for c in ',"\n') or rng.random() < 0.05:
        value = '"' + value.replace('"', '""') + '"'
    return value


def csv_file(rng: random.Random) -> bytes:
    """A CSV in one of the layouts (or none), with generated, often odd, cells."""
    i = rng.randrange(len(HEADERS))
    rows = [HEADERS[i]]
    for _ in range(rng.randint(0, 40)):
        cells = [_cell(rng, k) for k in LAYOUT_CELLS[i]]
        if rng.random() < 0.03:
            cells = cells[: rng.randrange(len(cells) + 1)]
        rows.append(",".join(cells))
    data = ("\r\n" if rng.random() < 0.2 else "\n").join(rows).encode() + b"\n"
    if rng.random() < 0.03:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + b"\xe9" + data[at:]
    return data


QUESTION_PARTS = [["how many", "did", "what share of", "how much did", "", "suspensions", "removals"],
                  PLATFORMS, ACTIONS, OBJECTS, POLICIES, PERIODS,
                  ["?", "", " in Germany", " not", " excluding spam", " and Facebook", " 1.2 million", " " + "x" * 3000]]


def question(rng: random.Random) -> str:
    words = [rng.choice(part) for part in QUESTION_PARTS if rng.random() < 0.8]
    if rng.random() < 0.1:
        rng.shuffle(words)
    return " ".join(w for w in words if w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="write the generated files here (kept)")
    ap.add_argument("--ask", metavar="DATABASE_URL", help="ask the questions of this store; ingest nothing")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    from bot.engine import answer, reader
    from store.db import Store
    from store.ingest import ingest_file

    tmp = tempfile.TemporaryDirectory()
    folder = args.keep or Path(tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(args.ask or f"sqlite:///{folder / 'fuzz.db'}")
    tracebacks, refused, added = 0, 0, 0
    worst_doc = (0.0, "")
    started = time.monotonic()
    for i in range(0 if args.ask else args.n):
        for path, data in ((folder / f"doc-{i}.md", document(rng, big=i % 100 == 99)), (folder / f"table-{i}.csv", csv_file(rng))):
            path.write_bytes(data)
            t = time.perf_counter()
            result = ingest_file(store, path)
            took = time.perf_counter() - t
            if path.suffix == ".md":  # small ones cost their fixed overhead: per 100 KB, as if 100 KB
                per_100k = took / max(len(data), 100_000) * 100_000
                worst_doc = max(worst_doc, (per_100k, f"{path.name} ({len(data):,} bytes, {took:.2f} s)"))
            if "internal error" in result.message:
                tracebacks += 1
                print(f"  traceback: {result.message}", file=sys.stderr)
            refused += result.status == "failed"
            added += result.status == "added"
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1:,} documents and CSV files in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    ingest_time = time.monotonic() - started
    if not args.ask:  # printed now: a long question phase must not hide them
        print(f"documents: {args.n:,}  CSV files: {args.n:,}  questions: {2 * args.n:,}  (seed {args.seed})")
        print(f"ingest: {added:,} added, {refused:,} refused with a message, in {ingest_time:.0f} s")
        print(f"tracebacks: {tracebacks} in ingest (target 0)")
        print(f"worst document: {worst_doc[0]:.2f} s per 100 KB: {worst_doc[1]} (target <= 2 s)")
        print(f"peak memory after the ingest: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
    slowest: list[tuple[float, str]] = []
    failures = 0
    t = time.perf_counter()
    reader(store)  # built once after the ingest (the first question's cost), timed apart
    reader_s = time.perf_counter() - t
    for k in range(2 * args.n):
        if k and k % 1000 == 0:
            print(f"  {k:,} questions in {time.monotonic() - started:.0f} s, slowest {slowest[0][0] * 1000:,.0f} ms, "
                  f"{failures} tracebacks, peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                  file=sys.stderr, flush=True)
        q = question(rng)
        t = time.perf_counter()
        try:
            answer(q, store)
        except Exception:  # noqa: BLE001 - counted: the target is none
            failures += 1
            print(f"  traceback for {q[:80]!r}:\n{traceback.format_exc()}", file=sys.stderr)
        slowest = sorted(slowest + [(time.perf_counter() - t, q)], reverse=True)[:5]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.ask:
        print(f"questions: {2 * args.n:,} (seed {args.seed}) asked of {args.ask}")
    print(f"tracebacks: {failures} in answers (target 0)")
    print(f"question reader (built by the first question after the store changed): {reader_s:.1f} s")
    print("worst questions (target <= 100 ms on a million-figure store):")
    for took, q in slowest:
        print(f"  {took * 1000:,.0f} ms: {q[:200]!r}")
    print(f"peak memory: {peak_mb:.0f} MB (target <= 300 MB)")
    store.dispose()
    tmp.cleanup()


if __name__ == "__main__":
    main()
