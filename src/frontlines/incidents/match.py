"""When two reported events can describe the same happening.

Four tests, all cheap: compatible type (same PLOVER type and ACLED event type,
or both a change of territory), overlapping time intervals, places within a
distance that depends on the coarser of the two precisions, and compatible
actors (different perpetrators are tolerated only at the same settlement on the
same day, where they make the incident disputed rather than two incidents).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from frontlines.incidents.sources import actor_side
from frontlines.records import Event, EventStatus, Place, Precision, Resolution, TimeType

# ACLED sub-event types and PLOVER modes that change who holds ground; reports of
# one capture often differ on the wording (captured / retook / withdrew from).
TERRITORY_SUB_TYPES = frozenset({
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
})

# Statuses grouped by what they say about the world: a denial of a strike is a
# report about that strike; an order to withdraw is not the withdrawal.
_REAL = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED, EventStatus.NEGATED})
_INTENT = frozenset({EventStatus.ORDERED, EventStatus.ANNOUNCED, EventStatus.PLANNED, EventStatus.THREATENED})

# Radius (km) within which two places may be the same, by the coarser precision.
# Exact settlements must be the same gazetteer entry (or within 2 km: the same
# village entered twice); "near X" allows the outskirts; an oblast-level report
# may be any place in the oblast.
_RADIUS_KM = {
    Precision.EXACT: 2.0,
    Precision.NEAR: 12.0,
    Precision.ADMIN2: 60.0,
    Precision.ADMIN1: 200.0,
    Precision.REGION: 300.0,
    Precision.COUNTRY: 1500.0,
}
_RANK = {p: i for i, p in enumerate(_RADIUS_KM)}

# An event with no usable time is dated by its article: it happened at most this
# many days before publication.
UNDATED_WINDOW_DAYS = 2


@dataclass(frozen=True, slots=True)
class Interval:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def event_interval(event: Event, published: dt.date | None) -> Interval | None:
    """The dates an event may have happened on: its time value, else the days before publication."""
    tv = event.time
    if tv is not None and tv.type in (TimeType.DATE, TimeType.TIME) and tv.start is not None:
        if tv.resolution is not Resolution.UNRESOLVED:
            end = tv.end or tv.start
            return Interval(tv.start, max(end, tv.start))
    if published is not None:
        return Interval(published - dt.timedelta(days=UNDATED_WINDOW_DAYS), published)
    return None


def precision_of(place: Place) -> Precision:
    """A place's precision; unknown ones are treated as settlement-level."""
    return place.precision or Precision.EXACT


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _place_key(place: Place) -> str:
    return place.gazetteer_id or (place.name or place.text).lower()


