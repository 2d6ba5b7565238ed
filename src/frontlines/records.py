"""Every typed record frontlines produces, in one place.

Records are frozen, slotted, keyword-only dataclasses: a stage returns new
records and never mutates the ones it was given. Each extracted record carries
an :class:`Evidence` (article id + character span) pointing back to the text
that supports it.

``to_dict`` / ``from_dict`` give the JSON form used by the store and exports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

_FROZEN = dict(frozen=True, slots=True, kw_only=True)


class ArticleStatus(str, enum.Enum):
    """Where an article stands in the pipeline."""

    PENDING = "pending"  # stored, not yet processed
    PROCESSED = "processed"  # extractions stored
    SKIPPED = "skipped"  # not processed on purpose (language, duplicate); see skip_reason
    FAILED = "failed"  # processing raised; see skip_reason


class PlaceKind(str, enum.Enum):
    SETTLEMENT = "settlement"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    COUNTRY = "country"
    RIVER = "river"
    SEA = "sea"
    REGION = "region"
    RELATIVE = "relative"  # "west bank of the Dnipro", "20 km north of Izium"
    FACILITY = "facility"  # power plant, airport, bridge
    CONTINENT = "continent"


class Precision(str, enum.Enum):
    """How precisely a place's coordinates locate what the text refers to."""

    EXACT = "exact"
    NEAR = "near"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    REGION = "region"


