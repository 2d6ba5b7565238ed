"""A withdrawal after fighting: the ACLED codebook's Non-violent transfer of territory is ground left with no
fighting for it (a negotiated handover, forces pulling out). Forces told as withdrawing after they fought in the
same clause ("they fought government forces for several hours before withdrawing", "the rebels withdrew from
the town after heavy fighting with the army") left after a battle: the battle is the ACLED event (an Armed
clash, or the other side's taking of the ground), and the withdrawal gives no non-violent transfer of its own.

Pure functions over spaCy tokens; no state.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.means import MUTUAL_NOUNS

# Verbs of two sides fighting (the nouns are events.means.MUTUAL_NOUNS: fighting between two sides).
_FIGHT_VERBS = frozenset({"fight", "clash", "battle", "skirmish"})
# Prepositions that set a withdrawal after (or amid) what they name.
_AFTER = frozenset({"after", "following", "amid", "amidst"})


def fought_before(head: Any) -> bool:
    """The withdrawal ``head`` is told as coming after fighting in its own clause: it hangs on "before" under a
    verb of fighting ("fought ... before withdrawing"), or its "after", "following" or "amid" names fighting
    ("withdrew after heavy fighting")."""
    prep = head.head
    if head.dep_ in ("pcomp", "advcl") and prep.lower_ == "before" and prep.head.lemma_.lower() in _FIGHT_VERBS:
        return True
    if head.dep_ == "advcl" and head.head.lemma_.lower() in _FIGHT_VERBS and any(
            m.lower_ == "before" for m in head.children if m.dep_ == "mark"):
        return True
    return any(p.dep_ == "prep" and p.lower_ in _AFTER and any(
        g.dep_ == "pobj" and g.lemma_.lower() in MUTUAL_NOUNS for g in p.children) for p in head.children)
