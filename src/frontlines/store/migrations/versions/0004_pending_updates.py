"""pending_updates: the cross-article update queue (incidents, then control)

An article's extractions and its row here are written in one transaction; the
after-run step (incidents, then control) drains the queue and is idempotent, so
a run killed between saving extractions and merging them leaves the work
recorded, and the next run or serve finishes it first. Articles already
processed when this migration runs are queued too: their cross-article state
may be incomplete, and re-merging them changes nothing if it is not.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'pending_updates',
        sa.Column('article_id', sa.String(32), primary_key=True),
        sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.execute(
        "INSERT INTO pending_updates (article_id, queued_at) "
        "SELECT article_id, COALESCE(processed_at, CURRENT_TIMESTAMP) FROM extractions"
    )


def downgrade() -> None:
    op.drop_table('pending_updates')
