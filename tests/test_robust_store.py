"""The store under faults, on SQLite and PostgreSQL: a migration that fails halfway changes
nothing and can be retried; a database holding other tables, or a schema from a newer modstats,
is refused before anything is written; open periods are kept with their end unknown; writers
wait for each other."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import alembic.op
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from store import corpus
from store.db import HEAD, Store, StoreError, migrate, schema_version
from store.ingest import ingest_paths
from store.models import Base, Citation, Document, Figure, in_models


def counts(store) -> tuple[int, int, int]:
    with store.Session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Document, Figure, Citation))


def fail_on_call(monkeypatch, name: str, n: int) -> None:
    """Make the ``n``-th call of ``alembic.op.<name>`` raise, as a full disk would."""
    real = getattr(alembic.op, name)
    calls = []

    def flaky(*args, **kw):
        calls.append(1)
        if len(calls) == n:
            raise RuntimeError("database or disk is full (simulated)")
        return real(*args, **kw)

    monkeypatch.setattr(alembic.op, name, flaky)


def at_head(store) -> bool:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": in_models}), Base.metadata)
    return schema_version(store.engine) == HEAD and diff == []


def test_a_new_store_whose_first_migration_fails_halfway_is_left_empty_and_a_retry_works(db_url, monkeypatch):
    store = Store(db_url)
    fail_on_call(monkeypatch, "create_table", 2)  # documents created, then the disk fills up
    with pytest.raises(RuntimeError):
        store.ensure_schema()
    with store.engine.connect() as conn:
        assert inspect(conn).get_table_names() == []  # not even "documents"
    monkeypatch.undo()
    store.ensure_schema()
    assert at_head(store)
    store.dispose()


def test_an_upgrade_failing_halfway_keeps_the_old_schema_and_a_retry_reaches_head(db_url, monkeypatch):
    store = Store(db_url)
    migrate(store.engine, "0001")
    fail_on_call(monkeypatch, "create_index", 2)  # 0002 creates ix_figures_slice, then fails
    with pytest.raises(RuntimeError):
        store.ensure_schema()
    assert schema_version(store.engine) == "0001"
    with store.engine.connect() as conn:
        assert "ix_figures_slice" not in {i["name"] for i in inspect(conn).get_indexes("figures")}
    monkeypatch.undo()
    store.ensure_schema()
    assert at_head(store)
    store.dispose()


def test_upgrading_a_filled_store_to_open_periods_keeps_every_figure_and_citation(db_url, monkeypatch):
    store = Store(db_url)
    migrate(store.engine, "0003")
    monkeypatch.setattr("store.ingest.record_names", lambda *a: None)  # no figure_names table before 0009
    monkeypatch.setattr("store.ingest.index_quotes", lambda *a, **kw: None)  # nor full-text index before 0017
    monkeypatch.setattr("store.ingest.Citation",  # nor citations.context before 0011
                        lambda context, **kw: Citation(**kw))
    with store.engine.begin() as conn:  # nor documents.language before 0015: there for the load only
        conn.execute(text("ALTER TABLE documents ADD COLUMN language VARCHAR(12) DEFAULT '' NOT NULL"))
    ingest_paths(store, corpus.files())
    monkeypatch.undo()
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE documents DROP COLUMN language"))
    before = counts(store)
    assert before[2] > 0
    store.ensure_schema()  # 0004 rebuilds figures on SQLite: its citations must not cascade away
    assert at_head(store) and counts(store) == before
    # 0009 lists the names the stored figures use, which the vocabulary is built from
    with store.engine.connect() as conn:
        for column in ("platform", "metric", "policy"):
            stored = sorted(v for (v,) in conn.execute(text(f"SELECT DISTINCT {column} FROM figures")) if v)
            assert store.queries.distinct(column) == stored
    # 0011 keeps the text before each prose quote with its citation, as answering reads it
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT c.context, c.quote_start, d.text FROM citations c "
                                 "JOIN documents d ON d.id = c.document_id WHERE c.row IS NULL")).all()
    assert rows and all(context == doc[max(0, start - 300) : start] for context, start, doc in rows)
    # 0012 lists the policies of each slice of the figures, which a search reads before walking them
    slices = "SELECT {} platform, location, breakdown, policy FROM {}"
    assert sorted(store.queries.rows(slices.format("", "figure_slices"))) == \
        sorted(store.queries.rows(slices.format("DISTINCT", "figures")))
    # 0015 tells the language of each prose document from its text
    assert {lang for (lang,) in store.queries.rows("SELECT language FROM documents")} == {"en"}
    # 0017 puts the prose quotes already stored in the full-text index
    assert {f.value for f in store.queries.saying(["suspend", "terror"], 50)} >= {274_460}
    store.dispose()


def test_upgrading_a_store_gives_each_place_its_one_name_and_merges_a_fact_stored_under_both(db_url, monkeypatch,
                                                                                                  tmp_path):
    """0016: a store filled before places had one name holds Google's "Turkey" beside an article's
    "Türkiye". Upgraded, every figure is under the one name, a fact stored under both names is one
    figure citing both files, and the same table ingested again restates it (the fingerprints are
    those ingest now gives)."""
    from store.ingest import ingest_file

    def table(name: str, place: str, more: str = "") -> Path:
        path = tmp_path / name
        path.write_text("platform,metric,policy,value,unit,period_start,period_end,location\n" + more +
                        f"Google,removal requests,all,412,requests,2018-07-01,2018-12-31,{place}\n"
                        f"Google,removal requests,all,51,requests,2018-07-01,2018-12-31,Czech Republic\n", encoding="utf-8")
        return path

    store = Store(db_url)
    migrate(store.engine, "0015")
    monkeypatch.setattr("store.ingest.statements.canonical_place", lambda name: name)  # as ingest stored them before
    monkeypatch.setattr("store.ingest.index_quotes", lambda *a, **kw: None)  # (no full-text index before 0017)
    for name, place in (("google.csv", "Turkey"), ("article-table.csv", "Türkiye")):
        assert ingest_file(store, table(name, place)).status == "added"
    monkeypatch.undo()
    assert sorted(f.location for f in store.queries.figures(["1=1"], {})) == ["Czech Republic", "Turkey", "Türkiye"]
    store.ensure_schema()
    assert at_head(store)
    figures = store.queries.figures(["1=1"], {})
    assert sorted((f.location, len(f.citations)) for f in figures) == [("Czechia", 2), ("Türkiye", 2)]
    assert store.queries.distinct("location") == ["Czechia", "Türkiye"]
    slices = "SELECT {} platform, location, breakdown, policy FROM {}"
    assert sorted(store.queries.rows(slices.format("", "figure_slices"))) == \
        sorted(store.queries.rows(slices.format("DISTINCT", "figures")))
    again = table("google-h1-2019.csv", "Turkey", "Google,removal requests,all,9,requests,2019-01-01,2019-06-30,Kosovo\n")
    assert ingest_file(store, again).status == "added"
    assert sorted((f.location, len(f.citations)) for f in store.queries.figures(["1=1"], {})) == \
        [("Czechia", 3), ("Kosovo", 1), ("Türkiye", 3)]
    store.dispose()


def test_a_database_holding_other_tables_is_refused_and_not_written(tmp_path):
    path = tmp_path / "other-app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO users VALUES (1, 'ann')")
    conn.commit()
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="users"):
        Store.open(f"sqlite:///{path}")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    conn = sqlite3.connect(path)
    assert [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["users"]
    conn.close()


@pytest.mark.postgres
def test_a_postgres_schema_holding_other_tables_is_refused_and_not_written(pg_url):
    store = Store(pg_url)
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE users (id integer primary key)"))
    with pytest.raises(StoreError, match="users"):
        store.ensure_schema()
    with store.engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["users"]
    store.dispose()


def test_a_schema_from_a_newer_modstats_is_refused_with_a_message(db_url):
    store = Store.open(db_url, seed=False)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(StoreError, match="newer"):
        Store.open(db_url)
    store.dispose()


def test_sqlite_writers_wait_for_each_other_for_minutes_not_seconds(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'm.db'}", seed=False)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 300_000
    store.dispose()


def test_the_question_reader_holds_a_bounded_sample_of_what_the_store_quotes(store, monkeypatch):
    """Every `modstats ask` process (and the first question after an ingest) builds the question
    reader; weighing every quote of a store made that grow with the store (a minute per question
    at 10,000 fuzz documents), and holding them all held 100 MB and more. The vocabulary counts
    the words of every quoted sentence but keeps at most QUOTED_SAMPLE of them, and the answers
    stay what they were."""
    from bot import engine
    from store import vocabulary

    whole = store.vocabulary()
    assert len(whole.quoted_sample) > 4
    monkeypatch.setattr(vocabulary, "QUOTED_SAMPLE", 4)
    store.changed()
    small = store.vocabulary()
    assert len(small.quoted_sample) == 4 and set(small.quoted_sample) <= set(whole.quoted_sample)
    assert small.quoted_words == whole.quoted_words  # every sentence's words are still known words
    engine._readers.pop(store, None)
    a = engine.answer("suspensions H2 2017", store)
    assert a.status == "answer" and a.answer.value == 274460


def test_a_search_of_any_breakdown_finds_the_newest_of_every_breakdown(empty_store):
    """Figures of any breakdown (the engine's second look, for a fact published only broken
    down) are searched by each stored breakdown's period range: the same figures, newest first,
    as ordering all of the platform's figures at once."""
    import datetime as dt

    from store.ingest import rebuild_names
    from store.queries import FigureQuery

    with empty_store.transaction() as s:
        for i, (breakdown, year) in enumerate([("", 2019), ("YouTube", 2021), ("Search", 2018), ("", 2022),
                                                ("YouTube", 2017), ("Search", 2020), ("", 2016)]):
            s.add(Figure(fingerprint=f"fp{i}", platform="Google", metric="items removed", policy="spam",
                         location="", breakdown=breakdown, period_start=dt.date(year, 1, 1),
                         period_end=dt.date(year, 12, 31), period_label=str(year), value=i + 1, unit="items"))
        s.add(Figure(fingerprint="other", platform="Bing", metric="items removed", policy="spam", location="",
                     breakdown="Web", period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31),
                     period_label="2023", value=9, unit="items"))
        s.flush()
        rebuild_names(s)  # as ingest keeps them: the stored breakdowns are what a search of any walks

    def newest(limit: int) -> list[tuple[int, str]]:
        found = empty_store.queries.search(FigureQuery(platforms=frozenset({"Google"}), breakdown=None, limit=limit))
        return [(f.period_start.year, f.breakdown) for f in found]

    def everywhere() -> list[tuple[str, str]]:
        return [(f.platform, f.breakdown) for f in empty_store.queries.search(FigureQuery(breakdown=None, limit=2))]

    expected = [(2022, ""), (2021, "YouTube"), (2020, "Search"), (2019, "")]
    assert newest(4) == expected and everywhere() == [("Bing", "Web"), ("Google", "")]


