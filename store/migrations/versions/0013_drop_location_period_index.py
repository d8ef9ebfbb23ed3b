"""drop ix_figures_location_period: a search with no platform goes platform by platform

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

A search that names no platform walked ix_figures_location_period (location, breakdown,
period_start, period_end). figure_slices (0012) lists the platforms with figures of each place
and policy, so such a search now searches each of them along ix_figures_slice, as a search of
several platforms already did. The index no query uses any more cost every figure ingested a
B-tree insert: about 5% of a million-row CSV load on SQLite, 7% of the server's work on
PostgreSQL.
"""
from alembic import op


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_figures_location_period', table_name='figures')


def downgrade() -> None:
    op.create_index('ix_figures_location_period', 'figures', ['location', 'breakdown', 'period_start', 'period_end'])
