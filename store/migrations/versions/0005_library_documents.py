"""library_documents: the documents the bundled starter library added

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

``modstats library --refresh`` reloads the starter library after an upgrade: it removes the
documents the library added (and the figures only they state) and ingests the new library,
without touching what users ingested. This table names the library's documents; every
document stored before this migration is a user's.
"""
import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'library_documents',
        sa.Column('document_id', sa.Integer(), sa.ForeignKey('documents.id', ondelete='CASCADE'), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table('library_documents')
