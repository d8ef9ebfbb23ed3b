"""The dev question set (tests/data/questions.jsonl) against the answer engine.

Each line is a question as a Slack user types it about the bundled seed corpus, with the result
the documents call for: ``answer`` (with value and unit), ``no_answer``, ``ambiguous`` or
``invalid``. The expectations come from what the documents state, not from engine output.

Floors (issue 2): top-1 right on >= 98% of answerable questions, >= 98% of unanswerable ones
get ``no_answer``, and no unanswerable question is ever given a number.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.engine import answer
from store.models import Figure

SET = Path(__file__).parent / "data" / "questions.jsonl"
STATUSES = {"answer", "no_answer", "ambiguous", "invalid"}
UNITS = {"accounts", "percent", "percent change"}
FLOOR = 0.98


def load() -> list[dict]:
    rows = []
    with SET.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                row["line"] = n
                rows.append(row)
    return rows


QUESTIONS = load()
# Generated here rather than stored: far longer than the 1,000-character limit.
GENERATED_INVALID = [
    {"q": "suspensions H2 2017 " * 75, "status": "invalid", "note": "1,500 characters", "line": "generated"},
    {"q": "x" * 1001, "status": "invalid", "note": "1,001 characters", "line": "generated"},
]


@dataclass
class Got:
    status: str
    value: float | None
    unit: str | None
    alternatives: int


def ask(q: str, store) -> Got:
    a = answer(q, store)
    if a.answer is None:
        return Got(a.status, None, None, len(a.alternatives))
    return Got(a.status, a.answer.value, a.answer.unit, len(a.alternatives))


def right(row: dict, got: Got) -> bool:
    if got.status != row["status"]:
        return False
    if row["status"] != "answer":
        return got.value is None
    return got.value is not None and math.isclose(got.value, row["value"], abs_tol=1e-6) and got.unit == row["unit"]


def describe(row: dict, got: Got) -> str:
    want = row["status"] + (f" {row['value']} {row['unit']}" if row["status"] == "answer" else "")
    have = got.status + (f" {got.value:g} {got.unit}" if got.value is not None else "")
    q = row["q"] if len(row["q"]) <= 90 else row["q"][:87] + "..."
    return f"  line {row['line']}: {q!r}\n      want {want}; got {have}  ({row['note']})"


@pytest.fixture(scope="module")
def results(seeded_sqlite):
    return [(row, ask(row["q"], seeded_sqlite)) for row in QUESTIONS]


def test_question_set_is_well_formed():
    assert len(QUESTIONS) >= 170
    seen = set()
    for row in QUESTIONS:
        where = f"line {row['line']}"
        assert set(row) >= {"q", "status", "note"}, where
        assert row["status"] in STATUSES, where
        assert isinstance(row["q"], str), where
        assert row["q"] not in seen, f"{where}: duplicate question {row['q']!r}"
        seen.add(row["q"])
        if row["status"] == "answer":
            assert isinstance(row["value"], (int, float)) and row["unit"] in UNITS, where
        else:
            assert "value" not in row, where
    counts = {s: sum(r["status"] == s for r in QUESTIONS) for s in STATUSES}
    assert counts["answer"] >= 100 and counts["no_answer"] >= 60 and counts["ambiguous"] >= 3 and counts["invalid"] >= 2


def test_accuracy_floors(results):
    answerable = [(r, g) for r, g in results if r["status"] == "answer"]
    unanswerable = [(r, g) for r, g in results if r["status"] == "no_answer"]
    ambiguous = [(r, g) for r, g in results if r["status"] == "ambiguous"]

    wrong = [(r, g) for r, g in answerable if not right(r, g)]
    missed = [(r, g) for r, g in unanswerable if g.status != "no_answer"]
    numbered = [(r, g) for r, g in unanswerable + ambiguous if g.status == "answer"]
    amb_wrong = [(r, g) for r, g in ambiguous if g.status != "ambiguous"]

    acc = 1 - len(wrong) / len(answerable)
    no_rate = 1 - len(missed) / len(unanswerable)
    lines = [
        f"answerable right: {len(answerable) - len(wrong)}/{len(answerable)} = {acc:.1%} (floor {FLOOR:.0%})",
        f"unanswerable no_answer: {len(unanswerable) - len(missed)}/{len(unanswerable)} = {no_rate:.1%} (floor {FLOOR:.0%})",
        f"numbers given to unanswerable: {sum(r['status'] == 'no_answer' for r, _ in numbered)} (must be 0)",
        f"ambiguous right: {len(ambiguous) - len(amb_wrong)}/{len(ambiguous)} (reported, not a floor)",
    ]
    for title, items in (("answerable, wrong:", wrong), ("unanswerable, not no_answer:", missed),
                         ("ambiguous, not ambiguous:", amb_wrong)):
        if items:
            lines.append(title)
            lines.extend(describe(r, g) for r, g in items)
    report = "\n".join(lines)
    # The hard one first, per question: no number for a question the documents cannot answer.
    assert not [r for r, g in unanswerable if g.status == "answer"], report
    assert acc >= FLOOR, report
    assert no_rate >= FLOOR, report


@pytest.mark.parametrize("row", [r for r in QUESTIONS if r["status"] == "invalid"] + GENERATED_INVALID,
                         ids=lambda r: f"L{r['line']}-{len(r['q'])}chars")
def test_invalid_input(row, seeded_sqlite):
    got = answer(row["q"], seeded_sqlite)
    assert got.status == "invalid" and got.answer is None, f"{row['note']}: got {got.status}"
    assert got.message.strip()


def test_hostile_questions_leave_the_store_unchanged(seeded_sqlite):
    def count() -> int:
        with seeded_sqlite.Session() as s:
            return s.scalar(select(func.count()).select_from(Figure))

    before = count()
    for q in ("Robert'); DROP TABLE figures;--", "' OR 1=1; --", "suspensions H2 2017' OR '1'='1",
              "suspensions H2 2017; DELETE FROM figures"):
        answer(q, seeded_sqlite)
    assert count() == before > 0
