"""Where a local official who tells an event serves: the place of an event its sentence places nowhere else.

"*Kharkiv* mayor Ihor Terekhov reports a series of strikes", "the governor of *Belgorod* said drones hit a
depot": what a mayor or a governor reports happened where they serve. Asked after ``roles.choose_place`` and the
undergoer's place have found nothing; a statement (the official's own act) has no place (issue 14).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.roles import DocIndex
from frontlines.events.placing import STATEMENT_TYPES
from frontlines.records import Place, PlaceKind

# offices that answer for one town or division: the place named with them is where what they report happened
LOCAL_OFFICES = frozenset({"mayor", "governor", "prefect", "administrator", "administration", "council", "police"})
_LOCAL_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.ADMIN1, PlaceKind.ADMIN2})


def official_place(trigger: Any, index: DocIndex, sent: Any, plover: str | None) -> Place | None:
    """Where the local official telling the event serves, for an event its sentence places nowhere
    else (after choose_place and the undergoer's place): "*Kharkiv* mayor Ihor Terekhov reports a series
    of strikes". A statement is the official's own act, which has no place (issue 14)."""
    from frontlines.geo.context import in_dateline

    if plover in STATEMENT_TYPES:
        return None
    for _, place, root in index.in_sentence("places", sent):
        if not in_dateline(place) and _jurisdiction(root, trigger, place):
            return replace(place, metonymic=False, reason=f"where the local official telling it serves; {place.reason}")
    return None


def _jurisdiction(root: Any, trigger: Any, place: Place) -> bool:
    """A town or division that names the local office of the one who tells the event ("*Kharkiv* mayor Ihor
    Terekhov reports a series of strikes", "the governor of *Belgorod* said drones hit a depot", "the *Kherson*
    regional administration said"): what a mayor or a governor reports happened where they serve, when the
    sentence names no place of its own. Not a country's office ("US officials said"), nor officials who are
    only somewhere ("officials in Kyiv said"), nor an office that is no teller of the event."""
    if place.kind not in _LOCAL_KINDS:
        return False
    office = root
    for _ in range(3):
        if office.dep_ not in ("compound", "poss", "amod", "pobj", "prep", "nmod"):
            return False
        if office.dep_ == "pobj" and office.head.lower_ != "of":
            return False
        office = office.head
        if office.lemma_.lower() in LOCAL_OFFICES:
            break
    else:
        return False
    if office.lemma_.lower() not in LOCAL_OFFICES:
        return False
    while office.dep_ in ("compound", "appos", "pobj", "prep") and office.head.i != office.i:
        office = office.head  # "the head of the Kharkiv administration", "Kharkiv mayor Ihor Terekhov"
    if office.dep_ != "nsubj":
        return False
    teller = office.head
    return teller.i == trigger.i or any(t.i == teller.i for t in trigger.ancestors)
