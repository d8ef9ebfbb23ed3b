"""Prose beyond the seed corpus: reports of other platforms, written other ways, read into the
figures they state and answered. These documents were written for these tests after the seed
corpus was working, to check that reading and understanding are general, not seed-shaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.engine import answer
from store.ingest import Meta, ingest_paths

DOCS = Path(__file__).parent / "data" / "prose"
D = dt.date


@pytest.fixture
def reports(store):
    report = ingest_paths(store, [DOCS / "yt.md", DOCS / "reddit.md"])
    report.files += ingest_paths(store, [DOCS / "facebook-2018.txt"], Meta(publisher="Reuters", published=D(2018, 11, 15))).files
    assert not report.failed, [f.message for f in report.files]
    return store


def figures(store):
    return {(f.platform, f.metric, f.policy, f.period_start, f.period_end, f.value): f
            for f in store.queries.all_figures() if f.platform != "Twitter"}


def test_each_report_yields_the_figures_it_states(reports):
    got = figures(reports)
    expected = {
        ("YouTube", "videos removed", "all policies", D(2019, 10, 1), D(2019, 12, 31), 5887021),
        ("YouTube", "share of removed videos flagged by internal tools", "all policies", D(2019, 10, 1), D(2019, 12, 31), 93.4),
        ("YouTube", "channels suspended", "all policies", D(2019, 10, 1), D(2019, 12, 31), 2.1e6),  # "mostly for spam": all of them
        ("YouTube", "share of removed videos", "terrorism", D(2019, 10, 1), D(2019, 12, 31), 1.2),
        ("Facebook", "pieces of content actioned", "terrorism", D(2018, 4, 1), D(2018, 9, 30), 26e6),
        ("Facebook", "accounts suspended", "spam", D(2018, 4, 1), D(2018, 9, 30), 1.5e9),
        ("Facebook", "accounts suspended", "spam", D(2017, 10, 1), D(2018, 3, 31), 1.3e9),  # "the previous six months"
        ("Facebook", "share of actioned pieces of content flagged by internal tools", "terrorism", D(2018, 7, 1), D(2018, 9, 30), 99.5),
        ("Facebook", "posts removed", "hate speech", D(2018, 7, 1), D(2018, 9, 30), 2.9e6),
        ("Reddit", "pieces of content removed", "all policies", D(2021, 1, 1), D(2021, 12, 31), 2015472),
        ("Reddit", "accounts suspended", "harassment", D(2021, 1, 1), D(2021, 12, 31), 101541),
        ("Reddit", "change in accounts suspended", "harassment", D(2021, 1, 1), D(2021, 12, 31), 42),
    }
    assert set(got) == expected
    change = got[("Reddit", "change in accounts suspended", "harassment", D(2021, 1, 1), D(2021, 12, 31), 42)]
    assert (change.compare_start, change.compare_end) == (D(2020, 1, 1), D(2020, 12, 31))  # "from 2020"
    for f in got.values():
        for c in f.citations:
            assert c.quote in (DOCS / c.filename).read_text(encoding="utf-8")


@pytest.mark.parametrize("question,value", [
    ("how many videos did youtube remove in Q4 2019", 5887021),
    ("youtube channel terminations Q4 2019", 2.1e6),
    ("what share of youtube removals were flagged by automated systems in Q4 2019", 93.4),
    ("youtube extremism share of removals Q4 2019", 1.2),
    ("how many fake accounts did facebook remove between april and september 2018", 1.5e9),
    ("facebook terrorist content actioned Q2-Q3 2018", 26e6),
    ("facebook proactive rate terrorism Q3 2018", 99.5),
    ("hate speech posts removed on facebook Q3 2018", 2.9e6),
    ("reddit harassment suspensions 2021", 101541),
    ("how much did reddit harassment suspensions increase in 2021", 42),
    ("how many pieces of content did reddit remove in 2021", 2015472),
])
def test_questions_about_them_are_answered(reports, question, value):
    r = answer(question, reports)
    assert r.status == "answer", r.message
    assert r.answer.value == pytest.approx(value)


@pytest.mark.parametrize("question", [
    "reddit content removed 2020",                 # no 2020 figure
    "how many instagram posts were removed Q3 2018",  # Instagram is not Facebook
    "youtube terrorism videos removed Q3 2019",     # wrong quarter
    "how many reddit accounts were suspended for spam in 2021",  # wrong policy
])
def test_and_questions_they_do_not_answer_get_no_number(reports, question):
    r = answer(question, reports)
    assert r.status == "no_answer" and r.answer is None
