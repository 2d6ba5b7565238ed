"""A local feature's name that a village elsewhere also bears ("Grant Park" in a Chicago story, "Eden Park" in
an Auckland one, "Washington Park" in Springfield's): the park, square or bridge of the story's city, not the
village (read by geo.resolve beside geo.coherence's far namesakes)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.geo.coherence import CITY_WITH_DISTRICTS, TOWN_KINDS
from frontlines.geo.context import feature_name
from frontlines.geo.postal import distance_km
from frontlines.records import PlaceKind

FEATURE_VILLAGE_POP = 10_000  # a place bearing a feature's name is a village below this (not Highland Park, 30,000)
CITY_RADIUS_KM = 25.0  # a village this close to the story's city may be its suburb: no feature name alone says


def village_features(items: Sequence[Any]) -> set[int]:
    """Items written as a local feature ("X Park", "X Bridge") whose place is a village (FEATURE_VILLAGE_POP) lying
    outside (CITY_RADIUS_KM) every city of the story large enough to have parks and squares of its own
    (CITY_WITH_DISTRICTS): the name is the city's feature, which the gazetteer lacks, placed as one
    (geo.context.place_feature). A name narrowed by a container, a kind word or a demonym, a town large enough
    to be meant by its name, and a story with no such city are left alone."""
    settled = [it for it in items if it.best is not None and it.override is None and not it.partial]
    cities = [it.best for it in settled if it.best.kind == PlaceKind.SETTLEMENT
              and it.best.population >= CITY_WITH_DISTRICTS]
    out: set[int] = set()
    if not cities:
        return out
    for it in settled:
        c = it.best
        if (c.kind not in TOWN_KINDS or c.population >= FEATURE_VILLAGE_POP or it.note or it.demonym
                or it.hint is not None or not feature_name(it.text)):
            continue
        if all(o.gid != c.gid and distance_km(o.lat, o.lon, c.lat, c.lon) > CITY_RADIUS_KM for o in cities):
            out.add(id(it))
    return out
