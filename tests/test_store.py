"""The store on SQLite and PostgreSQL: schema at HEAD, seeded on first use, migrations in step
with Alembic, Heroku URLs, and a database that is down reported plainly."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text

from store import corpus
from store.db import HEAD, Store, normalise_url
from store.ingest.language import _identifier
from store.models import Base, Citation, Document, Figure, in_models

ROOT = Path(__file__).resolve().parents[1]


def counts(store) -> tuple[int, int, int]:
    with store.Session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Document, Figure, Citation))


def test_head_matches_alembic_scripts():
    cfg = Config()
    cfg.set_main_option("script_location", str(ROOT / "store" / "migrations"))
    script = ScriptDirectory.from_config(cfg)
    assert script.get_heads() == [HEAD]


def test_open_creates_the_schema_at_head_and_seeds_the_corpus(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        tables = set(inspect(conn).get_table_names())
    assert set(Base.metadata.tables) <= tables
    docs, figures, citations = counts(store)
    assert docs == len(corpus.files()) == 4
    assert figures > 0 and citations >= figures
    with store.Session() as s:
        assert sorted(s.scalars(select(Document.filename))) == [p.name for p in corpus.files()]


def test_the_migrated_schema_matches_the_models(empty_store):
    """Alembic's autogenerate finds nothing to add: the migration and the models agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with empty_store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": in_models}), Base.metadata)
    assert diff == []


def test_a_prose_document_keeps_the_language_it_is_written_in(empty_store, tmp_path):
    from store.ingest import Meta, ingest_paths

    texts = {"de.txt": "Die Google-Tochter YouTube hat im zweiten Quartal 2020 so viele Videos gelöscht wie noch nie "
                       "zuvor: Im Zeitraum von April bis Juni wurden 11,4 Millionen Videos entfernt, wie der neue "
                       "Transparenzbericht zeigt, der heute veröffentlicht wurde.",
             "en.txt": "YouTube removed 11.4 million videos between April and June 2020, the most it has ever taken "
                       "down in a quarter, according to the transparency report it published on Tuesday.",
             "short.txt": "YouTube: 11.4 million videos, Q2 2020."}
    for name, body in texts.items():
        (tmp_path / name).write_text(body + "\n", encoding="utf-8")
    assert not ingest_paths(empty_store, [tmp_path / n for n in texts], Meta()).failed
    with empty_store.Session() as s:
        got = dict(s.execute(select(Document.filename, Document.language)).all())
    assert got == {"de.txt": "de", "en.txt": "en", "short.txt": ""}  # too few words to tell


def test_an_upgrade_tells_the_language_of_the_documents_already_stored(db_url):
    from store.db import migrate

    old = Store(db_url)
    migrate(old.engine, "0014")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO documents (sha256, filename, kind, text) VALUES "
                          "('a', 'fr.txt', 'text', :fr), ('b', 'rows.csv', 'meta', NULL)"),
                     {"fr": "YouTube a supprimé 11,4 millions de vidéos entre avril et juin 2020, "
                            "un record selon le rapport de transparence publié mardi par la filiale de Google."})
    old.dispose()
    store = Store.open(db_url)
    try:
        with store.Session() as s:
            assert dict(s.execute(select(Document.filename, Document.language)).all()) == {"fr.txt": "fr", "rows.csv": ""}
        assert _identifier.cache_info().currsize == 0  # the model (110 MB) is not kept by the migrated process
    finally:
        store.dispose()


def test_a_store_seeded_at_start_up_tells_its_languages_without_loading_the_model(db_url):
    _identifier.cache_clear()
    store = Store.open(db_url)  # a fresh install: the bundled corpus is stored first
    try:
        with store.Session() as s:
            assert set(s.scalars(select(Document.language))) == {"en"}
        # the corpus says its language: a server seeding its store neither waits half a second
        # for the model nor holds 110 MB
        assert _identifier.cache_info().currsize == 0
    finally:
        store.dispose()


