"""Odd but real inputs (issue 8): each failing file gets one line naming it and its line,
stores nothing, and the files after it still go in; what cannot be true is never stored."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import store.ingest as ingest_module
from bot.answers import agreeing_sources
from store.faults import explain, one_line
from store.ingest import Meta, ingest_file, ingest_paths
from store.ingest import prose
from store.limits import MAX_CSV_COLUMNS, MAX_LINE_CHARS
from store.models import Citation, Document, Figure

D = dt.date
GOOD = "Twitter suspended 274,460 accounts for promoting terrorism in H2 2017.\n"
GENERIC = "platform,metric,policy,value,unit,period_start,period_end\n"
META = "app,policy_area,metric,period,value\n"
TIKTOK = "Metric,Period type,Period,Policy type,Issue,Task type,Task,Location,Market,Result\n"


def counts(store) -> tuple[int, int, int]:
    with store.Session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Document, Figure, Citation))


def figures(store) -> list[Figure]:
    with store.Session() as s:
        return list(s.scalars(select(Figure)))


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def refused(store, tmp_path, name: str, text: str | bytes, line: int | None = None, meta: Meta = Meta()) -> str:
    """Ingest a bad file between two good ones: it is refused in one line naming it (and the
    line), nothing of it is stored, and the good file after it goes in. Returns the message."""
    good = write(tmp_path, f"good-{name}.md", GOOD.replace("274,460", str(abs(hash(name)) % 90000 + 10000)))
    bad = write(tmp_path, name, text) if not (tmp_path / name).exists() else tmp_path / name
    before = counts(store)
    started = time.monotonic()
    report = ingest_paths(store, [bad, good], meta)
    assert time.monotonic() - started < 10
    result, after = report.files
    assert result.status == "failed", result
    assert after.status == "added" and after.figures == 1, after
    assert counts(store)[0] == before[0] + 1  # the good one only
    assert "\n" not in result.message and len(result.message) <= 500
    assert result.message.startswith(one_line(str(bad)))
    if line is not None:
        assert f"line {line}:" in result.message, result.message
    return result.message


# --- periods in documents ---------------------------------------------------------------------

def test_an_open_period_in_an_undated_document_is_kept_with_its_end_unknown(empty_store, tmp_path):
    doc = write(tmp_path, "undated.md", "Twitter has suspended 125,000 accounts for terrorism since mid-2015.\n")
    after = write(tmp_path, "after.md", GOOD)
    report = ingest_paths(empty_store, [doc, after])
    assert [f.status for f in report.files] == ["added", "added"]
    (fig,) = [f for f in figures(empty_store) if f.value == 125000]
    assert (fig.period_start, fig.period_end) == (D(2015, 7, 1), None)


def test_a_start_after_the_publication_date_is_not_a_period_ending_before_it(empty_store, tmp_path):
    doc = write(tmp_path, "old.md", "---\npublished: 2010-01-01\n---\nTwitter has suspended 125,000 accounts "
                                    "for terrorism since mid-2015.\n")
    assert ingest_file(empty_store, doc).status == "added"
    assert all(f.period_end is None or f.period_start is None or f.period_end >= f.period_start
               for f in figures(empty_store))


@pytest.mark.parametrize("sentence", [
    "Between Feb 30, 2017 and Dec 31, 2017, Twitter suspended accounts for terrorism.",
    "Since Feb 29 2017 Twitter suspended 5,000 accounts for terrorism.",
    "Twitter suspended 5,000 accounts for terrorism since 31 February 2016.",
    "Twitter suspended 5,000 accounts for terrorism from 2017-02-30 to 2017-06-30.",
    "Twitter suspended 5,000 accounts for terrorism in Q5 2017.",
    "Twitter suspended 5,000 accounts for terrorism in H3 2017.",
])
def test_an_impossible_date_states_no_figure_and_crashes_nothing(empty_store, tmp_path, sentence):
    doc = write(tmp_path, "bad-date.md", f"---\npublished: 2018-04-05\n---\n{sentence}\n")
    assert ingest_file(empty_store, doc).status == "added"
    assert [(f.value, f.period_start, f.period_end) for f in figures(empty_store)] == []


def test_relative_periods_in_a_dated_article_count_from_its_date(empty_store, tmp_path):
    doc = write(tmp_path, "dated.md", "---\npublished: 2018-04-05\n---\nTwitter suspended 5,000 accounts for "
                                      "terrorism last month.\n\nTwitter suspended 7,000 accounts for spam this quarter.\n")
    assert ingest_file(empty_store, doc).status == "added"
    got = {f.value: (f.period_start, f.period_end) for f in figures(empty_store)}
    # "this quarter" on 5 April 2018 counts a quarter that had ended by then: the first
    assert got == {5000: (D(2018, 3, 1), D(2018, 3, 31)), 7000: (D(2018, 1, 1), D(2018, 3, 31))}


def test_digits_of_other_scripts_are_read_as_the_number_they_write(empty_store, tmp_path):
    """Arabic-Indic digits and separators were once read as 460 (the digits after the last
    separator); they are the number written, as are Devanagari digits, and the quote keeps them."""
    doc = write(tmp_path, "arabic.md", "Twitter suspended ٢٧٤٬٤٦٠ accounts for terrorism in H2 2017.\n\n"
                                       "Twitter suspended १२,०४६ accounts for spam in H1 2018.\n")
    ingest_file(empty_store, doc)
    assert sorted(f.value for f in figures(empty_store)) == [12046, 274460]
    quotes = {q for (q,) in empty_store.queries.rows("SELECT quote FROM citations")}
    assert quotes == {"Twitter suspended ٢٧٤٬٤٦٠ accounts for terrorism in H2 2017.",
                      "Twitter suspended १२,०४६ accounts for spam in H1 2018."}


# --- front matter -----------------------------------------------------------------------------

ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


@pytest.mark.parametrize("front, says", [
    ("platform: 123", "'platform' must be text"),
    ("title: [a, b]", "'title' must be text"),
    ("published: 2017-13-45", "'published' must be a date"),
    ("published: 2017-02-30", "'published' must be a date"),
    ("published: 0000-01-01", "'published' must be a date"),
    ("language: English", "'language' must be a language code"),
    ("language: 7", "'language' must be text"),
    ("title: " + "9" * 5000, "cannot read"),
    ("title: " + "[" * 5000 + "]" * 5000, "nests deeper"),
    (ALIAS_BOMB, "aliases"),
    ("title: " + "x" * 20000, "longer than"),
])
def test_front_matter_of_the_wrong_type_or_form_is_one_line_in_bounded_time(empty_store, tmp_path, front, says):
    message = refused(empty_store, tmp_path, "front.md", f"---\n{front}\n---\n{GOOD}")
    assert says in message


# --- files and limits -------------------------------------------------------------------------

def test_special_files_are_refused_without_being_opened(empty_store, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    assert "not a regular file" in refused(empty_store, tmp_path, "pipe.md", "")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    assert "not a regular file" in refused(empty_store, tmp_path, "zero.csv", "")
    (tmp_path / "folder.md").mkdir()
    assert "folder" in refused(empty_store, tmp_path, "folder.md", "")


def test_a_line_longer_than_the_limit_is_refused_naming_it(empty_store, tmp_path):
    refused(empty_store, tmp_path, "long.md", GOOD + "x" * (MAX_LINE_CHARS + 1) + "\n", line=2)


def test_a_document_stating_too_many_figures_is_refused(empty_store, tmp_path, monkeypatch):
    monkeypatch.setattr(prose, "MAX_FIGURES_PER_DOCUMENT", 2)
    text = "".join(f"Twitter suspended {n},000 accounts for terrorism in H2 2017.\n" for n in range(10, 15))
    assert "more than 2 figures" in refused(empty_store, tmp_path, "many.md", text, line=3)


def test_a_nul_character_deep_in_a_document_is_refused_naming_its_line(empty_store, tmp_path):
    refused(empty_store, tmp_path, "nul.md", GOOD + "a\n" * 5000 + "b\x00c\n", line=5002)


def test_a_file_name_with_a_newline_is_escaped_in_its_message(empty_store, tmp_path):
    message = refused(empty_store, tmp_path, "two\nlines.md", b"\xff\xfe not text")
    assert "two\\nlines.md" in message


def test_the_same_article_with_crlf_endings_or_another_title_is_the_same_source(empty_store, tmp_path):
    first = write(tmp_path, "a.md", f"---\ntitle: One\n---\n{GOOD}More text.\n")
    again = write(tmp_path, "b.md", f"---\ntitle: Another title\n---\n{GOOD}More text.  \n\n".replace("\n", "\r\n"))
    assert ingest_file(empty_store, first).status == "added"
    assert ingest_file(empty_store, again).status == "unchanged"
    assert counts(empty_store)[0] == 1


# --- tables -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, line, says", [
    ("year0.csv", META + "Facebook,Spam,Content actioned,2018Q1,100\nFacebook,Spam,Content actioned,0000Q1,5\n", 3, "between"),
    ("google0.csv", "Period Ending,Country,Country Code,Court Orders\n03/31/0001,Brazil,BR,5\n", 2, "between"),
    ("inf.csv", META + "Facebook,Spam,Content actioned,2018Q1," + "9" * 400 + "\n", 2, "too many digits"),
    ("negative.csv", GENERIC + "Reddit,accounts suspended,spam,-5,accounts,2022-01-01,2022-06-30\n", 2, "negative"),
    ("rate.csv", META + "Facebook,Spam,Proactive rate,2018Q1,250%\n", 2, "cannot be true"),
    ("reversed.csv", META + "Facebook,Spam,Prevalence,2018Q1,5%-4%\n", 2, "backwards"),
    ("noplatform.csv", META + ",Spam,Content actioned,2018Q1,100\n", 2, "platform is empty"),
    ("nometric.csv", META + "Facebook,Spam,,2018Q1,100\n", 2, "metric is empty"),
    ("latin1.csv", (GENERIC + "Reddit,removed,spam,5,items,2022-01-01,2022-06-30\nReddit,removed,caf\xe9,6,items,"
                    "2022-01-01,2022-06-30\n").encode("latin-1"), 3, "UTF-8"),
    ("wide.csv", ",".join(f"c{i}" for i in range(MAX_CSV_COLUMNS + 1)) + "\n", 1, "header"),
    ("longname.csv", GENERIC + "R" * 101 + ",removed,spam,5,items,2022-01-01,2022-06-30\n", 2, "platform is 101 characters"),
    ("longmetric.csv", GENERIC + "Reddit," + "m" * 301 + ",spam,5,items,2022-01-01,2022-06-30\n", 2, "metric is 301"),
    ("nul.csv", GENERIC + "Reddit,removed\x00,spam,5,items,2022-01-01,2022-06-30\n", 2, "NUL"),
])
def test_a_table_value_that_cannot_be_true_refuses_its_file_naming_the_line(empty_store, tmp_path, name, text, line, says):
    assert says in refused(empty_store, tmp_path, name, text, line=line)


def test_a_million_column_header_gets_a_short_message(empty_store, tmp_path):
    refused(empty_store, tmp_path, "huge.csv", ",".join(["c"] * 1_000_000) + "\n", line=1)


def test_a_long_publisher_flag_is_refused_on_every_database(empty_store, tmp_path):
    result = ingest_file(empty_store, write(tmp_path, "flagged.md", GOOD), Meta(publisher="P" * 201))
    assert result.status == "failed" and "publisher is 201 characters" in result.message
    assert counts(empty_store) == (0, 0, 0)


def test_tiktok_rates_published_as_percents_among_fractions_are_read_as_percents(empty_store, tmp_path):
    rows = (TIKTOK + "Proactive removal rate,Quarter,Jul-Sep 2020,Community Guidelines,All,All,All,All,All,0.904\n"
            "Removal rate within 24 hours,Quarter,Jul-Sep 2020,Community Guidelines,All,All,All,All,All,90.4\n")
    assert ingest_file(empty_store, write(tmp_path, "tiktok.csv", rows)).status == "added"
    assert sorted(f.value for f in figures(empty_store)) == [pytest.approx(90.4), pytest.approx(90.4)]


def test_three_disagreeing_snapshots_are_not_three_sources_agreeing(empty_store, tmp_path):
    for i, value in enumerate(("100", "120", "140")):
        path = write(tmp_path, f"snap{i}.csv", GENERIC + f"Reddit,accounts suspended,spam,{value},accounts,2022-01-01,2022-06-30\n")
        assert ingest_file(empty_store, path, Meta(published=D(2023, 1, 1 + i))).status == "added"
    (fig,) = empty_store.queries.figures([], {})
    assert fig.value == 140 and len(fig.citations) == 3
    assert agreeing_sources(fig) == 1


# --- faults -----------------------------------------------------------------------------------

def test_a_full_disk_fails_that_file_in_one_line_and_the_next_one_still_goes_in(empty_store, tmp_path, monkeypatch):
    real = ingest_module.save

    def full(session, document, stated):
        if document.filename == "full.md":
            raise OperationalError("INSERT", {}, Exception("database or disk is full"))
        return real(session, document, stated)

    monkeypatch.setattr(ingest_module, "save", full)
    message = refused(empty_store, tmp_path, "full.md", GOOD.replace("274,460", "5,000"))
    assert "disk is full" in message and "free some space" in message


@pytest.mark.parametrize("error, says", [
    (OperationalError("x", {}, Exception("attempt to write a readonly database")), "permissions"),
    (OperationalError("x", {}, Exception("database or disk is full")), "free some space"),
    (OperationalError("x", {}, Exception("database is locked")), "run the command again"),
    (ModuleNotFoundError("No module named 'MySQLdb'"), "DATABASE_URL"),
])
def test_faults_are_explained_in_one_line_that_says_what_to_do(error, says):
    assert says in explain(error) and "\n" not in explain(error)


def test_restating_stored_facts_reads_no_other_documents_text(empty_store, tmp_path):
    """A fact already cited by long documents gains this document's citation without their
    texts being read: loading them, for every fact restated, made each ingest slower and larger
    (gigabytes) the more documents a store held. The document cites each fact once."""
    from sqlalchemy import event

    filler = "Nothing to count here. " * 20_000  # a long document, ~460 KB
    for i in range(3):
        assert ingest_file(empty_store, write(tmp_path, f"long-{i}.md", f"Issue {i}.\n{filler}\n{GOOD}")).status == "added"
    statements: list[str] = []
    event.listen(empty_store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    again = write(tmp_path, "again.md", GOOD + "Again: " + GOOD)
    result = ingest_file(empty_store, again)
    assert result.status == "added" and result.figures == 1, result
    assert not [s for s in statements if re.search(r"\bdocuments(_\d+)?\.text\b", s)]
    with empty_store.Session() as s:
        fig = s.scalars(select(Figure).where(Figure.value == 274460)).one()
        assert sorted(c.document.filename for c in fig.citations) == ["again.md", "long-0.md", "long-1.md", "long-2.md"]


def test_a_long_line_after_a_line_read_as_a_glued_header_is_no_table_row(empty_store, tmp_path):
    """Found by benchmarks/fuzz.py: "NaN" reads as two labels run together, and the long line
    after it, ending in digits, as a row of that "table": its 236-character label became a
    policy name too long to store, and the whole document was refused. A row of a glued table
    is short, and a label longer than a name is prose."""
    path = tmp_path / "doc.md"
    path.write_text("Snapchat took down NaN accounts last month;\n"
                    "TikTok removed three-quarters posts excluding terrorism in 2017Q5. Twitter verified inf accounts for "
                    "hate speech on 2/30/2017 and Reddit removed 10k users for hate speech within a four-month period "
                    "verified <b> posts Reddit in 0000Q1\n"
                    "Twitter suspended 274,460 accounts in the second half of 2017.\n", encoding="utf-8")
    result = ingest_file(empty_store, path, Meta(published=dt.date(2018, 4, 5)))
    assert result.status == "added", result.message


def test_a_turkish_dotted_capital_in_a_lexicon_word_is_read_not_an_internal_error(empty_store, tmp_path):
    # "VİDEO".lower() is "vi̇deo" (with a combining dot), which the lexicon's tables did not know:
    # a real Turkish story failed with "internal error: KeyError"
    path = tmp_path / "halktv.txt"
    path.write_text("TİKTOK 2025'TE DÜNYA GENELİNDE 204,5 MİLYON VİDEO SİLDİ. TikTok İnstagram VİDEO İÇERİK "
                    "KALDIRILDI.", encoding="utf-8")
    result = ingest_file(empty_store, path, Meta(None, None, None, None))
    assert result.status == "added", result.message
