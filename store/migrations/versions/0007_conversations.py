"""conversations: the previous question per Slack thread or DM, for follow-ups

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-26

"and H1?" or "what about Instagram?" in a thread is read with the thread's previous question.
One row per (team, channel, thread), replaced by each new question there, ignored and cleared
after a day.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'conversations',
        sa.Column('id', sa.Integer(), primary_key=True),
        sa.Column('team_id', sa.String(length=40), nullable=False, server_default=''),
        sa.Column('channel_id', sa.String(length=40), nullable=False),
        sa.Column('thread_ts', sa.String(length=40), nullable=False, server_default=''),
        sa.Column('question', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.UniqueConstraint('team_id', 'channel_id', 'thread_ts', name='uq_conversation_thread'),
    )
    op.create_index('ix_conversations_updated', 'conversations', ['updated_at'])


def downgrade() -> None:
    op.drop_index('ix_conversations_updated', table_name='conversations')
    op.drop_table('conversations')
