"""control_reviews, incident_reviews: analysts' reviews of changes of control and of incidents

A change of control is confirmed, rejected or corrected (side, date) by its
id and by its settlement, side and date as reviewed; the review is applied
whenever a timeline is built, so it holds across re-runs. Merges and splits
of incidents are kept as records naming event keys, which every merge of
incidents honours (incidents/merge.py), so they survive `run --again` and the
after-run re-merge. Neither table is joined into machine output. Issue 19.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'control_reviews',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('control_id', sa.String(40), nullable=False),
        sa.Column('settlement', sa.Text, nullable=False),
        sa.Column('to_side', sa.String(64), nullable=False),
        sa.Column('date', sa.Date),
        sa.Column('verdict', sa.String(16), nullable=False),
        sa.Column('new_side', sa.String(64)),
        sa.Column('new_date', sa.Date),
        sa.Column('note', sa.Text),
        sa.Column('reviewer', sa.String(64), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_control_reviews_control_id', 'control_reviews', ['control_id'])
    op.create_table(
        'incident_reviews',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('action', sa.String(16), nullable=False),
        sa.Column('event_keys', sa.JSON, nullable=False),
        sa.Column('rest', sa.JSON, nullable=False),
        sa.Column('incident_ids', sa.JSON, nullable=False),
        sa.Column('note', sa.Text),
        sa.Column('reviewer', sa.String(64), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table('incident_reviews')
    op.drop_table('control_reviews')
