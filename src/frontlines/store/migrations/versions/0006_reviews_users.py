"""users, reviews, reviewed_events: analysts' reviews kept across re-runs, users with hashed tokens

Reviews are their own records (the machine's events are never overwritten);
reviewed_events holds each reviewed event as its reviews say it is, in the
events table's listing columns, so that reads of reviewed events stay as fast
as reads of machine ones. Users carry a role and a salted scrypt hash of their
token. Issue 19.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def _listing_columns() -> list[sa.Column]:
    return [
        sa.Column('plover_type', sa.String(16)),
        sa.Column('acled_event_type', sa.String(48)),
        sa.Column('acled_sub_event_type', sa.String(64)),
        sa.Column('status', sa.String(16)),
        sa.Column('date', sa.Date),
        sa.Column('date_end', sa.Date),
        sa.Column('location', sa.Text),
        sa.Column('lat', sa.Float),
        sa.Column('lon', sa.Float),
        sa.Column('admin1', sa.Text),
        sa.Column('country', sa.String(3)),
        sa.Column('actor1', sa.Text),
        sa.Column('actor1_country', sa.String(3)),
        sa.Column('actor2', sa.Text),
        sa.Column('actor2_country', sa.String(3)),
        sa.Column('fatalities', sa.Integer),
        sa.Column('confidence', sa.Float),
        sa.Column('text', sa.Text),
        sa.Column('data', sa.JSON, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        'users',
        sa.Column('name', sa.String(64), primary_key=True),
        sa.Column('role', sa.String(16), nullable=False),
        sa.Column('token_id', sa.String(24), nullable=False, unique=True),
        sa.Column('token_hash', sa.String(128), nullable=False),
        sa.Column('salt', sa.String(64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True)),
        sa.Column('revoked_at', sa.DateTime(timezone=True)),
    )
    op.create_table(
        'reviews',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('event_key', sa.String(40), nullable=False),
        sa.Column('attached_key', sa.String(40)),
        sa.Column('article_id', sa.String(32), nullable=False),
        sa.Column('evidence_start', sa.Integer, nullable=False),
        sa.Column('evidence_end', sa.Integer, nullable=False),
        sa.Column('trigger', sa.Text),
        sa.Column('plover_type', sa.String(16)),
        sa.Column('verdict', sa.String(16), nullable=False),
        sa.Column('changes', sa.JSON, nullable=False),
        sa.Column('note', sa.Text),
        sa.Column('reviewer', sa.String(64), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_reviews_event_key', 'reviews', ['event_key'])
    op.create_index('ix_reviews_attached_key', 'reviews', ['attached_key'])
    op.create_index('ix_reviews_article_id', 'reviews', ['article_id'])
    op.create_table(
        'reviewed_events',
        sa.Column('key', sa.String(40), primary_key=True),
        sa.Column('article_id', sa.String(32), nullable=False),
        sa.Column('verdict', sa.String(16), nullable=False),
        sa.Column('reviewer', sa.String(64)),
        sa.Column('reviewed_at', sa.DateTime(timezone=True)),
        sa.Column('reviews', sa.Integer, nullable=False),
        *_listing_columns(),
    )
    op.create_index('ix_reviewed_events_article_id', 'reviewed_events', ['article_id'])
    op.create_index('ix_reviewed_events_verdict', 'reviewed_events', ['verdict'])
    op.create_index('ix_reviewed_events_date', 'reviewed_events', ['date'])


def downgrade() -> None:
    op.drop_table('reviewed_events')
    op.drop_table('reviews')
    op.drop_table('users')
