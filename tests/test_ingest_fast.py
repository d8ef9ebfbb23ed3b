"""The CSV ingest's fast paths agree with the plain ones they stand in for: records split
without the csv module are what the csv module reads, the bulk writer's fingerprints are
``Stated.fingerprint()``, and a re-ingested snapshot on SQLite (whose inserts find existing
facts through the unique index) revises and cites exactly as before."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io

import pytest

from store.ingest import Meta, Stated, ingest_file
from store.ingest.bulk import fingerprint
from store.ingest.tables import _Records, parse_value, read_table
from store.periods import Period

TRICKY = (
    'a,b,c\r\n'
    'plain,row,1\n'
    '"quoted, comma",x,2\n'
    '"two\nlines",y,3\r\n'
    '\n'
    'mid"quote,z,4\r'
    ' spaced , cells ,5\n'
    'trailing,empty,\n'
    '"""doubled""",w,6\n'
    'last,no,newline'
)


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_records_are_what_the_csv_module_reads(delimiter):
    text = TRICKY.replace(",", delimiter)
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    records, got = _Records(io.StringIO(text, newline=""), delimiter), []
    while (r := records.next()) is not None:
        got.append(r)
    # a blank line is one empty field here and none from the csv module: either is no row
    assert [f for f, _, _ in got] == [e or [""] for e in expected]
    # each record's text is its lines as published, and its number the line it starts on
    assert [(t, n) for _, t, n in got][:4] == [
        (f"a{delimiter}b{delimiter}c", 1), (f"plain{delimiter}row{delimiter}1", 2),
        (f'"quoted{delimiter} comma"{delimiter}x{delimiter}2', 3), (f'"two\nlines"{delimiter}y{delimiter}3', 4),
    ]
    assert got[4][2] == 6  # after the two-line record


def test_values_read_quickly_are_read_as_the_pattern_reads_them():
    for raw in ["1234", "0.904", "0012.50", " 7 ", "\u0663"]:
        assert parse_value(raw) == (float(raw.strip()), None, False)
    for raw in ["12.", "1e5", "1_000", "nan", "inf", "1.2.3"]:
        with pytest.raises(ValueError):
            parse_value(raw)


def test_bulk_fingerprints_are_the_figures_own():
    q2 = Period(dt.date(2018, 4, 1), dt.date(2018, 6, 30), "Q2 2018")
    q1 = Period(dt.date(2018, 1, 1), dt.date(2018, 3, 31), "Q1 2018")
    open_start = Period(None, dt.date(2018, 6, 30), "period ending 30 Jun 2018")
    cases = [
        Stated("TikTok", "Removal Rate", "Spam", q2, 90.4, "percent", "q", location="Brazil", breakdown="Task: x", revisable=True),
        Stated("Meta", "Content actioned", "Hate Speech", q2, 1e6, "content", "q", compare=q1, revisable=True),
        Stated("X", "accounts suspended", "terrorism", open_start, 274460, "accounts", "q"),
    ]
    for s in cases:
        assert fingerprint(s) == s.fingerprint()


def test_reingesting_a_revised_snapshot_cites_and_revises(store, tmp_path):
    header = "app,policy_area,metric,period,value\n"
    rows = [f"Facebook,Spam,Content Actioned,{y}Q{q},{y * 10 + q}\n" for y in range(2018, 2021) for q in range(1, 5)]
    first = tmp_path / "first.csv"
    first.write_text(header + "".join(rows))
    later = tmp_path / "later.csv"  # republishes every period, one value revised, one period new
    later.write_text(header + "".join(rows).replace(",20183\n", ",99\n") + "Facebook,Spam,Content Actioned,2021Q1,5\n")
    assert ingest_file(store, first, Meta(published=dt.date(2021, 1, 1))).figures == 12
    assert ingest_file(store, later, Meta(published=dt.date(2021, 6, 1))).figures == 13
    assert ingest_file(store, later, Meta(published=dt.date(2021, 6, 1))).status == "unchanged"
    with store.Session() as s:
        from sqlalchemy import func, select

        from store.models import Citation, Figure

        ours = select(Figure.id).where(Figure.platform == "Facebook", Figure.policy == "Spam")
        assert s.scalar(select(func.count()).select_from(ours.subquery())) == 13
        assert s.scalar(select(func.count(Citation.id)).where(Citation.figure_id.in_(ours))) == 25
        assert s.scalar(select(Figure.value).where(Figure.platform == "Facebook", Figure.period_label == "Q3 2018")) == 99
    _, stated = read_table(later, None, Meta())
    assert [s.row for s in stated] == list(range(2, 15))


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 4 statements, so that a small file spans several (and, on PostgreSQL, a
    batch's statement is still running while the next is read)."""
    from store.ingest import bulk

    monkeypatch.setattr(bulk, "BATCH", 4)
    monkeypatch.setattr(bulk, "PG_BATCH", 4)


