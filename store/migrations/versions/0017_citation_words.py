"""citation_words: the database's own full-text index of what prose figures are quoted from

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

A question that names no platform found its candidates among the newest figures of its period (or
the newest of all): on a store of many stories, a figure stated in an older one, in the very words
asked ("potentially improper accounts"), was never read. Answering now also asks the database for
the figures whose sentences say the question's words: SQLite's FTS5 (an index over
``citations.quote``, which ingest keeps a document at a time: ``store.ingest.index_quotes``; triggers on
citations cost a bulk load of table rows half its insert time) and PostgreSQL's text search (a GIN index
of ``to_tsvector('simple', quote)``, which keeps itself). Prose only: a table row's words are its labels, which questions
find by name already, and indexing a million of them would slow a bulk load for nothing.
"""
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE citation_words USING fts5(quote, content='citations', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO citation_words (rowid, quote) SELECT id, quote FROM citations WHERE row IS NULL",
]
POSTGRESQL = [
    "CREATE INDEX citation_words_gin ON citations USING gin (to_tsvector('simple', quote)) WHERE row IS NULL",
]


def upgrade() -> None:
    for statement in SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRESQL:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE citation_words")
    else:
        op.execute("DROP INDEX citation_words_gin")
