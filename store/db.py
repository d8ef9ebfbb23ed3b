"""Where the store lives and how it is opened: database URL, engine, migrations, seeding."""

from __future__ import annotations

import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, exists, func, inspect, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from store.config import HEAD, database_url, normalise_url
from store.faults import StoreError
from store.limits import SQLITE_BUSY_TIMEOUT_S
from store.models import FULL_TEXT, Base, Document
from store.queries import Queries, ReadStore

MIGRATIONS = Path(__file__).with_name("migrations")

SQLITE_PAGE_SIZE = 16384

#: The key of the PostgreSQL advisory lock that lets one process at a time migrate a database.
MIGRATION_LOCK = 0x6D6F6473  # "mods"


def make_engine(url: str) -> Engine:
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        if sa_url.database and sa_url.database != ":memory:":
            Path(sa_url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

        # pysqlite begins a transaction only before INSERT/UPDATE/DELETE, so DDL would run in
        # autocommit and a migration failing halfway would leave half a schema. modstats
        # begins every transaction itself (SQLAlchemy's recipe for SQLite "transactional DDL"):
        # BEGIN IMMEDIATE for writes, so a writer waits for the one lock up front (the busy
        # timeout) instead of failing when it upgrades from reading; BEGIN for reads.
        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
            dbapi_conn.isolation_level = None
            dbapi_conn.execute("PRAGMA foreign_keys=ON")
            dbapi_conn.execute("PRAGMA synchronous=NORMAL")

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

        return engine
    # A server that goes away without closing the connection (a partition, a failover) must not
    # hang a request: TCP keepalives and a send timeout make the socket fail within seconds,
    # and pool_pre_ping replaces such a connection on the next checkout.
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5,
        connect_args={"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                      "keepalives_interval": 5, "keepalives_count": 2, "tcp_user_timeout": 10_000},
    )


#: Execution option of a connection (or engine) whose transactions write (BEGIN IMMEDIATE).
WRITE = "modstats_write"


def migrate(engine: Engine, target: str = "head") -> None:
    """Bring the schema to ``target`` with Alembic, all or nothing, one process at a time.

    The whole upgrade is one transaction (on SQLite too: see ``make_engine``), taken under a
    lock (SQLite's write lock, a PostgreSQL advisory lock) before anything is read, so
    processes starting at once on a new database wait for the first instead of racing it. A
    database holding tables that are not modstats' own, or a schema version this modstats
    does not know, is refused before anything is written."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection
        if sqlite:  # outside any transaction: a table a migration rebuilds must not cascade deletes
            raw.execute("PRAGMA foreign_keys=OFF")
            # a new file's pages (a no-op once the file has tables): 16 KiB pages take a
            # bulk CSV load's B-tree inserts with about 15% less CPU than the default 4 KiB
            raw.execute(f"PRAGMA page_size = {SQLITE_PAGE_SIZE}")
        try:
            with conn.execution_options(**{WRITE: True}).begin():
                if not sqlite:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                _check_ours(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")
    use_wal(engine)


def use_wal(engine: Engine) -> None:
    """Put an SQLite file in WAL mode (several worker processes, one file), waiting for the
    lock as every write does.

    The switch writes the file's header from inside a read, and SQLite does not wait when a
    read cannot become a write: while another process holds the write lock (one that started
    at the same moment, seeding its store), the PRAGMA fails at once with "database is
    locked". So it is retried until the busy timeout, as SQLite retries everything else."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    pause = 0.01
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        while True:
            try:
                if raw.execute("PRAGMA journal_mode=WAL").fetchone()[0].lower() == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _check_ours(conn) -> None:
    """Refuse a database that holds other tables, or a schema version not among ours."""
    tables = set(inspect(conn).get_table_names())
    foreign = sorted(t for t in tables - set(Base.metadata.tables) - {"alembic_version"} if not t.startswith(FULL_TEXT))
    if foreign:
        shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
        raise StoreError(
            f"the database holds tables that are not modstats' ({shown}); nothing was written. "
            "Point DATABASE_URL at an empty database or a modstats one"
        )
    if "alembic_version" in tables:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        known = {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py")}
        if version is not None and version not in known:
            raise StoreError(
                f"the database's schema version {version!r} is unknown to this modstats (made by a newer "
                "version?); upgrade modstats, or point DATABASE_URL at another database"
            )


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
        self.writer = self.engine.execution_options(**{WRITE: True})
        super().__init__(Queries.for_engine(self.engine))

    @classmethod
    def open(cls, url: str | None = None, *, seed: bool = True) -> "Store":
        """Open the store, migrating an old or empty database and seeding an empty one with
        the bundled corpus, so a fresh install answers questions at once."""
        store = cls(url)
        store.ensure_schema()
        if seed and store.is_empty():
            from store.corpus import seed as seed_corpus

            seed_corpus(store)  # (its documents say their language: seeding loads no language model)
        return store

    def ensure_schema(self) -> None:
        if schema_version(self.engine) != HEAD:
            migrate(self.engine)
        else:
            use_wal(self.engine)  # a first start that ended between the two

    def is_empty(self) -> bool:
        with self.Session() as session:
            return session.scalar(select(Document.id).limit(1)) is None

    def dangling(self) -> tuple[int, int, int]:
        """(citations whose figure is missing, citations whose document is missing, figures no
        citation states): what ingest and removal keep at zero in their transactions, the
        citations' ids carrying no foreign keys (migration 0014)."""
        from store.models import Citation, Figure

        def count(model, orphaned) -> int:  # NOT EXISTS: PostgreSQL may run NOT IN as a nested loop
            return s.scalar(select(func.count()).select_from(model).where(~exists().where(orphaned)))

        with self.Session() as s:
            return (
                count(Citation, Figure.id == Citation.figure_id),
                count(Citation, Document.id == Citation.document_id),
                count(Figure, Citation.figure_id == Figure.id),
            )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        with self.Session(bind=self.writer) as session, session.begin():
            yield session

    @property
    def keeps_nothing(self) -> bool:
        """An in-memory SQLite database (``sqlite://``): gone when the process ends."""
        url = make_url(self.url)
        return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")

    def dispose(self) -> None:
        self.engine.dispose()
