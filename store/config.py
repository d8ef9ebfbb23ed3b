"""Where the database is: ``DATABASE_URL``, or an SQLite file in the user's data directory.

Kept free of SQLAlchemy so the read path (``modstats ask``) can start without importing it.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The newest migration; a test checks it against Alembic's own view of the scripts. Knowing
#: it here lets a start-up check the schema with one query instead of importing Alembic.
HEAD = "0017"


def default_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("modstats", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'modstats.db'}"


def normalise_url(url: str) -> str:
    """Accept Heroku's ``postgres://`` and plain ``postgresql://``; use the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def database_url() -> str:
    return normalise_url(os.environ.get("DATABASE_URL") or default_url())


def sqlite_path(url: str) -> str | None:
    """The file of an ``sqlite:///`` URL, or None for any other database."""
    if url.startswith("sqlite:///") and "?" not in url:
        return url[len("sqlite:///") :]
    return None