def test_a_search_selects_the_newest_figures_that_match_however_it_walks_the_index(empty_store):
    """Whatever a FigureQuery names (no platform, one or two; policies; a period or none; a
    place; a breakdown or any), the search returns the newest ``limit`` of exactly the figures
    that match, as filtering every stored figure would: the slices it walks, the period at
    which a walk stops, and the platforms and breakdowns it spells out lose nothing."""
    import datetime as dt
    import itertools
    import random

    from store.ingest import rebuild_names
    from store.queries import FigureQuery

    rng = random.Random(7)
    platforms, policies = ["Google", "Bing", "Meta"], ["spam", "hate", "fraud"]
    places, breakdowns = ["", "Brazil"], ["", "Web", "Video"]
    with empty_store.transaction() as s:
        for i in range(400):
            year, month = rng.randrange(2015, 2024), rng.choice([1, 4, 7, 10])
            start = None if i % 50 == 0 or i % 9 == 0 else dt.date(year, month, 1)
            end = None if i % 9 == 0 else dt.date(year, month + 2, 28 if month == 1 else 30)  # no period stated
            s.add(Figure(fingerprint=f"fp{i}", platform=rng.choice(platforms), metric="items removed",
                         policy=rng.choice(policies), location=rng.choice(places), breakdown=rng.choice(breakdowns),
                         period_start=start, period_end=end,
                         period_label=f"{year}-{month}", value=i, unit="items"))
        s.flush()
        rebuild_names(s)
    everything = empty_store.queries.all_figures()

    def month(d):
        return (d.year, d.month) if d else None

    def expected(fq: FigureQuery) -> list[int]:
        hits = [f for f in everything
                if (not fq.platforms or f.platform in fq.platforms) and (not fq.policies or f.policy in fq.policies)
                and f.location == fq.location and (fq.breakdown is None or f.breakdown == fq.breakdown)
                and (fq.period_start is None or month(f.period_start) == month(fq.period_start))
                and (fq.period_start is None or fq.since or fq.period_end is None
                     or month(f.period_end) == month(fq.period_end))]
        hits.sort(key=lambda f: (f.period_start is None, -(f.period_start or dt.date.min).toordinal(), f.id))
        newest = hits[:fq.limit] if fq.limit else hits
        if fq.period_start is None and fq.period_end is None:  # ... then those of no period, as many again
            undated = [f for f in hits if f.period_start is None and f.period_end is None and f not in newest]
            newest += undated[:fq.limit] if fq.limit else undated
        return [f.id for f in newest]

    asked = 0
    for plats, pols, period, place, breakdown, limit in itertools.product(
            [(), ("Bing",), ("Google", "Meta")], [(), ("spam",), ("hate", "fraud")],
            [None, (dt.date(2019, 4, 1), dt.date(2019, 6, 30), False), (dt.date(2017, 7, 1), None, True)],
            places, [None, "", "Video"], [1, 5, None]):
        start, end, since = period or (None, None, False)
        fq = FigureQuery(platforms=frozenset(plats), policies=frozenset(pols), period_start=start, period_end=end,
                         since=since, location=place, breakdown=breakdown, limit=limit)
        assert [f.id for f in empty_store.queries.search(fq)] == expected(fq), fq
        asked += bool(expected(fq))
    assert asked > 100  # most of the queries find something: the comparison is not of empty lists
