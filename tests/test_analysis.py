"""Answers beyond one figure (bot.analysis), on a small purpose-built store
(tests/data/trends/*.csv): Reddit spam suspensions by half with a gap (H2 2022) and a stored
2021 total, the same in Germany; Twitch by quarter in 2020; Discord's H1 2021 from its own
report and H2 2021 from a news site; Reddit's proactive shares (percent)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.analysis import _sum_qualifier, comparison_sides, summed
from bot.answers import Gap
from bot.engine import answer
from pg_schema import fresh_schema, unavailable
from store.db import Store
from store.ingest import Meta, ingest_paths
from store.periods import span

DATA = Path(__file__).parent / "data" / "trends"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def trends(request, tmp_path_factory):
    with _database(request.param, tmp_path_factory) as url:
        s = Store.open(url, seed=False)
        ingest_paths(s, sorted(DATA.glob("*.csv")), Meta(None, None, None, None))
        yield s
        s.dispose()


@contextmanager
def _database(kind: str, tmp_path_factory):
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('trends') / 'modstats.db'}"
        return
    if (why := unavailable()) is not None:
        pytest.skip(why)
    with fresh_schema() as url:
        yield url


def points(a):
    return [(p.period_label, None if isinstance(p, Gap) else p.value) for p in a.series]


# --- series -----------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "reddit spam accounts suspended over time",
    "how have Reddit's spam suspensions changed since 2021?",
    "trend in reddit spam suspensions",
    "reddit spam suspensions by half",
])
def test_a_series_is_one_fact_in_period_order_with_the_gap_shown(trends, question):
    a = answer(question, trends)
    assert a.status == "series", a.message
    assert points(a) == [("H1 2021", 100), ("H2 2021", 150), ("H1 2022", 120), ("H2 2022", None), ("H1 2023", 90)]
    figures = [p for p in a.series if not isinstance(p, Gap)]
    assert {(p.platform, p.metric, p.location) for p in figures} == {("Reddit", "accounts suspended", "")}
    assert all(p.quote and p.source.title == "Reddit Transparency Report" for p in figures)
    assert "H2 2022: no figure stored" in a.message
    d = a.to_dict()
    assert d["status"] == "series" and d["answer"] is None and d["chart"] is None
    assert d["series"][3] == {"value": None, "gap": True, "period": {"start": "2022-07-01", "end": "2022-12-31", "label": "H2 2022"}}
    assert d["series"][0]["quote"] == "Reddit suspended 100 spam accounts in H1 2021"


def test_a_range_keeps_its_periods_and_shows_missing_ends_as_gaps(trends):
    a = answer("reddit spam suspensions 2021-2022", trends)
    assert points(a) == [("H1 2021", 100), ("H2 2021", 150), ("H1 2022", 120), ("H2 2022", None)]
    a = answer("twitch spam suspensions each quarter of 2020", trends)
    assert points(a) == [("Q1 2020", 10), ("Q2 2020", 20), ("Q3 2020", 30), ("Q4 2020", 40)]


def test_a_series_of_a_place_is_that_place_only(trends):
    a = answer("reddit spam suspensions in Germany over time", trends)
    assert points(a) == [("H1 2022", 40), ("H2 2022", 55)]


def test_a_series_question_with_nothing_stored_gets_no_number(trends):
    a = answer("pinterest spam suspensions over time", trends)
    assert a.status == "no_answer" and a.answer is None and not a.series


# --- derived totals ---------------------------------------------------------------------------

def test_quarters_add_up_to_the_year_labelled_as_computed(trends):
    a = answer("twitch spam suspensions 2020", trends)
    assert a.status == "answer"
    v = a.answer
    assert (v.value, v.period_label, v.derived.op) == (100, "2020", "sum")
    assert len(v.derived.of) == 4 and [p.value for p in v.derived.parts] == [10, 20, 30, 40]
    assert "computed by modstats" in a.message and "Twitch suspended 30 spam accounts in Q3 2020" in a.message
    d = a.to_dict()["answer"]
    assert d["derived"] == {"op": "sum", "of": list(v.derived.of)} and len(d["parts"]) == 4


def test_halves_add_up_to_the_year_in_a_place(trends):
    a = answer("reddit spam suspensions in Germany 2022", trends)
    assert (a.answer.value, a.answer.derived.op, a.answer.location) == (95, "sum", "Germany")


def test_a_stored_whole_period_figure_wins_over_the_sum(trends):
    a = answer("reddit spam suspensions 2021", trends)  # H1 + H2 = 250, but 260 is stored for 2021
    assert (a.status, a.answer.value, a.answer.derived) == ("answer", 260, None)


def test_no_sum_of_shares_nor_of_two_sources_nor_with_a_part_missing(trends):
    assert answer("reddit share of spam suspensions proactive 2022", trends).status == "no_answer"
    assert answer("discord spam suspensions 2021", trends).status == "no_answer"  # own report + a news site
    assert answer("reddit spam suspensions 2023", trends).status == "no_answer"  # H2 2023 not stored


def test_qualifiers_carry_over_honestly():
    assert _sum_qualifier([None, None]) is None
    assert _sum_qualifier(["over", None]) == "over"
    assert _sum_qualifier(["at least", "at least"]) == "at least"
    assert _sum_qualifier(["about", None]) == "about"
    assert _sum_qualifier(["less than", None]) == "less than"
    assert _sum_qualifier(["over", "less than"]) is False  # bounds pulling apart: no sum


def test_summed_refuses_percentages(trends):
    a = answer("reddit spam suspensions over time", trends)
    parts = [p for p in a.series if not isinstance(p, Gap)][:2]
    assert summed(parts, span(2021, 1, 2021, 12)).value == 250
    from dataclasses import replace

    assert summed([replace(p, unit="percent") for p in parts], span(2021, 1, 2021, 12)) is None


# --- comparisons ------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "reddit vs twitch spam suspensions H1 2022",
    "compare reddit and twitch spam suspensions H1 2022",
    "Reddit or Twitch: which suspended more spam accounts in H1 2022?",
    "which is higher, Reddit or Twitch spam suspensions H1 2022?",
])
def test_a_comparison_shows_both_figures_and_what_modstats_computed(trends, question):
    a = answer(question, trends)
    assert a.status == "comparison", a.message
    stored, computed = a.items[:2], a.items[2:]
    assert [(v.platform, v.value) for v in stored] == [("Reddit", 120), ("Twitch", 80)]
    assert all(v.quote and v.derived is None for v in stored)
    assert [(v.derived.op, v.value) for v in computed] == [("difference", 40), ("ratio", 1.5)]
    assert computed[0].derived.of == (stored[0].figure_id, stored[1].figure_id)
    assert "computed by modstats" in a.message
    d = a.to_dict()
    assert d["items"][2]["derived"] == {"op": "difference", "of": [stored[0].figure_id, stored[1].figure_id]}


def test_periods_compared_take_the_year_from_the_other_side(trends):
    a = answer("reddit spam suspensions H1 vs H2 2021", trends)
    assert [(v.period_label, v.value) for v in a.items[:2]] == [("H1 2021", 100), ("H2 2021", 150)]
    assert a.items[2].value == -50


def test_a_comparison_with_a_side_not_stored_gets_no_number(trends):
    a = answer("reddit vs pinterest spam suspensions H1 2022", trends)
    assert a.status == "no_answer" and a.answer is None and not a.items
    assert "pinterest" in a.message.lower()


def test_comparison_sides():
    assert comparison_sides("Facebook vs Instagram hate speech Q3 2023") == ("Facebook", "Instagram hate speech Q3 2023", "")
    assert comparison_sides("compare H1 and H2 2017 suspensions") == ("H1", "H2 2017 suspensions", "")
    a, b, shared = comparison_sides("Facebook or Instagram: which removed more hate speech in Q3 2023?")
    assert (a, b) == ("Facebook", "Instagram") and "hate speech in Q3 2023" in shared
    assert comparison_sides("how many accounts did Twitter suspend in H2 2017") is None


def test_one_figure_questions_are_unchanged(trends, seeded_sqlite):
    """(seeded_sqlite: the bundled corpus and library)"""
    assert answer("suspensions H2 2017", seeded_sqlite).answer.value == 274460
    a = answer("how many ISIS accounts did Twitter shut down since mid-2015?", seeded_sqlite)
    assert (a.status, a.answer.value) == ("answer", 125000)  # a stored "since" figure, not a series
    a = answer("how much did terrorism suspensions drop in H2 2017 vs the previous period", seeded_sqlite)
    assert (a.status, a.answer.value) == ("answer", -8.4)  # a stored change, not a comparison
    assert answer("reddit spam suspensions H1 2022", trends).answer.value == 120
    assert set(answer("reddit spam suspensions H1 2022", trends).to_dict()) == {"status", "answer", "alternatives", "message"}


def test_a_series_skips_a_fact_stated_in_one_period_of_the_range_for_one_stated_in_several(empty_store, tmp_path):
    # a report renamed its metric after Q1 2023: the old name (the closer one) is no series
    header = "platform,metric,policy,value,unit,period_start,period_end,location,quote,title,publisher,url,published\n"
    rows = [("user reports", 5, "2023-01-01", "2023-03-31")] + [
        ("user reports received in app", v, s, e)
        for v, s, e in ((60, "2023-04-01", "2023-06-30"), (70, "2023-07-01", "2023-09-30"), (80, "2023-10-01", "2023-12-31"))]
    (tmp_path / "kick.csv").write_text(header + "".join(
        f"Kick,{m},,{v},reports,{s},{e},,,Kick Transparency Report,Kick,https://example.org/kick,2024-02-01\n"
        for m, v, s, e in rows), encoding="utf-8")
    ingest_paths(empty_store, [tmp_path / "kick.csv"], Meta(None, None, None, None))
    a = answer("kick user reports each quarter of 2023", empty_store)
    assert a.status == "series", a.message
    assert points(a) == [("Q1 2023", None), ("Q2 2023", 60), ("Q3 2023", 70), ("Q4 2023", 80)]
