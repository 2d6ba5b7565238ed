"""The means an event's words name (ACLED's weapon-decided sub-types), read from a sentence's or a clause's cues.

The weapon families of the lexicon are looked for in priority order (chemical, suicide, grenade, remote
explosive, air or drone, shelling), over the words that name a means of the event:

- not the kit police use on crowds ("water cannon", "stun grenades": events.riot_kit);
- not "suicide" or "kamikaze" naming the kind of a munition ("suicide drones", a loitering munition): a
  suicide bomb is a bomber who dies with the bomb, a suicide drone is a drone (ACLED: Air/drone strike);
- a bomb that no words set in place beside an aircraft was dropped from it (an air strike);
- a drone named beside a missile, with no aircraft, by the first named (events.means.drone_or_missile_in).

Weapons that a verb of destroying was done to were put out of use (weapons_destroyed: Disrupted weapons use),
unless people or the enemy are named destroyed beside them (a battle report's toll).

Split from events.coder, which asks it for each trigger (the answer is kept on the cues, once per cues).
"""

from __future__ import annotations

from typing import Any

from frontlines.events.lexicon import EventLexicon
from frontlines.events.means import AIR, SHELLING, drone_or_missile_in, things_hit
from frontlines.events.riot_kit import kit_at
from frontlines.events.tree import doc_tree

# ``cues``: an events.coder.SentenceCues (typed Any here: coder imports this module)
SentenceCues = Any

_REMOTE = "Remote explosive/landmine/IED"
# words that name a munition's kind when they modify it ("suicide drones", "kamikaze UAVs")
_KINDS = frozenset({"suicide", "kamikaze"})


def weapon_named(cues: SentenceCues, lex: EventLexicon) -> str | None:
    """The ACLED sub-type the weapon words of ``cues`` give, or None; worked out once for each cues (a
    sentence's are asked for every trigger in it)."""
    if cues.weapon is None:
        cues.weapon = (_named_weapon(cues, lex),)
    return cues.weapon[0]


def _named_weapon(cues: SentenceCues, lex: EventLexicon) -> str | None:
    kit = lex.cues.get("riot_control")
    if kit is not None and cues.holds(kit) and (at := kit_at(cues.in_order, kit)):
        cues = cues.without(at)  # "fired rubber bullets, tear gas and water cannon": no weapon of war
    if not _KINDS.isdisjoint(cues.lowers) and (kinds := munition_kinds(cues, lex)):
        cues = cues.without(kinds)  # "targeted the airport with suicide drones": drones
    for sub, cueset in lex.weapons:
        if cues.holds(cueset):
            if sub == _REMOTE and not cues.holds(lex.cues["emplaced"]) and not cues.holds(lex.cues["sea_drones"]) and any(
                    s == AIR and cues.holds(c) for s, c in lex.weapons):
                return AIR  # "a fighter jet dropped bombs on the crowd": dropped, not set in place
            if sub in (AIR, SHELLING):
                return drone_or_missile_in(cues.in_order, lex) or sub
            return sub
    return None


def munition_kinds(cues: SentenceCues, lex: EventLexicon) -> set[int]:
    """The doc indices of "suicide" or "kamikaze" modifying a munition ("suicide drones", "kamikaze UAVs")."""
    at = cues.in_order[0]
    if not at:
        return set()
    tree = doc_tree(cues.tokens[0].doc)
    munitions = lex.cues["munitions"].words
    lower, head, dep = tree.lower, tree.head, tree.dep
    return {i for i in at if lower[i] in _KINDS and dep[i] in ("amod", "compound") and head[i] != i
            and lower[head[i]] in munitions}


def named_again(hit: set[int], cues: SentenceCues) -> set[int]:
    """The words of ``cues`` with the lemma of a noun among ``hit`` (the thing hit named again: "opened fire on
    a plane ..., one of the plane's pilots said")."""
    at, _lowers, lemmas = cues.in_order
    if not at:
        return set()
    pos = doc_tree(cues.tokens[0].doc).pos
    nouns = {lemma for i, lemma in zip(at, lemmas) if i in hit and pos[i] == "NOUN"}
    return {i for i, lemma in zip(at, lemmas) if lemma in nouns} if nouns else set()


def weapons_destroyed(head: Any, key: str, clause: SentenceCues, lex: EventLexicon) -> bool:
    """What a verb of destroying was done to names a weapon ("destroyed 342 mines and 288 improvised explosive
    devices", "destroyed large caches of weapons"): the weapons were put out of use, never used (ACLED: Disrupted
    weapons use), whatever kind they are. Destroyed by a means the clause names elsewhere ("Syrian warplanes
    destroyed the arms depot", "destroyed the depot with a missile"), they were struck: the means decides."""
    hit = things_hit(head, key)
    if not hit:
        return False
    target = clause.within(hit)
    if weapon_named(target, lex) is None and not target.holds(lex.cues["weapons_objects"]):
        return False
    if _in_combat(target, lex):
        return False
    return weapon_named(clause.without(hit), lex) is None


def _in_combat(target: SentenceCues, lex: EventLexicon) -> bool:
    """What was destroyed names people or the enemy beside the weapons ("destroyed 37 Russians and four
    howitzers", "two sets of enemy ammunition"): a battle report's toll, not weapons put out of use."""
    if "enemy" in target.lowers or target.holds(lex.cues["armed"]) or target.holds(lex.cues["civilians"]):
        return True
    at = target.in_order[0]
    return bool(at) and any(target.tokens[k].ent_type_ == "NORP" for k in range(len(at)))


__all__ = ["munition_kinds", "named_again", "weapon_named", "weapons_destroyed"]
