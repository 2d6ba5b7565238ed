"""Analyst reviews on top of machine-coded events: read the changes a reviewer gives, check them, and
apply them to an event. Pure functions over records: the store keeps the reviews and applies them
on every read (store/reviews.py), the API and CLI read the reviewer's input with :func:`parse_changes`.

The machine's event is never overwritten: :func:`apply_changes` returns a new Event, and an event's
reviews are folded in the order they were made (:func:`fold`), a later value for a field replacing an
earlier one and the latest verdict standing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from frontlines.errors import FrontlinesError
from frontlines.records import (
    Actor,
    ControlChange,
    ControlReview,
    Event,
    EventChanges,
    EventStatus,
    Evidence,
    Incident,
    IncidentAction,
    IncidentReview,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Resolution,
    Review,
    TimeValue,
    Verdict,
)

if TYPE_CHECKING:
    from frontlines.geo.gazetteer import Gazetteer

GRANULARITIES = ("day", "week", "month", "year")
REVIEW_CODE = "E906"

# The names a reviewer may set (CLI --set NAME=VALUE, API "changes" keys), with ACLED's column names as aliases.
ALIASES = {
    "type": "plover_type", "event_type": "acled_event_type", "sub_event_type": "acled_sub_event_type",
    "actor1": "sources", "actor2": "targets", "actors1": "sources", "actors2": "targets",
    "location": "place", "event_date": "date",
}
FIELDS = tuple(f.name for f in dataclasses.fields(EventChanges))


def _bad(message: str) -> FrontlinesError:
    return FrontlinesError(message, code=REVIEW_CODE)


# -- reading the reviewer's input ------------------------------------------------------------------
def parse_assignments(pairs: Sequence[str]) -> dict[str, Any]:
    """``--set field=value`` strings to a changes mapping (``quantities.injured=4`` sets one figure;
    actors are separated by ``;``)."""
    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise _bad(f"--set {pair!r}: want FIELD=VALUE")
        if name.startswith("quantities."):
            out.setdefault("quantities", {})[name.split(".", 1)[1]] = value.strip()
            continue
        field = ALIASES.get(name, name)
        if field in ("sources", "targets"):
            out[field] = [a.strip() for a in value.split(";") if a.strip()]
        else:
            out[field] = value.strip()
    return out


def parse_changes(
    raw: Mapping[str, Any],
    *,
    plover_types: Iterable[str] = (),
    acled_types: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> EventChanges:
    """A reviewer's changes (JSON from the API, or :func:`parse_assignments` output), checked.

    Types must be in their vocabularies (when given), dates ISO, figures whole and not negative.
    A place is a gazetteer id ("geonames:706483"), a name the gazetteer knows (its most populous
    entry), or an object ``{"name", "lat", "lon", "country", "admin1"}``. Raises E906 on any fault.
    """
    if not isinstance(raw, Mapping):
        raise _bad("changes must be an object of field: value")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        field = ALIASES.get(str(key), str(key))
        if field not in FIELDS:
            raise _bad(f"cannot change {key!r}; one of: {', '.join(FIELDS)}")
        if value is None:
            continue
        values[field] = _parse_field(field, value, plover_types=tuple(plover_types),
                                     acled_types=tuple(acled_types), gazetteer=gazetteer)
    if values.get("date_end") and values.get("date") and values["date_end"] < values["date"]:
        raise _bad(f"date_end {values['date_end']} is before date {values['date']}")
    return EventChanges(**values)


def _choose(name: str, value: Any, allowed: Sequence[str]) -> str:
    text = str(value).strip()
    if not allowed:
        return text
    for option in allowed:
        if option.casefold() == text.casefold():
            return option
    raise _bad(f"{name} {text!r} is not one of: {', '.join(allowed)}")


def _parse_field(field: str, value: Any, *, plover_types: Sequence[str], acled_types: Sequence[str],
                 gazetteer: Gazetteer | None) -> Any:
    if field == "plover_type":
        return _choose("plover_type", str(value).upper(), plover_types)
    if field in ("acled_event_type", "acled_sub_event_type"):
        return _choose(field, value, acled_types)
    if field in ("sources", "targets"):
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else None
        if items is None or not all(isinstance(a, str) and a.strip() for a in items):
            raise _bad(f"{field}: want a list of actor names")
        return tuple(a.strip() for a in items)
    if field == "place":
        return resolve_place(value, gazetteer)
    if field in ("date", "date_end"):
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise _bad(f"{field} {value!r}: want a date as YYYY-MM-DD") from None
    if field == "granularity":
        return _choose("granularity", value, GRANULARITIES)
    if field == "status":
        return EventStatus(_choose("status", value, [s.value for s in EventStatus]))
    if field == "attributed_to":
        return str(value).strip()
    if field == "fatalities":
        return _count("fatalities", value)
    if field == "quantities":
        if not isinstance(value, Mapping):
            raise _bad("quantities: want an object of kind: number")
        return {str(k): float(_count(f"quantities.{k}", v)) for k, v in value.items()}
    raise _bad(f"cannot change {field!r}")  # unreachable: FIELDS is checked first


def _count(name: str, value: Any) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _bad(f"{name} {value!r}: want a whole number") from None
    if number != number or number < 0 or number != int(number):
        raise _bad(f"{name} {value!r}: want a whole number, 0 or more")
    return int(number)


_NO_SPAN_TEXT = ""


def resolve_place(value: Any, gazetteer: Gazetteer | None) -> Place:
    """A reviewer's place: a gazetteer id, a gazetteer name, or an object with name and coordinates."""
    evidence = _review_evidence()
    if isinstance(value, Mapping):
        name = str(value.get("name") or "").strip()
        if not name:
            raise _bad("place: an object needs a name")
        lat, lon = value.get("lat"), value.get("lon")
        try:
            lat_f = float(lat) if lat is not None else None
            lon_f = float(lon) if lon is not None else None
        except (TypeError, ValueError):
            raise _bad(f"place {name!r}: lat and lon must be numbers") from None
        if (lat_f is None) != (lon_f is None) or (lat_f is not None and not (-90 <= lat_f <= 90)) or (
                lon_f is not None and not (-180 <= lon_f <= 180)):
            raise _bad(f"place {name!r}: want both lat (±90) and lon (±180), or neither")
        return Place(text=name, evidence=evidence, name=name, gazetteer_id=value.get("gazetteer_id"),
                     kind=PlaceKind.SETTLEMENT, lat=lat_f, lon=lon_f, admin1=value.get("admin1"),
                     country=value.get("country"), precision=Precision.EXACT if lat_f is not None else None,
                     reason="set by a reviewer")
    text = str(value).strip()
    if not text:
        raise _bad("place: empty")
    if gazetteer is None:
        raise _bad(f"place {text!r}: no gazetteer to resolve it (give {{name, lat, lon}} instead)")
    candidate = gazetteer.get(text) if ":" in text else None
    if candidate is None:
        found = gazetteer.lookup(text)
        candidate = found[0] if found else None
    if candidate is None:
        raise _bad(f"place {text!r}: not a gazetteer id or name the gazetteer knows")
    return Place(text=text, evidence=evidence, name=candidate.name, gazetteer_id=candidate.gid,
                 kind=candidate.kind, lat=candidate.lat, lon=candidate.lon, admin1=candidate.admin1,
                 country=candidate.country, precision=candidate.precision or Precision.EXACT,
                 reason="set by a reviewer")


