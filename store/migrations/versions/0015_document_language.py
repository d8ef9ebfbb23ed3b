"""documents.language: the language a prose document is written in

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

Answering needs it: an English word of a question cannot be looked for in a German article,
so there it is unknown rather than absent (``bot.engine._evidence``). Ingest tells it from the
document's text (``store.ingest.language``); this tells it for the prose documents already
stored, from the text they keep.
"""
import sqlalchemy as sa
from alembic import op


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('documents', sa.Column('language', sa.String(length=12), server_default='', nullable=False))
    from store.ingest.language import language_of, release

    conn = op.get_bind()
    documents = sa.table('documents', sa.column('id', sa.Integer), sa.column('text', sa.Text), sa.column('language', sa.String))
    ids = conn.execute(sa.select(documents.c.id).where(documents.c.text.is_not(None))).scalars().all()
    for start in range(0, len(ids), 200):  # a few texts in memory at a time
        batch = sa.select(documents.c.id, documents.c.text).where(documents.c.id.in_(ids[start : start + 200]))
        for id_, text in conn.execute(batch).all():
            conn.execute(documents.update().where(documents.c.id == id_).values(language=language_of(text)))
    if ids:  # the model was loaded to tell them: the migrated process does not keep it (a new store loads none)
        release()


def downgrade() -> None:
    with op.batch_alter_table('documents') as batch:
        batch.drop_column('language')