class TimeType(str, enum.Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Resolution(str, enum.Enum):
    """How a time value was obtained."""

    EXPLICIT = "explicit"  # fully specified in the text
    PUBLICATION = "relative_to_publication"
    ANCHORED = "anchored"  # on an earlier date in the text
    DEFAULT = "default"  # a convention (e.g. PAST_REF)
    UNRESOLVED = "unresolved"  # relative, but no reference date


class Sector(str, enum.Enum):
    MILITARY = "military"
    GOVERNMENT = "government"
    POLICE = "police"
    REBEL = "rebel"
    CIVILIAN = "civilian"
    MEDIA = "media"
    INTERNATIONAL = "international_org"
    BUSINESS = "business"
    RELIGIOUS = "religious"
    UNKNOWN = "unknown"


class EventStatus(str, enum.Enum):
    HAPPENED = "happened"
    ORDERED = "ordered"
    ANNOUNCED = "announced"
    PLANNED = "planned"
    THREATENED = "threatened"
    CLAIMED = "claimed"
    DENIED = "denied"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class ControlStatus(str, enum.Enum):
    CLAIMED = "claimed"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"


@dataclass(**_FROZEN)
class Evidence:
    """A character span of an article's text (Python indices, end exclusive)."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(**_FROZEN)
class Article:
    """One news article as ingested."""

    id: str  # sha256 of the normalised text, hex, first 16 chars
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None  # reference date for relative times; never invented
    language: str | None = None
    ingested_at: dt.datetime | None = None
    duplicate_of: str | None = None  # near-duplicate of this earlier article
    status: ArticleStatus = ArticleStatus.PENDING
    skip_reason: str | None = None
    origin: str | None = None  # file (and line/record) the article came from


@dataclass(**_FROZEN)
class Rejection:
    """An input that could not become an article, kept with its coded reason."""

    origin: str  # file path, optionally with :line or #record
    code: str  # error code from errors.py, e.g. E104
    message: str
    at: dt.datetime | None = None


@dataclass(**_FROZEN)
class Feed:
    """A feed the watcher polls, with the state of its last poll (kept in the store)."""

    url: str
    title: str | None = None
    added_at: dt.datetime | None = None
    polled_at: dt.datetime | None = None  # the last poll, successful or not
    status: int | None = None  # HTTP status of the last answer (200, 304); None when no answer came
    etag: str | None = None  # for the next conditional GET
    last_modified: str | None = None
    error_code: str | None = None  # the last poll's failure (E109, E114-E121), None when it succeeded
    error: str | None = None
    failures: int = 0  # polls failed in a row
    entries_seen: int = 0  # entries ingested (or given up on) over all polls
    articles: int = 0  # articles stored from its entries
    new_at: dt.datetime | None = None  # when it last gave a new entry


@dataclass(**_FROZEN)
class Place:
    """A toponym in an article, resolved (or not) to a gazetteer entry."""

    text: str  # as written
    evidence: Evidence
    name: str | None = None  # canonical gazetteer name
    gazetteer_id: str | None = None  # "geonames:703448", "fl:river/dnipro", ...
    kind: PlaceKind | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None  # name of the first-order division
    country: str | None = None  # ISO 3166-1 alpha-3
    precision: Precision | None = None
    metonymic: bool = False  # "Kyiv's troops", "Moscow said": a government, not a location
    anchor: str | None = None  # for relative places: the canonical name of the anchor place
    reason: str = ""  # why this candidate won (or why none did)
    score: float = 0.0


@dataclass(**_FROZEN)
class TimeValue:
    """A TIMEX3-style temporal expression, normalised."""

    text: str
    evidence: Evidence
    type: TimeType = TimeType.DATE
    value: str | None = None  # "2022-11-09", "2022-W45", "2022-03", "P3D", "PAST_REF"
    start: dt.date | None = None  # the interval the expression covers
    end: dt.date | None = None
    granularity: str | None = None  # day, week, month, quarter, season, year, decade, century, time
    resolution: Resolution = Resolution.EXPLICIT
    anchor: str | None = None  # the value this one was resolved against


@dataclass(**_FROZEN)
class Quantity:
    """A number tied to what it counts."""

    text: str
    evidence: Evidence
    kind: str  # troops, killed, injured, captured, displaced, civilians, settlements, people, ...
    value: float | None = None
    low: float | None = None  # a range, or the bounds of a vague amount ("tens of thousands")
    high: float | None = None
    qualifier: str | None = None  # about, at least, up to, more than, estimated
    claimed_by: str | None = None


@dataclass(**_FROZEN)
class Actor:
    """A person, force, government, group or outlet mentioned in an article."""

    text: str  # as written
    evidence: Evidence
    name: str  # canonical: "Sergey Surovikin", "Russian Armed Forces"
    kind: str = "group"  # person, group, organisation, state, outlet, unnamed
    country: str | None = None  # ISO3
    sector: Sector = Sector.UNKNOWN
    side: str | None = None  # the conflict side, as an ISO3 or group name
    role: str | None = None  # "General", "Defense Minister", "adviser to President Zelensky"
    registry_id: str | None = None  # id in the actor registry when known
    coref: str | None = None  # canonical name of the first full mention this one refers to


@dataclass(**_FROZEN)
class Quote:
    """A direct or indirect quotation with its speaker."""

    content: str
    evidence: Evidence  # the content span
    direct: bool
    speaker: Actor | None = None
    speaker_text: str | None = None
    speaker_evidence: Evidence | None = None
    cue: str | None = None  # said, claims, according to
    cue_evidence: Evidence | None = None
    medium: str | None = None  # "televised statement", "Telegram", "statement to Reuters"


@dataclass(**_FROZEN)
class Event:
    """Who did what to whom, where, when, how many, and how sure."""

    evidence: Evidence  # the sentence
    trigger: str  # the word(s) that express the event
    plover_type: str  # AGREE ... ASSAULT
    plover_mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    place: Place | None = None
    time: TimeValue | None = None
    quantities: tuple[Quantity, ...] = ()
    status: EventStatus = EventStatus.HAPPENED
    attributed_to: str | None = None
    confidence: float = 0.5
    trigger_evidence: Evidence | None = None
    stages: tuple[str, ...] = ()  # names and versions of the stages that produced it


@dataclass(**_FROZEN)
class StageInfo:
    name: str  # "geo.gazetteer"
    version: str  # "1"


@dataclass(**_FROZEN)
class Extraction:
    """Everything the per-article stages found in one article."""

    article_id: str
    places: tuple[Place, ...] = ()
    times: tuple[TimeValue, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[StageInfo, ...] = ()


@dataclass(**_FROZEN)
class StoredEvent:
    """An event as the store keeps it: the Event, where it sits, its article, and the columns it is listed by.

    The listing columns (date, location, actors, fatalities) were derived from the Event
    when it was stored (see store/mapping.py); ``period`` is the date at its own precision.
    """

    key: str  # stable: article id + order + span + type (store.mapping.event_key)
    article_id: str
    seq: int  # order within the article
    event: Event
    row_id: int | None = None  # the events table's row id (the API shows it as "id")
    source: str | None = None  # the article's outlet
    title: str | None = None  # the article's title
    url: str | None = None
    published: dt.date | None = None  # the article's publication date
    date: dt.date | None = None  # the one date it is listed under (ACLED's event_date)
    date_end: dt.date | None = None
    period: str | None = None  # "2022-11-07", "2022-W45", "2022-03", "2023": the date at its own precision
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None  # ISO3 of its place
    actor1: str | None = None  # first source actor's canonical name
    actor1_country: str | None = None
    actor2: str | None = None  # first target actor's canonical name
    actor2_country: str | None = None
    fatalities: int | None = None  # the first "killed" figure
    verdict: Verdict | None = None  # the latest review's verdict; None: not reviewed
    reviewer: str | None = None  # who made the latest review
    reviewed_at: dt.datetime | None = None
    machine: Event | None = None  # the event as the pipeline coded it, when reviewed and asked for


@dataclass(**_FROZEN)
class Report:
    """One event of one article, as a member of an Incident."""

    article_id: str
    event_key: str
    source: str | None
    independent: bool  # an outlet, rather than a party's own claim
    published: dt.date | None = None
    attributed_to: str | None = None  # who the article says reports or claims it
    status: str | None = None  # the event's realis (happened, claimed, denied, ...)


@dataclass(**_FROZEN)
class Incident:
    """Events from several articles that describe the same happening."""

    id: str
    plover_type: str
    acled_sub_event_type: str | None
    place: Place | None
    start: dt.date | None
    end: dt.date | None
    reports: tuple[Report, ...] = ()
    independent_sources: int = 0
    party_claims: int = 0
    corroboration: str = "single-source"  # single-source, claimed-by-party, independent, disputed
    quantity_ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    earliest_report: dt.date | None = None
    reasons: tuple[str, ...] = ()  # why it is disputed: "denial", "different actor", "incompatible killed"


@dataclass(**_FROZEN)
class MapEvent:
    """What the map draws for one located event, read from the events table's columns (store.map_events).

    No Event is rebuilt: the marker needs its place, type, status and period, and the casualty figure
    (quantities/tolls.py) decides its size and number from ``quantities``; the popup fetches the full event.
    """

    key: str
    lat: float
    lon: float
    plover_type: str | None
    status: str | None
    period: str | None  # the date at its own precision ("2023", "2022-04", "2022-11-07"); see time/periods.py
    location: str | None
    quantities: tuple[dict[str, Any], ...] = ()  # the event's quantities as stored (to_dict form)
    verdict: str | None = None  # the latest review's verdict (confirmed, corrected, rejected), None when unreviewed


@dataclass(**_FROZEN)
class MapIncident:
    """What the map draws for one located incident, read from the incidents table's columns (store.map_incidents)."""

    id: str
    lat: float
    lon: float
    plover_type: str | None
    period: str | None  # its [start, end] at its own precision (time/periods.py)
    location: str | None  # its place's name (or the text naming it)
    corroboration: str
    reports: int  # how many reports (member events) it has


@dataclass(**_FROZEN)
class ControlChange:
    """A settlement passing from one side to another (or claimed to)."""

    settlement: Place
    to_side: str  # ISO3 or group
    from_side: str | None = None
    time: TimeValue | None = None
    date: dt.date | None = None
    status: ControlStatus = ControlStatus.CLAIMED
    claimed_by: str | None = None
    basis: tuple[str, ...] = ()  # event keys
    confidence: float = 0.5
    area: bool = False  # derived from an area statement, not a named settlement
    evidence: tuple[Evidence, ...] = ()  # the sentences that support it
    sources: tuple[str, ...] = ()  # outlets (article sources) that report it
    independent_sources: int = 0  # how many of them report it as fact, not as a party's claim
    denial: bool = False  # a report that denies this change
    review: str | None = None  # an analyst's verdict on it (confirmed, corrected); see ControlReview
    reviewer: str | None = None


class Role(str, enum.Enum):
    """What a user's token may do: readers read, reviewers also review (and post), admins also manage users."""

    READER = "reader"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return _ROLE_RANK[self]

    def may(self, needed: Role) -> bool:
        """Whether this role includes ``needed`` (admin > reviewer > reader)."""
        return self.rank >= needed.rank


_ROLE_RANK = {Role.READER: 0, Role.REVIEWER: 1, Role.ADMIN: 2}


@dataclass(**_FROZEN)
class User:
    """A person (or service) with an API token; the store keeps only a salted hash of the token."""

    name: str
    role: Role
    created_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None  # a revoked user's token is refused


class Verdict(str, enum.Enum):
    """An analyst's verdict on a machine-coded event."""

    CONFIRMED = "confirmed"  # right as coded (or as corrected by an earlier review)
    REJECTED = "rejected"  # no such event: left out of listings, exports, incidents and control
    CORRECTED = "corrected"  # right event, some fields wrong: ``changes`` holds the right values


@dataclass(**_FROZEN)
class EventChanges:
    """The fields a review sets on an event (None: unchanged). The machine's event is never overwritten:
    reads apply these on top (see frontlines.review.apply_changes)."""

    plover_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    sources: tuple[str, ...] | None = None  # actor names (actor1 first)
    targets: tuple[str, ...] | None = None  # actor names (actor2 first)
    place: Place | None = None  # resolved when the review is made (gazetteer id or name)
    date: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str | None = None  # day, week, month, year
    status: EventStatus | None = None
    attributed_to: str | None = None  # "" clears it
    fatalities: int | None = None
    quantities: dict[str, float] = field(default_factory=dict)  # other figures by kind: injured, captured, ...


@dataclass(**_FROZEN)
class Review:
    """One analyst's verdict on one event, kept as its own record (never merged into the event).

    The event is named by its key and, so that the review finds it again when a re-run gives it
    another key, by its article, evidence span, trigger and type as they were when reviewed.
    """

    event_key: str  # the key the reviewer saw
    article_id: str
    verdict: Verdict
    user: str
    at: dt.datetime
    evidence_start: int = 0
    evidence_end: int = 0
    trigger: str = ""
    plover_type: str = ""
    changes: EventChanges = field(default_factory=EventChanges)
    note: str | None = None
    id: int | None = None  # the store's id
    attached_key: str | None = None  # the stored event it applies to now; None: orphaned (event gone)

    @property
    def orphaned(self) -> bool:
        return self.attached_key is None


@dataclass(**_FROZEN)
class Alert:
    """A saved filter: when a new incident or control change matches it, one JSON object goes to ``sink``.

    Every filter that is set must match (None: any). ``place``: a gazetteer place with ``lat``/``lon`` and a
    ``radius_km`` around it, resolved when the alert is added. The matching is frontlines.alerts.match.
    """

    name: str
    sink: str  # "stdout", a file path (JSON lines appended), or an http(s) webhook URL (one POST each)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    place: str | None = None  # the gazetteer place's name
    place_id: str | None = None  # its gazetteer id ("geonames:706448")
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    plover_type: str | None = None  # a PLOVER type (incidents), or CONTROL (control changes only)
    actor: str | None = None  # an actor's name contains this (any case)
    side: str | None = None  # a side (ISO3 or group) of an actor, or the side gaining or losing control
    status: str | None = None  # an event realis of any report (incidents) or a control status (claimed, ...)
    min_killed: int | None = None  # the highest killed figure reported is at least this
    id: int | None = None  # the store's id
    created_at: dt.datetime | None = None
    delivered: int = 0  # objects sent
    failed: int = 0  # objects whose delivery failed (kept, with the last failure's code)
    last_error_code: str | None = None
    last_error: str | None = None
    last_at: dt.datetime | None = None  # the last delivery tried


@dataclass(**_FROZEN)
class AlertDelivery:
    """One delivery an alert tried: what it was about, and whether it went (else the coded reason)."""

    alert_id: int
    subject: str  # "incident:<id>" or "control:<settlement>|<side>|<date>"
    change: str  # new, changed
    state: str  # sent, failed
    tries: int
    at: dt.datetime
    error_code: str | None = None
    error: str | None = None


@dataclass(**_FROZEN)
class StoreChanges:
    """What was stored after a cursor (GET /api/changes): counts, and the cursor to ask from next time."""

    cursor: tuple[int, int, int]  # the last events.id, control_changes.id and incidents.seq stored
    events: int = 0
    incidents: int = 0  # new or re-merged (an incident that gained a report is stored again)
    control_changes: int = 0


@dataclass(**_FROZEN)
class ControlReview:
    """An analyst's verdict on one change of control (a period of a settlement's timeline), its own record.

    The change is named by its id (control.timeline.change_id: settlement, side and date) and by those
    three as they were when reviewed, so that the review finds its change again when new reports move
    the period's first date. Applied whenever a timeline is built (control/timeline.py): a rejected change
    leaves the timeline, a corrected one takes the side and date given, a confirmed one is confirmed.
    """

    control_id: str
    settlement: str  # control.timeline.settlement_key of the settlement
    to_side: str  # the side the change gave it, as reviewed
    date: dt.date | None  # the change's date, as reviewed
    verdict: Verdict
    user: str
    at: dt.datetime
    new_side: str | None = None  # corrected: the side that took it
    new_date: dt.date | None = None  # corrected: the day it changed hands
    note: str | None = None
    id: int | None = None  # the store's id


class IncidentAction(str, enum.Enum):
    """What an analyst did to incidents."""

    MERGE = "merge"  # these events are one happening
    SPLIT = "split"  # these events are not the same happening as the rest of their incident


@dataclass(**_FROZEN)
class IncidentReview:
    """An analyst's merge of incidents or split of one, kept as its own record and honoured by every
    merge of incidents (incidents/merge.py), so that it survives `run --again` and the after-run re-merge."""

    action: IncidentAction
    event_keys: tuple[str, ...]  # merge: every member to hold together; split: the members split off
    user: str
    at: dt.datetime
    rest: tuple[str, ...] = ()  # split: the members they were split from
    incident_ids: tuple[str, ...] = ()  # the incidents as they were when reviewed
    note: str | None = None
    id: int | None = None  # the store's id


# --------------------------------------------------------------------------
# JSON form
# --------------------------------------------------------------------------

_SCALARS = frozenset({str, int, float, bool, type(None)})  # exact types: a str enum is not one


def to_dict(record: Any) -> Any:
    """Turn a record (or nested records, tuples, enums, dates) into JSON-ready data."""
    cls: type = type(record)  # plain ``type``: mypy does not treat ``type[Any]`` as Hashable, which the cache needs
    if cls in _SCALARS:
        return record
    names = _field_names(cls)
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, enum.Enum):
        return record.value
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {str(k): to_dict(v) for k, v in record.items()}
    return record


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    # The API writes records by the thousand; dataclasses.fields() per record was most of to_dict's time.
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls))


