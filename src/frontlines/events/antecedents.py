"""Who a doer stands for when syntax gives no name: a personal pronoun ("Putin ... repeated *his*
threat") or nothing at all (a headline's "Russian army: six civilians killed").

- **A personal pronoun** ("he", "she", "his", "her") names a person: the nearest person named before
  it in its sentence, else in the sentence before. A force or a state is never its antecedent, so a
  pronoun no person can stand for leaves the event's doer unknown rather than the nearest party.
- **"it"/"they" opening a sentence** with no actor before it: the party that was the subject of the sentence
  before (events.pronoun_doers gives it to the deed).
- **Nothing** (headline style): the nearest actor of a state's or group's side before the trigger
  in its sentence, as notes and headlines put the party first.
"""

from __future__ import annotations

from typing import Any

from frontlines.records import Actor
from frontlines.stages import sentence_start

PERSONAL = frozenset({"he", "she", "his", "her", "him", "hers"})
_PARTY_SECTORS = frozenset({"military", "government", "police", "rebel"})


def personal_pronoun(doers: list[Any]) -> Any | None:
    """The first doer written as a personal pronoun, if any."""
    return next((t for t in doers if t.tag_ in ("PRP", "PRP$") and t.lower_ in PERSONAL), None)


def person_before(pronoun: Any, index: Any) -> Actor | None:
    """The nearest person named before the pronoun, in its sentence or the one before (``index``:
    the article's events.roles.DocIndex, typed loosely here so that roles may import this module)."""
    start = sentence_start(pronoun)
    if start > 0:
        start = sentence_start(pronoun.doc[start - 1])
    for i in range(pronoun.i - 1, start - 1, -1):
        actor = index.actor_at.get(i)
        if actor is not None and actor.kind == "person":
            return actor
    return None


def party_before(trigger: Any, index: Any, targets: tuple[Actor, ...] | list[Actor]) -> Actor | None:
    """Headline style: the nearest actor of a state's or group's side before the trigger, within
    fifteen words of its sentence."""
    start = sentence_start(trigger)  # (the words before it, back to the first that opens a sentence)
    for i in range(trigger.i - 1, max(start - 1, trigger.i - 15), -1):
        actor = index.actor_at.get(i)
        if actor is not None and actor not in targets and (actor.country or actor.side) and \
                actor.sector.value in _PARTY_SECTORS:
            return actor
    return None


def party_subject_before(pronoun: Any, index: Any) -> Actor | None:
    """The party a sentence-opening "it"/"they" takes up: the subject of the sentence before, when it is a
    party's actor (government, army, police, armed group) agreeing in number ("it" a singular noun, "they" a
    plural or an organisation); none when an actor stands before the pronoun in its own sentence."""
    start = sentence_start(pronoun)
    if start == 0 or any(i in index.actor_at for i in range(start, pronoun.i)):
        return None  # the first sentence, or an actor before it in its own sentence
    doc = pronoun.doc
    before = sentence_start(doc[start - 1])
    root = next((t for t in doc[before:start] if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    actor = index.actor_at.get(subject.i)
    if actor is None or actor.kind == "person" or actor.sector.value not in _PARTY_SECTORS:
        return None
    if pronoun.lower_ == "it":
        return actor if subject.tag_ in ("NN", "NNP") else None
    return actor if subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "ORG" else None
