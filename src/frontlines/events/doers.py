"""Who did it when the sentence does not say: the one side an article tells doing its violence.

ACLED codes an attack's actor from the report as a whole: "two guided aerial bombs hit the DIY store", in a
story whose every attack with a named doer is Russia's, is Russia's attack. A sentence leaving out the hands
("was hit", "bombs hit", "shelling killed") leaves them to the story. Only when the article names one armed side
doing its attacks, and no other: with two sides fighting (an army and a paramilitary, a state and rebels)
the doer of an attack told without one stays unsaid. The doer given is the side's most named actor, whose own
evidence is the sentence that names it.

A war of occupation between two states says it too, when the story tells a side's land hit from afar (shelled,
struck by missiles or drones) by no named hand:
"a missile struck a residential neighbourhood" of a Ukrainian city is the other side's strike, when the story
names that side's forces (:func:`the_wars_other_side`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from frontlines.events.draft import Draft
from frontlines.records import Actor, EventStatus, Evidence, Sector

# acts of violence whose doer a story carries
_VIOLENT = frozenset({"ASSAULT"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED, EventStatus.DENIED})
_ARMED = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})  # hands that do violence
# violence done to a land from afar: shelling, missiles, air and drone strikes; not a bomb planted or thrown there
# (IED, grenade, suicide bomb: done on the land, by either side) nor an interception (the land's own side)
_FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


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


def _most_named(actors: list[Actor]) -> Actor:
    counts = Counter(a.name for a in actors)
    return next(a for a in actors if a.name == counts.most_common(1)[0][0])


def the_wars_other_side(kept: list[Draft], actors: Iterable[Actor],
                        other_side: Callable[[str | None], str | None],
                        occupier_of: Callable[[str | None], str | None] | None = None) -> None:
    """Give an attack from afar told with no doer, on the land of a state in a registered war of occupation,
    the other state's forces the article names (``actors``: the article's; ``other_side``: the registry's
    :meth:`~frontlines.actors.registry.ActorRegistry.other_side`), else that state's government as the story
    names it ("Russia launched ..."). The other state must be named in the story: a land hit where the story
    names neither (rockets on Israel in a story of Hamas) keeps its doer unsaid. An occupied land is the exception
    (``occupier_of``: the registry's occupier of a state): fire from afar on the land a state occupies is the
    occupier's when no hand is named, also in a one-line report that names no side ("In the Kharkiv region, a woman
    died due to shelling"); the doer is then the occupier's armed forces, named by the registry's state, with the
    trigger as evidence. A pronoun doer left unresolved ("they had shelled") is a hand named: left alone."""
    by_side: dict[str, list[Actor]] = {}
    anyone: dict[str, list[Actor]] = {}
    for a in {id(a): a for a in actors}.values():  # one entry per mention (an index maps each of its words)
        side = _side(a)
        if side and a.sector is Sector.MILITARY:
            by_side.setdefault(side, []).append(a)
        if side and a.sector in (Sector.GOVERNMENT, Sector.MILITARY) and a.kind != "person":
            anyone.setdefault(side, []).append(a)
    for side, named in anyone.items():
        by_side.setdefault(side, named)
    for d in kept:
        if d.sources or d.typing.plover not in _VIOLENT or d.realis.status not in _TOLD:
            continue
        if d.typing.acled_sub not in _FROM_AFAR:
            continue  # a clash, a retaking, a massacre, a planted bomb: done on the land, by either side
        place = d.place
        if place is None or place.metonymic or not place.country:
            continue
        side = other_side(place.country)
        if side is None or side == place.country:
            continue
        if side not in by_side:
            if occupier_of is not None and occupier_of(place.country) == side and not any(
                    _side(t) == side for t in d.targets) and not _pronoun_doer(d):
                d.sources = (_the_occupiers_forces(d, side),)
                d.inherited.add("sources")
            continue
        if any(_side(t) == side for t in d.targets):
            continue  # that side was hit here
        if any(d.sent.start_char <= a.evidence.start < d.sent.end_char for a in by_side[side]):
            continue  # that side's forces are in the sentence and not its doer: "under bombardment, Russian soldiers"
        d.sources = (_most_named(by_side[side]),)
        d.inherited.add("sources")


def _pronoun_doer(d: Draft) -> bool:
    """The trigger's doer is a pronoun left unresolved ("The ministry said they had shelled Kharkiv"): a hand the
    story names, not one it leaves unsaid."""
    return any(c.dep_ in ("nsubj", "poss") and c.pos_ == "PRON" for c in d.trigger.head.children) or any(
        g.pos_ == "PRON" for c in d.trigger.head.children if c.dep_ == "agent" for g in c.children)


def _the_occupiers_forces(d: Draft, side: str) -> Actor:
    """The armed forces of ``side`` (a state the registry knows as an occupier), named by the state, told by no word
    of the text: the trigger is their evidence."""
    from frontlines.actors.registry import country_name

    head = d.trigger.head
    start = head.idx
    evidence = Evidence(article_id=d.place.evidence.article_id if d.place else "", start=start,
                        end=start + len(head.text), text=head.text)
    name = f"Military Forces of {country_name(side)}"
    return Actor(text=head.text, evidence=evidence, name=name, kind="state", country=side, sector=Sector.MILITARY,
                 side=side)
