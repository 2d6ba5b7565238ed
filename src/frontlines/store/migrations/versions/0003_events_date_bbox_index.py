"""events: covering index (date, lat, lon) for bounding-box + date queries

The API's map queries filter on a date range and a bounding box together; with
this index SQLite answers them from the index alone and reads only the matching
rows (see Store._event_query and bench/api.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_events_date_lat_lon', 'events', ['date', 'lat', 'lon'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_date_lat_lon', table_name='events')