def _facts(store):
    from sqlalchemy import select

    from store.models import Citation, Figure

    with store.Session() as s:
        return sorted(s.execute(select(Figure.period_label, Figure.value, Citation.value, Citation.row)
                                .join(Citation, Citation.figure_id == Figure.id)
                                .where(Figure.platform == "Facebook", Figure.policy == "Spam")).all())


def test_a_file_spanning_batches_cites_a_restated_fact_once_and_revises_across_batches(empty_store, tmp_path,
                                                                                          small_batches):
    header = "app,policy_area,metric,period,value\n"
    rows = [f"Facebook,Spam,Content Actioned,{y}Q{q},{y * 10 + q}\n" for y in range(2018, 2021) for q in range(1, 5)]
    first = tmp_path / "first.csv"  # 2018Q1 stated again on line 15, in another batch: the first statement stands
    first.write_text(header + "".join(rows) + "Facebook,Spam,Content Actioned,2018Q1,7\n")
    assert ingest_file(empty_store, first, Meta(published=dt.date(2021, 1, 1))).figures == 12
    facts = _facts(empty_store)
    assert len(facts) == 12 and ("Q1 2018", 20181, 20181, 2) in facts
    later = tmp_path / "later.csv"  # every period again, one revised, one new
    later.write_text(header + "".join(rows).replace(",20183\n", ",99\n") + "Facebook,Spam,Content Actioned,2021Q1,5\n")
    assert ingest_file(empty_store, later, Meta(published=dt.date(2021, 6, 1))).figures == 13
    facts = _facts(empty_store)
    assert len(facts) == 25
    assert ("Q3 2018", 99, 20183, 4) in facts and ("Q3 2018", 99, 99, 4) in facts
    older = tmp_path / "older.csv"  # published before: cites, revises nothing
    older.write_text(header + "".join(rows).replace(",20184\n", ",1\n"))
    assert ingest_file(empty_store, older, Meta(published=dt.date(2020, 6, 1))).figures == 12
    assert {(label, v) for label, v, _, _ in _facts(empty_store)} >= {("Q4 2018", 20184), ("Q3 2018", 99)}


def test_a_bad_row_in_a_later_batch_refuses_the_whole_file(empty_store, tmp_path, small_batches):
    from sqlalchemy import func, select

    from store.models import Citation, Document, Figure

    header = "app,policy_area,metric,period,value\n"
    rows = [f"Facebook,Spam,Content Actioned,{y}Q{q},{y * 10 + q}\n" for y in range(2000, 2010) for q in range(1, 5)]
    bad = tmp_path / "bad.csv"
    bad.write_text(header + "".join(rows[:30]) + "Facebook,Spam,Content Actioned,2011Q1,lots\n" + "".join(rows[30:]))
    result = ingest_file(empty_store, bad, Meta(published=dt.date(2021, 1, 1)))
    assert result.status == "failed" and "line 32" in result.message
    assert gc.isenabled()  # paused while the file was read and written, on again after its refusal
    with empty_store.Session() as s:
        assert [s.scalar(select(func.count()).select_from(t)) for t in (Document, Figure, Citation)] == [0, 0, 0]
    good = tmp_path / "good.csv"  # the connection is fit for the next file
    good.write_text(header + "".join(rows))
    assert ingest_file(empty_store, good, Meta(published=dt.date(2021, 1, 1))).figures == 40


def test_without_a_temporary_table_the_plain_path_writes_the_same(empty_store, tmp_path, small_batches, monkeypatch):
    """A PostgreSQL role without TEMP takes the plain path (lookups and executemany), with the
    same figures, citations and revisions."""
    from store.ingest.bulk import Writer

    monkeypatch.setattr(Writer, "_may_stage", lambda self: False)
    test_a_file_spanning_batches_cites_a_restated_fact_once_and_revises_across_batches(empty_store, tmp_path, None)
