"""Table definitions (SQLAlchemy Core). The migrations create exactly these."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True)),
    Column("duplicate_of", String(32), index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("skip_reason", Text),
    Column("origin", Text),
    Column("words", Integer),
    Column("signature", LargeBinary),  # MinHash signature for near-duplicate search
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("message", Text, nullable=False),
    Column("at", DateTime(timezone=True)),
    Column("fingerprint", String(64), nullable=False, unique=True),  # same failure twice is stored once
)

extractions = Table(
    "extractions",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("stages", JSON),
    Column("processed_at", DateTime(timezone=True)),
)


def _span_columns() -> list[Column]:
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
        Column("seq", Integer, nullable=False),  # order within the article
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
    ]


places = Table(
    "places",
    metadata,
    *_span_columns(),
    Column("text", Text),
    Column("name", Text, index=True),
    Column("gazetteer_id", String(64)),
    Column("kind", String(16)),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", Text),
    Column("country", String(3)),
    Column("precision", String(16)),
    Column("metonymic", Boolean),
    Column("data", JSON, nullable=False),
)

times = Table(
    "times",
    metadata,
    *_span_columns(),
    Column("text", Text),
    Column("type", String(10)),
    Column("value", String(40)),
    Column("data", JSON, nullable=False),
)

quantities = Table(
    "quantities",
    metadata,
    *_span_columns(),
    Column("kind", String(32)),
    Column("value", Float),
    Column("data", JSON, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    *_span_columns(),
    Column("text", Text),
    Column("name", Text, index=True),
    Column("country", String(3)),
    Column("sector", String(24)),
    Column("side", String(32)),
    Column("data", JSON, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    *_span_columns(),
    Column("speaker", Text, index=True),
    Column("direct", Boolean),
    Column("medium", Text),
    Column("data", JSON, nullable=False),
)

events = Table(
    "events",
    metadata,
    *_span_columns(),
    Column("key", String(40), nullable=False, unique=True),  # stable: article id + seq + type
    Column("plover_type", String(16), index=True),
    Column("acled_event_type", String(48)),
    Column("acled_sub_event_type", String(64), index=True),
    Column("status", String(16), index=True),
    Column("date", Date, index=True),
    Column("date_end", Date),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("admin1", Text),
    Column("country", String(3), index=True),
    Column("actor1", Text),
    Column("actor1_country", String(3)),
    Column("actor2", Text),
    Column("actor2_country", String(3)),
    Column("fatalities", Integer),
    Column("confidence", Float),
    Column("text", Text),  # the evidence sentence, for text search
    Column("data", JSON, nullable=False),
)
Index("ix_events_lat_lon", events.c.lat, events.c.lon)
Index("ix_events_date_lat_lon", events.c.date, events.c.lat, events.c.lon)  # 0003: bbox + date queries

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("plover_type", String(16)),
    Column("acled_sub_event_type", String(64)),
    Column("start", Date),
    Column("end", Date),
    Column("lat", Float),
    Column("lon", Float),
    Column("corroboration", String(24)),
    Column("data", JSON, nullable=False),
    Column("seq", Integer, index=True),  # 0007: stored order, for GET /api/changes (store/changes.py)
)

incident_events = Table(
    "incident_events",
    metadata,
    Column("incident_id", String(40), ForeignKey("incidents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("event_key", String(40), nullable=False),
    UniqueConstraint("event_key", name="uq_incident_events_event"),
)

control_changes = Table(
    "control_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("settlement", Text, nullable=False, index=True),
    Column("gazetteer_id", String(64)),
    Column("date", Date, index=True),
    Column("to_side", String(32)),
    Column("status", String(16)),
    Column("data", JSON, nullable=False),
    # 0002: one row per report, so re-processing an article replaces its own changes
    Column("article_id", String(32), index=True),
    Column("event_key", String(40)),
    Column("admin1", Text),
    Column("country", String(3)),
    Column("area", Boolean),
)

# 0004: articles whose extractions are stored but not yet merged into incidents and control
# (written in the same transaction as the extractions; drained by the after-run step)
pending_updates = Table(
    "pending_updates",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("queued_at", DateTime(timezone=True), nullable=False),
)

# 0005: feeds the watcher polls, with their state, and the entries of each already ingested
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("title", Text),
    Column("added_at", DateTime(timezone=True)),
    Column("polled_at", DateTime(timezone=True)),
    Column("status", Integer),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("error_code", String(8)),
    Column("error", Text),
    Column("failures", Integer, nullable=False, default=0),
    Column("entries_seen", Integer, nullable=False, default=0),
    Column("articles", Integer, nullable=False, default=0),
    Column("new_at", DateTime(timezone=True)),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), primary_key=True),
    Column("key_hash", String(40), primary_key=True),  # sha1 of the entry's id, link or content
    Column("url", Text),
    Column("article_id", String(32)),  # the article it became (None: given up on, see rejections)
    Column("done", Boolean, nullable=False),  # False: its page fetch failed for now, tried again next poll
    Column("tries", Integer, nullable=False),
    Column("seen_at", DateTime(timezone=True)),
)
Index("ix_articles_url", articles.c.url)  # 0005: an entry whose page is already stored is not fetched again

# 0006: users and their hashed API tokens (issue 19 item 3)
users = Table(
    "users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("token_id", String(24), nullable=False, unique=True),  # the token's public prefix, to find its row
    Column("token_hash", String(128), nullable=False),  # scrypt of the token's secret part, hex
    Column("salt", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

# 0006: analysts' reviews of events, each its own record (issue 19 item 1); never joined into events
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_key", String(40), nullable=False, index=True),  # the key the reviewer saw
    Column("attached_key", String(40), index=True),  # the stored event it applies to now; NULL: orphaned
    Column("article_id", String(32), nullable=False, index=True),  # no foreign key: a review outlives its article
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("trigger", Text),
    Column("plover_type", String(16)),
    Column("verdict", String(16), nullable=False),
    Column("changes", JSON, nullable=False),
    Column("note", Text),
    Column("reviewer", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


# 0008: analysts' reviews of changes of control (confirm, reject, correct side or date), each its own
# record, applied whenever a timeline is built (control/timeline.py); never joined into control_changes
control_reviews = Table(
    "control_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("control_id", String(40), nullable=False, index=True),
    Column("settlement", Text, nullable=False),  # control.timeline.settlement_key
    Column("to_side", String(64), nullable=False),
    Column("date", Date),
    Column("verdict", String(16), nullable=False),
    Column("new_side", String(64)),
    Column("new_date", Date),
    Column("note", Text),
    Column("reviewer", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# 0008: analysts' merges and splits of incidents, honoured by every merge of incidents (incidents/merge.py)
incident_reviews = Table(
    "incident_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # merge | split
    Column("event_keys", JSON, nullable=False),
    Column("rest", JSON, nullable=False),
    Column("incident_ids", JSON, nullable=False),
    Column("note", Text),
    Column("reviewer", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)


def _listing_columns() -> list[Column]:
    """The columns events are filtered, sorted and listed by (see the events table)."""
    return [
        Column("plover_type", String(16)),
        Column("acled_event_type", String(48)),
        Column("acled_sub_event_type", String(64)),
        Column("status", String(16)),
        Column("date", Date, index=True),
        Column("date_end", Date),
        Column("location", Text),
        Column("lat", Float),
        Column("lon", Float),
        Column("admin1", Text),
        Column("country", String(3)),
        Column("actor1", Text),
        Column("actor1_country", String(3)),
        Column("actor2", Text),
        Column("actor2_country", String(3)),
        Column("fatalities", Integer),
        Column("confidence", Float),
        Column("text", Text),
        Column("data", JSON, nullable=False),
    ]


# 0006: one row per reviewed event: the event as its reviews say it is, in the events table's listing
# columns. Derived (from events + reviews) and rewritten whenever either changes, so reads of reviewed
# events are as fast as reads of machine ones; the machine's row in events is never touched.
reviewed_events = Table(
    "reviewed_events",
    metadata,
    Column("key", String(40), primary_key=True),  # the stored event's key
    Column("article_id", String(32), nullable=False, index=True),
    Column("verdict", String(16), nullable=False, index=True),
    Column("reviewer", String(64)),
    Column("reviewed_at", DateTime(timezone=True)),
    Column("reviews", Integer, nullable=False),
    *_listing_columns(),
)

# 0007: saved filters (issue 18 item 3); the filters are a JSON object of the Alert record's filter fields
alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("sink", Text, nullable=False),
    Column("filters", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True)),
    Column("delivered", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
    Column("last_error_code", String(8)),
    Column("last_error", Text),
    Column("last_at", DateTime(timezone=True)),
)

# 0007: each alert's delivered-marker: one row per thing sent (an incident's member event keys, a control
# change's identity) with the state it was sent in; written before the delivery, so nothing goes twice
alert_marks = Table(
    "alert_marks",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), primary_key=True),
    Column("subject", String(80), primary_key=True),
    Column("fingerprint", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# 0007: every delivery tried, sent or failed with its coded error
alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("subject", String(80), nullable=False),
    Column("change", String(16), nullable=False),  # new, changed
    Column("state", String(16), nullable=False),  # sent, failed
    Column("tries", Integer, nullable=False),
    Column("error_code", String(8)),
    Column("error", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

LISTING_COLUMNS = tuple(c.name for c in _listing_columns())

EXTRACTION_TABLES = {
    "places": places,
    "times": times,
    "quantities": quantities,
    "actors": actors,
    "quotes": quotes,
    "events": events,
}
