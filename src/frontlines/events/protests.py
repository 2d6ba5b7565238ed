"""Force used on a protest, told after the protest, is that protest's intervention (ACLED's codebook).

ACLED codes a demonstration that an armed or security force disperses, arrests or attacks without lethal
harm as one event, "Protest with intervention", and one where the force kills or maims the protesters as
"Excessive force against protesters": the protest and the force used on it are one happening. A story
often tells the protest, then the force in a sentence of its own ("On Wednesday, thousands of people marched
through Port-au-Prince to demand that the authorities do more ... Police fired tear gas to disperse
demonstrators who approached the prime minister's office"). The later mention, typed as an intervention
from its own words, joins the protest told within the two sentences before it when no place or day of
their own tells them apart, and the protest takes the intervention's sub-type; its actor stays the
protesters (ACLED's actor 1), never the force. Protests in other towns
("In Ramallah ... In Beirut ... In Amman") have places of their own and stay apart.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.coder import Typing
from frontlines.events.draft import Draft, absorb, live
from frontlines.events.merge import _own_days_differ, _places_differ
from frontlines.events.roles import agent_tokens
from frontlines.records import Actor, EventStatus, Sector

_INTERVENTIONS = frozenset({"Protest with intervention", "Excessive force against protesters"})
_INTERVENED = "Protest with intervention"
_GATHERINGS = frozenset({None, "Peaceful protest", "Protest with intervention"})
_REACH = 2  # sentences: the force told in the next sentence or the one after


def _own_place(d: Draft) -> bool:
    return d.place is not None and "place" not in d.inherited


def merge_interventions(drafts: list[Draft]) -> None:
    """Join force used on protesters, told after a protest of the same place and day, to that protest."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover != "PROTEST" or d.typing.acled_sub not in _INTERVENTIONS:
            continue
        if d.realis.status is not EventStatus.HAPPENED:
            continue
        earlier = [live(e) for e in drafts[:k] if 0 < d.sent_idx - e.sent_idx <= _REACH]
        protests = [e for e in earlier if e is not d and not e.dropped and e.typing.plover == "PROTEST"
                    and e.typing.acled_sub in _GATHERINGS and e.realis.status is EventStatus.HAPPENED
                    and times_compatible(e.time, d.time)
                    and (not _own_place(d) or not _own_place(e) or places_compatible(e.place, d.place))]
        if not protests:
            continue
        keep = max(protests, key=lambda e: e.sent_idx)
        typing, protesters = d.typing, keep.sources
        absorb(keep, d)
        keep.typing = typing
        keep.sources = protesters  # the protest's actor is its protesters, not the force that broke it up


def _aimed_at(protest: Any, force: Any) -> bool:
    """The protest's word hangs on the force's ("used lethal force *against* largely peaceful protesters"):
    up its heads, through no coordination, to the force's head. A protest beside another act of the sentence
    ("fires at protesters ..., and he is beaten to death by a crowd") is no target of it."""
    tok: Any = protest
    for _ in range(4):
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == force.i:
            return True
    return False


def merge_force_in_sentence(drafts: list[Draft]) -> None:
    """In one sentence, the protest and the force used on it, both typed by ACLED as the intervention ("the
    former government used lethal force against largely peaceful protesters": the force an ASSAULT, the
    protesters a PROTEST, both "Excessive force against protesters"), are one happening, as the codebook codes
    it. Its actor is ACLED's: the protesters of a protest with intervention, the force that used excessive
    force. Told at places or on days of their own, or beside each other with no aim between them, they stay two."""
    for i, first in enumerate(drafts):
        for second in drafts[i + 1:]:
            a, b = live(first), live(second)
            if a is b or a.dropped or b.dropped or a.sent_idx != b.sent_idx or a.typing.plover == b.typing.plover:
                continue
            if a.typing.acled_sub not in _INTERVENTIONS or a.typing.acled_sub != b.typing.acled_sub:
                continue
            if EventStatus.HAPPENED not in (a.realis.status, b.realis.status) or a.realis.status is not b.realis.status:
                continue
            if _places_differ(a, b) or _own_days_differ(a, b):
                continue
            protest, force = (a, b) if a.typing.plover == "PROTEST" else (b, a)
            if force.typing.plover == "PROTEST" or not _aimed_at(protest.trigger.head, force.trigger.head):
                continue
            protesters, doers = protest.sources, force.sources
            absorb(force, protest)  # the force's words tell the happening
            # ACLED's actor 1: the protesters of a protest with intervention, the force that used excessive force
            # (the force named in another sentence joins later: protesters are never the excessive force's doers)
            force.sources = (protesters or doers) if force.typing.acled_sub == _INTERVENED else doers


