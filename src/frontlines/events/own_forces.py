"""A state's armed body telling what its men did: "the army spokesman said soldiers had killed seven separatist
fighters", "A police spokesperson said officers had arrested dozens", "The military said ... an operation in which
soldiers killed eleven militants".

A state's army, police or defence ministry names its own men by their kind alone (soldiers, troops, officers) and
the enemy's with a side or a word for the enemy ("Russian troops", "enemy soldiers", "rebels"). Told by such a body,
a deed whose doer is a plain noun of state forces is done by the body's nation's forces: the doer takes that
nation (ACLED's actor1 is the state's military). A doer named with another party, an owner or a clause of its own
keeps what the actors found; a deed told by anyone else (a rights group, a resident) is left as told.

Whether the body's word on its men's deed is its claim (the corpus convention) or a report is left to
:func:`frontlines.events.attribution.claim_or_report`: making it a claim here raised the tune half's status and
lowered the check half's by one event (docs/accuracy.md, thirteenth session, branch status5).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontlines.events.own_statements import forces_of_no_side
from frontlines.events.draft import Draft
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.records import Actor, EventStatus, Sector

# nouns of the men of a state's forces by their kind (a closed class); "fighters", "gunmen", "militants" name
# irregulars. Nouns of formations ("units", "forces") are left out: a body names the enemy's so as often as its own
_STATE_FORCE_NOUNS = frozenset("""
soldier troop serviceman servicemen officer policeman gendarme marine sailor pilot commando
""".split())
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})
# modifiers that name forces as another's: the enemy's, foreign, irregular
_OTHERS = frozenset("""
enemy adversary hostile opposing foreign rebel insurgent militant terrorist jihadist separatist mercenary
""".split())
# words naming a state's armed body: its army, its defence ministry, its police, its air force
_ARMED_BODY_WORDS = frozenset({"army", "military", "defence", "defense", "police", "navy", "gendarmerie"})


def armed_state_body(actor: Actor | None) -> bool:
    """The speaker is a state's armed body (an army, a defence ministry, the police, an air force), not an armed
    group's ("the Arakan Army" is a rebel group's name)."""
    if actor is None or actor.sector is Sector.REBEL:
        return False
    name = (actor.name or actor.text).lower()
    words = set(re.findall(r"[a-z]+", name))
    return actor.sector in (Sector.MILITARY, Sector.POLICE) or bool(words & _ARMED_BODY_WORDS) or "air force" in name


def plain_state_forces(tok: Any) -> bool:
    """``tok`` names a state's men by their kind alone ("soldiers", "troops", "police officers", "special
    troops"): a noun of state forces with no name, side, owner or clause of its own ("Russian troops", "its
    soldiers", "enemy soldiers", "troops loyal to X", "soldiers of the 5th brigade" are named)."""
    if tok.pos_ != "NOUN" or tok.ent_type_ != "":
        return False
    return (tok.lemma_.lower() in _STATE_FORCE_NOUNS or tok.lower_ in _STATE_FORCE_NOUNS) and _bare(tok)


def _bare(tok: Any) -> bool:
    """No dependent of ``tok`` names whose it is: only articles, numbers and plain modifiers of kind."""
    for c in tok.children:
        if c.dep_ in ("det", "nummod", "punct", "quantmod"):
            if c.dep_ == "det" and c.lower_ not in ("the", "a", "an", "some", "several", "many", "all"):
                return False  # "its soldiers", "their troops": an owner
            continue
        if c.dep_ in ("amod", "compound") and c.i < tok.i and c.pos_ in ("ADJ", "NOUN", "VERB") \
                and c.ent_type_ == "" and c.lower_ not in _OTHERS:
            continue  # "special forces", "air defences", "police officers", "government troops"
        return False
    return True


def own_forces_told(doers: list[Any], speaker: Actor | None, sources: tuple[Actor, ...]) -> bool:
    """A state's armed body (``speaker``) tells a deed whose doers are all forces by their kind ("the army said
    soldiers had killed ..."), and no doer found has a side of its own."""
    if not doers or not armed_state_body(speaker):
        return False
    if any(a.side or a.country for a in sources if a is not speaker):
        return False
    return all(plain_state_forces(t) for t in doers)


def own_forces_nation(drafts: list[Draft], index: DocIndex) -> None:
    """The doers of a deed an armed body tells of forces by their kind (told as done: reported or claimed) take the
    body's nation: its own side, else, for a body whose nation is not named, the land the deed was done in (as
    :func:`frontlines.events.attribution.nation_of_armed_bodies` reads it: "the army spokesman (Cameroon)")."""
    for d in drafts:
        tok = d.realis.attributed_token
        if d.realis.status not in _TOLD or tok is None or not d.sources:
            continue
        speaker = index.actor_at.get(tok.i)
        doers = agent_tokens(d.trigger.head)
        if not own_forces_told(doers, speaker, d.sources):
            continue
        nation = (speaker.side or speaker.country) if speaker is not None else None
        if nation is None and d.place is not None and not d.place.metonymic and _named_by_kind(tok):
            nation = d.place.country  # a body whose nation is not named: the land its forces acted in
        if nation is None:
            continue
        d.sources = tuple(replace(a, side=nation, country=nation) if not (a.side or a.country) else a
                          for a in d.sources)


# the words an armed body is named by when it is named by its kind ("the army spokesman", "The Ministry of Defence",
# "Army spokesman Lieutenant Colonel ..."): its words, its offices and the ranks of their holders
_KIND_WORDS = _ARMED_BODY_WORDS | frozenset("""
the a an its ministry of spokesman spokeswoman spokesperson forces force armed general staff command chief head
air national official officials source sources
lieutenant colonel major captain brigadier commander sergeant admiral marshal lt col maj capt gen brig cmdr
""".split())


def _named_by_kind(speaker: Any) -> bool:
    """The body is named by its kind alone ("the army spokesman", "The military"), not by a name of its own
    ("The Arakan Army": an armed group the registry does not know, whose land is not its nation): the words of
    the speaker's phrase (``speaker``: its head token) before it and its compounds."""
    # a holder's own name and a nation's name or adjective name no group of the body's own
    words = [t.lower_ for t in speaker.subtree
             if t.i <= speaker.i and t.is_alpha and t.ent_type_ not in ("PERSON", "NORP", "GPE")]
    return bool(words) and all(w in _KIND_WORDS for w in words)


_ARMED = frozenset({Sector.MILITARY, Sector.POLICE, Sector.REBEL})


def party_forces_side(drafts: list[Draft], party: str | None) -> None:
    """In a party's own statement (``party``: its side, :func:`frontlines.events.own_statements.source_party`) the
    forces it names with no side ("the Defence Forces liberated Lobkove", "units of the Tsentr group", "our
    forces regained control") are its own: the doers found with no side take the party's. A doer with a side,
    a nationality or an owner of another's ("Ukrainian units", "the enemy's units") is left as found."""
    if party is None:
        return
    for d in drafts:
        if not d.sources or any(a.side or a.country or a.sector not in _ARMED for a in d.sources):
            continue
        if not (forces_of_no_side(d) or _ours(d)):
            continue
        d.sources = tuple(replace(a, side=party, country=party) for a in d.sources)


def _ours(d: Draft) -> bool:
    """Every doer is named as the speaker's own: "our forces", "our units"."""
    doers = agent_tokens(d.trigger.head)
    return bool(doers) and all(any(c.dep_ == "poss" and c.lower_ == "our" for c in t.children) for t in doers)
