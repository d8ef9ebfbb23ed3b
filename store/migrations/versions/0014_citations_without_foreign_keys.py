"""citations keep their figure and document ids without foreign-key constraints

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

A citation is written only by ingest, in the transaction that writes its figure and its
document, and removed only with them (``store.library.remove``, in one transaction). The two
foreign keys checked every citation again: on PostgreSQL each is a trigger per row that reads
the referenced row and locks it (FOR KEY SHARE, a heap write and a WAL record), 30% of the
server's work in a million-row CSV load (40,300 rows/s with them, 57,300 without). Nothing
deleted figures or documents through their cascades any more. What they guaranteed is now
tested: after ingest, re-ingest, refresh and removal, every citation's figure and document
exist (tests/test_store.py). On SQLite the table is rebuilt (Alembic's batch mode), with
foreign keys off so the rebuild cascades nothing (see ``store.db.migrate``).
"""
import sqlalchemy as sa
from alembic import op


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# SQLite's foreign keys have no names: batch mode names them by this convention to drop them
NAMING = {"fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"}
REFERENCES = (("figure_id", "figures"), ("document_id", "documents"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table('citations', naming_convention=NAMING) as batch_op:
            for column, table in REFERENCES:
                batch_op.drop_constraint(f"fk_citations_{column}_{table}", type_="foreignkey")
        return
    for fk in sa.inspect(op.get_bind()).get_foreign_keys('citations'):
        if fk["referred_table"] in ("figures", "documents"):
            op.drop_constraint(fk["name"], 'citations', type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table('citations') as batch_op:
        for column, table in REFERENCES:
            batch_op.create_foreign_key(f"citations_{column}_fkey", table, [column], ['id'], ondelete='CASCADE')
