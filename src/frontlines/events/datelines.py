"""Where a statement with no place was made: the town the report was filed from.

A dateline ("GENEVA (12 May 2023) -", "NAIROBI, Kenya -") names where the report was filed. It places no
attack, which happened where the story says (events.context.preceding_place never takes it), but a
speech act the article tells with no place of its own ("He urged the Malian authorities to conduct
independent investigations", "The President warned that anyone who attacks public institutions will be
dealt with firmly") was made, or released, there.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft, borrowed
from frontlines.events.lexicon import SPEECH_TYPES
from frontlines.records import PlaceKind

DATELINE_HOW = "a statement with no place of its own: the town its report was filed from (dateline)"


def said_where_filed(drafts: list[Draft], index: Any) -> None:
    """A speech act (:data:`frontlines.events.lexicon.SPEECH_TYPES`) that no other rule placed takes the
    settlement the article's dateline names, its precision lowered, saying so. Not when one of its
    speakers is of another country than the dateline's ("KINSHASA - ... Kenyan President William Ruto
    said he would convene a summit": a foreign leader speaks from home or abroad, the report does not
    say which), nor when the dateline names no town ("CHAD -")."""
    from frontlines.geo.context import in_dateline

    filed = next((p for p, _ in index.places if in_dateline(p) and p.kind == PlaceKind.SETTLEMENT
                  and p.lat is not None and not p.metonymic), None)
    if filed is None:
        return
    for d in drafts:
        if d.place is not None or d.typing.plover not in SPEECH_TYPES:
            continue
        if any(a.country and a.country != filed.country for a in d.sources):
            continue
        d.place = borrowed(filed, DATELINE_HOW)
        d.place_score = 0.3
        d.inherited.add("place")
