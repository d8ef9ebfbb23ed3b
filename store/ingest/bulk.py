"""The fast path of ``save`` for revisable (structured) figures: set-based, in batches.

Semantics are exactly those of ``save`` (see store.ingest): the same fingerprint is one
figure; a document cites a figure at most once (its first statement is kept); a revisable
figure restated by a document published no earlier than every document already citing it
takes the new value (``Writer._restated``, the one place that rule is applied to stored
facts). Only the mechanics differ: figures, citations and revised values are written on the
caller's connection, inside its transaction, by one ``Writer`` per document. Statements are
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
* PostgreSQL (psycopg 3): a batch is copied (binary COPY) into a temporary table, and one
  statement (``PG_BATCH_SQL``) inserts the new figures and their citations and returns the
  stored facts; it is sent in pipeline mode, so the server runs it while the next batch is
  read and fingerprinted. A fact another writer stored meanwhile makes the insert fail on the
  unique fingerprint, which ``ingest_file`` retries. The server's share (the rows and their
  index inserts) is most of a large load's time.
* Other databases: one ``IN`` query finds the stored facts; new figures are inserted with
  executemany and their ids read back.
"""

from __future__ import annotations

import datetime as dt
from hashlib import sha1

from sqlalchemy import event
from sqlalchemy.orm import Session

from store.ingest.statements import Stated
from store.models import Document

BATCH = 2000  # rows a batch holds (SQLite, and databases other than PostgreSQL)
PG_BATCH = 10000  # PostgreSQL: one statement a batch, so larger ones
# SQLite page cache while a bulk load's transaction is open (KiB, as PRAGMA cache_size takes
# it when negative). More did not help at 1,000,000 rows; it is memory held while loading.
BULK_CACHE_KIB = 65536

FIGURE_COLUMNS = ("fingerprint", "platform", "metric", "policy", "location", "breakdown", "period_start", "period_end",
                  "period_label", "compare_start", "compare_end", "value", "unit")
CITATION_COLUMNS = ("figure_id", "document_id", "value", "qualifier", "quote", "quote_start", "quote_end", "row")


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


def _head(names: tuple) -> str:
    head = "\x1f".join([x.casefold() for x in names[:5]] + [names[5], ""])
    if len(_NAMES) > 65536:
        _NAMES.clear()
    _NAMES[names] = head
    return head


def _identity(s: Stated, tail: str) -> str:
    names = (s.platform, s.metric, s.policy, s.location, s.breakdown, s.unit)
    key = (_NAMES.get(names) or _head(names)) + tail
    if not s.revisable:
        key += "\x1f" + repr(float(s.value))
    return sha1(key.encode()).hexdigest()


def _iso(d: dt.date | None) -> str | None:
    """SQLAlchemy's SQLite Date format: ISO text."""
    return None if d is None else d.isoformat()


def _same(d):
    return d


