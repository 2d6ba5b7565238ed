"""SqlStore: the store over SQLite or PostgreSQL (SQLAlchemy Core), composed of one part per resource.

Each part is a module of this package: articles (and rejections), extractions,
events, incidents, control, the cross-article update queue (updates.py), the
feeds the watcher polls (feeds.py), analysts' reviews of events (reviews.py) and of
changes of control and incidents (group_reviews.py), users with their hashed tokens
(users.py), alerts with their delivered-markers (alerts.py) and the "changed since" cursor
(changes.py);
records become rows and back only in mapping.py.
Callers type against the :class:`~frontlines.store.protocol.Store` protocol and
get a store from :func:`open_store`.

Writes are per-article transactions: an article and all its extractions land
together or not at all, so a crash or Ctrl-C never leaves half an article.
Re-running the same input is idempotent (ids are content hashes; extractions
of an article are replaced as a whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from frontlines.errors import StoreError
from frontlines.store import schema as t
from frontlines.store.alerts import Alerts
from frontlines.store.articles import Articles
from frontlines.store.changes import Changes
from frontlines.store.control import ControlChanges
from frontlines.store.events import Events
from frontlines.store.extractions import Extractions
from frontlines.store.feeds import Feeds
from frontlines.store.group_reviews import GroupReviews
from frontlines.store.incidents import Incidents
from frontlines.store.protocol import Store
from frontlines.store.reviews import Reviews
from frontlines.store.updates import Updates
from frontlines.store.users import Users

MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(db: str | Path) -> str:
    """A path or URL to a SQLAlchemy URL (postgresql:// uses psycopg 3)."""
    db = str(db)
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_store(db: str | Path, *, migrate: bool = True) -> SqlStore:
    """Open (and by default create or upgrade) the store at a path or URL."""
    url = resolve_url(db)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = SqlStore(engine)
        if migrate:
            store.migrate()
        return store
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        raise StoreError(f"{db}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc


class SqlStore(Articles, Extractions, Events, Incidents, ControlChanges, Updates, Feeds, Reviews, GroupReviews, Users,
               Alerts, Changes):
    """All reads and writes of frontlines data. Construct with :func:`open_store`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # -- schema -----------------------------------------------------------
    def migrate(self) -> None:
        """Create or upgrade the schema to the newest migration (Alembic)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def schema_version(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    # -- stats ----------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts of articles by status, rejections by code, extractions by kind, incidents and control changes."""
        out: dict[str, Any] = {}
        with self.engine.connect() as conn:
            out["articles"] = int(conn.execute(select(func.count()).select_from(t.articles)).scalar() or 0)
            out["articles_by_status"] = {
                r[0]: r[1] for r in conn.execute(select(t.articles.c.status, func.count()).group_by(t.articles.c.status))
            }
            out["near_duplicates"] = int(
                conn.execute(select(func.count()).where(t.articles.c.duplicate_of.is_not(None))).scalar() or 0
            )
            out["words"] = int(conn.execute(select(func.coalesce(func.sum(t.articles.c.words), 0))).scalar() or 0)
            out["rejections"] = int(conn.execute(select(func.count()).select_from(t.rejections)).scalar() or 0)
            out["rejections_by_code"] = {
                r[0]: r[1] for r in conn.execute(select(t.rejections.c.code, func.count()).group_by(t.rejections.c.code))
            }
            for kind, table in t.EXTRACTION_TABLES.items():
                out[kind] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
            out["events_by_type"] = {
                r[0]: r[1]
                for r in conn.execute(select(t.events.c.plover_type, func.count()).group_by(t.events.c.plover_type))
            }
            # Cross-article state, so that a run that stopped before merging shows here.
            out["incidents"] = int(conn.execute(select(func.count()).select_from(t.incidents)).scalar() or 0)
            out["control_changes"] = int(conn.execute(select(func.count()).select_from(t.control_changes)).scalar() or 0)
            out["cross_article_pending"] = int(
                conn.execute(select(func.count()).select_from(t.pending_updates)).scalar() or 0)
            out["feeds"] = int(conn.execute(select(func.count()).select_from(t.feeds)).scalar() or 0)
            out["alerts"] = int(conn.execute(select(func.count()).select_from(t.alerts)).scalar() or 0)
            out["reviews"] = int(conn.execute(select(func.count()).select_from(t.reviews)).scalar() or 0)
            out["reviews_orphaned"] = int(conn.execute(
                select(func.count()).select_from(t.reviews).where(t.reviews.c.attached_key.is_(None))).scalar() or 0)
        return out


def _implements_protocol(store: SqlStore) -> Store:
    """mypy checks here that SqlStore provides every method of the Store protocol."""
    return store
