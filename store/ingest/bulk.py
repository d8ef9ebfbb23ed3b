"""The fast path of ``save`` for revisable (structured) figures: set-based, in batches.

Semantics are exactly those of ``save`` (see store.ingest): the same fingerprint is one
figure; a document cites a figure at most once (its first statement is kept); a revisable
figure restated by a document published no earlier than every document already citing it
takes the new value. Only the mechanics differ: fingerprints are resolved a batch at a time
with one ``IN`` query, and figures, citations and revised values are written with
executemany on the caller's connection, inside its transaction. Statements are plain SQL in
the driver's parameter style (SQLAlchemy's per-row parameter processing costs more than the
insert itself at these volumes). Memory is bounded by the batch size.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy.orm import Session

from store.ingest import Stated
from store.models import Document

BATCH = 2000

FIGURE_COLUMNS = ("fingerprint", "platform", "metric", "policy", "location", "breakdown", "period_start", "period_end",
                  "period_label", "compare_start", "compare_end", "value", "unit")
CITATION_COLUMNS = ("figure_id", "document_id", "value", "qualifier", "quote", "quote_start", "quote_end", "row")


def save_revisable(session: Session, document: Document, stated: Iterable[Stated], batch: int = BATCH) -> int:
    """Write revisable figures a batch at a time; returns how many citations were added."""
    writer = _Writer(session, document)
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


class _Writer:
    def __init__(self, session: Session, document: Document) -> None:
        self.conn = session.connection()
        self.cursor_of = self.conn.connection  # the DB-API connection, in the session's transaction
        self.doc_id = document.id
        self.published = document.published
        dialect = self.conn.dialect
        self.sqlite = dialect.name == "sqlite"
        self.mark = "?" if dialect.paramstyle == "qmark" else "%s"

    def _date(self, d: dt.date | None):
        return d.isoformat() if (d is not None and self.sqlite) else d  # SQLAlchemy's SQLite Date format

    def _marks(self, n: int) -> str:
        return ", ".join([self.mark] * n)

    def _rows(self, sql: str, params) -> list[tuple]:
        cur = self.cursor_of.cursor()
        try:
            cur.execute(sql, params)
            return cur.fetchall()
        finally:
            cur.close()

    def _many(self, sql: str, rows: list[tuple]) -> None:
        cur = self.cursor_of.cursor()
        try:
            cur.executemany(sql, rows)
        finally:
            cur.close()

    def write(self, rows: list[Stated]) -> int:
        first: dict[str, Stated] = {}
        for s in rows:
            first.setdefault(s.fingerprint(), s)  # one statement per fact and document: the first
        fps = list(first)
        known = {fp: (fid, value) for fid, fp, value in self._rows(
            f"SELECT id, fingerprint, value FROM figures WHERE fingerprint IN ({self._marks(len(fps))})", fps)}
        new = [fp for fp in fps if fp not in known]
        old_ids = [known[fp][0] for fp in fps if fp in known]
        if new:
            d = self._date
            self._many(
                f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) VALUES ({self._marks(len(FIGURE_COLUMNS))})",
                [(fp, s.platform, s.metric, s.policy, s.location, s.breakdown, d(s.period.start), d(s.period.end),
                  s.period.label, d(s.compare.start) if s.compare else None, d(s.compare.end) if s.compare else None,
                  s.value, s.unit) for fp in new for s in (first[fp],)],
            )
            for fid, fp in self._rows(f"SELECT id, fingerprint FROM figures WHERE fingerprint IN ({self._marks(len(new))})", new):
                known[fp] = (fid, None)
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
        new_set = set(new)
        citations, revised = [], []
        for fp in fps:
            s = first[fp]
            fid, value = known[fp]
            if fp not in new_set:
                published, cited = latest.get(fid, (None, 0))
                if cited:
                    continue  # this document already states this fact (earlier in the file)
                if value != s.value and self.published is not None and (published is None or self.published >= published):
                    revised.append((s.value, fid))  # a later report revises the fact
            citations.append((fid, self.doc_id, s.value, s.qualifier, s.quote, s.quote_start, s.quote_end, s.row))
        if revised:
            self._many(f"UPDATE figures SET value = {self.mark} WHERE id = {self.mark}", revised)
        if citations:
            self._many(
                f"INSERT INTO citations ({', '.join(CITATION_COLUMNS)}) VALUES ({self._marks(len(CITATION_COLUMNS))})",
                citations,
            )
        return len(citations)
