"""Whose count a figure is (bot.provenance): another organisation's table about a platform
(a hotline's count of the tipline reports it received about Reddit) does not answer a question about
what the platform itself reported, unless the question asks for what sets it apart; a table
relaying the platform's own metric stays the platform's. On a made-up store, both databases."""

from __future__ import annotations

import pytest

from bot.engine import answer
from store.ingest import Meta, ingest_paths

HEADER = "platform,metric,policy,value,unit,period_start,period_end,location,quote,title,publisher,url,published\n"
OWN = HEADER + "".join(
    f"Reddit,reports to the hotline,,{v},reports,2022-{m:02d}-01,2022-{m + 2:02d}-{30 if m + 2 in (6, 9) else 31},,,"
    f"Reddit Transparency Report,Reddit,https://example.org/reddit,2023-03-01\n"
    for m, v in ((1, 100), (4, 200), (7, 300)))  # Q4 2022 not published: no 2022 total
HOTLINE = HEADER + (
    "Reddit,Tipline reports,child safety,900,reports,2022-01-01,2022-12-31,,,Hotline reports by provider,"
    "Child Safety Hotline,https://example.org/hotline,2023-05-01\n")
NEWS = HEADER + (
    "Reddit,accounts suspended,spam,700,accounts,2022-01-01,2022-12-31,,,Weekly Tech News table,"
    "Tech News,https://example.org/news,2023-02-01\n")


@pytest.fixture
def reports(empty_store, tmp_path):
    for name, text in (("reddit.csv", OWN), ("hotline.csv", HOTLINE), ("news.csv", NEWS)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest_paths(empty_store, sorted(tmp_path.glob("*.csv")), Meta(None, None, None, None))
    return empty_store


@pytest.mark.parametrize("question", ["reddit reports to the hotline in 2022", "how many reports did reddit make in 2022"])
def test_another_organisations_count_does_not_answer_for_the_platform(reports, question):
    a = answer(question, reports)
    assert a.status == "no_answer", a.message
    assert a.answer is None


@pytest.mark.parametrize("question", ["tipline reports from reddit 2022", "how many reports did the Child Safety Hotline count for reddit in 2022"])
def test_it_answers_when_the_question_asks_for_it(reports, question):
    a = answer(question, reports)
    assert a.status == "answer", a.message
    assert a.answer.value == 900 and a.answer.source.publisher == "Child Safety Hotline"


def test_the_platforms_own_quarters_still_answer_and_a_relayed_metric_is_the_platforms(reports):
    a = answer("reddit reports to the hotline Q3 2022", reports)
    assert a.status == "answer" and a.answer.value == 300
    a = answer("reddit spam accounts suspended 2022", reports)  # a news table of Reddit's own metric
    assert a.status == "answer" and a.answer.value == 700


def test_who_states_which_metric_is_kept_at_ingest(reports):
    """What the rule reads is recorded as files are stored, not gathered from every figure at
    answer time (migration 0010)."""
    assert set(reports.queries.metric_sources("Reddit")) == {
        ("reports to the hotline", "Reddit", True), ("Tipline reports", "Child Safety Hotline", True),
        ("accounts suspended", "Tech News", True)}