# PostgreSQL: the batch's facts (their first statement each) are copied into a temporary
# table, where each takes a figure id from the figures' sequence, and one statement does the
# rest on the server: finds which facts are stored (an index probe each: LATERAL ... LIMIT 1
# keeps the planner from hashing the whole figures table, whose row estimate is stale in the
# middle of a load), inserts the others and their citations, and returns the stored ones, for
# the Python rule (``_restated``). Sent in pipeline mode, it runs while the next batch is read.
STAGE = "pg_temp.modstats_stage"
STAGE_COLUMNS = FIGURE_COLUMNS + ("qualifier", "quote", "quote_start", "quote_end", "row")
STAGE_TABLE = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS modstats_stage (id integer DEFAULT nextval({sequence}), fingerprint varchar(40), "
    "platform text, metric text, policy text, location text, breakdown text, period_start date, period_end date, "
    "period_label text, compare_start date, compare_end date, value double precision, unit text, qualifier text, "
    "quote text, quote_start integer, quote_end integer, row integer) ON COMMIT DROP"
)
_FIGS = ", ".join(FIGURE_COLUMNS)
PG_BATCH_SQL = f"""
WITH old AS MATERIALIZED (
    SELECT s.fingerprint, f.id, f.value AS stored,
           (SELECT max(d.published) FROM citations c JOIN documents d ON d.id = c.document_id
             WHERE c.figure_id = f.id) AS latest,
           EXISTS (SELECT 1 FROM citations c WHERE c.figure_id = f.id AND c.document_id = %(doc)s) AS cited
    FROM {STAGE} s CROSS JOIN LATERAL (SELECT id, value FROM figures WHERE fingerprint = s.fingerprint LIMIT 1) f
), new AS (
    SELECT * FROM {STAGE} s WHERE NOT EXISTS (SELECT 1 FROM old WHERE old.fingerprint = s.fingerprint)
), figured AS (
    INSERT INTO figures (id, {_FIGS}) SELECT id, {_FIGS} FROM new
), cited AS (
    INSERT INTO citations ({", ".join(CITATION_COLUMNS)})
    SELECT id, %(doc)s, value, qualifier, quote, quote_start, quote_end, row FROM new
)
SELECT fingerprint, id, stored, latest, cited FROM old
"""
STAGE_TYPES = ("varchar", "text", "text", "text", "text", "text", "date", "date", "text", "date", "date", "float8", "text",
               "text", "text", "int4", "int4", "int4")


