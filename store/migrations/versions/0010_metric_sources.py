"""metric_sources: which publishers state each platform's metrics, in tables or in prose

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Answering tells a platform's own table rows from another organisation's table about it
(NCMEC's CyberTipline counts about Discord) by the metrics each publisher states for the
platform (bot/provenance.py). Read from the figures, that joined every figure of the platform to
its citations and documents: 77 ms for Facebook and 207 ms for TikTok at a million figures, the
first time a platform came up in a process. Ingest now records the (platform, metric, publisher,
table row or not) it stores here, a few hundred rows, as figure_names does for the names.
"""
import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'metric_sources',
        sa.Column('platform', sa.String(length=100), nullable=False),
        sa.Column('metric', sa.String(length=300), nullable=False),
        sa.Column('publisher', sa.String(length=300), nullable=False),
        sa.Column('is_row', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('platform', 'metric', 'publisher', 'is_row'),
    )
    op.execute(
        "INSERT INTO metric_sources (platform, metric, publisher, is_row) "
        "SELECT DISTINCT f.platform, f.metric, COALESCE(d.publisher, ''), c.row IS NOT NULL FROM figures f "
        "JOIN citations c ON c.figure_id = f.id JOIN documents d ON d.id = c.document_id"
    )


def downgrade() -> None:
    op.drop_table('metric_sources')
