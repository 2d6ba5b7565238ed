"""Who harms whom at a protest: the roles that decide between the ACLED protest and riot sub-types and
violence done to protesters or by them (events.coder asks these of a violent trigger in a protest setting).

- Protesters attacked by others: when protesters (or their rally) are the ones a violent act is done to and its
  doers are neither protesters nor a state's forces, the act is no demonstration of theirs: ACLED codes it as
  violence against them, not as a Violent demonstration. Doers told armed ("gangs of men armed with whips and
  clubs", "gunmen") make it an Attack on civilians; unarmed ones ("activists of the ruling party's student wing
  had attacked protesters with sticks", "a group of Turks attacked a peaceful rally") mob violence. Force by
  police or soldiers stays the protest's intervention.
- Harm done in clashes protesters fought ("nearly 100 people were killed in clashes between protesters,
  police and ruling-party activists", "two protesters died in clashes with police"): both sides fought, the
  demonstrators too, so the deaths are the toll of a Violent demonstration (ACLED: demonstrators engage in
  violence), not force used on a peaceful crowd (Excessive force against protesters), whoever is named dead.
- Protesters who beat or kill a person: a crowd whose violence falls on people, not on property or
  police lines ("Protesters stormed the home of the former prime minister and beat him and his wife"), is
  mob violence (ACLED: rioters violently attacking a person), not a Violent demonstration.

Pure functions over spaCy tokens and the event lexicon; no state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.events.lexicon import EventLexicon

_PROTEST_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "protesters", "protestors",
                            "demonstrators", "marchers"})
# verbs of bodily harm done to a person (not "attack", said of buildings and lines too)
_BODILY = frozenset({"beat", "kill", "lynch", "stab", "hack", "murder", "torture", "assault", "club", "whip"})
_PERSON_PRONOUNS = frozenset({"him", "her", "them", "he", "she"})


def _patients(head: Any) -> list[Any]:
    """The verb's objects (and a passive's subject) with their conjuncts."""
    found = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for p in found for t in (p, *p.conjuncts)]


def _words(tokens: Sequence[Any]) -> set[str]:
    return {w for d in tokens for t in d.subtree for w in (t.lemma_.lower(), t.lower_)}


def _protest_nouns(tokens: Sequence[Any]) -> bool:
    return any(t.lower_ in _PROTEST_NOUNS or t.lemma_.lower() in _PROTEST_NOUNS for t in tokens)


# a gathering attacked is its protesters attacked ("a group of Turks attacked a peaceful rally")
_GATHERINGS = frozenset({"rally", "demonstration", "protest", "march", "sit-in", "vigil"})


def protesters_attacked_by_others(head: Any, doers: Sequence[Any], lex: EventLexicon) -> bool:
    """Protesters (or their gathering) are what the verb ``head`` does its harm to, and its named doers are
    neither protesters nor a state's forces (see the module docstring)."""
    if head.pos_ != "VERB" or not doers:
        return False
    patients = _patients(head)
    if not _protest_nouns(patients) and not any(p.lemma_.lower() in _GATHERINGS for p in patients):
        return False
    if _protest_nouns(doers):
        return False
    words = _words(doers)
    return not any(lex.cues["state_forces"].in_tokens(frozenset({w}), " " + w + " ") for w in words)


def armed_attackers(doers: Sequence[Any], lex: EventLexicon) -> bool:
    """The doers' words tell them armed: an armed force or group ("gunmen", "militiamen", "armed men") or men
    "armed with" something ("gangs of men armed with whips and clubs"); party activists, supporters or "a group
    of Turks" are not."""
    words = _words(doers)
    if "armed" in words:
        return True
    text = " " + " ".join(t.lower_ for d in doers for t in d.subtree) + " "
    return lex.cues["armed"].in_tokens(frozenset(words), text) or lex.cues["non_state"].in_tokens(frozenset(words), text)


# Nouns of fighting between two sides, and the prepositions that tell a harm done in it.
_CLASHES = frozenset({"clash", "skirmish", "fighting", "battle", "confrontation", "scuffle"})
_IN_IT = frozenset({"in", "during", "amid", "amidst"})


def harmed_in_protesters_clashes(head: Any) -> bool:
    """The harm ``head`` is told as done in clashes protesters fought: a clash noun under "in", "during" or
    "amid" whose phrase, or the harm's undergoer, names protesters ("killed in clashes between protesters and
    police", "two protesters were killed in clashes with police")."""
    undergone = _protest_nouns([t for p in _patients(head) for t in p.subtree])
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _IN_IT:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _CLASHES and (
                    undergone or _protest_nouns(list(noun.subtree))):
                return True
    return False


def crowd_harms_person(head: Any, doers: Sequence[Any]) -> bool:
    """Protesters beat, stab or kill a person: the verb ``head`` is one of bodily harm, its doers are
    protesters and what it is done to is a person (a name or a personal pronoun)."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in _BODILY or not _protest_nouns(doers):
        return False
    return any(p.ent_type_ == "PERSON" or p.lower_ in _PERSON_PRONOUNS for p in _patients(head))


def _governing_act(head: Any, doers: Sequence[Any]) -> tuple[Any, Sequence[Any]]:
    """A participle telling what an act did ("attacked protesters with sticks, *injuring* hundreds") is read
    through that act: its verb, and its subject when the participle was given no doers."""
    if head.tag_ == "VBG" and head.dep_ in ("advcl", "xcomp") and head.head.pos_ == "VERB":
        act = head.head
        return act, doers or [c for c in act.children if c.dep_ == "nsubj"]
    return head, doers


def violence_at_protest(head: Any, doers: Sequence[Any], lex: EventLexicon) -> tuple[str, str, str] | None:
    """The (PLOVER type, mode, ACLED sub-type) the roles at a protest give a violent verb: an Attack on
    protesters by others than protesters and state forces, Mob violence by protesters on a person, a Violent
    demonstration for harm done in clashes protesters fought; else None."""
    act, acts_doers = _governing_act(head, doers)
    if protesters_attacked_by_others(act, acts_doers, lex):
        if armed_attackers(acts_doers, lex):
            return "ASSAULT", "physical", "Attack"  # an armed group on unarmed civilians (ACLED: Attack)
        return "ASSAULT", "physical", "Mob violence"  # a crowd on a crowd (ACLED: rioters attack protesters)
    if crowd_harms_person(act, acts_doers):
        return "ASSAULT", "physical", "Mob violence"
    if harmed_in_protesters_clashes(head):
        return "ASSAULT", "physical", "Violent demonstration"  # harm done (PLOVER), the toll of a riot (ACLED)
    return None