def _review_evidence() -> Evidence:
    return Evidence(article_id="", start=0, end=0, text=_NO_SPAN_TEXT)


# -- applying reviews ---------------------------------------------------------------------------------
def merge_changes(earlier: EventChanges, later: EventChanges) -> EventChanges:
    """``later``'s values over ``earlier``'s (figures merged by kind)."""
    values = {f: getattr(later, f) if getattr(later, f) is not None else getattr(earlier, f)
              for f in FIELDS if f != "quantities"}
    return EventChanges(**values, quantities={**earlier.quantities, **later.quantities})


def fold(reviews: Sequence[Review]) -> tuple[Review, EventChanges]:
    """An event's reviews (in the order made) to the latest review and the changes of them all."""
    if not reviews:
        raise ValueError("fold: no reviews")
    changes = EventChanges()
    for r in reviews:
        changes = merge_changes(changes, r.changes)
    return reviews[-1], changes


def period_bounds(day: dt.date, granularity: str) -> tuple[str, dt.date, dt.date]:
    """(TIMEX value, start, end) of the period of ``granularity`` holding ``day``."""
    if granularity == "year":
        return str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if granularity == "month":
        nxt = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.isoformat()[:7], day.replace(day=1), nxt - dt.timedelta(days=1)
    if granularity == "week":
        year, week, _ = day.isocalendar()
        start = day - dt.timedelta(days=day.weekday())
        return f"{year}-W{week:02d}", start, start + dt.timedelta(days=6)
    return day.isoformat(), day, day


