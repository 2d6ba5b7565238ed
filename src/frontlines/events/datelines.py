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
from frontlines.events.releases import names_agency
from frontlines.records import PlaceKind, Sector

_ARMED = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})  # the parties to the fighting
DATELINE_HOW = "a statement with no place of its own: the town its report was filed from (dateline)"


def said_where_filed(drafts: list[Draft], index: Any, doc: Any) -> None:
    """A speech act (:data:`frontlines.events.lexicon.SPEECH_TYPES`) that no other rule placed, told of a
    known speaker, takes the settlement the article's dateline names, its precision lowered, saying so. Not
    when no speaker is known (who said it, and where, the text does not say), nor when one of its
    speakers is of another country than the dateline's ("KINSHASA - ... Kenyan President William Ruto
    said he would convene a summit": a foreign leader speaks from home or abroad, the report does not
    say which), nor when one is an armed party ("GENEVA (12 May 2023) - ... The army rejected the proposal": a
    release reports what the parties said where they are), nor when the dateline names no town ("CHAD -"), nor under a wire's dateline, which names
    its agency ("GENEVA, May 12 (Reuters) -"): that is only where its reporter filed from, and the
    parties it quotes speak from anywhere (events.releases)."""
    from frontlines.geo.context import in_dateline
    from frontlines.stages import doc_datelines, doc_text

    lines = doc_datelines(doc)[:1]
    if not lines or names_agency(doc_text(doc)[lines[0][0] : lines[0][1]]):
        return
    start, end = lines[0]
    filed = next((p for p, _ in index.places if in_dateline(p) and start <= p.evidence.start < end
                  and p.kind == PlaceKind.SETTLEMENT and p.lat is not None and not p.metonymic), None)
    if filed is None:
        return
    for d in drafts:
        if d.place is not None or d.typing.plover not in SPEECH_TYPES:
            continue
        if not d.sources or any((a.country and a.country != filed.country) or a.sector in _ARMED for a in d.sources):
            continue
        d.place = borrowed(filed, DATELINE_HOW)
        d.place_score = 0.3
        d.inherited.add("place")
