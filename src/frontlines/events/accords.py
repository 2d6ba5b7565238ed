"""An accord accepted: a verb of agreeing that the lexicon gives no ACLED sub-type ("accept", "endorse") is an
ACLED Agreement when what it accepts is an accord or the proposal of one ("Ukraine accepted the U.S. proposal
for a 30-day ceasefire", "the rebels accepted the truce"): the codebook's Agreement is any accord between
parties (a ceasefire, a peace deal, a prisoner exchange), and accepting one offered makes it. Accepting
anything else ("accepted the invitation", "accepted responsibility") is no accord.

Pure functions over spaCy tokens and the event lexicon; no state.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.lexicon import CueSet

# Nouns of an accord put forward, whose "for" or "of" names the accord ("a proposal for a ceasefire").
_OFFERS = frozenset({"proposal", "offer", "plan", "terms", "draft", "initiative", "call"})


def accepts_an_accord(head: Any, accords: CueSet) -> bool:
    """The verb ``head`` takes as its object (or passive subject) an accord, or an offer "for" or "of" one
    (``accords``: the lexicon's agreement objects)."""
    def accord(tok: Any) -> bool:
        return accords.in_tokens(frozenset({tok.lemma_.lower(), tok.lower_}), " " + tok.lower_ + " ")

    for obj in (c for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        if accord(obj):
            return True
        # the parser may hang the offer's "for" on the verb ("accepted the U.S. proposal for a 30-day ceasefire")
        preps = [*obj.children, *(c for c in head.children if c.i > obj.i)]
        if obj.lemma_.lower() in _OFFERS and any(
                g.dep_ == "pobj" and accord(g) for p in preps if p.dep_ == "prep" and p.lower_ in ("for", "of")
                for g in p.children):
            return True
    return False
