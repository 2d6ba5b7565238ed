"""feeds and feed_entries: what the watcher polls and what it has ingested; articles.url indexed

A feed's state (last poll, HTTP status, ETag / Last-Modified for the next
conditional GET, the last failure with its code, counts) lives in ``feeds``;
``feed_entries`` keeps each entry already ingested (or given up on), so a feed
polled again gives nothing twice, and an entry whose page could not be fetched
yet (``done`` false) is tried again. ``articles.url`` is indexed so that an
entry whose page is already stored (from another feed) is not fetched again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'feeds',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('url', sa.Text, nullable=False, unique=True),
        sa.Column('title', sa.Text),
        sa.Column('added_at', sa.DateTime(timezone=True)),
        sa.Column('polled_at', sa.DateTime(timezone=True)),
        sa.Column('status', sa.Integer),
        sa.Column('etag', sa.Text),
        sa.Column('last_modified', sa.Text),
        sa.Column('error_code', sa.String(8)),
        sa.Column('error', sa.Text),
        sa.Column('failures', sa.Integer, nullable=False, server_default='0'),
        sa.Column('entries_seen', sa.Integer, nullable=False, server_default='0'),
        sa.Column('articles', sa.Integer, nullable=False, server_default='0'),
        sa.Column('new_at', sa.DateTime(timezone=True)),
    )
    op.create_table(
        'feed_entries',
        sa.Column('feed_id', sa.Integer, sa.ForeignKey('feeds.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('key_hash', sa.String(40), primary_key=True),
        sa.Column('url', sa.Text),
        sa.Column('article_id', sa.String(32)),
        sa.Column('done', sa.Boolean, nullable=False),
        sa.Column('tries', sa.Integer, nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True)),
    )
    op.create_index('ix_articles_url', 'articles', ['url'])


def downgrade() -> None:
    op.drop_index('ix_articles_url', table_name='articles')
    op.drop_table('feed_entries')
    op.drop_table('feeds')
