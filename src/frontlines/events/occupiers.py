"""Who "the occupiers" are: the occupier of the land their deed was done in.

A side's own channel names the enemy in its land by what it does there: "The occupiers hit the centre of the city
with two ballistic missiles", "the invaders shelled the village". The actor registry's conflicts name the occupier
facing a state (``conflicts`` in data/actors/states.yaml, :meth:`frontlines.actors.registry.Registry.opponent`);
the actors stage gives such a doer that side from a country named near it, and leaves it with no side when none is
(a governor's post names only its towns). The deed's place says whose land it is: forces named as its occupiers or
invaders, doing a deed in a land the registry knows an occupier of, are that occupier's. A place of no country, a
metonymic place ("Kyiv said"), a land with no occupier known or a doer with a side of its own is left as found.

"The enemy" is named by the teller's side, so it is the occupier only where the teller is the occupied side: a deed
of "the enemy" in a land with a registered occupier, in a story that names no actor of the occupier's side (whose
statement would make the enemy the land's own state: "the enemy lost up to 1,500 servicemen", from Russia's
Defence Ministry), is the occupier's armed forces ("The enemy killed nine civilians in the Donetsk region").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.records import Actor, Evidence, Sector

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


# how "enemy" names the doer of a deed: its subject ("the enemy shelled"), its agent ("killed by the enemy"), or a
# modifier of the deed's noun ("enemy shelling", "the enemy's strikes")
_ENEMY_DEPS = frozenset({"nsubj", "amod", "compound", "poss"})


def _the_enemy(trigger: Any) -> Any | None:
    """The word "enemy" naming the doer of ``trigger`` (a spaCy token), else None."""
    for t in trigger.children:
        if t.lower_ == "enemy" and t.dep_ in _ENEMY_DEPS:
            return t
        if t.dep_ == "agent":
            for p in t.children:
                if p.dep_ == "pobj" and p.lower_ == "enemy":
                    return p
    return None


def the_enemy_in_the_land(drafts: list[Draft], actors: Iterable[Actor], opponent: Callable[[str | None], str | None],
                          article_id: str) -> None:
    """Give a deed of "the enemy" (no doer found) in a land with a registered occupier that occupier's armed forces,
    when the story names no actor of the occupier's side. ``opponent``: the registry's occupier of a country."""
    sides = {a.side or a.country for a in actors}
    for d in drafts:
        if d.sources or d.typing.plover != "ASSAULT":
            continue
        place = d.place
        if place is None or place.metonymic or not place.country:
            continue
        side = opponent(place.country)
        if side is None or side == place.country or side in sides:
            continue
        enemy = _the_enemy(d.trigger.head)
        if enemy is None:
            continue
        from frontlines.actors.registry import country_name

        evidence = Evidence(article_id=article_id, start=enemy.idx, end=enemy.idx + len(enemy.text), text=enemy.text)
        d.sources = (Actor(text=enemy.text, evidence=evidence, name=f"Military Forces of {country_name(side)}",
                           kind="group", country=side, sector=Sector.MILITARY, side=side),)
