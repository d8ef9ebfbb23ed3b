"""documents.origin: who added a document ("library" for the bundled starter library)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

``modstats library --refresh`` reloads the starter library after an upgrade: it removes the
documents the library added (and the figures only they state) and ingests the new library,
without touching what users ingested. The column tells the two apart; NULL is a user's
document (every document stored before this migration).
"""
import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('documents', sa.Column('origin', sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('documents') as batch:
        batch.drop_column('origin')
