"""Records <-> table rows: the one place that knows how a record is laid out in the tables.

Writes: :func:`article_row`, :func:`extraction_rows` (also used for Parquet output),
:func:`incident_row`, :func:`control_change_row`, :func:`rejection_row`. Reads: the
``row_*`` functions turn a result row (or its JSON ``data``) back into a record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from frontlines.records import (
    Actor,
    Article,
    ArticleStatus,
    ControlChange,
    ControlReview,
    Event,
    EventChanges,
    Extraction,
    Feed,
    Incident,
    IncidentAction,
    IncidentReview,
    MapEvent,
    MapIncident,
    Place,
    Quantity,
    Quote,
    Rejection,
    Review,
    Role,
    StageInfo,
    StoredEvent,
    TimeValue,
    User,
    Verdict,
    from_dict,
    to_dict,
)
from frontlines.store import schema as t
from frontlines.time.periods import iso_period

RECORD_TYPES: dict[str, type] = {"places": Place, "times": TimeValue, "quantities": Quantity, "actors": Actor,
                                 "quotes": Quote, "events": Event}  # extraction kind -> record class


def json_value(value: Any) -> Any:
    """A JSON column's value (SQLite drivers may hand it back as text)."""
    return json.loads(value) if isinstance(value, str) else value


# -- articles and rejections ---------------------------------------------------
def article_row(a: Article, *, words: int | None = None, signature: bytes | None = None) -> dict[str, Any]:
    """The table row of one article (``signature``: its MinHash signature for near-duplicate search)."""
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


def row_article(row: Any) -> Article:
    """An articles row back to its record."""
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        language=row.language,
        ingested_at=row.ingested_at,
        duplicate_of=row.duplicate_of,
        status=ArticleStatus(row.status),
        skip_reason=row.skip_reason,
        origin=row.origin,
    )


def rejection_row(rej: Rejection) -> dict[str, Any]:
    """The row of a rejected input; its fingerprint makes the same origin+code+message one row."""
    fp = hashlib.sha256(f"{rej.origin}\x00{rej.code}\x00{rej.message}".encode()).hexdigest()
    return {"origin": rej.origin, "code": rej.code, "message": rej.message,
            "at": rej.at or dt.datetime.now(dt.timezone.utc), "fingerprint": fp}


def row_rejection(row: Any) -> Rejection:
    """A rejections row back to its record."""
    return Rejection(origin=row.origin, code=row.code, message=row.message, at=row.at)


# -- extractions -----------------------------------------------------------------
def event_key(article_id: str, seq: int, ev: Event) -> str:
    """A stable key for an event: the article, its order in the article, and its span and type."""
    raw = f"{article_id}:{seq}:{ev.evidence.start}:{ev.evidence.end}:{ev.plover_type}:{ev.trigger}"
    return hashlib.sha1(raw.encode()).hexdigest()


def event_date(time: TimeValue | None) -> dt.date | None:
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


def _fatalities(ev: Event) -> int | None:
    killed = [q for q in ev.quantities if q.kind == "killed"]
    if not killed:
        return None
    q = killed[0]
    value = q.value if q.value is not None else q.low
    return int(value) if value is not None else None


def _actor_cols(actors: Sequence[Actor]) -> tuple[str | None, str | None]:
    if not actors:
        return None, None
    return actors[0].name, actors[0].country


def event_row(article_id: str, seq: int, ev: Event) -> dict[str, Any]:
    """The events row of one event: the Event as JSON plus the columns that are filtered and listed on."""
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


def span_row(article_id: str, seq: int, rec: Any) -> dict[str, Any]:
    """The columns every extraction row has: article, order, evidence span, the record as JSON."""
    return {
        "article_id": article_id,
        "seq": seq,
        "start": rec.evidence.start,
        "end": rec.evidence.end,
        "data": to_dict(rec),
    }


def rows_for(kind: str, article_id: str, records: Sequence[Any]) -> list[dict[str, Any]]:
    """The rows of one extraction kind of one article, in article order."""
    rows = []
    for seq, rec in enumerate(records):
        if kind == "events":
            rows.append(event_row(article_id, seq, rec))
            continue
        row = span_row(article_id, seq, rec)
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
    return {kind: rows_for(kind, aid, getattr(extraction, kind)) for kind in t.EXTRACTION_TABLES}


def extraction_row(extraction: Extraction, processed_at: dt.datetime) -> dict[str, Any]:
    """The extractions row of one article: which stages (names and versions) made its extractions, and when."""
    return {"article_id": extraction.article_id, "stages": [to_dict(s) for s in extraction.stages],
            "processed_at": processed_at}


