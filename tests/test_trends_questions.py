"""The blind dev set of trend, comparison, derived-total and follow-up questions (issue 9):
tests/data/trends_questions.jsonl, written by someone who sees the data, not the engine.
Target: >= 90% right (right figures, right order, right computation), and no number for a
question the data cannot answer; the floors below hold what is measured today. Skipped, with
the reason, when the file is absent.

One JSON object per line:

    {"question": "facebook hate speech content actioned each quarter of 2022",
     "status": "series",                        # series | comparison | answer | no_answer | ambiguous
     "context": "an earlier question",          # optional: the question is a follow-up to it
     "series": [{"period": "Q1 2022", "value": 15100000}, {"period": "Q2 2022", "value": null}],
                                                # series: every period in order; null = a gap
     "items": [{"value": 9600000, "platform": "Facebook"}, {"value": 7000000}],
                                                # comparison: the stored figures, in order
     "computed": {"op": "difference", "value": 2600000},
                                                # optional: a value modstats must compute
                                                # (an item of a comparison, or the answer itself
                                                # for "op": "sum")
     "value": 274460,                           # answer: the value
     "note": "where the figures are in the data"}

Any field of an item or a series point besides value/period (platform, unit, location,
policy, metric) must equal the got figure's. Follow-ups are read as the Slack app reads them
(``bot.followups.resolve`` with ``context``), then answered by the engine.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bot.answers import Gap
from bot.engine import answer, reader
from bot.followups import resolve

SET = Path(__file__).parent / "data" / "trends_questions.jsonl"
TARGET = 0.90  # issue 9's target
# Floors at the measured numbers (as the project's other blind sets do), so that a change that
# makes answers worse fails: 99/105 = 94.3% right (the issue asks 90%), and no number to any
# unanswerable question (NCMEC's CyberTipline counts no longer answer for Discord's own reports:
# bot.provenance).
FLOOR = 0.94
MOST_NUMBERS_GIVEN = 0
NUMBERS = ("answer", "series", "comparison")  # statuses that give a number


def load() -> list[dict]:
    rows = []
    for n, line in enumerate(SET.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rows.append(dict(json.loads(line), line=n))
    return rows


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=0.005, abs_tol=1e-9)


def _hundred(value):
    return None if value is None else float(value) * 100


def matches(expected: dict, got) -> bool:
    """One expected figure (a series point or an item) against a got FigureView or Gap."""
    if isinstance(got, Gap):
        return expected.get("value") is None and expected.get("period", got.period_label) == got.period_label
    if not close(expected.get("value"), got.value) and not (got.unit == "percent" and close(_hundred(expected.get("value")), got.value)):
        return False  # (a percentage written as a fraction, 0.967 for 96.7%, is the same number)
    if "period" in expected and expected["period"] != got.period_label:
        return False
    return all(str(getattr(got, k, "")).casefold() == str(v).casefold()
               for k, v in expected.items() if k in ("platform", "unit", "location", "policy", "metric"))


def computed_right(expected: dict | None, views) -> bool:
    if not expected:
        return True
    return any(v.derived and v.derived.op == expected["op"] and close(expected["value"], v.value) for v in views)


def right(row: dict, got) -> bool:
    want = row["status"]
    if want in ("no_answer", "invalid"):
        return got.status not in NUMBERS
    if got.status != want:
        return False
    if want == "series":
        return len(row["series"]) == len(got.series) and all(matches(e, g) for e, g in zip(row["series"], got.series))
    if want == "comparison":
        stored = [v for v in got.items if not v.derived]
        return (len(row["items"]) == len(stored) and all(matches(e, g) for e, g in zip(row["items"], stored))
                and computed_right(row.get("computed"), got.items))
    if want == "answer":
        return (got.answer is not None and matches({"value": row["value"]}, got.answer)
                and computed_right(row.get("computed"), [got.answer]))
    return True  # ambiguous: the status is the point


def ask(row: dict, store):
    question = row["question"]
    if row.get("context"):
        resolved = resolve(question, row["context"], reader(store))
        if resolved is not None:
            question = resolved.question
    return answer(question, store)


@pytest.mark.skipif(not SET.exists(), reason=f"{SET.name} not written yet (a blind set: written by someone who sees only the data)")
def test_trend_questions_floor(library_sqlite):
    rows = load()
    results = [(row, ask(row, library_sqlite)) for row in rows]
    wrong = [(r, g) for r, g in results if not right(r, g)]
    numbers_given = [(r, g) for r, g in results if r["status"] == "no_answer" and g.status in NUMBERS]
    share = 1 - len(wrong) / len(rows)
    report = "\n".join([f"right: {len(rows) - len(wrong)}/{len(rows)} = {share:.1%} (floor {FLOOR:.0%}, target {TARGET:.0%}); "
                        f"numbers given to unanswerable questions: {len(numbers_given)} (target 0)"]
                       + [f"  line {r['line']}: {r['question']!r}: want {r['status']}, got {g.status}: "
                          + g.message.splitlines()[0][:160] for r, g in wrong])
    print(report)
    assert len(numbers_given) <= MOST_NUMBERS_GIVEN, report
    assert share >= FLOOR, report


# --- the scoring rules themselves, on made-up answers (not dev questions) ---------------------

def test_scoring_rules():
    import datetime as dt

    from bot.answers import Answer, Derived, FigureView, SourceView

    src = SourceView("t", None, None, None, "f.csv")

    def fig(value, label, platform="Reddit", derived=None):
        return FigureView(1, value, "accounts", None, "m", "p", platform, "", "", dt.date(2021, 1, 1), dt.date(2021, 6, 30),
                          label, "q", src, derived=derived)

    series = Answer("series", "", series=(fig(1, "H1 2021"), Gap(dt.date(2021, 7, 1), dt.date(2021, 12, 31), "H2 2021"), fig(3, "H1 2022")))
    row = {"status": "series", "series": [{"period": "H1 2021", "value": 1}, {"period": "H2 2021", "value": None}, {"period": "H1 2022", "value": 3}]}
    assert right(row, series)
    assert not right(dict(row, series=row["series"][::-1]), series)  # order matters
    comp = Answer("comparison", "", items=(fig(120, "H1 2022"), fig(80, "H1 2022", "Twitch"),
                                           fig(40, "H1 2022", derived=Derived("difference", (1, 2)))))
    row = {"status": "comparison", "items": [{"value": 120, "platform": "Reddit"}, {"value": 80, "platform": "Twitch"}],
           "computed": {"op": "difference", "value": 40}}
    assert right(row, comp)
    assert not right(dict(row, computed={"op": "difference", "value": -40}), comp)
    assert not right({"status": "no_answer"}, comp)  # a number for the unanswerable
    assert right({"status": "no_answer"}, Answer("no_answer", "", alternatives=(fig(1, "H1 2021"),)))
