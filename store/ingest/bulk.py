"""The fast path of ``save`` for revisable (structured) figures: set-based, in batches.

Semantics are exactly those of ``save`` (see store.ingest): the same fingerprint is one
figure; a document cites a figure at most once (its first statement is kept); a revisable
figure restated by a document published no earlier than every document already citing it
takes the new value. Only the mechanics differ: fingerprints are resolved a batch at a time,
and figures, citations and revised values are written with Core ``insert()``/``update()``
executemany, inside the caller's transaction. Memory is bounded by the batch size.
"""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from store.ingest import Stated
from store.models import Citation, Document, Figure

BATCH = 2000

FIGURES = Figure.__table__
CITATIONS = Citation.__table__


def save_revisable(session: Session, document: Document, stated: Iterable[Stated], batch: int = BATCH) -> int:
    """Write revisable figures a batch at a time; returns how many citations were added."""
    added = 0
    buf: list[Stated] = []
    for s in stated:
        buf.append(s)
        if len(buf) >= batch:
            added += _write(session, document, buf)
            buf = []
    if buf:
        added += _write(session, document, buf)
    return added


def _write(session: Session, document: Document, rows: list[Stated]) -> int:
    conn = session.connection()
    doc_id = document.id
    # one statement per fact and document: the first in the file is kept
    first: dict[str, Stated] = {}
    for s in rows:
        first.setdefault(s.fingerprint(), s)
    fps = list(first)
    known = {fp: (fid, value) for fid, fp, value in conn.execute(
        select(Figure.id, Figure.fingerprint, Figure.value).where(Figure.fingerprint.in_(fps)))}

    new = [fp for fp in fps if fp not in known]
    if new:
        conn.execute(insert(FIGURES), [_figure_row(fp, first[fp]) for fp in new])
        for fid, fp in conn.execute(select(Figure.id, Figure.fingerprint).where(Figure.fingerprint.in_(new))):
            known[fp] = (fid, first[fp].value)

    old_ids = [known[fp][0] for fp in fps if fp not in new]
    latest: dict[int, tuple] = {}
    if old_ids:
        stmt = (
            select(Citation.figure_id, func.max(Document.published),
                   func.max(case((Citation.document_id == doc_id, 1), else_=0)))
            .join(Document, Document.id == Citation.document_id)
            .where(Citation.figure_id.in_(old_ids))
            .group_by(Citation.figure_id)
        )
        latest = {fid: (published, cited) for fid, published, cited in conn.execute(stmt)}

    citations, revised = [], []
    for fp in fps:
        s = first[fp]
        fid, value = known[fp]
        if fp not in new:
            published, cited = latest.get(fid, (None, 0))
            if cited:
                continue  # this document already states this fact (earlier in the file)
            if value != s.value and document.published is not None and (published is None or document.published >= published):
                revised.append({"fid": fid, "new_value": s.value})
        citations.append({
            "figure_id": fid, "document_id": doc_id, "value": s.value, "qualifier": s.qualifier,
            "quote": s.quote, "quote_start": s.quote_start, "quote_end": s.quote_end, "row": s.row,
        })
    if revised:
        conn.execute(update(FIGURES).where(FIGURES.c.id == bindparam("fid")).values(value=bindparam("new_value")), revised)
    if citations:
        conn.execute(insert(CITATIONS), citations)
    return len(citations)


def _figure_row(fp: str, s: Stated) -> dict:
    return {
        "fingerprint": fp, "platform": s.platform, "metric": s.metric, "policy": s.policy,
        "location": s.location, "breakdown": s.breakdown,
        "period_start": s.period.start, "period_end": s.period.end, "period_label": s.period.label,
        "compare_start": s.compare.start if s.compare else None,
        "compare_end": s.compare.end if s.compare else None,
        "value": s.value, "unit": s.unit,
    }
