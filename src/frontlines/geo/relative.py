"""Relative places: "20 km north of Izium", "near Bakhmut", "the west bank of the Dnipro".

A direction, distance or 'near' phrase before a resolved name makes a RELATIVE place with
the name as its anchor and a coarser precision (split out of geo/resolve.py by concern).
"""

from __future__ import annotations

import math
import re
from typing import Any

from frontlines.stages import doc_text
from frontlines.geo.gazetteer import Candidate, Gazetteer
from frontlines.geo.recognise import Mention
from frontlines.records import Evidence, Place, PlaceKind, Precision

# --- relative places -----------------------------------------------------------
_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "north-east": 45.0, "east": 90.0, "southeast": 135.0,
    "south-east": 135.0, "south": 180.0, "southwest": 225.0, "south-west": 225.0, "west": 270.0,
    "northwest": 315.0, "north-west": 315.0,
}
_UNITS_KM = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
             "miles": 1.609, "mile": 1.609, "mi": 1.609}
_NEAR_WORDS = frozenset({"near", "outside", "around", "beyond"})
_NEAR_PHRASES = ("outskirts of", "suburbs of", "vicinity of", "close to", "environs of", "edge of", "approaches to")
# the nouns of those phrases: "the outskirts of X" names X as a place (also for a name the gazetteer lacks)
NEAR_NOUNS = frozenset(p.split()[0] for p in _NEAR_PHRASES if p.endswith(" of"))
_BANK_SIDES = {"west": "west", "western": "west", "right": "west", "east": "east", "eastern": "east", "left": "east"}
_DIRECTION_ADJ = {"northern": 0.0, "southern": 180.0, "eastern": 90.0, "western": 270.0,
                  "north-eastern": 45.0, "northeastern": 45.0, "south-eastern": 135.0, "southeastern": 135.0,
                  "south-western": 225.0, "southwestern": 225.0, "north-western": 315.0, "northwestern": 315.0}
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def relative_place(doc: Any, article_id: str, m: Mention, end_char: int, c: Candidate, place: Place,
                   gazetteer: Gazetteer) -> Place | None:
    """A RELATIVE place when a direction, distance or 'near' phrase precedes the name ``m``
    (resolved to ``c`` as ``place``); None when none does."""
    if not _cue_before(doc, m.start):
        return None  # most names: no phrase ends right before them, and the six words need not be read
    before = [doc[i] for i in range(max(0, m.start - 6), m.start)]  # no Span needed
    low = [t.lower_ for t in before]
    # drop "the" before the name ("west bank of the Dnipro")
    core = low[:-1] if low and low[-1] == "the" else low
    start_tok: int | None = None
    lat, lon = c.lat, c.lon
    precision = Precision.NEAR
    gid, name = c.gid, c.name
    reason = ""
    if len(core) >= 3 and core[-1] == "of" and core[-2] == "bank" and core[-3] in _BANK_SIDES:
        side = _BANK_SIDES[core[-3]]
        start_tok = m.start - (len(low) - len(core)) - 3
        if start_tok > 0 and doc[start_tok - 1].lower_ == "the":
            start_tok -= 1
        precision = Precision.REGION
        reason = f"{side} bank of {c.name}"
        gid, name = c.gid, f"{side.capitalize()} bank of the {c.name}"
        bank = _bank(gazetteer, c.gid, side)
        if bank is not None:
            gid, name, lat, lon = bank.gid, bank.name, bank.lat, bank.lon
    elif len(core) >= 2 and core[-1] == "of" and core[-2] in _BEARINGS:
        bearing = _BEARINGS[core[-2]]
        k = len(core) - 2
        distance = None
        if k >= 2 and core[k - 1] in _UNITS_KM and _NUMBER.match(core[k - 2]):
            distance = float(core[k - 2].replace(",", ".")) * _UNITS_KM[core[k - 1]]
            k -= 2
        start_tok = m.start - (len(low) - len(core)) - (len(core) - k)
        if c.kind == PlaceKind.RIVER and distance is None and core[-2] in ("east", "west"):
            side = core[-2]
            bank = _bank(gazetteer, c.gid, side)
            if bank is not None:
                gid, name, lat, lon = bank.gid, bank.name, bank.lat, bank.lon
            precision = Precision.REGION
            reason = f"{side} of the river {c.name}"
        elif distance is not None:
            lat, lon = _offset(c.lat, c.lon, distance, bearing)
            reason = f"{distance:g} km {core[-2]} of {c.name}"
        else:
            precision = Precision.REGION if c.kind not in (PlaceKind.SETTLEMENT, PlaceKind.FACILITY) else Precision.NEAR
            reason = f"{core[-2]} of {c.name}"
    elif low and low[-1] in _NEAR_WORDS:
        start_tok = m.start - 1
        reason = f"{low[-1]} {c.name}"
    elif len(low) >= 2 and f"{low[-2]} {low[-1]}" in _NEAR_PHRASES:
        start_tok = m.start - 2
        if start_tok > 0 and doc[start_tok - 1].lower_ in ("the", "on", "in"):
            start_tok -= 1 if doc[start_tok - 1].lower_ == "the" else 0
        reason = f"{low[-2]} {low[-1]} {c.name}"
    elif low and low[-1] in _DIRECTION_ADJ and c.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1, PlaceKind.REGION):
        start_tok = m.start - 1
        precision = Precision.REGION
        reason = f"{low[-1]} part of {c.name}"
    if start_tok is None:
        return None
    start_char = doc[start_tok].idx
    text = doc_text(doc)[start_char : end_char]
    return Place(
        text=text,
        evidence=Evidence(article_id=article_id, start=start_char, end=end_char, text=text),
        name=name, gazetteer_id=gid, kind=PlaceKind.RELATIVE, lat=round(lat, 5), lon=round(lon, 5),
        admin1=c.admin1, country=c.country, precision=precision, metonymic=False, anchor=c.name,
        reason=f"relative place: {reason}; anchor chosen by {place.reason}", score=place.score,
    )


# the words a relative phrase ends with, right before the name (or before "the" after "of")
_CUE_ENDS = frozenset({"of", *(p.split()[-1] for p in _NEAR_PHRASES), *_NEAR_WORDS, *_DIRECTION_ADJ})


def _cue_before(doc: Any, start: int) -> bool:
    """The word before token ``start`` may end a relative phrase (every pattern of relative_place
    ends with one of _CUE_ENDS, or with "of the")."""
    if start == 0:
        return False
    last = doc[start - 1].lower_
    return last in _CUE_ENDS or (last == "the" and start >= 2 and doc[start - 2].lower_ == "of")


def _bank(gazetteer: Gazetteer, river_gid: str, side: str) -> Candidate | None:
    """The curated bank area of a curated river ("fl:region/dnipro-west-bank"), if there is one."""
    if not river_gid.startswith("fl:river/"):
        return None
    return gazetteer.get(f"fl:region/{river_gid.split('/', 1)[1]}-{side}-bank")


def _offset(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) on ``bearing_deg`` (flat-earth; fine under 500 km)."""
    b = math.radians(bearing_deg)
    dlat = km * math.cos(b) / 111.2
    dlon = km * math.sin(b) / (111.2 * max(0.05, math.cos(math.radians(lat))))
    return lat + dlat, lon + dlon