# The means a force uses on a crowd and on nothing else (ACLED: "dispersing, arresting, tear gas"): a closed
# class of crowd-control weapons and the verb of breaking a crowd up. Firearms and arrests are not in it: they
# are used on anyone.
_CROWD_CONTROL = frozenset({"disperse", "teargas", "baton", "lathicharge"})
_CROWD_CONTROL_PAIRS = frozenset({("tear", "gas"), ("water", "cannon"), ("rubber", "bullet"), ("plastic", "bullet"),
                                  ("pepper", "spray"), ("stun", "grenade")})
_ANY_ATTACK = frozenset({None, "Attack"})  # an attack typed by no means of its own
# harm to people told with the force: lethal or maiming force is ACLED's excessive force, the force's own event
_HARM = frozenset({"kill", "dead", "die", "death", "wound", "injure", "live", "bullet", "round", "ammunition"})


def _crowd_control(head: Any) -> bool:
    """The clause of ``head`` names a crowd-control means ("fired tear gas to disperse them")."""
    lemmas = [t.lemma_.lower() for t in head.subtree]
    return not _CROWD_CONTROL.isdisjoint(lemmas) or any(pair in _CROWD_CONTROL_PAIRS for pair in zip(lemmas, lemmas[1:]))


def merge_crowd_control(drafts: list[Draft]) -> None:
    """Crowd-control means used with no protest named beside them, right after a protest told as happened
    ("hundreds of young people marched through Makurdi ... Police fired tear gas to disperse them"; "some 300
    students marched ...; police fired tear gas to disperse them"), are that protest's intervention: the
    attack their words gave (no protest word in the sentence types them) joins the protest, which becomes a
    protest with intervention (ACLED codes the demonstration and its dispersal as one event). The protest is
    the one told last, in the sentence before or earlier in the same sentence, at no other place or day; a
    protest told with a status other than done, an attack typed by other means, and force told with harm to
    people ("killing 17": ACLED's excessive force, the force's own event) stay apart."""
    for k, d in enumerate(drafts):
        head = d.trigger.head
        if d.dropped or d.typing.plover != "ASSAULT" or d.typing.acled_sub not in _ANY_ATTACK:
            continue
        if d.realis.status is not EventStatus.HAPPENED or not _crowd_control(head):
            continue
        if any(t.lemma_.lower() in _HARM for t in d.sent) or any(q.kind in ("killed", "injured") for q in d.quantities):
            continue  # "opened fire with tear gas, rubber bullets and live rounds, killing 17": excessive force
        protests = [e for e in (live(e) for e in drafts[:k]) if e is not d and not e.dropped
                    and e.typing.plover == "PROTEST" and e.typing.acled_sub in _GATHERINGS
                    and e.realis.status is EventStatus.HAPPENED
                    and (0 < d.sent_idx - e.sent_idx <= 1 or (e.sent_idx == d.sent_idx and e.trigger.head.i < head.i))
                    and times_compatible(e.time, d.time)
                    and (not _own_place(d) or not _own_place(e) or places_compatible(e.place, d.place))]
        if not protests:
            continue
        keep = max(protests, key=lambda e: (e.sent_idx, e.trigger.head.i))
        protesters = keep.sources
        absorb(keep, d)
        keep.typing = Typing("PROTEST", keep.typing.mode, _INTERVENED, "Protests")
        keep.sources = protesters  # the protest's actor is its protesters, not the force that broke it up
