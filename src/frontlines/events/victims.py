"""Where the victims were: a place inside the subject of a harm verb ("A man in Stepne died due to the
shelling", "two residents of Kurakhove were killed by shelling").

A place inside a verb's subject is mostly the doer's home ("officials in Kyiv urged", "troops from
Belgorod shelled"): no place of the event. The subject of "die", or of "killed", "wounded", "injured"
in the passive, is what the event did: where it was is where the event happened. So is a toll, the count of
the harmed, whatever its verb ("Death toll in Gorlovka rises to 3, injured to 11").
"""

from __future__ import annotations

from typing import Any

# verbs whose subject (of the passive for all but "die") is the harmed
HARM_VERBS = frozenset({"die", "kill", "wound", "injure"})
# how a place attaches to the victims: "a man in X", "residents of X", "people near X"
_VICTIM_PREPS = frozenset({"in", "of", "near"})
# nouns that count the harmed: a subject of any verb ("the death toll in X rose", "the toll in X stands at")
_TOLL_NOUNS = frozenset({"toll"})


def victims_place(tok: Any, trigger: Any) -> bool:
    """``tok`` (a place's word) names where the harmed subject of the trigger's harm verb were: it is
    the object of "in", "of" or "near" on that subject, and the trigger is the verb or under it. The subject
    may also be a toll, with any verb."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in _VICTIM_PREPS:
        return False
    subject = tok.head.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ not in ("NOUN", "PRON", "NUM"):
        return False
    verb = subject.head
    lemma = verb.lemma_.lower()
    toll = subject.lemma_.lower() in _TOLL_NOUNS
    if not toll and (lemma not in HARM_VERBS or (lemma != "die" and subject.dep_ != "nsubjpass")):
        return False
    return verb.i == trigger.i or any(a.i == verb.i for a in trigger.ancestors)


# how an attack noun tells the setting of a harm: "killed in attacks", "wounded during the raid", "died in the attack"
_SETTING_PREPS = frozenset({"in", "during", "by"})


def harmed_in(noun: Any) -> list[Any]:
    """Those an attack noun harmed, told as the subject of the harm verb it is the setting of ("20 members of
    the security forces have been killed in Taliban attacks", "two soldiers died in the raid"): the attack's
    victims, whom the ACLED sub-type is decided by (armed: a clash; civilians: an attack on them)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.lower_ not in _SETTING_PREPS:
        return []
    verb = noun.head.head
    lemma = verb.lemma_.lower()
    if lemma not in HARM_VERBS:
        return []
    wanted = ("nsubj", "nsubjpass") if lemma == "die" else ("nsubjpass",)
    return [c for c in verb.children if c.dep_ in wanted]


def named_as_combatant(person: Any, armed: Any, armed_at: frozenset[int]) -> bool:
    """A person the sentence names, in an apposition, as one of an armed side: its head word an armed role ("Musa,
    a militia commander") or its own words an actor the actors stage knows as an armed force or group
    (``armed_at``: "al-Kikli, the head of the Stability Support Apparatus"). The person is a combatant, whatever
    the name tagger makes of a name: an attack on them is fought with their side (ACLED: an armed clash), not
    violence against a civilian. A clause describing the apposition ("a farmer who had fled the soldiers") is no
    part of what the person is. ``armed``: the lexicon's cue set of armed people."""
    from frontlines.events.means import own_words

    for appos in person.children:
        if appos.dep_ != "appos":
            continue
        if armed.in_tokens(frozenset({appos.lemma_.lower(), appos.lower_}), " " + appos.lower_ + " "):
            return True
        if any(t.i in armed_at for t in own_words([appos]) if t.i != appos.i or appos.pos_ == "PROPN"):
            return True
    return False