def _actors(names: Sequence[str], before: Sequence[Actor], evidence: Any) -> tuple[Actor, ...]:
    known = {a.name.casefold(): a for a in before}
    return tuple(known.get(n.casefold()) or Actor(text=n, evidence=evidence, name=n, kind="group")
                 for n in names)


def _time(ev: Event, ch: EventChanges) -> TimeValue | None:
    old = ev.time
    if ch.date is None and ch.granularity is None and ch.date_end is None:
        return old
    day = ch.date or (old.start if old else None)
    if day is None:
        return old
    granularity = ch.granularity or (old.granularity if old and old.granularity in GRANULARITIES else "day")
    value, start, end = period_bounds(day, granularity)
    if ch.date is not None and granularity == "day":
        value, start = day.isoformat(), day
    if ch.date_end is not None:
        end = ch.date_end
        if ch.date_end != start:
            value = f"{start.isoformat()}/{ch.date_end.isoformat()}"
    return TimeValue(text=old.text if old else "", evidence=old.evidence if old else ev.evidence,
                     value=value, start=start, end=end, granularity=granularity, resolution=Resolution.EXPLICIT,
                     anchor="set by a reviewer")


def _quantities(ev: Event, ch: EventChanges) -> tuple[Quantity, ...]:
    wanted = dict(ch.quantities)
    if ch.fatalities is not None:
        wanted["killed"] = float(ch.fatalities)
    if not wanted:
        return ev.quantities
    out: list[Quantity] = []
    done: set[str] = set()
    for q in ev.quantities:
        if q.kind in wanted and q.kind not in done:  # the first figure of a kind is the one listed
            out.append(dataclasses.replace(q, value=wanted[q.kind], low=None, high=None,
                                           qualifier="set by a reviewer"))
            done.add(q.kind)
        else:
            out.append(q)
    for kind, value in wanted.items():
        if kind not in done:
            out.insert(0, Quantity(text="", evidence=ev.evidence, kind=kind, value=value,
                                   qualifier="set by a reviewer"))
    return tuple(out)


def apply_changes(ev: Event, ch: EventChanges) -> Event:
    """The event as the review says it is: a new Event, ``ev`` untouched."""
    updates: dict[str, Any] = {}
    for name in ("plover_type", "acled_event_type", "acled_sub_event_type", "status"):
        if getattr(ch, name) is not None:
            updates[name] = getattr(ch, name)
    if ch.attributed_to is not None:
        updates["attributed_to"] = ch.attributed_to or None
    if ch.sources is not None:
        updates["sources"] = _actors(ch.sources, ev.sources, ev.evidence)
    if ch.targets is not None:
        updates["targets"] = _actors(ch.targets, ev.targets, ev.evidence)
    if ch.place is not None:
        updates["place"] = dataclasses.replace(ch.place, evidence=ev.place.evidence if ev.place else ev.evidence)
    time = _time(ev, ch)
    if time is not ev.time:
        updates["time"] = time
    quantities = _quantities(ev, ch)
    if quantities is not ev.quantities:
        updates["quantities"] = quantities
    return dataclasses.replace(ev, **updates) if updates else ev


def check_verdict(verdict: str, changes: EventChanges) -> Verdict:
    """The verdict, checked against the changes: a correction changes something, the others nothing."""
    try:
        v = Verdict(str(verdict).strip().lower())
    except ValueError:
        raise _bad(f"verdict {verdict!r} is not one of: {', '.join(x.value for x in Verdict)}") from None
    empty = changes == EventChanges()
    if v is Verdict.CORRECTED and empty:
        raise _bad("a correction needs changes (e.g. fatalities=3)")
    if v is not Verdict.CORRECTED and not empty:
        raise _bad(f"a {v.value} review changes nothing; use the verdict 'corrected' with changes")
    return v


