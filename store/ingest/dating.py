"""Dating a document that gives no date by a figure it shares with a dated source.

A story with no date may state months without their year ("zwischen April und Juni 11,4
Millionen Videos"): its figures are kept as "Apr–Jun, year not stated". When a dated source
states the same figure (same platform, same value, the same months of one year: YouTube, 11.4
million videos, Q2 2020), that is the document's year, and its figures of those months are of
it; their period says where the year came from. A figure dates a document only when it is
precise enough to be told from others (three significant digits or more, a count), and only
when every such figure the store holds points to the same year. Either may come first: the
undated document is dated when it is ingested, or when the source that dates it is.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.ingest.statements import Stated
from store.models import Citation, Document, Figure
from store.periods import YEAR_NOT_STATED, Period, yearless
from store.vocabulary import platform_family

SOURCE_NOTE = "year from another source"
DISTINCT_DIGITS = 3  # "11.4 million" dates a document; "62 million" or "95%" may be any year's
TOLERANCE = 0.005  # the same figure, rounded by another source: 11,401,696 is 11.4 million
NOT_COUNTS = ("percent", "percent change", "ratio")
MAX_CHECKED = 8  # the figures of one document looked up (each reads its platform's slice of the store)


def _distinct(value: float, unit: str) -> bool:
    digits = len(f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0"))
    return unit not in NOT_COUNTS and digits >= DISTINCT_DIGITS


def _same_value(column, value: float):
    return column.between(value * (1 - TOLERANCE), value * (1 + TOLERANCE))


def year_of(session: Session, stated: list[Stated]) -> int | None:
    """The one year dated sources give the figures ``stated`` for months of no year, or None."""
    years: set[int] = set()
    checked: set[tuple] = set()
    for s in stated:
        key = (s.platform, s.location, s.policy, s.value, s.months)
        if s.months is None or not _distinct(s.value, s.unit) or key in checked or len(checked) == MAX_CHECKED:
            continue
        checked.add(key)
        rows = session.execute(
            select(Figure.period_start, Figure.period_end, Citation.context, Citation.quote)
            .join(Citation, Citation.figure_id == Figure.id).where(
                Figure.platform.in_(platform_family(frozenset({s.platform}))), Figure.location == s.location,
                Figure.policy == s.policy, Figure.breakdown == "", Figure.period_start.is_not(None),
                Figure.period_end.is_not(None), _same_value(Figure.value, s.value),
                Figure.period_label.not_like(f"%{SOURCE_NOTE}%"),
            )
        )
        first, last = s.months
        for start, end, context, quote in rows:
            # the source writes the year by the figure (in its sentence or just before it): a
            # year it guessed, or took from its own date, dates nothing else
            if (start.month, end.month) == (first, last) and end.year - start.year == (last < first) \
                    and str(end.year) in f"{context} {quote}":
                years.add(end.year)
    return years.pop() if len(years) == 1 else None


def with_year(stated: list[Stated], year: int) -> list[Stated]:
    """The figures, those of months with no year placed in ``year`` ("Q2 2020 (year from
    another source)")."""
    out = []
    for s in stated:
        if s.months is not None:
            p = yearless(s.months, year)
            s = replace(s, period=Period(p.start, p.end, f"{p.label} ({SOURCE_NOTE})"), months=None)
        out.append(s)
    return out


def may_date(stated: list[Stated]) -> bool:
    """Does a document state a figure precise enough, with its year, to date another?"""
    return any(s.period.start is not None and s.period.end is not None and _distinct(s.value, s.unit) for s in stated)


def undated_sharing(session: Session, document_id: int) -> list[Document]:
    """The documents of no date, other than ``document_id``, with a figure of months of no year
    that the document ``document_id`` states too, with its year: those it may date."""
    rows = session.execute(
        select(Citation.document_id, Figure.platform, Figure.location, Figure.value, Figure.unit)
        .join(Figure, Figure.id == Citation.figure_id)
        .join(Document, Document.id == Citation.document_id)
        .where(Document.published.is_(None), Document.kind == "text", Document.id != document_id,
               Figure.period_start.is_(None), Figure.period_label.like(f"%{YEAR_NOT_STATED}"))
    ).all()
    found: set[int] = set()
    for doc_id, platform, location, value, unit in rows:
        if doc_id in found or not _distinct(value, unit):
            continue
        shared = session.scalar(
            select(Figure.id).join(Citation, Citation.figure_id == Figure.id).where(
                Citation.document_id == document_id, Figure.platform.in_(platform_family(frozenset({platform}))),
                Figure.location == location, Figure.period_start.is_not(None), _same_value(Figure.value, value),
            ).limit(1)
        )
        if shared is not None:
            found.add(doc_id)
    return [session.get(Document, d) for d in sorted(found)]
