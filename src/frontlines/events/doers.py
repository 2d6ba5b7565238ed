"""Who did it when the sentence does not say: the one side an article tells doing its violence.

ACLED codes an attack's actor from the report as a whole: "two guided aerial bombs hit the DIY store", in a
story whose every attack with a named doer is Russia's, is Russia's attack. A sentence leaving out the hands
("was hit", "bombs hit", "shelling killed") leaves them to the story. Only when the article names one armed side
doing its attacks, and no other: with two sides fighting (an army and a paramilitary, a state and rebels)
the doer of an attack told without one stays unsaid. The doer given is the side's most named actor, whose own
evidence is the sentence that names it.
"""

from __future__ import annotations

from collections import Counter

from frontlines.events.draft import Draft
from frontlines.records import Actor, EventStatus, Sector

# acts of violence whose doer a story carries
_VIOLENT = frozenset({"ASSAULT"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})
_ARMED = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})  # hands that do violence


def _side(a: Actor) -> str | None:
    return a.side or a.country


def the_one_side(kept: list[Draft]) -> None:
    """Give an attack told with no doer the doer of the article's attacks when they are all one side's."""
    doers = [a for d in kept if d.typing.plover in _VIOLENT for a in d.sources]
    sides = {_side(a) for a in doers}
    if len(sides) != 1 or None in sides:
        return  # two sides, or a doer of no known side (gunmen, insurgents, a mob): the story names no one hand
    named = [a for a in doers if a.sector in _ARMED]
    if not named:
        return
    counts = Counter(a.name for a in named)
    doer = next(a for a in named if a.name == counts.most_common(1)[0][0])
    for d in kept:
        if d.sources or d.typing.plover not in _VIOLENT or d.realis.status not in _TOLD:
            continue
        if any(_side(t) == _side(doer) for t in d.targets):
            continue  # the side was hit here: another's attack
        d.sources = (doer,)
        d.inherited.add("sources")
