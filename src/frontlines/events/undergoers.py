"""Who a deed was done to, as the words tell it, so that a side's claim is read only from its doers: an actor
standing in the deed's undergoer place (the subject of a passive, "Chief Inspector Arnon Zamora, an officer of
the Yamam unit, was severely wounded"; the object of an active verb, "struck a Russian column") is what the
deed was done to, not who did it.

A party telling a deed done to its own side ("an officer of the unit was wounded", in its own release) reports
the harm done to it: that is a report, not its claim of its own action (corpus/events/README.md, conventions).
The actors stage may still list such an actor among the deed's doers (an undergoer with no doer named), and
the side tests of :mod:`frontlines.events.speaker_sides` and :mod:`frontlines.events.own_statements` ask
:func:`doer_sides` instead of every source's side."""

from __future__ import annotations

from typing import Any

from frontlines.records import Actor

# the trigger's dependents that name what the deed was done to: a passive's subject, an active verb's object
_UNDERGOER_DEPS = frozenset({"nsubjpass", "dobj"})


def undergoer(actor: Actor, head: Any) -> bool:
    """``actor``'s words lie inside the subject of the passive ``head`` or the object of the active ``head``."""
    start = actor.evidence.start
    for child in head.children:
        if child.dep_ not in _UNDERGOER_DEPS:
            continue
        left, right = child.left_edge, child.right_edge
        if left.idx <= start < right.idx + len(right.text):
            return True
    return False


def doer_sides(sources: tuple[Actor, ...], head: Any) -> set[str | None]:
    """The sides of the deed's doers: every source's side but an undergoer's."""
    return {a.side or a.country for a in sources if not undergoer(a, head)}
