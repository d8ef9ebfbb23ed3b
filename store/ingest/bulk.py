"""The fast path of ``save`` for revisable (structured) figures: set-based, in batches.

Semantics are exactly those of ``save`` (see store.ingest): the same fingerprint is one
figure; a document cites a figure at most once (its first statement is kept); a revisable
figure restated by a document published no earlier than every document already citing it
takes the new value. Only the mechanics differ: figures, citations and revised values are
written with executemany on the caller's connection, inside its transaction. Statements are
plain SQL in the driver's parameter style (SQLAlchemy's per-row parameter processing costs
more than the insert itself at these volumes). Memory is bounded by the batch size.

How a batch finds which of its facts are stored already depends on the database:

* SQLite: the transaction holds the database's one write lock from the document's insert on,
  so no other writer can add figures meanwhile. New figures are inserted with explicit ids
  (``max(id) + 1`` onwards) and ``ON CONFLICT (fingerprint) DO NOTHING``: the unique index
  that must be probed for the insert anyway says which facts exist, and only those (none, in
  a first load) are then looked up by fingerprint. A bulk load also gets a larger page cache
  for the rest of its transaction (with the default 2 MB the figure indexes' pages are evicted
  and read again all the time: a million rows took about 15% longer), restored when the
  transaction ends.
* PostgreSQL: one ``IN`` query resolves a batch's fingerprints; new figures take ids from the
  table's sequence (one query for the batch) and go in, with every citation, through ``COPY
  ... FROM STDIN`` (psycopg 3), several times faster than executemany. A fact another writer
  stored meanwhile makes the COPY fail on the unique fingerprint, which ``ingest_file`` retries.
* Other databases: new figures are inserted with executemany and their ids read back.
"""

from __future__ import annotations

import datetime as dt
from hashlib import sha1
from typing import Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session

from store.ingest.statements import Stated
from store.models import Document

BATCH = 2000
# SQLite page cache while a bulk load's transaction is open (KiB, as PRAGMA cache_size takes
# it when negative). More did not help at 1,000,000 rows; it is memory held while loading.
BULK_CACHE_KIB = 65536

FIGURE_COLUMNS = ("fingerprint", "platform", "metric", "policy", "location", "breakdown", "period_start", "period_end",
                  "period_label", "compare_start", "compare_end", "value", "unit")
CITATION_COLUMNS = ("figure_id", "document_id", "value", "qualifier", "quote", "quote_start", "quote_end", "row")


def save_revisable(session: Session, document: Document, stated: Iterable[Stated], names: set[tuple[str, ...]],
                   batch: int = BATCH) -> int:
    """Write revisable figures a batch at a time; returns how many citations were added, and
    adds the names (platform, metric, policy, location, breakdown) of the figures added to
    ``names``."""
    writer = _Writer(session, document, names)
    added = 0
    buf: list[Stated] = []
    for s in stated:
        buf.append(s)
        if len(buf) >= batch:
            added += writer.write(buf)
            buf = []
    if buf:
        added += writer.write(buf)
    return added


# --- fingerprints ---------------------------------------------------------------------------

# Per Period object (table readers hand out one object per distinct period): the period's part
# of a fingerprint, and its columns as stored (ISO text on SQLite, dates otherwise). Keyed by
# id(); the entry holds the objects, so an id stays theirs while cached.
_PERIODS: dict[object, tuple] = {}


def _period_bits(p, compare, iso: bool) -> tuple:
    """(fingerprint tail, (start, end, label, compare start, compare end) columns) of a figure."""
    key = (id(p), id(compare), iso)
    bits = _PERIODS.get(key)
    if bits is None:
        c0, c1 = (compare.start, compare.end) if compare is not None else (None, None)
        tail = f"{p.start}\x1f{p.end}\x1f{c0}\x1f{c1}"
        d = _iso if iso else _same
        bits = (tail, (d(p.start), d(p.end), p.label, d(c0), d(c1)), p, compare)
        if len(_PERIODS) > 8192:
            _PERIODS.clear()
        _PERIODS[key] = bits
    return bits


def fingerprint(s: Stated) -> str:
    """``s.fingerprint()`` (same parts, same hash), computed cheaply."""
    return _identity(s, _period_bits(s.period, s.compare, False)[0])


# Per platform, metric, policy, location, breakdown and unit (a table repeats a few hundred):
# that part of a fingerprint's key, casefolded.
_NAMES: dict[tuple, str] = {}


