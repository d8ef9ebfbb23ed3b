"""The quickest store that can answer a question: a ready SQLite file is read with the
standard library alone (``store.queries``); anything else is opened fully with ``store.db``
(SQLAlchemy, migrations, the first-use seeding), imported only then."""

from __future__ import annotations

import os

from store.config import database_url, normalise_url, sqlite_path
from store.queries import Queries, ReadStore


def open_for_reading(url: str | None = None) -> ReadStore:
    """A ready SQLite file as a ReadStore; anything else (PostgreSQL, a new or old schema, an
    empty store) opened fully, migrating and seeding it first."""
    url = normalise_url(url) if url else database_url()
    path = sqlite_path(url)
    if path and path != ":memory:" and os.path.exists(path):
        store = ReadStore(Queries.for_sqlite_file(path))
        if store.queries.ready():
            return store
    from store.db import Store

    return Store.open(url)
