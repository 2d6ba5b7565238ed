"""Alembic environment: the connection is handed in by Store.migrate()."""

from __future__ import annotations

from alembic import context

from frontlines.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` run by hand: use the URL in the config
    from sqlalchemy import create_engine

    from frontlines.errors import StoreError

    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:  # create_engine(None) would fail with a less helpful message
        raise StoreError("no connection was handed in and the Alembic config sets no sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