class Writer:
    """One document's revisable figures, written a batch at a time on the session's
    connection (see the module docstring). ``add`` each, then ``close``; ``settle`` before
    using the connection for anything else, ``abandon`` after an error."""

    def __init__(self, session: Session, document: Document, names: set[tuple[str, ...]],
                 batch: int | None = None) -> None:
        self.names = names
        self.conn = session.connection()
        self.cursor_of = self.conn.connection  # the DB-API connection, in the session's transaction
        self.doc_id = document.id
        self.published = document.published
        dialect = self.conn.dialect
        self.sqlite = dialect.name == "sqlite"
        self.pg = dialect.name == "postgresql" and dialect.driver == "psycopg" and self._may_stage()
        self.mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.batch = batch or (PG_BATCH if self.pg else BATCH)
        self.buf: list[Stated] = []
        self.added = 0
        self.staged = False  # PostgreSQL: the temporary table exists
        self.sent: tuple | None = None  # PostgreSQL: (pipeline, cursor, first statements, staged rows, names) of the batch running
        if self.sqlite:
            _bulk_cache(session, self.cursor_of.driver_connection)

    def _may_stage(self) -> bool:
        """PostgreSQL: may this role create the temporary table of the staged path? (One
        without TEMP takes the plain path, as other databases do.)"""
        return bool(self._rows("SELECT has_database_privilege(current_database(), 'TEMPORARY')", ())[0][0])

    def add(self, s: Stated) -> None:
        buf = self.buf
        buf.append(s)
        if len(buf) >= self.batch:
            self.buf = []
            self._write(buf)

    def close(self) -> int:
        """Write what is left; returns how many citations were added."""
        try:
            if self.buf:
                buf, self.buf = self.buf, []
                self._write(buf)
            self.settle()
        except BaseException:
            self.abandon()
            raise
        return self.added

    def settle(self) -> None:
        """Wait for the batch running on the server (PostgreSQL) and finish it."""
        if self.sent is None:
            return
        pipeline, cur, *batch = self.sent
        self.sent = None
        pipeline.__exit__(None, None, None)
        self._finish(cur.fetchall(), *batch)

    def abandon(self) -> None:
        """Leave pipeline mode after an error, so that the transaction can be rolled back."""
        if self.sent is not None:
            pipeline, self.sent = self.sent[0], None
            try:
                pipeline.__exit__(RuntimeError, RuntimeError("abandoned"), None)
            except Exception:  # noqa: BLE001 - the error being raised already says what went wrong
                pass

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

    def _copy(self, table: str, columns: tuple[str, ...], rows, types: tuple[str, ...] | None = None) -> None:
        """COPY rows into a table (PostgreSQL, psycopg 3), in the session's transaction; in
        binary when the columns' types are given (the server parses nothing)."""
        cur = self.cursor_of.cursor()
        try:
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN{' (FORMAT BINARY)' if types else ''}") as copy:
                if types:
                    copy.set_types(types)
                for row in rows:
                    copy.write_row(row)
        finally:
            cur.close()

    def _lookup(self, fps: list[str]) -> dict[str, tuple[int, float]]:
        if not fps:
            return {}
        return {fp: (fid, value) for fid, fp, value in self._rows(
            f"SELECT id, fingerprint, value FROM figures WHERE fingerprint IN ({self._marks(len(fps))})", fps)}

    def _write(self, rows: list[Stated]) -> None:
        """One batch: each fact's first statement, its fingerprint and the row it would be."""
        first: dict[str, Stated] = {}
        figures: list[tuple] = []  # the row each new figure would be, in the file's order
        named: set[tuple] = set()  # their (platform, metric, policy, location, breakdown, unit)
        pg = self.pg
        periods, iso, heads = _PERIODS, self.sqlite, _NAMES
        for s in rows:  # _identity(s, ...) of a revisable figure, inline: a million calls cost
            p, c = s.period, s.compare
            bits = periods.get((id(p), id(c), iso)) or _period_bits(p, c, iso)
            names = (s.platform, s.metric, s.policy, s.location, s.breakdown, s.unit)
            fp = sha1(((heads.get(names) or _head(names)) + bits[0]).encode()).hexdigest()
            if fp not in first:
                first[fp] = s  # one statement per fact and document: the first
                named.add(names)
                if pg:  # the staged row: the figure's columns, then the citation's
                    figures.append((fp, *names[:5], *bits[1], s.value, s.unit, s.qualifier, s.quote, s.quote_start,
                                    s.quote_end, s.row))
                else:
                    figures.append((fp, *names[:5], *bits[1], s.value, s.unit))
        if pg:
            self._send(first, figures, named)
        else:
            self._insert(first, figures, named)

    def _insert(self, first: dict[str, Stated], figures: list[tuple], named: set[tuple]) -> None:
        """Insert the new figures and cite every fact (SQLite and other databases)."""
        cols = ", ".join(FIGURE_COLUMNS)
        doc_id = self.doc_id
        if not self.sqlite:
            known = self._lookup(list(first))
            fresh = [row for row in figures if row[0] not in known]
            ids: dict[str, int] = {}
            if fresh:
                self._many(f"INSERT INTO figures ({cols}) VALUES ({self._marks(len(FIGURE_COLUMNS))})", fresh)
                fps = [row[0] for row in fresh]
                ids = dict(self._rows(
                    f"SELECT fingerprint, id FROM figures WHERE fingerprint IN ({self._marks(len(fps))})", fps))
                self.names.update(row[1:6] for row in fresh)
            citations = [(ids[fp], doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row)
                         for fp, s in first.items() if fp in ids]
            self._old(first, known, citations)
            return
        # SQLite: the transaction holds the write lock; new figures take the next ids, and the
        # unique index says which facts are stored already (none, in a first load)
        (top,) = self._rows("SELECT max(id) FROM figures", ())[0]
        start = (top or 0) + 1
        inserted = self._many(
            f"INSERT INTO figures (id, {cols}) VALUES ({self._marks(len(FIGURE_COLUMNS) + 1)}) "
            f"ON CONFLICT (fingerprint) DO NOTHING",
            [(i, *row) for i, row in enumerate(figures, start)],
        )
        if inserted == len(figures):  # all new: the usual case of a first load
            self.names.update(names[:5] for names in named)
            self._restated(first, [], [(i, doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row)
                                       for i, s in enumerate(first.values(), start)])
            return
        got = {fid for (fid,) in self._rows("SELECT id FROM figures WHERE id >= ?", (start,))}
        citations, old = [], []
        for (i, (fp, s)), row in zip(enumerate(first.items(), start), figures):
            if i in got:
                self.names.add(row[1:6])
                citations.append((i, doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row))
            else:
                old.append(fp)
        self._old(first, self._lookup(old), citations)

    def _old(self, first: dict[str, Stated], known: dict[str, tuple[int, float]], citations: list[tuple]) -> None:
        """Cite the facts ``known`` (stored before this batch: fingerprint -> id, value), given
        the latest publication date of the documents citing each and whether this one does."""
        latest: dict[int, tuple] = {}
        if known:
            ids = [fid for fid, _ in known.values()]
            m = self.mark
            for fid, published, cited in self._rows(
                f"SELECT c.figure_id, MAX(d.published), MAX(CASE WHEN c.document_id = {m} THEN 1 ELSE 0 END) "
                f"FROM citations c JOIN documents d ON d.id = c.document_id "
                f"WHERE c.figure_id IN ({self._marks(len(ids))}) GROUP BY c.figure_id", [self.doc_id, *ids]):
                latest[fid] = (published, cited)
        old = [(fp, fid, value, *latest.get(fid, (None, 0))) for fp, (fid, value) in known.items()]
        self._restated(first, old, citations)

    def _restated(self, first: dict[str, Stated], old: list[tuple], citations: list[tuple]) -> None:
        """Cite the facts stored already, ``old`` as (fingerprint, id, stored value, latest
        publication date of a document citing it, whether this document cites it), revising
        their values, and write ``citations`` (of the new facts) with them."""
        revised = []
        doc_id, mine = self.doc_id, self.published
        for fp, fid, value, published, cited in old:
            if cited:
                continue  # this document already states this fact (earlier in the file)
            s = first[fp]
            if isinstance(published, str):
                published = dt.date.fromisoformat(published)
            if value != s.value and mine is not None and (published is None or mine >= published):
                revised.append((s.value, fid))  # a later report revises the fact
            citations.append((fid, doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row))
        if revised:
            self._many(f"UPDATE figures SET value = {self.mark} WHERE id = {self.mark}", revised)
        if citations and self.pg:
            self._copy("citations", CITATION_COLUMNS, citations)
        elif citations:
            self._many(
                f"INSERT INTO citations ({', '.join(CITATION_COLUMNS)}) VALUES ({self._marks(len(CITATION_COLUMNS))})",
                citations,
            )
        self.added += len(citations)

    # --- PostgreSQL ---

    def _send(self, first: dict[str, Stated], stage: list[tuple], named: set[tuple]) -> None:
        """Stage a batch and send its statement; the server runs it while the next batch is
        read (``settle`` waits for it)."""
        self.settle()
        if not self.staged:
            cur = self.cursor_of.cursor()
            try:
                (sequence,) = self._rows("SELECT pg_get_serial_sequence('figures', 'id')", ())[0]
                cur.execute(STAGE_TABLE.format(sequence="'" + sequence.replace("'", "''") + "'"))
                # the statement's estimated cost (its probes) passes the JIT thresholds, and
                # compiling it took longer than running it; for this transaction only
                cur.execute("SET LOCAL jit = off")
                cur.execute("TRUNCATE " + STAGE)  # left by another writer in this transaction
            finally:
                cur.close()
            self.staged = True
        self._copy(STAGE, STAGE_COLUMNS, stage, STAGE_TYPES)
        pipeline = self.cursor_of.driver_connection.pipeline()
        pipeline.__enter__()
        try:
            cur = self.cursor_of.cursor()
            cur.execute(PG_BATCH_SQL, {"doc": self.doc_id})
            self.cursor_of.cursor().execute("TRUNCATE " + STAGE)
        except BaseException:
            pipeline.__exit__(RuntimeError, RuntimeError("abandoned"), None)
            raise
        self.sent = (pipeline, cur, first, stage, named)

    def _finish(self, old: list[tuple], first: dict[str, Stated], stage: list[tuple], named: set[tuple]) -> None:
        """After a batch's statement: name and count its new facts, cite the stored ones."""
        if old:
            stored = {row[0] for row in old}
            self.names.update(row[1:6] for row in stage if row[0] not in stored)
            self._restated(first, old, [])
        else:
            self.names.update(names[:5] for names in named)
        self.added += len(first) - len(old)


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
