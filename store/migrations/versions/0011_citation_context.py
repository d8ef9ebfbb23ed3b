"""citations.context: the text just before a prose quote, kept with the citation

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Answering weighs the words just before a quote (its heading, the sentence before: what "Of
those, 6.7 million were flagged" refers to). Read from the document at answer time, that was
``substr(documents.text, ...)`` for every citation of every candidate: SQLite reads a long
document's whole text up to the quote for each, 223 ms of a 241 ms citation read for 50
candidates on a prose-heavy store (10,000 fuzz documents). Ingest now keeps those 300
characters with the citation; this fills them in for the citations already stored.
"""
import sqlalchemy as sa
from alembic import op


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('citations', sa.Column('context', sa.Text(), server_default='', nullable=False))
    op.execute(
        "UPDATE citations SET context = (SELECT substr(d.text, "
        "CASE WHEN citations.quote_start > 300 THEN citations.quote_start - 299 ELSE 1 END, "
        "CASE WHEN citations.quote_start > 300 THEN 300 ELSE citations.quote_start END) "
        "FROM documents d WHERE d.id = citations.document_id) "
        "WHERE citations.row IS NULL AND citations.quote_start > 0"
    )


def downgrade() -> None:
    with op.batch_alter_table('citations') as batch:
        batch.drop_column('context')
