"""control changes: article, event, region and area columns

Each stored control change is one report (one event of one article) so that a
re-processed article replaces exactly its own changes, and the state on a date
can be filtered by region in SQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('control_changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('article_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('event_key', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('admin1', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('country', sa.String(length=3), nullable=True))
        batch_op.add_column(sa.Column('area', sa.Boolean(), nullable=True))
        batch_op.create_index(batch_op.f('ix_control_changes_article_id'), ['article_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('control_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_control_changes_article_id'))
        batch_op.drop_column('area')
        batch_op.drop_column('country')
        batch_op.drop_column('admin1')
        batch_op.drop_column('event_key')
        batch_op.drop_column('article_id')