R = TypeVar("R")


def from_dict(cls: type[R], data: dict[str, Any]) -> R:
    """Rebuild a record of type ``cls`` from :func:`to_dict` output."""
    # Widen to plain ``type``: mypy does not treat ``type[R]`` as Hashable, which the cache needs.
    record_type: type = cls
    return cls(**{name: convert(data[name]) for name, convert in _fields_plan(record_type) if name in data})


@functools.cache
def _fields_plan(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    # Resolving annotations and walking typing objects costs far more than building the record;
    # records are read by the ten thousand (incidents, API), so each field's converter is built once.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _identity(value: Any) -> Any:
    return value


def _nullable(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    if convert is _identity:
        return _identity
    return lambda value: None if value is None else convert(value)


@functools.cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function turning JSON data into a value of type ``tp`` (None stays None)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else _identity
    if origin is tuple:
        (item_tp, *_rest) = typing.get_args(tp)
        if item_tp is str or (isinstance(item_tp, type) and not dataclasses.is_dataclass(item_tp)):
            return _nullable(tuple)
        item = _converter(item_tp)
        return _nullable(lambda value: tuple(item(v) for v in value))
    if origin is dict:
        return _nullable(lambda value: {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()})
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            record_type: type = tp
            return _nullable(lambda value: from_dict(record_type, value))
        if issubclass(tp, enum.Enum):
            return _nullable(tp)
        if tp is dt.datetime:
            return _nullable(dt.datetime.fromisoformat)
        if tp is dt.date:
            return _nullable(lambda value: dt.date.fromisoformat(value[:10]))
    return _identity