def make_review(
    event_key: str,
    verdict: str,
    changes: Mapping[str, Any] | None,
    *,
    user: str,
    note: str | None = None,
    plover_types: Iterable[str] = (),
    acled_types: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> Review:
    """A reviewer's input (API body or CLI flags) as a checked Review of ``event_key``, made now.

    The store fills in the event's article, span, trigger and type when it keeps the review.
    """
    parsed = parse_changes(changes or {}, plover_types=plover_types, acled_types=acled_types, gazetteer=gazetteer)
    if note is not None and len(note) > 4000:
        raise _bad("note: at most 4,000 characters")
    return Review(event_key=event_key, article_id="", verdict=check_verdict(verdict, parsed), user=user,
                  at=dt.datetime.now(dt.timezone.utc), changes=parsed, note=(note or "").strip() or None)


def open_gazetteer(path: Any) -> Gazetteer | None:
    """The built gazetteer at ``path`` for resolving reviewers' places, or None when none is built
    (a review then names its place with coordinates)."""
    from pathlib import Path

    from frontlines.geo.gazetteer import Gazetteer as _Gazetteer

    return _Gazetteer(Path(path)) if Path(path).is_file() else None


# -- reviews of changes of control and of incidents ---------------------------------------------------
CONTROL_FIELDS = {"to_side": "to_side", "side": "to_side", "date": "date"}
_SIDE = re.compile(r"[A-Za-z][A-Za-z0-9 ._'-]{0,63}")


def make_control_review(change: ControlChange, verdict: str, changes: Mapping[str, Any] | None, *, control_id: str,
                        settlement: str, user: str, note: str | None = None) -> ControlReview:
    """A reviewer's verdict on one change of control (a period of its settlement's timeline, as read now,
    with its id and settlement key from control/timeline.py), checked: a correction sets the side that took
    it (``to_side``) and/or the day (``date``), nothing else."""
    new_side: str | None = None
    new_date: dt.date | None = None
    for key, value in (changes or {}).items():
        name = CONTROL_FIELDS.get(str(key))
        if name is None:
            raise _bad(f"cannot change {key!r} of a change of control; one of: to_side, date")
        if value is None or str(value).strip() == "":
            continue
        if name == "to_side":
            text = str(value).strip()
            if not _SIDE.fullmatch(text):
                raise _bad(f"to_side {text!r}: an ISO3 code or a group's name (letters first, at most 64)")
            new_side = text.upper() if len(text) == 3 and text.isalpha() else text
        else:
            try:
                new_date = dt.date.fromisoformat(str(value))
            except ValueError:
                raise _bad(f"date {value!r}: want a date as YYYY-MM-DD") from None
    if new_side == change.to_side:
        new_side = None
    if new_date == change.date:
        new_date = None
    v = _control_verdict(verdict, changed=new_side is not None or new_date is not None)
    return ControlReview(control_id=control_id, settlement=settlement,
                         to_side=change.to_side, date=change.date, verdict=v, user=user,
                         at=dt.datetime.now(dt.timezone.utc), new_side=new_side, new_date=new_date,
                         note=_note(note))


def _control_verdict(verdict: str, *, changed: bool) -> Verdict:
    try:
        v = Verdict(str(verdict).strip().lower())
    except ValueError:
        raise _bad(f"verdict {verdict!r} is not one of: {', '.join(x.value for x in Verdict)}") from None
    if v is Verdict.CORRECTED and not changed:
        raise _bad("a correction of a change of control sets another to_side or date")
    if v is not Verdict.CORRECTED and changed:
        raise _bad(f"a {v.value} review changes nothing; use the verdict 'corrected' with changes")
    return v


def make_incident_merge(incidents: Sequence[Incident], *, user: str, note: str | None = None) -> IncidentReview:
    """An analyst's merge of two or more incidents into one: every member event is to hold together."""
    ids = list(dict.fromkeys(i.id for i in incidents))
    if len(ids) < 2:
        raise _bad("a merge needs two different incidents")
    keys = tuple(dict.fromkeys(r.event_key for i in incidents for r in i.reports))
    return IncidentReview(action=IncidentAction.MERGE, event_keys=keys, incident_ids=tuple(ids), user=user,
                          at=dt.datetime.now(dt.timezone.utc), note=_note(note))


def make_incident_split(incident: Incident, events: Sequence[str], *, user: str,
                        note: str | None = None) -> IncidentReview:
    """An analyst's split of an incident: ``events`` (some of its member keys, not all) become an incident
    of their own, apart from the rest of it."""
    members = [r.event_key for r in incident.reports]
    off = list(dict.fromkeys(str(k) for k in events))
    unknown = [k for k in off if k not in members]
    if unknown:
        raise _bad(f"not reports of incident {incident.id}: {', '.join(unknown)}")
    rest = [k for k in members if k not in off]
    if not off or not rest:
        raise _bad("a split names some of the incident's events, not none and not all")
    return IncidentReview(action=IncidentAction.SPLIT, event_keys=tuple(off), rest=tuple(rest),
                          incident_ids=(incident.id,), user=user, at=dt.datetime.now(dt.timezone.utc),
                          note=_note(note))


def _note(note: str | None) -> str | None:
    if note is not None and len(note) > 4000:
        raise _bad("note: at most 4,000 characters")
    return (note or "").strip() or None
