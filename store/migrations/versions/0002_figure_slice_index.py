"""index for the question shape: platform, location, breakdown, period

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

A question is answered from the figures of one platform (when named), one location ("" = all
locations) and one breakdown ("" = none), starting in the month asked about. With millions of
table rows (every market of every TikTok snapshot) the platform/period index alone leaves
thousands of rows to filter per question; this one goes straight to the slice.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_figures_slice', 'figures', ['platform', 'location', 'breakdown', 'period_start', 'period_end'])
    op.create_index('ix_figures_location_period', 'figures', ['location', 'breakdown', 'period_start', 'period_end'])


def downgrade() -> None:
    op.drop_index('ix_figures_location_period', table_name='figures')
    op.drop_index('ix_figures_slice', table_name='figures')
