"""People set free: what a release or a handover of captives is, by whom it is done and to whom.

A release of people (hostages, prisoners, detainees, a named person) or their handover is done by those
who held them: they yield what they held (PLOVER CONCEDE, mode release, as the PLOVER codebook puts the
release of persons: CAMEO's "yield" family), not a withdrawal of forces (RETREAT). ACLED records it as
a strategic development of its own (Other): the codebook's Agreement needs the accord of two parties,
which a release told by itself does not tell (the accord, when told, is its own event: "under a deal
agreed in Doha"). People handed over are no ground handed over (no Non-violent transfer of territory).

Where people were held is no arrest: "released from Israeli detention", "freed from custody" name the
captivity the release ends, not a detention done then.

Pure functions over spaCy tokens; no state.
"""

from __future__ import annotations

from typing import Any

RELEASED = ("CONCEDE", "release", "Other")

# Phrasal triggers of handing over: their object is what changes hands (ground, a base, people).
HANDOVERS = frozenset({"hand over", "hand back"})

# Verbs and nouns of letting people go: the "from" phrase under one names where they were held.
_RELEASING = frozenset({"release", "free", "discharge", "liberate", "let"})


def held_in(head: Any) -> bool:
    """A noun of captivity ("detention", "custody") that is where a release set people free from
    ("released from Israeli detention", "freed from police custody", "the release of the prisoners from
    detention"): the captivity ended, no detention was done then."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ not in ("from", "out"):
        return False
    return prep.head.lemma_.lower() in _RELEASING
