"""Crashes and first starts (issue 8): ``kill -9`` during an ingest, and several processes
starting on a new database at once, on SQLite and PostgreSQL.

    python benchmarks/crash.py [--rounds 20] [--processes 4] [--rows 40000] [--pg URL | --no-pg] [--no-sqlite]

Each kill round starts ``modstats ingest`` of a large generated CSV and a small article,
kills it with SIGKILL at a random moment, then checks the store: every document holds all the
figures of its file or is absent (an "inconsistent store" otherwise), the schema is at HEAD
(and SQLite's integrity check passes), and the same command run again stores every file (a
"lost file" otherwise). Each first-start round runs ``--processes`` ingests of different
files on a database that does not exist yet, all at once: each must exit 0 and store its file.

Prints the counts; the target is 0 inconsistent stores and 0 lost files. The test suite runs a
few rounds of the same functions (tests/test_concurrency.py).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pg_schema import PG_URL, fresh_schema  # noqa: E402

HEADER = "platform,metric,policy,value,unit,period_start,period_end\n"
ARTICLE = "Twitter suspended {n:,} accounts for promoting terrorism in H2 2017.\n"


def big_csv(path: Path, rows: int, seed: int = 0) -> Path:
    """A generic-layout CSV of ``rows`` distinct figures (one per row)."""
    with path.open("w") as f:
        f.write(HEADER)
        for i in range(rows):
            f.write(f"Gen{seed},items removed {i % 97},policy {i // 97},{i + 1},items,2022-01-01,2022-06-30\n")
    return path


def modstats(url: str, home: Path, *args: str, wait: bool = True):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "XDG_"))}
    env.update(DATABASE_URL=url, HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    cmd = [sys.executable, "-m", "bot", *args]
    if wait:
        return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def expected_figures(path: Path) -> int:
    return sum(1 for _ in path.open()) - 1 if path.suffix == ".csv" else 1


def consistent(url: str, files: list[Path]) -> tuple[bool, str]:
    """Is every document of ``files`` either absent or complete, and the schema at HEAD?"""
    from sqlalchemy import func, select

    from store.config import HEAD
    from store.db import Store, schema_version
    from store.models import Citation, Document

    store = Store(url)
    try:
        version = schema_version(store.engine)
        if version not in (None, HEAD):
            return False, f"schema version {version}"
        if version is None:
            return True, "no schema yet"
        with store.Session() as s:
            for path in files:
                doc = s.scalar(select(Document.id).where(Document.filename == path.name))
                if doc is None:
                    continue
                n = s.scalar(select(func.count()).select_from(Citation).where(Citation.document_id == doc))
                if n != expected_figures(path):
                    return False, f"{path.name}: {n} of {expected_figures(path)} figures"
        if any(store.dangling()):
            return False, "citations without their figure or document, or figures without citations: %s" % (store.dangling(),)
        if store.engine.dialect.name == "sqlite":
            ok = sqlite3.connect(store.engine.url.database).execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                return False, f"integrity_check: {ok}"
        return True, "ok"
    finally:
        store.dispose()


def kill_during_ingest(url: str, work: Path, rounds: int, rows: int, seed: int = 0) -> dict[str, int]:
    """``rounds`` times: ingest, SIGKILL at a random moment, check, ingest again, check."""
    rng = random.Random(seed)
    out = {"rounds": 0, "killed": 0, "inconsistent": 0, "lost files": 0}
    files = [big_csv(work / "big.csv", rows), work / "article.md"]
    files[1].write_text(ARTICLE.format(n=12345))
    assert modstats(url, work, "migrate").returncode == 0
    for _ in range(rounds):
        out["rounds"] += 1
        proc = modstats(url, work, "ingest", *map(str, files), wait=False)
        time.sleep(rng.uniform(0.5, 3.0))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            out["killed"] += 1
        proc.communicate()
        ok, why = consistent(url, files)
        if not ok:
            out["inconsistent"] += 1
            print(f"  inconsistent after kill: {why}", file=sys.stderr)
        again = modstats(url, work, "ingest", *map(str, files))
        ok, why = consistent(url, files)
        present = _present(url, files)
        if again.returncode != 0 or not ok or present != len(files):
            out["lost files"] += len(files) - present
            print(f"  after re-ingest: rc={again.returncode} {why} {present}/{len(files)} {again.stderr[-300:]}", file=sys.stderr)
        _forget(url, files)  # the next round starts without them
    return out


def _present(url: str, files: list[Path]) -> int:
    from sqlalchemy import select

    from store.db import Store
    from store.models import Document

    store = Store(url)
    try:
        with store.Session() as s:
            return sum(s.scalar(select(Document.id).where(Document.filename == p.name)) is not None for p in files)
    finally:
        store.dispose()


def _forget(url: str, files: list[Path]) -> None:
    from sqlalchemy import delete, exists, select

    from store.db import Store
    from store.models import Citation, Document, Figure

    store = Store(url)
    try:
        with store.transaction() as s:
            ids = list(s.scalars(select(Document.id).where(Document.filename.in_([p.name for p in files]))))
            s.execute(delete(Citation).where(Citation.document_id.in_(ids)))
            s.execute(delete(Document).where(Document.id.in_(ids)))
            # NOT EXISTS, not NOT IN: PostgreSQL runs NOT IN (subquery) as a nested loop when it
            # expects the subquery not to fit in work_mem (minutes per round at 150,000 citations)
            s.execute(delete(Figure).where(~exists().where(Citation.figure_id == Figure.id)))
    finally:
        store.dispose()


def first_starts(new_url, work: Path, rounds: int, processes: int) -> dict[str, int]:
    """``rounds`` times: ``processes`` ingests of different files on a new database, at once."""
    out = {"rounds": 0, "failed processes": 0, "lost files": 0, "inconsistent": 0}
    for r in range(rounds):
        out["rounds"] += 1
        with new_url() as url:
            files = []
            for i in range(processes):
                path = work / f"start-{r}-{i}.md"
                path.write_text(ARTICLE.format(n=1000 + 7 * i + 1000 * r))
                files.append(path)
            procs = [modstats(url, work, "ingest", str(p), wait=False) for p in files]
            for proc in procs:
                _, err = proc.communicate(timeout=600)
                if proc.returncode != 0:
                    out["failed processes"] += 1
                    print(f"  a first start failed: {err.strip()[-300:]}", file=sys.stderr)
            out["lost files"] += len(files) - _present(url, files)
            ok, why = consistent(url, files)
            if not ok:
                out["inconsistent"] += 1
                print(f"  inconsistent after first starts: {why}", file=sys.stderr)
    return out


def sqlite_urls(folder: Path):
    @contextmanager
    def new():
        yield f"sqlite:///{folder / f'new-{uuid.uuid4().hex[:8]}.db'}"

    return new


def pg_urls(base: str):
    """New, empty PostgreSQL databases: a schema of their own each, dropped after."""
    return lambda: fresh_schema(base, "crash")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--processes", type=int, default=4)
    ap.add_argument("--rows", type=int, default=40000)
    ap.add_argument("--pg", default=PG_URL)
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        databases = ([] if args.no_sqlite else [("SQLite", sqlite_urls(work))]) + ([] if args.no_pg else [("PostgreSQL", pg_urls(args.pg))])
        for name, new_url in databases:
            with new_url() as url:
                started = time.monotonic()
                kills = kill_during_ingest(url, work, args.rounds, args.rows)
            print(f"{name}: kill -9 during ingest: {kills} ({time.monotonic() - started:.0f} s)", flush=True)
            started = time.monotonic()
            starts = first_starts(new_url, work, args.rounds, args.processes)
            print(f"{name}: simultaneous first starts x{args.processes}: {starts} ({time.monotonic() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
