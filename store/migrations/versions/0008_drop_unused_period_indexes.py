"""drop the two period indexes no question uses

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

Every figure search names a location ("" = all locations): with a platform it walks
ix_figures_slice (platform, location, breakdown, period_start, period_end), without one
ix_figures_location_period (location, breakdown, period_start, period_end); a series reads one
fact's slice. ix_figures_period (period_end, period_start) and ix_figures_platform_period
(platform, period_end, period_start) predate those two (migration 0002) and no query plan
picks them any more (EXPLAIN QUERY PLAN on SQLite at a million figures), while every figure
ingested paid two more B-tree inserts: about a fifth of SQLite's CPU in a bulk CSV load,
and a third of PostgreSQL's COPY time into figures.
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_figures_period', table_name='figures')
    op.drop_index('ix_figures_platform_period', table_name='figures')


def downgrade() -> None:
    op.create_index('ix_figures_platform_period', 'figures', ['platform', 'period_end', 'period_start'])
    op.create_index('ix_figures_period', 'figures', ['period_end', 'period_start'])
