"""A document that gives no date, dated by a figure it shares with a dated source
(store.ingest.dating): its months of no year take that source's year, whichever comes first,
and only from a figure precise enough, and a year the source writes by it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.engine import answer
from store.ingest import Meta, ingest_file

UNDATED = ("Between April and June, YouTube removed 11.4 million videos for breaking its rules. "
           "Of those, 3.81 million were removed for child safety.\n")
DATED = "YouTube removed 11.4 million videos in the second quarter of 2020, its report says.\n"


def add(store, tmp_path, name: str, text: str, published: dt.date | None = None) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = ingest_file(store, path, Meta(publisher=name, published=published))
    assert result.status == "added", result.message


def child_safety_q2_2020(store):
    return answer("youtube child safety video removals q2 2020", store)


@pytest.mark.parametrize("dated_first", [True, False])
def test_an_undated_story_takes_the_year_a_dated_source_gives_the_same_figure(empty_store, tmp_path, dated_first):
    docs = [("report.txt", DATED, dt.date(2020, 8, 25)), ("story.txt", UNDATED, None)]
    for name, text, published in docs if dated_first else docs[::-1]:
        add(empty_store, tmp_path, name, text, published)
    a = child_safety_q2_2020(empty_store)
    assert a.status == "answer" and a.answer.value == 3.81e6, a.message
    assert (a.answer.period_start, a.answer.period_end) == (dt.date(2020, 4, 1), dt.date(2020, 6, 30))
    assert "another source" in a.answer.period_label  # the answer says where the year came from


def test_without_a_dated_source_the_months_keep_no_year(empty_store, tmp_path):
    add(empty_store, tmp_path, "story.txt", UNDATED)
    assert child_safety_q2_2020(empty_store).answer is None
    a = answer("youtube child safety video removals", empty_store)
    assert a.answer is not None and a.answer.period_label == "Apr–Jun, year not stated", a.message


@pytest.mark.parametrize("dated", [
    # a round figure is any year's
    "YouTube removed 11 million videos in the second quarter of 2020.\n",
    # two sources, two years: no year is the story's
    "YouTube removed 11.4 million videos in the second quarter of 2020, and 11.4 million in the second quarter "
    "of 2019.\n",
    # the same number of another platform, or of other months
    "TikTok removed 11.4 million videos in the second quarter of 2020.\n",
    "YouTube removed 11.4 million videos in the third quarter of 2020.\n",
])
def test_a_figure_that_could_be_another_does_not_date_a_story(empty_store, tmp_path, dated):
    text = UNDATED.replace("11.4 million", "11 million") if "11 million" in dated else UNDATED
    add(empty_store, tmp_path, "story.txt", text)
    add(empty_store, tmp_path, "report.txt", dated, dt.date(2020, 11, 10))
    assert child_safety_q2_2020(empty_store).answer is None


def test_a_year_the_source_only_guessed_dates_nothing(empty_store, tmp_path):
    # the source's "second quarter" is placed by its own date: no year is written by the figure
    add(empty_store, tmp_path, "report.txt", "YouTube removed 11.4 million videos in the second quarter.\n",
        dt.date(2020, 8, 25))
    add(empty_store, tmp_path, "story.txt", UNDATED)
    assert child_safety_q2_2020(empty_store).answer is None


# "the last six months": counted back from the document's date, or, with none, from the latest
# date it states (it was written after it); a year it names as a "since" is no period of its figures
LAST_SIX_MONTHS = (
    "Twitter anunció hoy que suspendió 376,890 cuentas en los seis últimos meses en el marco de su lucha "
    "contra la apología del terrorismo. En total, la red social eliminó 636,248 cuentas por ese motivo en el "
    "período que va del 1 de agosto de 2015 al 31 de diciembre de 2016. La empresa indicó que desde el 2010 "
    "forma parte de una alianza con Lumen.\n")


@pytest.mark.parametrize("text,published", [
    (LAST_SIX_MONTHS, None),
    ("Twitter said it suspended 376,890 accounts for the promotion of terrorism in the last six months.\n",
     dt.date(2017, 3, 21)),
    ("Twitter said it suspended 376,890 accounts for the promotion of terrorism in the last six months, "
     "636,248 since August 2015.\n", None),
])
def test_the_last_six_months_are_the_half_year_before_the_story(empty_store, tmp_path, text, published):
    add(empty_store, tmp_path, "story.txt", text, published)
    a = answer("twitter terrorism suspensions h2 2016", empty_store)
    if "since August 2015" in text:  # no date, and none stated that ends: not placed
        assert a.answer is None, a.message
        return
    assert a.status == "answer" and a.answer.value == 376890, a.message
    assert (a.answer.period_start, a.answer.period_end) == (dt.date(2016, 7, 1), dt.date(2016, 12, 31))
    assert answer("twitter terrorism suspensions 2010", empty_store).answer is None


def test_that_six_month_period_is_no_half_year_counted_from_the_date(empty_store, tmp_path):
    """"during that six-month period" points back at a period the story named; only "the last
    six months" count back from the story's date."""
    add(empty_store, tmp_path, "story.txt",
        "During the first half of 2021, Twitter took action against 4.8 million accounts. Twitter suspended 1.2 "
        "million accounts during that six-month period. Of all actions in the last six months, 100 percent "
        "relating to piracy were proactive.\n", dt.date(2022, 1, 12))
    assert answer("twitter accounts suspended h2 2021", empty_store).answer is None
    a = answer("twitter share of piracy actions proactive h2 2021", empty_store)
    assert a.answer is not None and a.answer.value == 100, a.message



def test_a_month_named_where_no_figure_is_does_not_date_the_figures(empty_store):
    # Computerworld's Danish story (tests/data/real): "Computerworld overtog i november 2022 Alt om Data" (the month
    # it took over the site the story first ran on), beside "I alt har TikTok fjernet 102.305.516 videoer i første
    # kvartal af 2022", each named once: the story's other figures are of the quarter, not of November
    path = Path(__file__).parent / "data" / "real" / "docs" / "1059-tiktok-q1-2022-removals-computerworld-da.txt"
    assert ingest_file(empty_store, path, Meta(publisher="Computerworld")).status == "added"
    periods = {(f.period_start, f.period_end) for f in empty_store.queries.all_figures() if f.value == 35726592}
    assert periods == {(dt.date(2022, 1, 1), dt.date(2022, 3, 31))}  # "35.726.592 videoer blev fjernet automatisk"
