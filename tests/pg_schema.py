"""The test PostgreSQL server (127.0.0.1:5432, database ``test``, or $MODSTATS_TEST_PG) and
fresh schemas on it: what the store tests, the crash benchmark and the scale benchmark use
to get an empty PostgreSQL store of their own."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from typing import Iterator

PG_URL = os.environ.get("MODSTATS_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def unavailable(url: str = PG_URL) -> str | None:
    """Why the server cannot be used, or None when it answers."""
    from sqlalchemy import create_engine

    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        return f"PostgreSQL not reachable at {url}: {exc.__class__.__name__}"


@contextmanager
def fresh_schema(base: str = PG_URL, prefix: str = "t") -> Iterator[str]:
    """A URL of ``base`` whose tables live in a new schema, dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