def same_settlement(a: Place | None, b: Place | None) -> bool:
    """Both places are settlement-level and the same one (same entry, or within 2 km)."""
    if a is None or b is None:
        return False
    if precision_of(a) is not Precision.EXACT or precision_of(b) is not Precision.EXACT:
        return False
    return places_compatible(a, b)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Whether two places can be where one happening took place."""
    if a is None or b is None:
        return a is None and b is None
    if _place_key(a) == _place_key(b):
        return True
    coarse = max(precision_of(a), precision_of(b), key=_RANK.__getitem__)
    if coarse is Precision.COUNTRY:
        return bool(a.country) and a.country == b.country
    if coarse is Precision.ADMIN1 and a.admin1 and b.admin1:
        # An oblast-level report covers every place of that oblast, and nothing outside it.
        return a.admin1 == b.admin1 and (a.country == b.country or not (a.country and b.country))
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= _RADIUS_KM[coarse]  # type: ignore[arg-type]


def types_compatible(a: Event, b: Event) -> bool:
    """Same kind of happening: both a change of territory, or the same PLOVER and ACLED event type."""
    if is_territorial(a) and is_territorial(b):
        return True
    if a.plover_type != b.plover_type:
        return False
    if a.acled_sub_event_type and b.acled_sub_event_type and a.acled_sub_event_type != b.acled_sub_event_type:
        # Outlets disagree on the weapon (missile, drone, shell) far more often than on the
        # kind of violence: sub-types of one ACLED event type stay compatible.
        return bool(a.acled_event_type) and a.acled_event_type == b.acled_event_type
    return True


def is_territorial(event: Event) -> bool:
    """The event (if real) changes who holds ground: a capture, a retaking, a withdrawal or a handover."""
    if event.acled_sub_event_type in TERRITORY_SUB_TYPES:
        return True
    return event.plover_type == "ASSAULT" and event.plover_mode == "occupy"


def status_class(event: Event) -> str | None:
    """"real" (happened, claimed, denied), "intent" (ordered, planned, ...) or None (merges with nothing)."""
    if event.status in _REAL:
        return "real"
    if event.status in _INTENT:
        return "intent"
    return None


def statuses_compatible(a: Event, b: Event) -> bool:
    """Reports of something that happened (or is denied) merge with each other; intentions with intentions."""
    return (a.status in _REAL and b.status in _REAL) or (a.status in _INTENT and b.status in _INTENT)


def blocks(event: Event) -> tuple[tuple[str, str], ...]:
    """Keys such that two events can be :func:`compatible` only if they share one.

    Both a change of territory, or the same PLOVER type; and the same status class.
    Lets a merge compare events within blocks instead of every pair.
    """
    status = status_class(event)
    if status is None or not mergeable(event):
        return ()
    keys = [(status, "type:" + (event.plover_type or ""))]
    if is_territorial(event):
        keys.append((status, "territory"))
    return tuple(keys)


def mergeable(event: Event) -> bool:
    """Hypothetical events describe nothing that happened and never form incidents."""
    return event.status is not EventStatus.HYPOTHETICAL


def source_sides(event: Event) -> frozenset[str]:
    return frozenset(s for s in (actor_side(a) for a in event.sources) if s)


def taken_unopposed(event: Event) -> bool:
    """Ground its taker occupied with no fight (events.uncontested): a non-violent transfer the taker did, who
    gains the ground (a withdrawal or handover, RETREAT, gives it to the other side)."""
    return event.plover_type == "ASSAULT" and event.plover_mode == "occupy"


def gaining_sides(event: Event) -> frozenset[str]:
    """For a change of territory, the side that gains ground: who captures, or whom a withdrawal leaves it to."""
    if event.plover_type == "RETREAT" or (event.acled_sub_event_type == "Non-violent transfer of territory"
                                           and not taken_unopposed(event)):
        return frozenset(s for s in (actor_side(a) for a in event.targets) if s)
    return source_sides(event)


def actors_conflict(a: Event, b: Event) -> bool:
    """Both name who did it, and they name different sides."""
    if is_territorial(a) and is_territorial(b):
        sa, sb = gaining_sides(a), gaining_sides(b)
        return bool(sa and sb and sa.isdisjoint(sb))
    sa, sb = source_sides(a), source_sides(b)
    return bool(sa and sb and sa.isdisjoint(sb))


def intervals_overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return False
    return a.start <= b.end and b.start <= a.end


def compatible(a: Event, a_published: dt.date | None, b: Event, b_published: dt.date | None, *,
               intervals: tuple[Interval | None, Interval | None] | None = None) -> bool:
    """Whether two reported events can be the same happening.

    ``intervals``: the two events' :func:`event_interval`, when the caller has them already.
    """
    if not (mergeable(a) and mergeable(b)):
        return False
    if not statuses_compatible(a, b) or not types_compatible(a, b):
        return False
    ia, ib = intervals or (event_interval(a, a_published), event_interval(b, b_published))
    if not intervals_overlap(ia, ib):
        return False
    if not places_compatible(a.place, b.place):
        return False
    if a.place is None and not (source_sides(a) & source_sides(b)):
        # Without a place, only the same perpetrator on the same days ties two reports together.
        return False
    if actors_conflict(a, b):
        # Two sides blamed for one strike is a dispute, but only when the reports pin
        # it to one settlement and one of them to one day; anywhere coarser they are two events.
        one_day = ia is not None and ib is not None and min(ia.days, ib.days) == 1
        return one_day and same_settlement(a.place, b.place)
    return True
