"""A strike told with no means of its own is done with the means the article tells its attacks from afar with.

ACLED decides a remote attack's sub-type by its means: missiles, rockets and guns are a shelling, artillery or
missile attack, aircraft and drones an air or drone strike. A story names its barrage's weapons once ("Russia
launched 70 missiles and 145 drones at Ukraine", "the attack was carried out with Vilkha rockets") and then
calls its hits "strikes" ("a series of strikes on an industrial facility overnight", "A massive strike on
Belgorod"). The strike's own sentence names no means, and the coder gives a bare strike the air strike it most
often is (events.coder, ``refine: strike``); the article's other attacks, typed by the weapons their own
sentences name, tell the means instead when they agree on it. When they disagree (air strikes and rockets,
both sides firing) or name none, the strike keeps its sentence's reading.

So does a thing told as hit with no hands and no means ("The Virat was hit again on Saturday morning", "the
Ghazanchetsots Cathedral, hit twice on Thursday, is still closed"): a ship or a building hit with nobody named
doing it was hit from afar, by the means the story's remote attacks agree on. The coder, finding no armed
side in its sentence, reads it as an attack on civilians (Violence against civilians), which the story's
means overrule; a hit on people ("two civilians were hit") keeps the reading its victims give.

A bare strike told as more ("Missiles struck a mosque complex in Bahawalpur ... Strikes *also* hit sites in
Muzaffarabad") is more of the remote attack told just before it, in its paragraph and up to two sentences back:
"also" and "again" refer back to it, and the strike's sentence leaves out the means because they were just told.
It takes that attack's means when they were told (a shelling, read from its weapons; an air strike whose sentence
names its weapon or aircraft, not a bare strike's default), whatever the article's other attacks use
(:func:`also_means`).

Pure functions over the drafts of one article and the event lexicon; no state.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import EventLexicon
from frontlines.events.means import AIR, SHELLING, first_named, read_in_order, told_as_more

# Verbs of a hit that say nothing of the hands or the means ("was hit", "was struck", "was targeted").
_HITTING = frozenset({"hit", "strike", "target"})

_REMOTE_MEANS = frozenset({AIR, SHELLING})


def _names_a_means(d: Draft, lex: EventLexicon) -> bool:
    """The draft's sentence names a weapon or an aircraft itself."""
    words = read_in_order(d.sent)
    if first_named(words, lex.cues["aircraft"]) is not None:
        return True
    return any(first_named(words, cueset) is not None for _sub, cueset in lex.weapons)


def _bare_strike(d: Draft, lex: EventLexicon) -> bool:
    """A strike typed an air strike by default: its trigger is the bare "strike", its sentence names no means."""
    return (d.trigger.spec.refine == "strike" and d.typing.plover == "ASSAULT" and d.typing.acled_sub == AIR
            and not _names_a_means(d, lex))


def _thing_hit(d: Draft, lex: EventLexicon) -> bool:
    """A thing told as hit, with no doer and no means in its sentence (module docstring): a passive verb of
    hitting with no agent ("The Virat was hit again"), or its participle on the noun hit ("the cathedral, hit
    twice"), whose undergoer names no people."""
    head = d.trigger.head
    if d.typing.plover != "ASSAULT" or d.typing.acled_sub != "Attack" or head.lemma_.lower() not in _HITTING:
        return False
    if head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ == "agent" for c in head.children):
        undergoers = [head.head]
    elif told_as_more(head):
        undergoers = [c for c in head.children if c.dep_ == "nsubjpass"]
    else:
        return False
    people = (lex.cues["civilians"], lex.cues["armed"])
    for u in undergoers:
        words, one = frozenset({u.lemma_.lower(), u.lower_}), " " + u.lower_ + " "
        # a people's name is plural ("Palestinians"); a ship's name the tagger takes for one is not ("The Virat")
        nation = u.ent_type_ == "NORP" and u.tag_ != "NNP"
        if u.ent_type_ == "PERSON" or nation or u.pos_ == "PRON" or any(c.in_tokens(words, one) for c in people):
            return False
    return bool(undergoers) and not _names_a_means(d, lex)


def barrage_means(drafts: list[Draft], lex: EventLexicon) -> None:
    """A bare strike takes the means the article's other remote attacks agree on (module docstring): when every
    attack from afar whose own sentence names its weapon is a shelling, artillery or missile attack, so is the
    strike."""
    bare = [d for d in drafts if _bare_strike(d, lex)]
    hit = [d for d in drafts if _thing_hit(d, lex)]
    if not bare and not hit:
        return
    told = {d.typing.acled_sub for d in drafts
            if d.typing.plover == "ASSAULT" and d.typing.acled_sub in _REMOTE_MEANS and not any(d is b for b in bare)
            and _names_a_means(d, lex)}
    if len(told) != 1:
        return
    means = next(iter(told))
    if means == SHELLING:
        for d in bare:
            d.typing = replace(d.typing, acled_sub=SHELLING)  # the same event type (Explosions/Remote violence)
    for d in hit:  # an attack on civilians read for want of hands: the story's means give the event type too
        d.typing = replace(d.typing, acled_sub=means, acled_type=lex.acled_event_type[means],
                           mode=lex.acled_plover[means][1] or d.typing.mode)


# adverbs that tell an act as more of one told before ("Strikes also hit", "was struck again")
_ADDITIVE = frozenset({"also", "again"})


def told_again(head: Any) -> bool:
    """The trigger, or the verb it is the subject or object of, has an adverb of addition ("Strikes *also* hit
    sites", "struck the port *again*"): more of an act told before."""
    words = [head]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.i != head.i:
        words.append(head.head)
    return any(c.dep_ == "advmod" and c.lower_ in _ADDITIVE for w in words for c in w.children)


def also_means(drafts: list[Draft], lex: EventLexicon) -> None:
    """A bare strike told as more (:func:`told_again`) takes the means of the remote attack told just before it, in
    its paragraph and up to two sentences back, when that attack's means were told (module docstring)."""
    for k, d in enumerate(drafts):
        if not _bare_strike(d, lex) or not told_again(d.trigger.head):
            continue
        before = [e for e in drafts[:k] if e.typing.plover == "ASSAULT" and e.paragraph == d.paragraph
                  and 0 < d.sent_idx - e.sent_idx <= 2]
        if not before:
            continue
        told = before[-1].typing.acled_sub
        # a shelling is read from its weapons; an air strike may be a bare strike's default, then it tells no means
        if told == SHELLING or (told == AIR and _names_a_means(before[-1], lex)):
            d.typing = replace(d.typing, acled_sub=told)  # the same event type
