"""The CSV ingest's fast paths agree with the plain ones they stand in for: records split
without the csv module are what the csv module reads, the bulk writer's fingerprints are
``Stated.fingerprint()``, and a re-ingested snapshot on SQLite (whose inserts find existing
facts through the unique index) revises and cites exactly as before."""

from __future__ import annotations

import csv
import datetime as dt
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
