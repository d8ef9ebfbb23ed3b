"""figure_slices: the policies each (platform, place, breakdown) slice of the figures states

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

A search of a platform's figures for a policy with no period walks the platform's slice index
newest first and keeps the rows of that policy. When the platform never states the policy the
walk reads the whole slice before it finds nothing: 11 ms for each Meta platform among a million
figures, and a question's suggestions try several (one fuzz question took 101 ms). Ingest now
records each slice's policies here, a few thousand rows, as figure_names does for the names; a
search reads it first and walks only the slices that hold the policy.
"""
import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'figure_slices',
        sa.Column('platform', sa.String(length=100), nullable=False),
        sa.Column('location', sa.String(length=100), nullable=False),
        sa.Column('breakdown', sa.String(length=300), nullable=False),
        sa.Column('policy', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'location', 'breakdown', 'policy'),
    )
    op.execute("INSERT INTO figure_slices (platform, location, breakdown, policy) "
               "SELECT DISTINCT platform, location, breakdown, policy FROM figures")


def downgrade() -> None:
    op.drop_table('figure_slices')
