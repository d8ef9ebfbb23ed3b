"""drop the metric index: no question filters figures by metric

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Questions find figures by platform, location, breakdown and period (ix_figures_slice,
ix_figures_location_period, ix_figures_platform_period, ix_figures_period); the metric is
matched in Python among those candidates. ix_figures_metric served only ``SELECT DISTINCT
metric`` when the vocabulary is rebuilt after new documents, which a scan of the table does
too (as it already does for policies and breakdowns), while every figure ingested paid for
one more B-tree insert: about a tenth of the write work of a CSV ingest.
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_figures_metric', table_name='figures')


def downgrade() -> None:
    op.create_index('ix_figures_metric', 'figures', ['metric'])