def merge_mob_in_sentence(drafts: list[Draft]) -> None:
    """In one sentence, protesters' riot and the mob violence the same protesters do ("Protesters stormed the
    home of the former prime minister and beat him and his wife": the protest word a riot, the beating mob
    violence, events.crowds) are one happening, which ACLED codes by its violence on people: mob violence.
    Other doers, or places or days of their own, keep them two."""
    for mob in drafts:
        if mob.dropped or mob.typing.acled_sub != "Mob violence" or mob.realis.status is not EventStatus.HAPPENED:
            continue
        names = {a.name for a in mob.sources if a.name}
        for riot in drafts:
            r = live(riot)
            if r is mob or r.dropped or r.sent_idx != mob.sent_idx or r.typing.plover != "PROTEST":
                continue
            if r.realis.status is not EventStatus.HAPPENED or not names & {a.name for a in r.sources if a.name}:
                continue
            if _places_differ(mob, r) or _own_days_differ(mob, r):
                continue
            absorb(mob, r)


_EXCESSIVE = "Excessive force against protesters"
_ON_PEOPLE = frozenset({"Attack", "Armed clash"})  # police violence typed without its setting
_ARMED = frozenset({Sector.MILITARY, Sector.REBEL, Sector.POLICE})
_POLICE_WORDS = frozenset({"police", "policeman", "policemen", "officer", "constable", "gendarme", "squad"})


def police_force_at_protests(drafts: list[Draft]) -> None:
    """In a story of protests, police who kill or wound people no armed party is named among are using force
    on the protest (ACLED: Excessive force against protesters, a state force's lethal violence against
    demonstrators), though their own sentence names no protester ("police opened fire with tear gas, rubber
    bullets and live rounds, killing 17 people in Kathmandu"; "forty killings by police since April 28"). The
    story tells protests when one of its events is a protest told as happened. Soldiers are left as they are
    (armies fight in the same stories), and so is police fighting an armed party, and violence whose own sentence
    names doers other than police (the police an event's actors were taken for may only have looked on)."""
    live_drafts = [d for d in drafts if not d.dropped]
    if not any(d.typing.plover == "PROTEST" and d.realis.status is EventStatus.HAPPENED for d in live_drafts):
        return
    for d in live_drafts:
        if d.typing.plover != "ASSAULT" or d.typing.acled_sub not in _ON_PEOPLE or not d.sources:
            continue
        if d.realis.status is not EventStatus.HAPPENED or not all(a.sector is Sector.POLICE for a in d.sources):
            continue
        if any(a.sector in _ARMED for a in d.targets):
            continue
        doers = agent_tokens(d.trigger.head)
        if doers and not any(t.lemma_.lower() in _POLICE_WORDS for x in doers for t in x.subtree):
            continue  # its sentence names other doers ("gangs ... attacked protesters while police looked on")
        d.typing = replace(d.typing, acled_sub=_EXCESSIVE, acled_type="Protests")


# ACLED's demonstration sub-types, whose actor 1 is the crowd (protesters, rioters, a mob): never a state's
_CROWDS_OWN = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence"})
_STATE_SECTORS = frozenset({Sector.GOVERNMENT, Sector.POLICE, Sector.MILITARY})


def _of_the_state(a: Actor) -> bool:
    return a.sector in _STATE_SECTORS


def the_crowd_demonstrates(drafts: list[Draft]) -> None:
    """A demonstration or a riot is the crowd's (ACLED codes protesters or rioters as its actor 1, a force
    intervening as actor 2): a state's body or official the sentence gave as its doer (the police who dispersed
    it, the president who addressed it) is moved to its targets, and the doer is the crowd named there, or
    unsaid. Excessive force against protesters, done by the force, keeps the force."""
    for d in drafts:
        if d.typing.acled_sub not in _CROWDS_OWN or not any(_of_the_state(a) for a in d.sources):
            continue
        state = tuple(a for a in d.sources if _of_the_state(a))
        d.sources = tuple(a for a in d.sources if not _of_the_state(a))
        d.targets = d.targets + tuple(a for a in state if a not in d.targets)
