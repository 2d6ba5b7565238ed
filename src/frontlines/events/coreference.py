"""When two mentions of events may tell one happening, as far as where and when go.

Two places are compatible when they are the same, when one lies inside the other (a village or a
named feature inside the oblast the other mention names), or when a feature lies within a few
kilometres of the other (a junction and the city it is in; two villages are two places). Two times are compatible
when neither mention has a date of its own, or when their own dates cover the same span (the
afternoon of Saturday is Saturday; "last week" is not Sunday, nor October its 30th). Only the merges
of events/merge.py ask these questions; which mention keeps its fields is `best_fields`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from frontlines.records import Place, PlaceKind, TimeValue

NEAR_KM = 25.0  # a feature inside a town, the town's own centroid: the scorer's own radius
_CONTAINERS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION, PlaceKind.ADMIN2})
# places whose coordinates are a centroid of an area, not a point one can be near
_AREAS = _CONTAINERS | {PlaceKind.SEA, PlaceKind.RIVER, PlaceKind.CONTINENT}


def _key(p: Place) -> str:
    return p.gazetteer_id or (p.name or p.text).lower()


def _km(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def contains(outer: Place, inner: Place) -> bool:
    """``outer`` is a first-order division (an oblast, a state, a region of a country) that ``inner``
    lies in, by the gazetteer's own hierarchy (its country code and first-order division), never by
    names alone. A country contains no mention here: a country is what a text names when it names
    no place of the happening, and two such happenings of a day are not told to be one by it."""
    if _key(outer) == _key(inner) or outer.kind not in _CONTAINERS or inner.kind is outer.kind:
        return False
    if outer.kind is PlaceKind.ADMIN1:
        own = outer.admin1 or outer.name
        return (own is not None and inner.admin1 == own and inner.kind is not PlaceKind.COUNTRY
                and (outer.country is None or inner.country == outer.country))
    return False


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """No place told against another: either is unknown, they are one place, one lies inside the
    other, or one is a feature (a junction, an airport, a camp) within `NEAR_KM` of the other."""
    if a is None or b is None or _key(a) == _key(b):
        return True
    if contains(a, b) or contains(b, a):
        return True
    if a.kind in _AREAS or b.kind in _AREAS:
        return False  # an area's centroid near a town says nothing of the town being in it
    if a.kind is PlaceKind.SETTLEMENT and b.kind is PlaceKind.SETTLEMENT:
        return False  # two villages, however near, are two places (ACLED: one event per location)
    km = _km(a, b)
    return km is not None and km <= NEAR_KM


def more_specific(a: Place, b: Place) -> bool:
    """``a`` names where it happened more closely than ``b`` (``b`` contains ``a``)."""
    return contains(b, a)


def own_time(t: TimeValue | None) -> bool:
    """A date the mention's own words give (not the publication's default)."""
    return t is not None and t.resolution.value != "default"


def times_compatible(a: TimeValue | None, b: TimeValue | None) -> bool:
    """No own dates that differ: one of them gives no date of its own, or the two dates cover the
    same span ("on Saturday" and "in the early afternoon" of that Saturday). Without spans, the
    values must be equal."""
    if not own_time(a) or not own_time(b):
        return True
    assert a is not None and b is not None
    if a.value == b.value:
        return True
    # the same span: "on Saturday" and "in the early afternoon" (2022-10-29TAF) of that Saturday; a
    # week or a month around a day is not that day ("two insurgents who came last week")
    return a.start is not None and a.start == b.start and a.end is not None and a.end == b.end


def within(a: TimeValue | None, b: TimeValue | None) -> bool:
    """``a``'s span lies inside ``b``'s (a day of the month the other names)."""
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return False
    return b.start <= a.start and a.end <= b.end  # type: ignore[operator]


def _span_days(t: TimeValue) -> int | None:
    if t.start is None or t.end is None:
        return None
    return (t.end - t.start).days


def finer_time(a: TimeValue | None, b: TimeValue | None) -> bool:
    """``a`` dates the happening more exactly than ``b``: an own date against none, or a shorter span
    inside ``b``'s ("on 30 October" within "in October")."""
    if not own_time(a):
        return False
    if not own_time(b):
        return True
    assert a is not None and b is not None
    sa, sb = _span_days(a), _span_days(b)
    return sa is not None and sb is not None and sa < sb and within(a, b)


@dataclass(frozen=True, slots=True)
class Best:
    """Which of two mentions' fields the merged event keeps (True: the absorbed one's)."""

    place: bool
    time: bool


def best_fields(keep_place: Place | None, keep_time: TimeValue | None,
                gone_place: Place | None, gone_time: TimeValue | None) -> Best:
    """The most specific place (one the other contains) and the most exact date of the two."""
    place = gone_place is not None and keep_place is not None and more_specific(gone_place, keep_place)
    return Best(place=place, time=finer_time(gone_time, keep_time))
