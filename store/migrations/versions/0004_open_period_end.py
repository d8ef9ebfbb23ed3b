"""a figure's period may be open: period_end NULL when the end is unknown

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

"Since mid-2015" in a document with no publication date states a start and no end; such a
figure is kept with the end unknown instead of being refused (or crashing the ingest). On
SQLite the table is rebuilt (Alembic's batch mode) inside the migration's one transaction,
with foreign keys off so the rebuild cascades nothing (see ``store.db.migrate``).
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('figures') as batch_op:
        batch_op.alter_column('period_end', existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table('figures') as batch_op:
        batch_op.alter_column('period_end', existing_type=sa.Date(), nullable=False)
