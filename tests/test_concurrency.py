"""Several processes at once (issue 8), on SQLite and PostgreSQL: first starts on a new
database all succeed, a kill -9 during an ingest leaves every file whole or absent, writers wait
for each other, and two snapshots sharing rows ingested at once are both stored. The same
functions run 20 rounds in benchmarks/crash.py."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store.db import Store
from store.models import Citation, Document, Figure

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import crash  # noqa: E402


@pytest.fixture
def new_url(db_url):
    """The URL of a new, empty database of each kind, as crash.py's rounds take them (one round here)."""

    @contextmanager
    def new():
        yield db_url

    return new


def test_kill_9_during_an_ingest_leaves_each_file_whole_or_absent(new_url, tmp_path):
    with new_url() as url:
        got = crash.kill_during_ingest(url, tmp_path, rounds=1, rows=30000)
    assert (got["inconsistent"], got["lost files"]) == (0, 0), got


def test_processes_starting_on_a_new_database_at_once_all_succeed(new_url, tmp_path):
    got = crash.first_starts(new_url, tmp_path, rounds=1, processes=3)
    assert (got["failed processes"], got["lost files"], got["inconsistent"]) == (0, 0, 0), got


def test_an_sqlite_ingest_waits_for_another_writer_instead_of_failing(tmp_path):
    db = tmp_path / "busy.db"
    url = f"sqlite:///{db}"
    assert crash.modstats(url, tmp_path, "migrate").returncode == 0
    doc = tmp_path / "doc.md"
    doc.write_text(crash.ARTICLE.format(n=4321))
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # a long ingest holding the write lock
    released = threading.Timer(3.0, holder.execute, ("COMMIT",))
    released.start()
    started = time.monotonic()
    r = crash.modstats(url, tmp_path, "ingest", str(doc))
    released.join()
    assert r.returncode == 0, r.stderr
    assert time.monotonic() - started >= 2.5  # it waited for the lock


def test_a_first_start_waits_to_switch_to_wal_while_another_start_holds_the_write_lock(tmp_path):
    # The race CI met: one start has migrated a new file, the next has taken the write lock to
    # seed its store, and the first's switch to WAL (a read becoming a write, which SQLite does
    # not wait for) failed at once with "database is locked". Here the first start is one
    # that migrated and ended before switching: the file is at the newest schema, in rollback
    # mode, and the next start must still switch it, waiting for the lock.
    db = tmp_path / "new.db"
    first = Store(f"sqlite:///{db}")
    first.ensure_schema()
    first.dispose()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    assert holder.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    holder.execute("BEGIN IMMEDIATE")  # the other start, seeding
    released = threading.Timer(1.5, holder.execute, ("COMMIT",))
    released.start()
    try:
        first.ensure_schema()
    finally:
        released.join()
        first.dispose()
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert Store(f"sqlite:///{db}").is_empty()


@pytest.mark.postgres
def test_two_snapshots_sharing_rows_ingested_at_once_are_both_stored(pg_url, tmp_path):
    rows = 12000
    files = []
    for i in (1, 2):  # the same facts, republished with other values
        path = tmp_path / f"snapshot-{i}.csv"
        with path.open("w") as f:
            f.write(crash.HEADER)
            for n in range(rows):
                f.write(f"Gen,items removed {n % 97},policy {n // 97},{n + i},items,2022-01-01,2022-06-30\n")
        files.append(path)
    assert crash.modstats(pg_url, tmp_path, "migrate").returncode == 0
    procs = [crash.modstats(pg_url, tmp_path, "ingest", "--published", f"2023-0{i + 1}-01", str(p), wait=False)
             for i, p in enumerate(files)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    store = Store(pg_url)
    with store.Session() as s:
        gen = select(Figure.id).where(Figure.platform == "Gen")
        assert s.scalar(select(func.count()).select_from(gen.subquery())) == rows
        assert s.scalar(select(func.count()).select_from(Citation).where(Citation.figure_id.in_(gen))) == 2 * rows
        assert s.scalar(select(func.count()).select_from(Document).where(Document.filename.like("snapshot-%"))) == 2
    store.dispose()
