"""A munition told as stopped in flight was not used on its target (ACLED: Disrupted weapons use).

A sentence often tells the launch and its interception together: "a missile launched from Yemen was
intercepted", "the Houthis fired a ballistic missile at Israel, which the Israeli military said was
intercepted", "Russia had launched 476 drones and 48 missiles overnight, and air defences shot down 442
drones and 41 missiles". The two mentions name one happening, and the ACLED codebook types it by its outcome:
air or missile defence stopped the munition, so it is a Disrupted weapons use, not the air/drone strike or
the missile attack the launch alone would be. Only when the same sentence tells people harmed or things
damaged did the attack still strike ("drones hit Kharkiv, killing two; air defences shot down 40 more"):
the attack then keeps its own sub-type. So it does when the interception is told of part of the munitions only
("fired a string of missiles and drones at Eilat, most of which were intercepted": the rest got through).

Pure functions over drafts and their spaCy tokens; no state.
"""

from __future__ import annotations


from frontlines.events.draft import Draft

DISRUPTED = "Disrupted weapons use"
# the sub-types of a munition launched at a target from afar: what an interception stops
_LAUNCHED = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# verbs of harm or damage done by what got through
_HARM = frozenset({"kill", "wound", "injure", "die", "damage", "destroy", "collapse", "hit", "strike", "burn",
                   "massacre", "slaughter"})
_CASUALTIES = frozenset({"killed", "injured", "casualties"})


def _harm_told(stop: Draft, launch: Draft) -> bool:
    """The sentence tells harm or damage done: a casualty figure, or a verb of harm that is neither the
    interception ("air defences *destroyed* most of the rockets") nor the launch."""
    if any(q.kind in _CASUALTIES for d in (stop, launch) for q in d.quantities):
        return True
    own = {stop.trigger.head.i, launch.trigger.head.i}
    return any(t.i not in own and t.pos_ == "VERB" and t.lemma_.lower() in _HARM for t in stop.sent)


# quantifiers of a part: "most of which were intercepted" leaves the rest to have got through
_PART = frozenset({"most", "some", "many", "several", "part", "half", "majority"})


def _partly_stopped(stop: Draft) -> bool:
    """The interception is told, in a relative clause on the munitions launched, of part of them only: its
    undergoer is "most", "some", "many" ... "of which". The launch is the sentence's own telling; an interception
    told in the main clause ("air defences destroyed most of the rockets over the region") is what it tells."""
    head = stop.trigger.head  # "of which" makes the clause relative, however the parser hangs it
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in _PART and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(w.lower_ == "which" for w in p.children) for p in c.children)
        for c in head.children)


def stopped_outranks(stop: Draft, launch: Draft) -> bool:
    """``stop`` (an interception) and ``launch`` (the munition launched), one happening, are typed by its
    outcome: the interception, unless the sentence tells harm the munitions did or only part was stopped."""
    return (stop.typing.acled_sub == DISRUPTED and launch.typing.acled_sub in _LAUNCHED
            and launch.typing.plover == "ASSAULT" and stop.sent_idx == launch.sent_idx and not _harm_told(stop, launch)
            and not _partly_stopped(stop))
