"""The blind test bed: real public documents and questions written without the engine.

Shared by ``tests/test_real_questions.py`` (the floors) and ``benchmarks/questions.py`` (the
numbers). ``tests/data/real/docs`` holds the documents verbatim, ``sources.jsonl`` their
provenance; ``questions.jsonl`` the blind questions, each marked ``dev`` (debug and tune on it)
or ``heldout`` (never tuned on; a held-out question that was looked into moves to dev).

A question is right when the engine answers with the expected number (to the precision the
document states it) for the expected period; an unanswerable question is right when it gets no
number. The BM25 baseline ranks every sentence of the same documents against the question and
answers with the first number of the best one.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).parent / "data" / "real"
DOCS = REAL / "docs"


def sources() -> list[dict]:
    with (REAL / "sources.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def questions(split: str | None = None) -> list[dict]:
    path = REAL / "questions.jsonl"
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def ingest_real(store) -> list[str]:
    """Ingest every real document as a curator would: the text as published, its provenance
    as the ``modstats ingest`` flags. Returns the failure messages (none expected)."""
    from store.ingest import Meta, ingest_file

    failures = []
    for s in sources():
        published = dt.date.fromisoformat(s["published"]) if s.get("published") else None
        meta = Meta(s.get("title"), s.get("publisher"), s.get("url"), published)
        result = ingest_file(store, DOCS / s["file"], meta)
        if result.status == "failed":
            failures.append(result.message)
    return failures


def _month(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    d = dt.date.fromisoformat(text)
    return (d.year, d.month)


def same_value(got: float, want: float) -> bool:
    """Equal to the precision a document states it: "8.3 million" is 8,300,000, and also
    8,345,120, the exact count another source gives of the same fact, which rounds to it. A
    number written with one significant digit ("1 million", "80%") is only itself."""
    if math.isclose(got, want, rel_tol=0.005, abs_tol=1e-9):
        return True
    digits = len(f"{abs(want):.6e}".split("e")[0].replace(".", "").rstrip("0")) if want else 1
    return digits >= 2 and float(f"{got:.{digits - 1}e}") == want


def right(row: dict, a) -> bool:
    """Is the engine's answer ``a`` what the question calls for?"""
    if row["status"] != "answer":
        return a.answer is None
    if a.answer is None:
        return False
    got = a.answer.value
    if row.get("kind") == "change":  # "how much lower": 8.4, stated by the figure as -8.4
        got = abs(got)
    if not same_value(got, row["value"]):
        return False
    period = row.get("period") or {}
    for key, got in (("start", a.answer.period_start), ("end", a.answer.period_end)):
        want = _month(period.get(key))
        if want is not None and (got is None or (got.year, got.month) != want):
            return False
    return True


@dataclass
class Score:
    answerable: int = 0
    answered_right: int = 0
    unanswerable: int = 0
    abstained: int = 0  # unanswerable questions that got no number

    @property
    def top1(self) -> float:
        return self.answered_right / self.answerable if self.answerable else 0.0

    @property
    def abstain_rate(self) -> float:
        return self.abstained / self.unanswerable if self.unanswerable else 1.0

    @property
    def numbers_to_unanswerable(self) -> float:
        return 1 - self.abstain_rate

    def add(self, row: dict, ok: bool) -> None:
        if row["status"] == "answer":
            self.answerable += 1
            self.answered_right += ok
        else:
            self.unanswerable += 1
            self.abstained += ok


def score(rows: list[dict], ask) -> tuple[Score, list[tuple[dict, object]]]:
    """Score ``ask(question) -> Answer`` on ``rows``; returns the score and the misses."""
    total, misses = Score(), []
    for row in rows:
        a = ask(row["q"])
        ok = right(row, a)
        total.add(row, ok)
        if not ok:
            misses.append((row, a))
    return total, misses


# --- the BM25 baseline -------------------------------------------------------------------------

TOKEN_RE = re.compile(r"[a-z0-9]+")
SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


class Baseline:
    """BM25 over every sentence of the documents; the answer is the first number of the best
    sentence that has one (years and dates excluded by the project's own number reader)."""

    def __init__(self, paths: list[Path]) -> None:
        from rank_bm25 import BM25Okapi

        from store.numbers import find_quantities

        self.sentences: list[str] = []
        self.numbers: list[list[float]] = []
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            for m in SENTENCE_RE.finditer(text):
                s = m.group().strip()
                values = [q.value for q in find_quantities(s) if not (q.kind == "count" and 1900 <= q.value <= 2100)]
                if s and values:
                    self.sentences.append(s)
                    self.numbers.append(values)
        self.bm25 = BM25Okapi([_tokens(s) or ["_"] for s in self.sentences])

    def ask(self, question: str):
        from bot.answers import ANSWER, NO_ANSWER, Answer

        scores = self.bm25.get_scores(_tokens(question))
        best = max(range(len(scores)), key=scores.__getitem__, default=None)
        if best is None or scores[best] <= 0:
            return Answer(NO_ANSWER, "")
        return Answer(ANSWER, self.sentences[best], _Value(self.numbers[best][0]))


@dataclass
class _Value:
    value: float
    period_start: dt.date | None = None
    period_end: dt.date | None = None


def baseline_right(row: dict, a) -> bool:
    """The baseline states no period: it is right when its number is (lenient to it)."""
    if row["status"] != "answer":
        return a.answer is None
    return a.answer is not None and same_value(a.answer.value, row["value"])


# --- the blind CSV questions (tests/data/csv_blind_questions.jsonl) -----------------------------

CSV_BLIND = Path(__file__).parent / "data" / "csv_blind_questions.jsonl"


def csv_questions(split: str | None = None) -> list[dict]:
    """Exact-name, near-name and no-figure questions written blind from the real Meta and
    TikTok downloads (meta-2024-q2.csv, tiktok-2023-q4.csv), split dev/heldout."""
    with CSV_BLIND.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def csv_right(row: dict, a) -> bool:
    """TikTok publishes rates as fractions (0.972), which modstats states as percent (97.2)."""
    if row["status"] != "answer":
        return a.answer is None
    if a.answer is None:
        return False
    return same_value(a.answer.value, row["value"]) or same_value(a.answer.value, row["value"] * 100)
