"""Who "the occupiers" are: the occupier of the land their deed was done in.

A side's own channel names the enemy in its land by what it does there: "The occupiers hit the centre of the city
with two ballistic missiles", "the invaders shelled the village". The actor registry's conflicts name the occupier
facing a state (``conflicts`` in data/actors/states.yaml, :meth:`frontlines.actors.registry.Registry.opponent`);
the actors stage gives such a doer that side from a country named near it, and leaves it with no side when none is
(a governor's post names only its towns). The deed's place says whose land it is: forces named as its occupiers or
invaders, doing a deed in a land the registry knows an occupier of, are that occupier's. A place of no country, a
metonymic place ("Kyiv said"), a land with no occupier known or a doer with a side of its own is left as found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from frontlines.events.draft import Draft
from frontlines.records import Actor, Sector

# nouns naming forces by their holding of a land not theirs (a closed class)
_OCCUPYING = frozenset({"occupier", "occupiers", "invader", "invaders", "occupant", "occupants"})


def _occupying(actor: Actor) -> bool:
    words = (actor.name or actor.text).lower().split()
    return actor.sector is Sector.MILITARY and not (actor.side or actor.country) and bool(words) \
        and words[-1] in _OCCUPYING


def occupiers_of_the_land(drafts: list[Draft], opponent: Callable[[str | None], str | None]) -> None:
    """Give "the occupiers" (no side found) doing a deed in a land with a registered occupier that occupier's side.
    ``opponent``: the registry's occupier of a country."""
    for d in drafts:
        if not any(_occupying(a) for a in d.sources):
            continue
        place = d.place
        if place is None or place.metonymic or not place.country:
            continue
        side = opponent(place.country)
        if side is None or side == place.country:
            continue
        d.sources = tuple(replace(a, side=side, country=side) if _occupying(a) else a for a in d.sources)