def test_empty_store_is_not_seeded_and_reopening_seeds_it_once(db_url):
    empty = Store.open(db_url, seed=False)
    try:
        assert empty.is_empty() and counts(empty) == (0, 0, 0)
    finally:
        empty.dispose()
    first = Store.open(db_url)
    try:
        seeded = counts(first)
        assert seeded[0] == 4
    finally:
        first.dispose()
    again = Store.open(db_url)  # not empty any more: opening again neither seeds nor migrates
    try:
        assert counts(again) == seeded
    finally:
        again.dispose()


def test_normalise_url_accepts_heroku_postgres_urls():
    assert normalise_url("postgres://u:p@host:5432/db") == "postgresql+psycopg://u:p@host:5432/db"
    assert normalise_url("postgresql://u:p@host/db") == "postgresql+psycopg://u:p@host/db"
    assert normalise_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def _cli(args, tmp_path, database_url, timeout=60):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env.update(DATABASE_URL=database_url, HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_a_database_that_is_down_is_a_clear_error_not_a_traceback(tmp_path):
    # Heroku's spelling, on a port where nothing listens
    r = _cli(["ask", "suspensions H2 2017"], tmp_path, "postgres://nobody@127.0.0.1:1/modstats")
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert "database" in r.stderr.lower()
    assert r.stdout == ""


def test_an_unusable_sqlite_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a folder should be")
    r = _cli(["figures"], tmp_path, f"sqlite:///{blocker}/modstats.db")
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    assert "database" in r.stderr.lower()


def test_every_citation_keeps_its_figure_and_document(store, tmp_path):
    """Ingest, a re-ingest, a revising snapshot and a file refused on its last row leave no
    citation without its figure or document and no figure without a citation."""
    from store.ingest import Meta, ingest_file

    header = "app,policy_area,metric,period,value\n"
    first = tmp_path / "q1.csv"
    first.write_text(header + "".join(f"Facebook,Spam,Content Actioned,2023Q{q},{q}00\n" for q in (1, 2, 3)))
    revised = tmp_path / "q2.csv"
    revised.write_text(header + "Facebook,Spam,Content Actioned,2023Q3,350\nFacebook,Spam,Content Actioned,2023Q4,400\n")
    broken = tmp_path / "broken.csv"
    broken.write_text(header + "Facebook,Spam,Content Actioned,2024Q1,10\nFacebook,Spam,Content Actioned,2024Q2,-5\n")
    before = counts(store)
    assert ingest_file(store, first, Meta(published=dt.date(2023, 11, 1))).status == "added"
    assert ingest_file(store, first, Meta(published=dt.date(2023, 11, 1))).status != "added"  # the same file again
    assert ingest_file(store, revised, Meta(published=dt.date(2024, 2, 1))).status == "added"
    assert ingest_file(store, broken, Meta(published=dt.date(2024, 8, 1))).status == "failed"
    assert counts(store) == (before[0] + 2, before[1] + 4, before[2] + 5)
    assert store.dangling() == (0, 0, 0)


def test_the_full_text_index_finds_prose_figures_by_their_words_and_forgets_removed_ones(empty_store, tmp_path):
    from sqlalchemy import delete

    from store.ingest import Meta, drop_citations, ingest_file

    path = tmp_path / "yt.txt"
    path.write_text("YouTube removed 11.4 million videos between April and June 2020, the most it has ever taken down.\n",
                    encoding="utf-8")
    assert ingest_file(empty_store, path, Meta()).status == "added"
    # stems, as a question's words are read: "remov" is "removed", "video" is "videos"
    assert [f.value for f in empty_store.queries.saying(["remov", "video"], 10)] == [11_400_000]
    assert empty_store.queries.saying(["tweet"], 10) == []
    assert empty_store.queries.saying(["x*", "a)b", '"'], 10) == []  # no search syntax gets through
    with empty_store.transaction() as s:
        ids = list(s.scalars(select(Document.id)))
        drop_citations(s, ids)
        s.execute(delete(Document).where(Document.id.in_(ids)))
    assert empty_store.queries.saying(["remov", "video"], 10) == []
