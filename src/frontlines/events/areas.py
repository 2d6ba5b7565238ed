"""Areas and the places inside them: a division or a country gives way, as an event's place, to a place
inside it that the sentence also names ("struck Chuhuiv, Kharkiv" is Chuhuiv); a part of a division named
by its direction ("eastern Congo", "northern Shan") holds the division's towns as the division does.
Split from ``events.roles`` (asked by ``roles.choose_place`` and ``events.unnamed``)."""

from __future__ import annotations

from frontlines.records import Place, PlaceKind, Precision

_CONTAINER_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.ADMIN2})


def contained(best: tuple[float, int, Place], eligible: list[tuple[float, int, Place]]) -> tuple[float, int, Place]:
    """A division is not the event's place when its sentence names, in a role a place of the event
    may have, a place inside it: "struck Chuhuiv, Kharkiv" is Chuhuiv, "killed two in the Donetsk
    region ... Ukraine" the region. The most likely such place (attached to the trigger or next to it);
    one in another clause of the sentence too, not being a venue nor a doer's home ("Abductions in
    Nigeria became common after gunmen seized 276 schoolgirls ... in the town of Chibok")."""
    outer = best[2]
    if outer.kind not in _CONTAINER_KINDS and not part_of_division(outer):
        return best
    inner = [e for e in eligible if e[2] is not outer and e[0] >= 1.0 and e[1] > best[1] and inside_area(e[2], outer)]
    return max(inner, key=lambda e: (e[0], e[1])) if inner else best


def part_of_division(place: Place) -> bool:
    """A part of a country or division named by its direction ("northeastern Borno", "eastern Congo"),
    which holds the towns of the division as the division does."""
    return place.kind == PlaceKind.RELATIVE and place.precision == Precision.REGION and place.country is not None


def inside_area(p: Place, outer: Place) -> bool:
    """``p`` is a place of the country, the division or the part of a division ``outer`` names (not a division
    inside a part named by its direction: "northern Shan" holds its towns, not Shan)."""
    if p.kind == PlaceKind.COUNTRY or p.country != outer.country or p.lat is None:
        return False
    if outer.kind == PlaceKind.COUNTRY or (part_of_division(outer) and outer.admin1 is None):
        return True
    if part_of_division(outer):
        return p.kind != PlaceKind.ADMIN1 and p.admin1 == outer.admin1
    return outer.kind == PlaceKind.ADMIN1 and p.kind != PlaceKind.ADMIN1 and p.admin1 == outer.admin1
