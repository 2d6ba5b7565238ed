"""Store: articles, rejections, extractions, events; SQLite or PostgreSQL via SQLAlchemy Core.

Writes are per-article transactions: an article and all its extractions land
together or not at all, so a crash or Ctrl-C never leaves half an article.
Re-running the same input is idempotent (ids are content hashes; extractions
of an article are replaced as a whole).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from frontlines.errors import NotFound, StoreError
from frontlines.records import (
    Article,
    ArticleStatus,
    Event,
    Extraction,
    Rejection,
    from_dict,
    to_dict,
)
from frontlines.store import schema as t
from frontlines.time.periods import iso_period

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


def open_store(db: str | Path, *, migrate: bool = True) -> "Store":
    """Open (and by default create or upgrade) the store at a path or URL."""
    url = resolve_url(db)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = Store(engine)
        if migrate:
            store.migrate()
        return store
    except (OperationalError, SQLAlchemyError, OSError) as exc:
        raise StoreError(f"{db}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleFilter:
    status: str | None = None
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    plover_type: str | None = None
    acled_type: str | None = None  # event_type or sub_event_type
    actor: str | None = None
    country: str | None = None
    side: str | None = None
    place: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None
    article_id: str | None = None
    sort: str = "date"  # date, -date, confidence, -confidence
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    since: dt.date | None = None  # the incident's dates overlap [since, until]
    until: dt.date | None = None
    corroboration: str | None = None
    plover_type: str | None = None
    min_reports: int = 1
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north; holds its point
    members: EventFilter | None = None  # at least one member event matches (its sort/limit/offset ignored)
    limit: int = 100
    offset: int = 0


def event_key(article_id: str, seq: int, ev: Event) -> str:
    """A stable key for an event: the article, its order in the article, and its span and type."""
    raw = f"{article_id}:{seq}:{ev.evidence.start}:{ev.evidence.end}:{ev.plover_type}:{ev.trigger}"
    return hashlib.sha1(raw.encode()).hexdigest()


def _article_row(a: Article, *, words: int | None = None, signature: bytes | None = None) -> dict[str, Any]:
    return {
        "id": a.id,
        "url": a.url,
        "source": a.source,
        "title": a.title,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "ingested_at": a.ingested_at,
        "duplicate_of": a.duplicate_of,
        "status": a.status.value,
        "skip_reason": a.skip_reason,
        "origin": a.origin,
        "words": words if words is not None else len(a.text.split()),
        "signature": signature,
    }


def _row_article(row: Any) -> Article:
    published = row.published
    ingested = row.ingested_at
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        source=row.source,
        published=published,
        language=row.language,
        ingested_at=ingested,
        duplicate_of=row.duplicate_of,
        status=ArticleStatus(row.status),
        skip_reason=row.skip_reason,
        origin=row.origin,
    )


def _fatalities(ev: Event) -> int | None:
    killed = [q for q in ev.quantities if q.kind == "killed"]
    if not killed:
        return None
    q = killed[0]
    value = q.value if q.value is not None else q.low
    return int(value) if value is not None else None


def _actor_cols(actors: Sequence[Any]) -> tuple[str | None, str | None]:
    if not actors:
        return None, None
    return actors[0].name, actors[0].country


def event_date(time: Any) -> dt.date | None:
    """The one date an event is listed under (ACLED's event_date): the day the time value names
    when it names one (with the interval and granularity kept beside it, as ACLED keeps
    time_precision), else the start of its interval ("in March" -> the 1st)."""
    if time is None:
        return None
    value = time.value or ""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return time.start


def _event_row(article_id: str, seq: int, ev: Event) -> dict[str, Any]:
    place = ev.place
    time = ev.time
    a1, a1c = _actor_cols(ev.sources)
    a2, a2c = _actor_cols(ev.targets)
    return {
        "article_id": article_id,
        "seq": seq,
        "start": ev.evidence.start,
        "end": ev.evidence.end,
        "key": event_key(article_id, seq, ev),
        "plover_type": ev.plover_type,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "status": ev.status.value,
        "date": event_date(time),
        "date_end": time.end if time else None,
        "location": (place.name or place.text) if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "actor1": a1,
        "actor1_country": a1c,
        "actor2": a2,
        "actor2_country": a2c,
        "fatalities": _fatalities(ev),
        "confidence": ev.confidence,
        "text": ev.evidence.text,
        "data": to_dict(ev),
    }


def _span_row(article_id: str, seq: int, rec: Any) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "seq": seq,
        "start": rec.evidence.start,
        "end": rec.evidence.end,
        "data": to_dict(rec),
    }


def _rows_for(kind: str, article_id: str, records: Sequence[Any]) -> list[dict[str, Any]]:
    rows = []
    for seq, rec in enumerate(records):
        if kind == "events":
            rows.append(_event_row(article_id, seq, rec))
            continue
        row = _span_row(article_id, seq, rec)
        if kind == "places":
            row.update(
                text=rec.text, name=rec.name, gazetteer_id=rec.gazetteer_id,
                kind=rec.kind.value if rec.kind else None, lat=rec.lat, lon=rec.lon,
                admin1=rec.admin1, country=rec.country,
                precision=rec.precision.value if rec.precision else None, metonymic=rec.metonymic,
            )
        elif kind == "times":
            row.update(text=rec.text, type=rec.type.value, value=rec.value)
        elif kind == "quantities":
            row.update(kind=rec.kind, value=rec.value if rec.value is not None else rec.low)
        elif kind == "actors":
            row.update(text=rec.text, name=rec.name, country=rec.country, sector=rec.sector.value, side=rec.side)
        elif kind == "quotes":
            row.update(
                speaker=rec.speaker.name if rec.speaker else rec.speaker_text,
                direct=rec.direct, medium=rec.medium,
            )
        rows.append(row)
    return rows


def extraction_rows(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    """The table rows of one article's extractions, by kind (also used for Parquet output)."""
    aid = extraction.article_id
    return {kind: _rows_for(kind, aid, getattr(extraction, kind)) for kind in t.EXTRACTION_TABLES}


def article_row(article: Article) -> dict[str, Any]:
    """The table row of one article (without the near-duplicate signature)."""
    return _article_row(article)


def _in_bbox(lat: Any, lon: Any, bbox: tuple[float, float, float, float]) -> Any:
    """A point (lat, lon columns) inside a (west, south, east, north) box."""
    west, south, east, north = bbox
    return and_(lat >= south, lat <= north, lon >= west, lon <= east)


_IN_CHUNK = 500  # ids per IN (...) list: SQLite and PostgreSQL (65,535) bound a statement's parameters


def _chunked(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _queue_updates(conn: Any, article_ids: Sequence[str], now: dt.datetime) -> None:
    """Queue these articles for the cross-article update, in the caller's transaction."""
    for chunk in _chunked(list(article_ids), _IN_CHUNK):
        conn.execute(delete(t.pending_updates).where(t.pending_updates.c.article_id.in_(chunk)))
    conn.execute(insert(t.pending_updates), [{"article_id": aid, "queued_at": now} for aid in article_ids])


class Store:
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

    # -- articles ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(t.articles.c.id == article_id)).first() is not None

    def add_article(self, article: Article, *, signature: bytes | None = None) -> bool:
        """Insert one article; False when an article with the same id is already stored."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.articles).values(**_article_row(article, signature=signature)))
            return True
        except IntegrityError:
            return False

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, MinHash signature) of every stored original (for rebuilding the LSH index)."""
        q = select(t.articles.c.id, t.articles.c.signature).where(
            t.articles.c.signature.is_not(None), t.articles.c.duplicate_of.is_(None)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                yield row.id, row.signature

    def get_article(self, article_id: str) -> Article:
        """One article by id, or by an unambiguous id prefix."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.articles).where(t.articles.c.id.like(f"{_escape_like(article_id)}%", escape="\\")).limit(2)
            ).all()
        exact = [r for r in rows if r.id == article_id]
        if exact:
            return _row_article(exact[0])
        if len(rows) != 1:
            raise NotFound(f"article {article_id!r}" + (" (ambiguous prefix)" if rows else ""))
        return _row_article(rows[0])

    def list_articles(self, f: ArticleFilter = ArticleFilter()) -> list[Article]:
        q = select(t.articles)
        if f.status:
            q = q.where(t.articles.c.status == f.status)
        if f.source:
            q = q.where(t.articles.c.source == f.source)
        if f.since:
            q = q.where(t.articles.c.published >= f.since)
        if f.until:
            q = q.where(t.articles.c.published <= f.until)
        if f.text:
            like = f"%{_escape_like(f.text)}%"
            q = q.where(or_(t.articles.c.title.ilike(like, escape="\\"), t.articles.c.text.ilike(like, escape="\\")))
        q = q.order_by(t.articles.c.published.desc(), t.articles.c.id).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [_row_article(r) for r in conn.execute(q)]

    def iter_articles(self, *, status: str | None = None, batch: int = 500) -> Iterator[Article]:
        """Every article (optionally of one status), streamed in id order."""
        last = ""
        while True:
            q = select(t.articles).where(t.articles.c.id > last)
            if status:
                q = q.where(t.articles.c.status == status)
            q = q.order_by(t.articles.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                yield _row_article(r)
            last = rows[-1].id

    def pending_ids(self) -> list[str]:
        q = select(t.articles.c.id).where(t.articles.c.status == ArticleStatus.PENDING.value).order_by(t.articles.c.id)
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(q)]

    def get_articles(self, ids: Sequence[str]) -> list[Article]:
        if not ids:
            return []
        with self.engine.connect() as conn:
            rows = {r.id: r for chunk in _chunked(list(ids), _IN_CHUNK)
                    for r in conn.execute(select(t.articles).where(t.articles.c.id.in_(list(chunk))))}
        return [_row_article(rows[i]) for i in ids if i in rows]

    def set_status(self, article_id: str, status: ArticleStatus, reason: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(t.articles).where(t.articles.c.id == article_id).values(status=status.value, skip_reason=reason)
            )

    def reset_status(self, *, from_status: str | None = None) -> int:
        """Mark articles pending again (all processed/failed ones, or one status), for a re-run."""
        q = update(t.articles).where(t.articles.c.status != ArticleStatus.SKIPPED.value)
        if from_status:
            q = q.where(t.articles.c.status == from_status)
        with self.engine.begin() as conn:
            return conn.execute(q.values(status=ArticleStatus.PENDING.value, skip_reason=None)).rowcount

    # -- rejections ---------------------------------------------------------
    def add_rejection(self, rej: Rejection) -> bool:
        """Keep a rejected input; the same origin+code+message is stored once."""
        fp = hashlib.sha256(f"{rej.origin}\x00{rej.code}\x00{rej.message}".encode()).hexdigest()
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(t.rejections).values(
                        origin=rej.origin, code=rej.code, message=rej.message,
                        at=rej.at or dt.datetime.now(dt.timezone.utc), fingerprint=fp,
                    )
                )
            return True
        except IntegrityError:
            return False

    def list_rejections(self, limit: int = 100) -> list[Rejection]:
        q = select(t.rejections).order_by(t.rejections.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [Rejection(origin=r.origin, code=r.code, message=r.message, at=r.at) for r in conn.execute(q)]

    # -- extractions ----------------------------------------------------------
    def save_extraction(self, extraction: Extraction) -> None:
        """Replace an article's extractions and mark it processed, in one transaction."""
        aid = extraction.article_id
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as conn:
            self._delete_extraction(conn, aid)
            for kind, table in t.EXTRACTION_TABLES.items():
                rows = _rows_for(kind, aid, getattr(extraction, kind))
                if rows:
                    conn.execute(insert(table), rows)
            conn.execute(
                insert(t.extractions).values(
                    article_id=aid, stages=[to_dict(s) for s in extraction.stages], processed_at=now
                )
            )
            _queue_updates(conn, [aid], now)
            conn.execute(
                update(t.articles).where(t.articles.c.id == aid).values(
                    status=ArticleStatus.PROCESSED.value, skip_reason=None
                )
            )

    def save_extractions(self, extractions: Iterable[Extraction]) -> int:
        """Several articles' extractions; each article is its own transaction."""
        n = 0
        for ex in extractions:
            self.save_extraction(ex)
            n += 1
        return n

    def save_extractions_bulk(self, extractions: Sequence[Extraction]) -> int:
        """Several articles' extractions in ONE transaction, one multi-row insert per table.

        All or nothing: a crash leaves every article of the batch as it was (still
        pending), never half-written. Replaces earlier extractions of these articles.
        """
        if not extractions:
            return 0
        ids = [ex.article_id for ex in extractions]
        now = dt.datetime.now(dt.timezone.utc)
        rows = {kind: [] for kind in t.EXTRACTION_TABLES}  # type: dict[str, list[dict[str, Any]]]
        for ex in extractions:
            for kind, kind_rows in extraction_rows(ex).items():
                rows[kind].extend(kind_rows)
        with self.engine.begin() as conn:
            for chunk in _chunked(ids, _IN_CHUNK):  # bound the IN list
                for table in t.EXTRACTION_TABLES.values():
                    conn.execute(delete(table).where(table.c.article_id.in_(chunk)))
                conn.execute(delete(t.extractions).where(t.extractions.c.article_id.in_(chunk)))
            for kind, table in t.EXTRACTION_TABLES.items():
                if rows[kind]:
                    conn.execute(insert(table), rows[kind])
            conn.execute(insert(t.extractions), [
                {"article_id": ex.article_id, "stages": [to_dict(s) for s in ex.stages], "processed_at": now}
                for ex in extractions
            ])
            for chunk in _chunked(ids, _IN_CHUNK):
                conn.execute(
                    update(t.articles).where(t.articles.c.id.in_(chunk)).values(
                        status=ArticleStatus.PROCESSED.value, skip_reason=None
                    )
                )
            _queue_updates(conn, ids, now)
        return len(extractions)

    # -- the cross-article update queue ----------------------------------------
    def pending_update_ids(self, limit: int | None = None) -> list[str]:
        """Articles whose extractions are stored but not yet merged into incidents and control, oldest first."""
        q = select(t.pending_updates.c.article_id).order_by(t.pending_updates.c.queued_at,
                                                            t.pending_updates.c.article_id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(q)]

    def count_pending_updates(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.pending_updates)).scalar() or 0)

    def clear_pending_updates(self, article_ids: Sequence[str]) -> None:
        """Drop these articles from the queue, once their incidents and control are stored."""
        with self.engine.begin() as conn:
            for chunk in _chunked(list(article_ids), _IN_CHUNK):
                conn.execute(delete(t.pending_updates).where(t.pending_updates.c.article_id.in_(chunk)))

    def event_counts_by_article(self, article_ids: Sequence[str]) -> dict[str, int]:
        """How many events each of these articles has (articles with none are absent)."""
        out: dict[str, int] = {}
        with self.engine.connect() as conn:
            for chunk in _chunked(list(article_ids), _IN_CHUNK):
                q = (select(t.events.c.article_id, func.count()).where(t.events.c.article_id.in_(chunk))
                     .group_by(t.events.c.article_id))
                out.update({r[0]: int(r[1]) for r in conn.execute(q)})
        return out

    def stage_versions(self) -> Iterator[tuple[str, dict[str, str]]]:
        """Each processed article's id with the stage versions (name -> version) that produced its extractions."""
        q = select(t.extractions.c.article_id, t.extractions.c.stages).order_by(t.extractions.c.article_id)
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                stages = _json(row.stages) or []
                yield row.article_id, {s["name"]: s["version"] for s in stages}

    @staticmethod
    def _delete_extraction(conn: Any, article_id: str) -> None:
        for table in t.EXTRACTION_TABLES.values():
            conn.execute(delete(table).where(table.c.article_id == article_id))
        conn.execute(delete(t.extractions).where(t.extractions.c.article_id == article_id))

    def get_extraction(self, article_id: str) -> Extraction:
        """An article's stored extractions, as records."""
        from frontlines.records import Actor, Place, Quantity, Quote, StageInfo, TimeValue

        classes = {"places": Place, "times": TimeValue, "quantities": Quantity, "actors": Actor,
                   "quotes": Quote, "events": Event}
        out: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for kind, table in t.EXTRACTION_TABLES.items():
                rows = conn.execute(
                    select(table.c.data).where(table.c.article_id == article_id).order_by(table.c.seq)
                ).all()
                out[kind] = tuple(from_dict(classes[kind], _json(r.data)) for r in rows)
            stages = conn.execute(
                select(t.extractions.c.stages).where(t.extractions.c.article_id == article_id)
            ).scalar()
        out["stages"] = tuple(from_dict(StageInfo, s) for s in (_json(stages) or []))
        return Extraction(article_id=article_id, **out)

    # -- events ---------------------------------------------------------------
    def _event_query(self, f: EventFilter) -> Any:
        e = t.events
        q = select(e, t.articles.c.source, t.articles.c.title, t.articles.c.url, t.articles.c.published).join(
            t.articles, t.articles.c.id == e.c.article_id
        )
        conds = self._event_conditions(f)
        if conds:
            q = q.where(and_(*conds))
        return q

    @staticmethod
    def _event_conditions(f: EventFilter) -> list[Any]:
        e = t.events
        conds = []
        if f.plover_type:
            conds.append(e.c.plover_type == f.plover_type.upper())
        if f.acled_type:
            conds.append(or_(e.c.acled_event_type == f.acled_type, e.c.acled_sub_event_type == f.acled_type))
        if f.actor:
            like = f"%{_escape_like(f.actor)}%"
            conds.append(or_(e.c.actor1.ilike(like, escape="\\"), e.c.actor2.ilike(like, escape="\\")))
        if f.country:
            conds.append(e.c.country == f.country.upper())
        if f.side:
            conds.append(or_(e.c.actor1_country == f.side.upper(), e.c.actor2_country == f.side.upper()))
        if f.place:
            conds.append(e.c.location.ilike(f"%{_escape_like(f.place)}%", escape="\\"))
        if f.status:
            conds.append(e.c.status == f.status)
        # Dates and the bounding box are matched in the covering index (date, lat, lon) and the rows then
        # fetched by id: otherwise SQLite walks the date index and reads every full row of the date range
        # (bench/api.py, 100,000 events: the SQL of a bbox + 3-week query drops from ~35 ms to ~2 ms).
        box = t.events.alias("events_box")
        in_box = []
        if f.since:
            in_box.append(box.c.date >= f.since)
        if f.until:
            in_box.append(box.c.date <= f.until)
        if f.bbox:
            in_box.append(_in_bbox(box.c.lat, box.c.lon, f.bbox))
        if in_box:
            conds.append(e.c.id.in_(select(box.c.id).where(and_(*in_box))))
        if f.text:
            conds.append(e.c.text.ilike(f"%{_escape_like(f.text)}%", escape="\\"))
        if f.article_id:
            conds.append(e.c.article_id == f.article_id)
        return conds

    def list_events(self, f: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Events as flat rows (the stored columns plus the article's source/title/url/published)."""
        e = t.events
        order = {
            "date": (e.c.date.asc(), e.c.id),
            "-date": (e.c.date.desc(), e.c.id),
            "confidence": (e.c.confidence.asc(), e.c.id),
            "-confidence": (e.c.confidence.desc(), e.c.id),
        }.get(f.sort, (e.c.date.asc(), e.c.id))
        q = self._event_query(f).order_by(*order).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [_event_dict(r) for r in conn.execute(q)]

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        q = select(func.count()).select_from(self._event_query(f).subquery())
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def get_event(self, key: str) -> dict[str, Any]:
        e = t.events
        q = select(e, t.articles.c.source, t.articles.c.title, t.articles.c.url, t.articles.c.published).join(
            t.articles, t.articles.c.id == e.c.article_id
        ).where(e.c.key == key)
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        if row is None:
            raise NotFound(f"event {key!r}")
        return _event_dict(row)

    def iter_extraction_rows(self, kind: str, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every stored row of one extraction kind (places, times, quantities, actors, quotes, events)."""
        table = t.EXTRACTION_TABLES[kind]
        last = 0
        while True:
            q = select(table).where(table.c.id > last).order_by(table.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            if not rows:
                return
            for r in rows:
                d = dict(r._mapping)
                d["data"] = _json(d["data"])
                yield d
            last = rows[-1].id

    # -- incidents (cross-article merge; logic in frontlines.incidents) ---------
    def reported_event_rows(
        self,
        *,
        article_ids: Sequence[str] | None = None,
        keys: Sequence[str] | None = None,
        window: tuple[dt.date, dt.date] | None = None,
        undated_lag_days: int = 0,
    ) -> list[dict[str, Any]]:
        """Events with their article's source and date: of some articles, some keys, or dated in a window.

        With ``window`` (lo, hi): events whose [date, date_end] overlaps it, plus events whose article
        was published in [lo, hi + undated_lag_days] (an undated event is dated by its article).
        Rows: key, article_id, source, published, data (the Event as JSON).
        """
        if article_ids is not None and keys is not None:
            raise ValueError("reported_event_rows: give article_ids or keys, not both")
        e, a = t.events, t.articles
        q = select(e.c.key, e.c.article_id, e.c.data, a.c.source, a.c.published).join(a, a.c.id == e.c.article_id)
        conds: list[ColumnElement[bool]] = []
        if window is not None:
            lo, hi = window
            conds.append(or_(
                and_(e.c.date <= hi, func.coalesce(e.c.date_end, e.c.date) >= lo),
                and_(a.c.published >= lo, a.c.published <= hi + dt.timedelta(days=undated_lag_days)),
            ))
        if conds:
            q = q.where(and_(*conds))
        # Long id lists are read in chunks: SQLite and PostgreSQL bound the parameters of one statement.
        column, wanted = (e.c.article_id, article_ids) if article_ids is not None else (e.c.key, keys)
        queries = [q] if wanted is None else [q.where(column.in_(list(c))) for c in _chunked(list(wanted), _IN_CHUNK)]
        with self.engine.connect() as conn:
            rows = [r for query in queries for r in conn.execute(query)]
        rows.sort(key=lambda r: r.key)
        return [
            {"key": r.key, "article_id": r.article_id, "source": r.source, "published": r.published,
             "data": _json(r.data)}
            for r in rows
        ]

    def incident_ids_for_events(self, keys: Sequence[str]) -> list[str]:
        """Ids of the incidents that hold any of these event keys."""
        if not keys:
            return []
        ie = t.incident_events
        with self.engine.connect() as conn:
            return sorted({r[0] for chunk in _chunked(list(keys), _IN_CHUNK) for r in conn.execute(
                select(ie.c.incident_id).where(ie.c.event_key.in_(list(chunk))))})

    def incident_event_keys(self, incident_ids: Sequence[str]) -> list[str]:
        """Member event keys of these incidents."""
        if not incident_ids:
            return []
        ie = t.incident_events
        with self.engine.connect() as conn:
            return sorted({r[0] for chunk in _chunked(list(incident_ids), _IN_CHUNK) for r in conn.execute(
                select(ie.c.event_key).where(ie.c.incident_id.in_(list(chunk))))})

    def orphan_incident_ids(self) -> list[str]:
        """Incidents with a member event that is no longer stored (its article was re-processed)."""
        ie, e = t.incident_events, t.events
        q = select(ie.c.incident_id).where(~ie.c.event_key.in_(select(e.c.key))).distinct()
        with self.engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(q))

    def replace_incidents(self, remove_ids: Sequence[str], incidents: Sequence[Any]) -> None:
        """In one transaction: drop these incidents, and store the new ones with their member events."""
        inc, ie = t.incidents, t.incident_events
        keys = [r.event_key for i in incidents for r in i.reports]
        with self.engine.begin() as conn:
            drop = set(remove_ids) | {i.id for i in incidents}
            for chunk in _chunked(keys, _IN_CHUNK):
                drop |= {r[0] for r in conn.execute(
                    select(ie.c.incident_id).where(ie.c.event_key.in_(list(chunk))))}
            for chunk in _chunked(sorted(drop), _IN_CHUNK):
                conn.execute(delete(ie).where(ie.c.incident_id.in_(list(chunk))))
                conn.execute(delete(inc).where(inc.c.id.in_(list(chunk))))
            if incidents:
                conn.execute(insert(inc), [
                    {"id": i.id, "plover_type": i.plover_type, "acled_sub_event_type": i.acled_sub_event_type,
                     "start": i.start, "end": i.end, "lat": i.place.lat if i.place else None,
                     "lon": i.place.lon if i.place else None, "corroboration": i.corroboration,
                     "data": to_dict(i)}
                    for i in incidents
                ])
                conn.execute(insert(ie), [{"incident_id": i.id, "event_key": r.event_key}
                                          for i in incidents for r in i.reports])

    def _incident_conditions(self, f: IncidentFilter) -> list[Any]:
        inc, ie = t.incidents, t.incident_events
        conds = []
        if f.since:
            conds.append(inc.c.end >= f.since)
        if f.until:
            conds.append(inc.c.start <= f.until)
        if f.corroboration:
            conds.append(inc.c.corroboration == f.corroboration)
        if f.plover_type:
            conds.append(inc.c.plover_type == f.plover_type.upper())
        if f.bbox:
            conds.append(_in_bbox(inc.c.lat, inc.c.lon, f.bbox))
        if f.min_reports > 1:
            counts = select(ie.c.incident_id).group_by(ie.c.incident_id).having(func.count() >= f.min_reports)
            conds.append(inc.c.id.in_(counts))
        if f.members is not None:
            event_conds = self._event_conditions(f.members)
            if event_conds:
                e = t.events
                matching = select(ie.c.incident_id).join(e, e.c.key == ie.c.event_key).where(and_(*event_conds))
                conds.append(inc.c.id.in_(matching))
        return conds

    def list_incidents(self, f: IncidentFilter = IncidentFilter()) -> list[Any]:
        """Incidents (records), newest first, filtered in SQL (see :class:`IncidentFilter`)."""
        from frontlines.records import Incident

        inc = t.incidents
        q = select(inc.c.data)
        conds = self._incident_conditions(f)
        if conds:
            q = q.where(and_(*conds))
        q = q.order_by(inc.c.start.desc(), inc.c.id).limit(f.limit).offset(f.offset)
        with self.engine.connect() as conn:
            return [from_dict(Incident, _json(r.data)) for r in conn.execute(q)]

    def count_incidents(self, f: IncidentFilter = IncidentFilter()) -> int:
        """How many incidents match ``f`` (its limit and offset ignored)."""
        q = select(func.count()).select_from(t.incidents)
        conds = self._incident_conditions(f)
        if conds:
            q = q.where(and_(*conds))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def incident_ids(self) -> list[str]:
        """Every stored incident's id."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(t.incidents.c.id))]

    def get_incident(self, incident_id: str) -> Any:
        """One incident by id or unambiguous id prefix."""
        from frontlines.records import Incident

        inc = t.incidents
        with self.engine.connect() as conn:
            rows = conn.execute(select(inc.c.id, inc.c.data).where(
                inc.c.id.like(f"{_escape_like(incident_id)}%", escape="\\")).limit(2)).all()
        exact = [r for r in rows if r.id == incident_id]
        if not exact and len(rows) != 1:
            raise NotFound(f"incident {incident_id!r}" + (" (ambiguous prefix)" if rows else ""))
        return from_dict(Incident, _json((exact or rows)[0].data))

    # -- territorial control (logic in frontlines.control) ---------------------
    def replace_control_changes(self, article_ids: Sequence[str], changes: Sequence[tuple[str, str, Any]]) -> None:
        """In one transaction: drop the control changes of these articles, store the new ones.

        ``changes``: (article_id, event_key, ControlChange), one per report.
        """
        cc = t.control_changes
        with self.engine.begin() as conn:
            for chunk in _chunked(list(article_ids), _IN_CHUNK):
                conn.execute(delete(cc).where(cc.c.article_id.in_(list(chunk))))
            if changes:
                conn.execute(insert(cc), [
                    {"settlement": c.settlement.name or c.settlement.text, "gazetteer_id": c.settlement.gazetteer_id,
                     "date": c.date, "to_side": c.to_side, "status": c.status.value, "data": to_dict(c),
                     "article_id": aid, "event_key": key, "admin1": c.settlement.admin1,
                     "country": c.settlement.country, "area": c.area}
                    for aid, key, c in changes
                ])

    def list_control_changes(self, *, until: dt.date | None = None, region: str | None = None) -> list[Any]:
        """Stored control changes (one per report) dated up to ``until``.

        ``region`` keeps named settlements whose admin1 contains it or whose country is it; area
        statements are always returned (which settlements they cover is decided by the caller).
        """
        from frontlines.records import ControlChange

        cc = t.control_changes
        q = select(cc.c.data)
        if until:
            q = q.where(or_(cc.c.date <= until, cc.c.date.is_(None)))
        if region:
            q = q.where(or_(
                cc.c.area.is_(True),
                cc.c.admin1.ilike(f"%{_escape_like(region)}%", escape="\\"),
                cc.c.country == region.upper(),
                cc.c.settlement.ilike(_escape_like(region), escape="\\"),
            ))
        q = q.order_by(cc.c.date, cc.c.id)
        with self.engine.connect() as conn:
            return [from_dict(ControlChange, _json(r.data)) for r in conn.execute(q)]

    def known_settlements(self, *, region: str | None = None) -> list[Any]:
        """One stored Place per settlement (by gazetteer id) that any article mentions, with coordinates."""
        from frontlines.records import Place

        p = t.places
        first = select(func.min(p.c.id)).where(
            p.c.kind == "settlement", p.c.lat.is_not(None), p.c.gazetteer_id.is_not(None)
        )
        if region:
            first = first.where(or_(p.c.admin1.ilike(f"%{_escape_like(region)}%", escape="\\"),
                                    p.c.country == region.upper()))
        first = first.group_by(p.c.gazetteer_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(p.c.data).where(p.c.id.in_(first)).order_by(p.c.gazetteer_id)).all()
        return [from_dict(Place, _json(r.data)) for r in rows]

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
        return out

    def event_counts(self, by: str, f: EventFilter = EventFilter()) -> list[tuple[Any, int]]:
        """Event counts grouped by 'date', 'period', 'plover_type', 'acled_sub_event_type', 'admin1' or 'status'.

        'period' groups by the date at its own precision (see time/periods.py): a day, or "2023",
        "2022-04", "2023-W50" for events known only to that year, month or week.
        """
        if by not in {"date", "period", "plover_type", "acled_sub_event_type", "admin1", "status", "country"}:
            raise StoreError(f"cannot group events by {by!r}", code="E902")
        sub = self._event_query(EventFilter(**{**_filter_dict(f), "limit": 10**9, "offset": 0})).subquery()
        if by == "period":
            pairs = select(sub.c.date, sub.c.date_end, func.count()).group_by(sub.c.date, sub.c.date_end)
            counts: dict[str | None, int] = {}
            with self.engine.connect() as conn:
                for date, date_end, n in conn.execute(pairs):
                    key = iso_period(date, date_end)
                    counts[key] = counts.get(key, 0) + int(n)
            return sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))
        col = sub.c[by]
        q = select(col, func.count()).group_by(col).order_by(col)
        with self.engine.connect() as conn:
            return [(r[0], int(r[1])) for r in conn.execute(q)]

    def query_extraction_rows(
        self,
        kind: str,
        *,
        by: Sequence[str] = (),
        equals: dict[str, Any] | None = None,
        contains: dict[str, str] | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[dict[str, Any]], int]:
        """One extraction kind (places, actors, quotes, ...) filtered, paginated, with the total count.

        ``equals`` and ``contains`` (case-insensitive substring) name stored columns. Without ``by``
        the rows are mentions in article order, with the article's title/source/published; with
        ``by`` they are groups on those columns, each with ``mentions`` and ``articles`` counts,
        most mentioned first. Unknown columns raise StoreError(E902).
        """
        if kind not in t.EXTRACTION_TABLES:
            raise StoreError(f"unknown extraction kind {kind!r}", code="E902")
        table = t.EXTRACTION_TABLES[kind]
        for name in [*by, *(equals or {}), *(contains or {})]:
            if name not in table.c or name == "data":
                raise StoreError(f"{kind} have no column {name!r}", code="E902")
        conds = [table.c[k] == v for k, v in (equals or {}).items() if v is not None]
        conds += [table.c[k].ilike(f"%{_escape_like(v)}%", escape="\\") for k, v in (contains or {}).items() if v]
        if by:
            cols = [table.c[b] for b in by]
            q = select(*cols, func.count().label("mentions"),
                       func.count(func.distinct(table.c.article_id)).label("articles"))
            q = q.where(and_(*conds)) if conds else q
            q = q.group_by(*cols)
            total_q = select(func.count()).select_from(q.subquery())
            q = q.order_by(func.count().desc(), *cols).limit(limit).offset(offset)
        else:
            a = t.articles
            q = select(table, a.c.title, a.c.source, a.c.published).join(a, a.c.id == table.c.article_id)
            q = q.where(and_(*conds)) if conds else q
            total_q = select(func.count()).select_from(q.subquery())
            q = q.order_by(a.c.published.desc(), table.c.article_id, table.c.seq).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            total = int(conn.execute(total_q).scalar() or 0)
            rows = []
            for r in conn.execute(q):
                d = dict(r._mapping)
                if "data" in d:
                    d["data"] = _json(d["data"])
                if isinstance(d.get("published"), (dt.date, dt.datetime)):
                    d["published"] = d["published"].isoformat()
                rows.append(d)
        return rows, total


def _filter_dict(f: EventFilter) -> dict[str, Any]:
    return {name: getattr(f, name) for name in f.__dataclass_fields__}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _event_dict(row: Any) -> dict[str, Any]:
    d = dict(row._mapping)
    d["data"] = _json(d["data"])
    for k in ("date", "date_end", "published"):
        if isinstance(d.get(k), (dt.date, dt.datetime)):
            d[k] = d[k].isoformat()
    if "date" in d:  # the date at its own precision: "2023" for "last year", not 2023-01-01
        d["period"] = iso_period(d.get("date"), d.get("date_end"))
    return d
