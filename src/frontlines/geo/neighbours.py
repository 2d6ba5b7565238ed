"""Neighbours: a name written with the place it lies near is one of its namesakes close to that place.

"The village of Andriivka south of Bakhmut", "Robotyne, 10 km south of Orikhiv", "Zolota Nyva, a village near
Velyka Novosilka": the phrase after the name ("[N km] <bearing> of Y", "near Y", "on the outskirts of Y") says where
the name lies. A front-line village shares its name with a dozen others; the one within reach of Y is meant, wherever
the article's other places pull (a story about Bakhmut's flank that also names Zaporizhzhia villages). The name's
candidates are narrowed to those within reach of one of Y's, for every mention of the name in the article (one sense
per discourse: the later bare "Andriivka" is the same village), before the candidates are scored. A name with no
namesake within reach is left to the other rules ("Kupiansk near Kharkiv": the phrase is loose, the town known).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.geo.gazetteer import normalise_name
from frontlines.geo.items import Item
from frontlines.geo.postal import distance_km
from frontlines.geo.relative import _BEARINGS, _NEAR_PHRASES, _NEAR_WORDS, _NUMBER, _UNITS_KM
from frontlines.records import PlaceKind

REACH_KM = 40.0  # "south of Y", "near Y" with no distance: a neighbour within this reach
_DISTANCE_SLACK = 1.5  # "10 km south of Y": within 1.5 times the distance given, plus SLACK_KM
SLACK_KM = 10.0
# words between the name and its phrase: an apposition of its kind and a hedge on the distance
_BETWEEN = frozenset({",", "a", "an", "the", "small", "tiny", "village", "town", "settlement", "hamlet", "city",
                      "about", "some", "roughly", "approximately", "just", "located", "situated", "lying", "which",
                      "is", "lies", "(", "on", "in"})
_TOWN_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN2, PlaceKind.FACILITY})
_PHRASE_FIRSTS = frozenset(p.split()[0] for p in _NEAR_PHRASES)


def narrow_to_neighbours(doc: Any, items: Sequence[Item]) -> None:
    """Narrow each name followed by a phrase that places it near another name of the article to its namesakes
    within reach of that name's places; every mention of the name is narrowed alike (see the module docstring)."""
    by_start = {it.mention.start: k for k, it in enumerate(items)}
    narrowed: dict[str, tuple[frozenset[str], str]] = {}
    for it in items:
        if len(it.candidates) < 2 or not any(c.kind in _TOWN_KINDS for c in it.candidates):
            continue
        found = _anchor_after(doc, it.mention.end)
        if found is None:
            continue
        start, reach, phrase = found
        k = by_start.get(start)
        if k is None:
            continue
        anchors = [c for c in items[k].candidates if c.kind in _TOWN_KINDS]
        near = [c for c in it.candidates if c.kind in _TOWN_KINDS and any(distance_km(c.lat, c.lon, a.lat, a.lon) <= reach for a in anchors)]
        if not near or len(near) == len(it.candidates):
            continue
        key = normalise_name(it.text)
        if key not in narrowed:
            narrowed[key] = (frozenset(c.gid for c in near), f"{phrase} {items[k].text}: its namesakes within {reach:g} km")
    if not narrowed:
        return
    for it in items:
        hit = narrowed.get(normalise_name(it.text))
        if hit is None:
            continue
        gids, why = hit
        kept = tuple(c for c in it.candidates if c.gid in gids)
        if kept:
            it.candidates = kept
            it.note = f"{it.note}; {why}" if it.note else why


def _anchor_after(doc: Any, end: int) -> tuple[int, float, str] | None:
    """The token where the name of the place a phrase after ``end`` puts the name near begins, the reach in km, and
    the phrase's words; None when no such phrase follows."""
    i, n = end, len(doc)
    distance: float | None = None
    while i < n and i - end <= 6:
        low = doc[i].lower_
        if _NUMBER.match(low) and i + 1 < n and doc[i + 1].lower_ in _UNITS_KM:
            distance = float(low.replace(",", ".")) * _UNITS_KM[doc[i + 1].lower_]
            i += 2
            continue
        if low in _BETWEEN:
            i += 1
            continue
        break
    if i >= n:
        return None
    low = doc[i].lower_
    if low in _BEARINGS and i + 1 < n and doc[i + 1].lower_ == "of":
        phrase, i = f"{low} of", i + 2
    elif low in _NEAR_WORDS and distance is None:
        phrase, i = low, i + 1
    elif low in _PHRASE_FIRSTS and i + 1 < n and f"{low} {doc[i + 1].lower_}" in _NEAR_PHRASES and distance is None:
        phrase, i = f"{low} {doc[i + 1].lower_}", i + 2
    else:
        return None
    if i < n and doc[i].lower_ == "the":
        i += 1
    reach = REACH_KM if distance is None else distance * _DISTANCE_SLACK + SLACK_KM
    return i, reach, phrase


__all__ = ["REACH_KM", "narrow_to_neighbours"]
