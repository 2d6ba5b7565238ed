"""A blast the attacker died in: the ACLED codebook's Suicide bomb is an explosion in which the attacker is
killed by the device, whatever words name the bomb. A blast told as killing its own bomber or attacker ("killing
eleven people and the bomber"), or a vehicle that blew up killing its driver ("A vehicle packed with 80 kilograms
of pentolite exploded inside the school, killing 20 cadets and the driver": the bomb was the vehicle and the one
driving it died with it) is a suicide bombing, not a remote explosive. A bus's driver killed by a roadside bomb
is a victim: only the driver of the vehicle that exploded was its bomber. Those who set off a blast "killing
themselves" died in it.

Pure functions over spaCy tokens; no state.
"""

from __future__ import annotations

from typing import Any

# Nouns that name the one who set a blast off.
_BOMBERS = frozenset({"bomber", "attacker", "assailant", "perpetrator"})
# Vehicles that carry a bomb to its target (their driver set it off).
_VEHICLES = frozenset({"vehicle", "car", "truck", "lorry", "van", "motorbike", "motorcycle", "tanker", "minibus", "pickup"})
_HARM = frozenset({"kill", "die"})
# a blast that killed "themselves" killed those who set it off (the subject the reflexive takes back)
_REFLEXIVES = frozenset({"himself", "herself", "themselves"})


def _killed(head: Any) -> list[Any]:
    """What the harm told with the blast killed: the object of a participle of killing under it ("exploded ...,
    killing 20 cadets and the driver") or of a killing verb coordinated with it, with their conjuncts."""
    out: list[Any] = []
    for c in head.children:
        if c.dep_ in ("advcl", "conj", "xcomp") and c.lemma_.lower() in _HARM:
            for o in c.children:
                if o.dep_ in ("dobj", "nsubjpass", "nsubj"):
                    out.extend((o, *o.conjuncts))
    return out


def _exploded_vehicle(head: Any) -> bool:
    """What blew up is a vehicle: the verb's subject ("a vehicle packed with explosives exploded") or a compound of
    the blast noun ("a car bomb", "the truck bombing")."""
    if head.pos_ == "VERB":
        # a verb coordinated with the one the subject hangs on shares it ("A vehicle packed with ... exploded",
        # parsed as two verbs)
        verbs = (head, head.head) if head.dep_ == "conj" else (head,)
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _VEHICLES for v in verbs
                   for c in v.children)
    return any(c.dep_ == "compound" and c.lemma_.lower() in _VEHICLES for c in head.children)


def attacker_died(head: Any) -> bool:
    """The blast ``head`` killed its own bomber (module docstring): its toll names the bomber or the attacker, or
    the driver of the vehicle that exploded."""
    killed = _killed(head)
    if head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "A car bomb exploded ..., killing five people and the driver"; "detonated explosives, killing themselves"
        killed += _killed(head.head)
    if any(k.lemma_.lower() in _BOMBERS or k.lower_ in _REFLEXIVES for k in killed):
        return True  # "killing the bomber"; "detonated explosives, killing themselves": the ones who set it off
    return _exploded_vehicle(head) and any(k.lemma_.lower() == "driver" for k in killed)