def _identity(s: Stated, tail: str) -> str:
    names = (s.platform, s.metric, s.policy, s.location, s.breakdown, s.unit)
    head = _NAMES.get(names)
    if head is None:
        head = "\x1f".join([x.casefold() for x in names[:5]] + [s.unit, ""])
        if len(_NAMES) > 65536:
            _NAMES.clear()
        _NAMES[names] = head
    key = head + tail
    if not s.revisable:
        key += "\x1f" + repr(float(s.value))
    return sha1(key.encode()).hexdigest()


def _iso(d: dt.date | None) -> str | None:
    """SQLAlchemy's SQLite Date format: ISO text."""
    return None if d is None else d.isoformat()


def _same(d):
    return d


class _Writer:
    def __init__(self, session: Session, document: Document, names: set[tuple[str, ...]]) -> None:
        self.names = names
        self.conn = session.connection()
        self.cursor_of = self.conn.connection  # the DB-API connection, in the session's transaction
        self.doc_id = document.id
        self.published = document.published
        dialect = self.conn.dialect
        self.sqlite = dialect.name == "sqlite"
        self.copy = dialect.name == "postgresql" and dialect.driver == "psycopg"
        self.sequence: str | None = None
        self.mark = "?" if dialect.paramstyle == "qmark" else "%s"
        if self.sqlite:
            _bulk_cache(session, self.cursor_of.driver_connection)

    def _marks(self, n: int) -> str:
        return ", ".join([self.mark] * n)

    def _rows(self, sql: str, params) -> list[tuple]:
        cur = self.cursor_of.cursor()
        try:
            cur.execute(sql, params)
            return cur.fetchall()
        finally:
            cur.close()

    def _many(self, sql: str, rows: list[tuple]) -> int:
        cur = self.cursor_of.cursor()
        try:
            cur.executemany(sql, rows)
            return cur.rowcount
        finally:
            cur.close()

    def _copy(self, table: str, columns: tuple[str, ...], rows) -> None:
        """COPY rows into a table (PostgreSQL, psycopg 3), in the session's transaction."""
        cur = self.cursor_of.cursor()
        try:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        finally:
            cur.close()

    def _ids(self, n: int) -> list[int]:
        """n new figure ids from the table's own sequence."""
        if self.sequence is None:
            (self.sequence,) = self._rows("SELECT pg_get_serial_sequence('figures', 'id')", ())[0]
        return [i for (i,) in self._rows("SELECT nextval(%s) FROM generate_series(1, %s)", (self.sequence, n))]

    def _lookup(self, fps: list[str]) -> dict[str, tuple[int, float]]:
        if not fps:
            return {}
        if self.copy:  # one text parameter split by the server: no 2,000-placeholder statement to
            # parse, and no list for psycopg to adapt element by element (most of the lookup's time)
            return {fp: (fid, value) for fid, fp, value in self._rows(
                "SELECT id, fingerprint, value FROM figures WHERE fingerprint = ANY(string_to_array(%s, ','))",
                (",".join(fps),))}
        return {fp: (fid, value) for fid, fp, value in self._rows(
            f"SELECT id, fingerprint, value FROM figures WHERE fingerprint IN ({self._marks(len(fps))})", fps)}

    def _insert(self, fps: list[str], figures: dict[str, tuple]) -> tuple[dict[str, tuple[int, float | None]], set[str]]:
        """Insert the figures (rows of FIGURE_COLUMNS by fingerprint) not stored yet; returns
        every fingerprint's (id, stored value or None when new) and the set of new ones."""
        cols = ", ".join(FIGURE_COLUMNS)
        if self.sqlite:
            (top,) = self._rows("SELECT max(id) FROM figures", ())[0]
            start = (top or 0) + 1
            inserted = self._many(
                f"INSERT INTO figures (id, {cols}) VALUES ({self._marks(len(FIGURE_COLUMNS) + 1)}) "
                f"ON CONFLICT (fingerprint) DO NOTHING",
                [(start + i, *figures[fp]) for i, fp in enumerate(fps)],
            )
            if inserted == len(fps):  # all new: the usual case of a first load
                return {fp: (start + i, None) for i, fp in enumerate(fps)}, set(fps)
            got = {fid for (fid,) in self._rows("SELECT id FROM figures WHERE id >= ?", (start,))}
            known: dict[str, tuple[int, float | None]] = {}
            new, old = set(), []
            for i, fp in enumerate(fps):
                if start + i in got:
                    known[fp] = (start + i, None)
                    new.add(fp)
                else:
                    old.append(fp)
            known.update(self._lookup(old))
            return known, new
        known = self._lookup(fps)
        fresh = [fp for fp in fps if fp not in known]
        if fresh and self.copy:
            ids = self._ids(len(fresh))
            self._copy("figures", ("id", *FIGURE_COLUMNS), [(fid, *figures[fp]) for fid, fp in zip(ids, fresh)])
            known.update((fp, (fid, None)) for fid, fp in zip(ids, fresh))
        elif fresh:
            self._many(f"INSERT INTO figures ({cols}) VALUES ({self._marks(len(FIGURE_COLUMNS))})",
                       [figures[fp] for fp in fresh])
            for fid, fp in self._rows(f"SELECT id, fingerprint FROM figures WHERE fingerprint IN ({self._marks(len(fresh))})", fresh):
                known[fp] = (fid, None)
        return known, set(fresh)

    def write(self, rows: list[Stated]) -> int:
        first: dict[str, Stated] = {}
        figures: dict[str, tuple] = {}  # the row each new figure would be
        periods, iso, identity = _PERIODS, self.sqlite, _identity
        for s in rows:
            p, c = s.period, s.compare
            bits = periods.get((id(p), id(c), iso)) or _period_bits(p, c, iso)
            fp = identity(s, bits[0])
            if fp not in first:
                first[fp] = s  # one statement per fact and document: the first
                figures[fp] = (fp, s.platform, s.metric, s.policy, s.location, s.breakdown, *bits[1], s.value, s.unit)
        fps = list(first)
        known, new = self._insert(fps, figures)
        self.names.update(figures[fp][1:6] for fp in new)
        old_ids = [known[fp][0] for fp in fps if fp not in new]
        latest: dict[int, tuple] = {}
        if old_ids:
            m = self.mark
            for fid, published, cited in self._rows(
                f"SELECT c.figure_id, MAX(d.published), MAX(CASE WHEN c.document_id = {m} THEN 1 ELSE 0 END) "
                f"FROM citations c JOIN documents d ON d.id = c.document_id "
                f"WHERE c.figure_id IN ({self._marks(len(old_ids))}) GROUP BY c.figure_id", [self.doc_id, *old_ids]):
                if isinstance(published, str):
                    published = dt.date.fromisoformat(published)
                latest[fid] = (published, cited)
        citations, revised = [], []
        doc_id = self.doc_id
        for fp in fps:
            s = first[fp]
            fid, value = known[fp]
            if fp not in new:
                published, cited = latest.get(fid, (None, 0))
                if cited:
                    continue  # this document already states this fact (earlier in the file)
                if value != s.value and self.published is not None and (published is None or self.published >= published):
                    revised.append((s.value, fid))  # a later report revises the fact
            citations.append((fid, doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row))
        if revised:
            self._many(f"UPDATE figures SET value = {self.mark} WHERE id = {self.mark}", revised)
        if citations and self.copy:
            self._copy("citations", CITATION_COLUMNS, citations)
        elif citations:
            self._many(
                f"INSERT INTO citations ({', '.join(CITATION_COLUMNS)}) VALUES ({self._marks(len(CITATION_COLUMNS))})",
                citations,
            )
        return len(citations)


def _bulk_cache(session: Session, dbapi_conn) -> None:
    """Give this SQLite connection a bulk load's page cache until the session's transaction
    ends (committed or rolled back), then its own again."""
    if session.info.get("modstats_bulk_cache") is not None:
        return
    (size,) = dbapi_conn.execute("PRAGMA cache_size").fetchone()
    if size < 0 and -size >= BULK_CACHE_KIB:
        return
    dbapi_conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    session.info["modstats_bulk_cache"] = (dbapi_conn, size)

    def restore(sess: Session) -> None:
        saved = sess.info.pop("modstats_bulk_cache", None)
        if saved is not None:
            try:
                saved[0].execute(f"PRAGMA cache_size = {int(saved[1])}")
            except Exception:  # noqa: BLE001 - a closed or broken connection has no cache left to shrink
                pass

    if not session.info.get("modstats_bulk_cache_listening"):
        session.info["modstats_bulk_cache_listening"] = True
        event.listen(session, "after_commit", restore)
        event.listen(session, "after_rollback", restore)
