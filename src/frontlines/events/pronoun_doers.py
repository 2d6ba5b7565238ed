"""A doer written "it" or "they" that opens its sentence's telling: the party the sentence before told of.

"The Ministry of Defence denied that its forces had deliberately targeted civilians. On Friday it sent large
reinforcements to Latakia": a pronoun subject with nothing in its own sentence to take up continues the subject of
the sentence before (the centre of the telling). It stands for that subject when the subject is a party's actor (a
government, an army, a police force, an armed group) agreeing with it: "it" a body named in the singular, "they" a
plural or a body. A person, a subject of no party, a pronoun with an actor before it in its own sentence, or a
subject that disagrees leaves the doer unknown.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.roles import DocIndex, agent_tokens
from frontlines.records import Actor
from frontlines.stages import sentence_start

_PARTY_SECTORS = frozenset({"military", "government", "police", "rebel"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def pronoun_from_sentence_before(drafts: list[Draft], index: DocIndex) -> None:
    """Give a deed with no doer found whose doer is "it"/"they" opening its sentence the party that was the
    subject of the sentence before."""
    for d in drafts:
        if d.sources:
            continue
        doers = agent_tokens(d.trigger.head)
        if len(doers) != 1 or doers[0].lower_ not in ("it", "they") or doers[0].tag_ != "PRP":
            continue
        actor = _antecedent(doers[0], index)
        if actor is not None and actor not in d.targets:
            d.sources = (actor,)


def _antecedent(pronoun: Any, index: DocIndex) -> Actor | None:
    start = sentence_start(pronoun)
    if start == 0 or any(i in index.actor_at for i in range(start, pronoun.i)):
        return None  # the first sentence, or an actor before it in its own sentence
    doc = pronoun.doc
    before = sentence_start(doc[start - 1])
    root = next((t for t in doc[before:start] if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    actor = index.actor_at.get(subject.i)
    if actor is None or actor.kind == "person" or actor.sector.value not in _PARTY_SECTORS:
        return None
    if pronoun.lower_ == "it":
        return actor if subject.tag_ in ("NN", "NNP") else None
    return actor if subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ == "ORG" else None
