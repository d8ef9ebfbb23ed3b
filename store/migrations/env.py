"""Alembic environment: migrations run on the connection the store hands over
(``config.attributes["connection"]``), or on ``DATABASE_URL`` when run from the alembic CLI."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from store.db import database_url
from store.models import Base, in_models

config = context.config
target_metadata = Base.metadata


def run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=in_models,  # (the full-text index is the migrations' alone)
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = engine_from_config({"sqlalchemy.url": database_url()}, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as conn:
        run(conn)
