"""Shared fixtures. ``store`` runs a test on SQLite and on PostgreSQL (127.0.0.1:5432, database
``test``, or $MODSTATS_TEST_PG); the PostgreSQL run is skipped, with the reason, when the server
cannot be reached. Each PostgreSQL store lives in a schema of its own, dropped afterwards."""

from __future__ import annotations

import os
import shutil

# Stores built by tests (and the CLI in subprocesses) are seeded with the corpus alone; the
# starter library is seeded once per session below, for the tests that ask for it.
os.environ["MODSTATS_LIBRARY"] = "0"

import pytest

from pg_schema import fresh_schema, unavailable
from store.db import Store

PG_SKIP = unavailable()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'modstats.db'}"


@pytest.fixture
def pg_url():
    if PG_SKIP:
        pytest.skip(PG_SKIP)
    with fresh_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


@pytest.fixture
def store(db_url):
    """A store seeded with the bundled corpus, on each database."""
    s = Store.open(db_url)
    yield s
    s.dispose()


@pytest.fixture
def empty_store(db_url):
    s = Store.open(db_url, seed=False)
    yield s
    s.dispose()


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory):
    """One seeded SQLite store shared by the read-only tests (the question set, the engine)."""
    s = Store.open(f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'modstats.db'}")
    yield s
    s.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded_store(request, tmp_path_factory):
    """One store seeded with the corpus per database and test module, for tests that only read it."""
    if request.param == "sqlite":
        s = Store.open(f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'modstats.db'}")
        yield s
        s.dispose()
        return
    if PG_SKIP:
        pytest.skip(PG_SKIP)
    with fresh_schema() as url:
        s = Store.open(url)
        yield s
        s.dispose()


@pytest.fixture(scope="session")
def library_sqlite_file(tmp_path_factory):
    """An SQLite file seeded once per session with the corpus and the starter library."""
    from store import library

    path = tmp_path_factory.mktemp("library") / "modstats.db"
    s = Store.open(f"sqlite:///{path}")
    library.seed(s)
    s.dispose()
    return path


@pytest.fixture(scope="session")
def library_sqlite(library_sqlite_file):
    """The library store, shared by tests that only read it."""
    s = Store.open(f"sqlite:///{library_sqlite_file}")
    yield s
    s.dispose()


@pytest.fixture
def library_copy(library_sqlite_file, tmp_path):
    """A copy of the library store for a test that writes (a file copy, not a new seeding)."""
    path = tmp_path / "modstats.db"
    shutil.copy(library_sqlite_file, path)
    s = Store.open(f"sqlite:///{path}")
    yield s
    s.dispose()
