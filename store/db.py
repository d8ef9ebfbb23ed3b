"""Where the store lives and how it is opened: database URL, engine, migrations, seeding."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from store.config import HEAD, database_url, normalise_url
from store.models import Document
from store.queries import Queries, ReadStore

MIGRATIONS = Path(__file__).with_name("migrations")

def make_engine(url: str) -> Engine:
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        if sa_url.database and sa_url.database != ":memory:":
            Path(sa_url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")  # several worker processes, one file
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    # A server that goes away without closing the connection (a partition, a failover) must not
    # hang a request: TCP keepalives and a send timeout make the socket fail within seconds,
    # and pool_pre_ping replaces such a connection on the next checkout.
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5,
        connect_args={"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                      "keepalives_interval": 5, "keepalives_count": 2, "tcp_user_timeout": 10_000},
    )


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD with Alembic (imported only when there is work to do)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_version(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


class Store(ReadStore):
    """One database: the ORM sessions writes go through, and the read queries answers use."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalise_url(url) if url else database_url()
        self.engine = make_engine(self.url)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        super().__init__(Queries.for_engine(self.engine))

    @classmethod
    def open(cls, url: str | None = None, *, seed: bool = True) -> "Store":
        """Open the store, migrating an old or empty database and seeding an empty one with
        the bundled corpus, so a fresh install answers questions at once."""
        store = cls(url)
        store.ensure_schema()
        if seed and store.is_empty():
            from store.corpus import seed as seed_corpus

            seed_corpus(store)
        return store

    def ensure_schema(self) -> None:
        if schema_version(self.engine) != HEAD:
            migrate(self.engine)

    def is_empty(self) -> bool:
        with self.Session() as session:
            return session.scalar(select(Document.id).limit(1)) is None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self.Session.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
