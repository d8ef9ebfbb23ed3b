"""figure_names: the distinct names stored figures use, for the vocabulary

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Every process that answers builds its vocabulary from the distinct platforms, metrics,
policies, locations and breakdowns of the stored figures. Metric and policy have no index (one
per figure would slow every ingest), so each start scanned the whole figures table: 40 ms of a
`modstats ask` with the starter library, about half a second at a million figures. Ingest now
records the names it stores here (a few hundred rows), and the vocabulary reads them.
"""
import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

COLUMNS = ('platform', 'metric', 'policy', 'location', 'breakdown')


def upgrade() -> None:
    op.create_table(
        'figure_names',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'name'),
    )
    for column in COLUMNS:
        op.execute(f"INSERT INTO figure_names (kind, name) SELECT DISTINCT '{column}', {column} FROM figures "
                   f"WHERE {column} <> ''")


def downgrade() -> None:
    op.drop_table('figure_names')