def row_record(kind: str, data: Any) -> Any:
    """One extraction row's ``data`` back to its record (a Place, TimeValue, ..., Event)."""
    return from_dict(RECORD_TYPES[kind], json_value(data))


def row_stages(stages: Any) -> tuple[StageInfo, ...]:
    """The extractions row's ``stages`` back to records."""
    return tuple(from_dict(StageInfo, s) for s in (json_value(stages) or []))


def row_dict(row: Any) -> dict[str, Any]:
    """A result row as a plain dict: JSON ``data`` decoded, an article's ``published`` as ISO text."""
    d = dict(row._mapping)
    if "data" in d:
        d["data"] = json_value(d["data"])
    if isinstance(d.get("published"), (dt.date, dt.datetime)):
        d["published"] = d["published"].isoformat()
    return d


def row_stored_event(row: Any) -> StoredEvent:
    """An events row joined with its article's source/title/url/published (see events.event_select).

    A row of the reviewed view (events.py) also has the review columns, and may have the machine's
    own event as ``machine_data``.
    """
    verdict = getattr(row, "verdict", None)
    machine = getattr(row, "machine_data", None)
    return StoredEvent(
        key=row.key,
        article_id=row.article_id,
        seq=row.seq,
        event=from_dict(Event, json_value(row.data)),
        row_id=row.id,
        source=row.source,
        title=row.title,
        url=row.url,
        published=row.published,
        date=row.date,
        date_end=row.date_end,
        period=iso_period(row.date, row.date_end),  # "2023" for "last year", not 2023-01-01
        location=row.location,
        lat=row.lat,
        lon=row.lon,
        admin1=row.admin1,
        country=row.country,
        actor1=row.actor1,
        actor1_country=row.actor1_country,
        actor2=row.actor2,
        actor2_country=row.actor2_country,
        fatalities=row.fatalities,
        verdict=Verdict(verdict) if verdict else None,
        reviewer=getattr(row, "reviewer", None),
        reviewed_at=getattr(row, "reviewed_at", None),
        machine=from_dict(Event, json_value(machine)) if verdict and machine is not None else None,
    )


# -- reviews and users ------------------------------------------------------------------
def review_row(r: Review) -> dict[str, Any]:
    """The reviews row of one review (its id is the store's to give)."""
    return {"event_key": r.event_key, "attached_key": r.attached_key, "article_id": r.article_id,
            "evidence_start": r.evidence_start, "evidence_end": r.evidence_end, "trigger": r.trigger,
            "plover_type": r.plover_type, "verdict": r.verdict.value, "changes": to_dict(r.changes),
            "note": r.note, "reviewer": r.user, "at": r.at}


def row_review(row: Any) -> Review:
    """A reviews row back to its record."""
    return Review(id=row.id, event_key=row.event_key, attached_key=row.attached_key, article_id=row.article_id,
                  evidence_start=row.evidence_start, evidence_end=row.evidence_end, trigger=row.trigger or "",
                  plover_type=row.plover_type or "", verdict=Verdict(row.verdict),
                  changes=from_dict(EventChanges, json_value(row.changes) or {}), note=row.note,
                  user=row.reviewer, at=row.at)


def reviewed_event_row(key: str, article_id: str, effective: Event, latest: Review, count: int) -> dict[str, Any]:
    """The reviewed_events row of one event: the event as its reviews say it is, in the listing columns."""
    row = event_row(article_id, 0, effective)
    listing = {name: row[name] for name in t.LISTING_COLUMNS}
    return {"key": key, "article_id": article_id, "verdict": latest.verdict.value, "reviewer": latest.user,
            "reviewed_at": latest.at, "reviews": count, **listing}


def control_review_row(r: ControlReview) -> dict[str, Any]:
    """The control_reviews row of one review (its id is the store's to give)."""
    return {"control_id": r.control_id, "settlement": r.settlement, "to_side": r.to_side, "date": r.date,
            "verdict": r.verdict.value, "new_side": r.new_side, "new_date": r.new_date, "note": r.note,
            "reviewer": r.user, "at": r.at}


def _utc(at: dt.datetime) -> dt.datetime:
    """A stored time as UTC (SQLite hands back the naive UTC time it stored)."""
    return at.replace(tzinfo=dt.timezone.utc) if at.tzinfo is None else at


