"""alerts, alert_marks, alert_deliveries; incidents.seq: saved filters, what each has sent, the page's cursor

``alerts`` holds the saved filters and their sink with delivery counters;
``alert_marks`` is each alert's delivered-marker: one row per thing it sent
(an incident's member events, a control change's identity) with the state it
was sent in, so nothing is sent twice, across restarts; ``alert_deliveries``
logs each delivery tried (sent or failed, with its coded error).
``incidents.seq`` numbers incidents as they are stored (indexed), so that
"what changed since" (GET /api/changes) is a range count on an index, like
events.id and control_changes.id. Issue 18 items 3 and 4.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'alerts',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('name', sa.String(64), nullable=False, unique=True),
        sa.Column('sink', sa.Text, nullable=False),
        sa.Column('filters', sa.JSON, nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True)),
        sa.Column('delivered', sa.Integer, nullable=False, server_default='0'),
        sa.Column('failed', sa.Integer, nullable=False, server_default='0'),
        sa.Column('last_error_code', sa.String(8)),
        sa.Column('last_error', sa.Text),
        sa.Column('last_at', sa.DateTime(timezone=True)),
    )
    op.create_table(
        'alert_marks',
        sa.Column('alert_id', sa.Integer, sa.ForeignKey('alerts.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('subject', sa.String(80), primary_key=True),
        sa.Column('fingerprint', sa.Text, nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        'alert_deliveries',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('alert_id', sa.Integer, sa.ForeignKey('alerts.id', ondelete='CASCADE'), nullable=False),
        sa.Column('subject', sa.String(80), nullable=False),
        sa.Column('change', sa.String(16), nullable=False),
        sa.Column('state', sa.String(16), nullable=False),
        sa.Column('tries', sa.Integer, nullable=False),
        sa.Column('error_code', sa.String(8)),
        sa.Column('error', sa.Text),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_alert_deliveries_alert_id', 'alert_deliveries', ['alert_id'])
    with op.batch_alter_table('incidents') as batch:
        batch.add_column(sa.Column('seq', sa.Integer))
    op.create_index('ix_incidents_seq', 'incidents', ['seq'])


def downgrade() -> None:
    op.drop_index('ix_incidents_seq', table_name='incidents')
    with op.batch_alter_table('incidents') as batch:
        batch.drop_column('seq')
    op.drop_index('ix_alert_deliveries_alert_id', table_name='alert_deliveries')
    op.drop_table('alert_deliveries')
    op.drop_table('alert_marks')
    op.drop_table('alerts')
