"""Ground taken with no fight: the ACLED codebook's Non-violent transfer of territory is control of a place
acquired "without engaging in a violent act", whoever takes it; overtaking or regaining territory are battle
outcomes. The words that tell a taking was unopposed hang on its verb or a verb coordinated with it:

- a fight or resistance denied: "without (a) fight", "without resistance", "without firing a shot", "had not
  encountered any resistance", "met no resistance" (little or "not much" resistance is some: still a battle);
- unopposed: "entered the town unopposed", "unchallenged";
- after the other side left: "seized the area following the withdrawal of Puntland forces".

Pure functions over spaCy tokens; events.coder asks them of a territorial trigger.
"""

from __future__ import annotations

from typing import Any

# nouns of a fight or of resistance to it
_FIGHT = frozenset({"resistance", "opposition", "fight", "fighting", "battle", "clash", "shot", "bloodshed", "struggle"})
# verbs of meeting a fight ("encountered no resistance", "faced no opposition")
_MEET = frozenset({"encounter", "meet", "face"})
# nouns of the other side leaving
_LEAVING = frozenset({"withdrawal", "retreat", "pullout", "pull-out", "departure", "evacuation", "exit"})
_UNOPPOSED = frozenset({"unopposed", "unchallenged", "peacefully"})


def _verbs(head: Any) -> list[Any]:
    """The trigger's verb and the verbs coordinated with it (they share its subject and its story)."""
    verbs = [head]
    first = head
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "VERB":
        first = first.head
        verbs.append(first)
    # a coordinated verb with a subject of its own tells another's act ("soldiers entered the town and the
    # fighters had withdrawn without a fight": the fighters' withdrawal was unopposed, not the entry)
    verbs.extend(c for v in list(verbs) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
    return list({v.i: v for v in verbs}.values())


# degrees of a fight: "without much resistance", "without serious fighting" tell some
_DEGREES = frozenset({"much", "little", "significant", "serious", "major", "heavy", "real", "stiff", "fierce", "strong",
                      "considerable", "great", "substantial"})


def _some(noun: Any) -> bool:
    """The fight noun is told by degree ("much resistance"): some fight, not none."""
    return any(c.dep_ in ("amod", "advmod", "det") and c.lower_ in _DEGREES for c in noun.children)


def _negated(verb: Any, obj: Any) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in obj.children)


def uncontested(head: Any) -> bool:
    """The taking ``head`` is told as unopposed (module docstring)."""
    if head.pos_ != "VERB":
        return False
    for verb in _verbs(head):
        for c in verb.children:
            if c.dep_ in ("advmod", "acomp", "oprd", "xcomp", "advcl", "amod") and c.lower_ in _UNOPPOSED:
                return True
            if c.dep_ == "prep" and c.lower_ == "without" and any(
                    (g.lemma_.lower() in _FIGHT and not _some(g)) or (g.lemma_.lower() == "fire" and g.pos_ == "VERB")
                    for g in c.subtree):
                return True
            if c.dep_ == "prep" and c.lower_ in ("after", "following") and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in _LEAVING for g in c.children):
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() in _FIGHT and verb.lemma_.lower() in _MEET and _negated(verb, c):
                return True
    return False


__all__ = ["uncontested"]
