"""The plain values the answer engine returns, and their JSON form (the `ask --json` contract).

Nothing here knows about Slack or the database: a FigureView is a stored figure with its best
citation, already read out of the store; an Answer is what one question got.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

ANSWER, AMBIGUOUS, NO_ANSWER, INVALID = "answer", "ambiguous", "no_answer", "invalid"
SERIES, COMPARISON = "series", "comparison"  # several figures: one fact over time, or side by side


@dataclass(frozen=True)
class SourceView:
    title: str | None
    publisher: str | None
    url: str | None
    published: dt.date | None
    filename: str
    row: int | None = None  # CSV row number, when the quote is a row
    language: str = ""  # the language its text is in ("de"; "": not told), as the store keeps it

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "file": self.filename,
            "row": self.row,
        }


@dataclass(frozen=True)
class Revision:
    """An earlier published value of the same fact (structured data republished later)."""

    value: float
    display: str
    source: SourceView


@dataclass(frozen=True)
class Derived:
    """How modstats computed a value from stored figures: "sum", "difference" or "ratio" of
    the figures ``of`` (their ids, in order: a difference is of[0] - of[1], a ratio of[0] / of[1])."""

    op: str
    of: tuple[int, ...]
    parts: tuple["FigureView", ...] = field(default=(), compare=False)  # the figures themselves

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "of": list(self.of)}


@dataclass(frozen=True)
class FigureView:
    figure_id: int
    value: float
    unit: str
    qualifier: str | None
    metric: str
    policy: str
    platform: str
    location: str
    breakdown: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str
    quote: str
    source: SourceView
    sources: int = 1
    score: float = 0.0
    revisions: tuple[Revision, ...] = ()
    compared_with: str | None = None  # for a change: the period it is compared with ("H1 2017")
    derived: Derived | None = None  # computed by modstats from stored figures (figure_id is then 0)

    @property
    def display(self) -> str:
        return format_value(self.value, self.unit)

    @property
    def headline(self) -> str:
        """'over 270,000 accounts suspended' — the number with its qualifier and what it counts."""
        q = f"{self.qualifier} " if self.qualifier else ""
        return f"{q}{self.display} {unit_words(self.unit, self.metric)}".strip()

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "value": int(self.value) if float(self.value).is_integer() else self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "display": self.display,
            "metric": self.metric,
            "policy": self.policy,
            "platform": self.platform,
            "location": self.location or None,
            "period": {
                "start": self.period_start.isoformat() if self.period_start else None,
                "end": self.period_end.isoformat() if self.period_end else None,
                "label": self.period_label,
            },
            "quote": self.quote,
            "source": self.source.to_dict(),
            "sources": self.sources,
            "score": round(self.score, 3),
        }
        if self.breakdown:
            d["breakdown"] = self.breakdown
        if self.compared_with:
            d["compared_with"] = self.compared_with
        if self.derived:
            d["derived"] = self.derived.to_dict()
            d["parts"] = [p.to_dict() for p in self.derived.parts]
        if self.revisions:
            d["revisions"] = [
                {"value": r.value, "display": r.display, "source": r.source.to_dict()} for r in self.revisions
            ]
        return d


@dataclass(frozen=True)
class Gap:
    """A period inside a series for which no figure of the fact is stored: shown, never filled."""

    period_start: dt.date
    period_end: dt.date
    period_label: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": None, "gap": True,
                "period": {"start": self.period_start.isoformat(), "end": self.period_end.isoformat(),
                           "label": self.period_label}}


@dataclass(frozen=True)
class Answer:
    status: str
    message: str
    answer: FigureView | None = None
    alternatives: tuple[FigureView, ...] = field(default_factory=tuple)
    series: tuple[FigureView | Gap, ...] = ()  # SERIES: one fact in period order, gaps included
    items: tuple[FigureView, ...] = ()  # COMPARISON: the figures side by side, then what was computed
    chart: str | None = None  # the PNG drawn for a series (its path, once written)
    read_as: str | None = None  # a follow-up: how it was read with the conversation's earlier question

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "status": self.status,
            "answer": self.answer.to_dict() if self.answer else None,
            "alternatives": [a.to_dict() for a in self.alternatives],
            "message": self.message,
        }
        if self.status == SERIES:
            d["series"] = [s.to_dict() for s in self.series]
            d["chart"] = self.chart
        if self.status == COMPARISON:
            d["items"] = [i.to_dict() for i in self.items]
        if self.read_as:
            d["read_as"] = self.read_as
        return d


def agreeing_sources(fig) -> int:
    """How many documents state a stored figure's value: a snapshot that published another
    value for the same fact (since revised) cites it but does not agree with it."""
    return len({c.document_id for c in fig.citations if c.value == fig.value}) or 1


NOT_SUMMED = ("percent", "percent change", "ratio")  # units of shares, changes and multiples: they add up to nothing


def format_value(value: float, unit: str) -> str:
    """274,460 · 1.2 million · 93% · -8.4% · 1.37× (a ratio) · 2.5 points (of percentages)."""
    if unit == "ratio":
        return f"{value:,.2f}".rstrip("0").rstrip(".") + "×"
    if unit == "percentage points":
        return f"{value:,.2f}".rstrip("0").rstrip(".") + " points"
    if unit.startswith("percent"):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return f"{text}%"
    if abs(value) >= 1_000_000 and (value / 100_000).is_integer():
        for scale, word in ((1e9, "billion"), (1e6, "million")):
            if abs(value) >= scale:
                return f"{value / scale:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def unit_words(unit: str, metric: str) -> str:
    """What the number counts, in words: the metric, unless it is a share or a change."""
    if unit == "percent change":
        return f"change in {metric.removeprefix('change in ')}"
    if unit == "ratio":  # "2× accounts suspended ... compared with Apr–Sep 2018"
        return metric.removeprefix("change in ")
    if unit == "percent":
        return f"of {metric.removeprefix('share of ')}" if metric.startswith("share of ") else metric
    if (per := RATE_UNIT_RE.search(unit)) and per.group().strip() not in metric:  # a rate: "7 ... (per 10,000)"
        return f"{metric} ({per.group().strip()})"
    return metric


RATE_UNIT_RE = re.compile(r"(?:^|\s)per [\d,]+$")  # the unit of a rate stated per so many ("views per 10,000")