def row_control_review(row: Any) -> ControlReview:
    """A control_reviews row back to its record."""
    return ControlReview(id=row.id, control_id=row.control_id, settlement=row.settlement, to_side=row.to_side,
                         date=row.date, verdict=Verdict(row.verdict), new_side=row.new_side, new_date=row.new_date,
                         note=row.note, user=row.reviewer, at=_utc(row.at))


def incident_review_row(r: IncidentReview) -> dict[str, Any]:
    """The incident_reviews row of one merge or split (its id is the store's to give)."""
    return {"action": r.action.value, "event_keys": list(r.event_keys), "rest": list(r.rest),
            "incident_ids": list(r.incident_ids), "note": r.note, "reviewer": r.user, "at": r.at}


def row_incident_review(row: Any) -> IncidentReview:
    """An incident_reviews row back to its record."""
    return IncidentReview(id=row.id, action=IncidentAction(row.action),
                          event_keys=tuple(json_value(row.event_keys) or ()), rest=tuple(json_value(row.rest) or ()),
                          incident_ids=tuple(json_value(row.incident_ids) or ()), note=row.note, user=row.reviewer,
                          at=_utc(row.at))


def row_user(row: Any) -> User:
    """A users row back to its record (never its token hash)."""
    return User(name=row.name, role=Role(row.role), created_at=row.created_at, revoked_at=row.revoked_at)


def row_map_event(row: Any) -> MapEvent:
    """A lean events row (events._map_half: columns and the quantities alone) to what the map draws."""
    return MapEvent(
        key=row.key,
        lat=row.lat,
        lon=row.lon,
        plover_type=row.plover_type,
        status=row.status,
        period=iso_period(row.date, row.date_end),  # "2023" for "last year", not 2023-01-01
        location=row.location,
        quantities=tuple(json_value(row.quantities) or ()),
        verdict=getattr(row, "verdict", None),
    )


# -- incidents and control ----------------------------------------------------------
def incident_row(i: Incident) -> dict[str, Any]:
    """The incidents row of one incident (the record as JSON plus the columns filtered on)."""
    return {"id": i.id, "plover_type": i.plover_type, "acled_sub_event_type": i.acled_sub_event_type,
            "start": i.start, "end": i.end, "lat": i.place.lat if i.place else None,
            "lon": i.place.lon if i.place else None, "corroboration": i.corroboration,
            "data": to_dict(i)}


def row_incident(data: Any) -> Incident:
    """An incidents row's ``data`` back to its record."""
    return from_dict(Incident, json_value(data))


def row_map_incident(row: Any) -> MapIncident:
    """A lean incidents row (incidents.map_incident_select: columns, place name, report count) to what the map draws."""
    return MapIncident(
        id=row.id,
        lat=row.lat,
        lon=row.lon,
        plover_type=row.plover_type,
        period=iso_period(row.start, row.end),
        location=row.location,
        corroboration=row.corroboration or "single-source",
        reports=int(row.reports or 0),
    )


def control_change_row(article_id: str, event_key: str, c: ControlChange) -> dict[str, Any]:
    """The control_changes row of one change as one article's event reports it."""
    return {"settlement": c.settlement.name or c.settlement.text, "gazetteer_id": c.settlement.gazetteer_id,
            "date": c.date, "to_side": c.to_side, "status": c.status.value, "data": to_dict(c),
            "article_id": article_id, "event_key": event_key, "admin1": c.settlement.admin1,
            "country": c.settlement.country, "area": c.area}


def row_control_change(data: Any) -> ControlChange:
    """A control_changes row's ``data`` back to its record."""
    return from_dict(ControlChange, json_value(data))


def row_place(data: Any) -> Place:
    """A places row's ``data`` back to its record."""
    return from_dict(Place, json_value(data))


# -- feeds ---------------------------------------------------------------------------
FEED_STATE = ("title", "polled_at", "status", "etag", "last_modified", "error_code", "error", "failures",
              "entries_seen", "articles", "new_at")  # the columns a poll writes


def feed_row(f: Feed) -> dict[str, Any]:
    """The row of a feed (without its id)."""
    return {"url": f.url, "added_at": f.added_at or dt.datetime.now(dt.timezone.utc),
            **{name: getattr(f, name) for name in FEED_STATE}}


def row_feed(row: Any) -> Feed:
    """A feeds row back to its record."""
    return Feed(url=row.url, added_at=row.added_at, **{name: getattr(row, name) for name in FEED_STATE})


def entry_key_hash(key: str) -> str:
    """A feed entry's key (id, link or content hash, up to 2,000 characters) as a short column value."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()
