"""A doer written "it" or "they" that opens its sentence's telling: the party the sentence before told of.

"The Ministry of Defence denied that its forces had deliberately targeted civilians. On Friday it sent large
reinforcements to Latakia": a pronoun subject with nothing in its own sentence to take up continues the subject of
the sentence before (the centre of the telling). It stands for that subject when the subject is a party's actor (a
government, an army, a police force, an armed group) agreeing with it: "it" a body named in the singular, "they" a
plural or a body. A person, a subject of no party, a pronoun with an actor before it in its own sentence, or a
subject that disagrees leaves the doer unknown.
"""

from __future__ import annotations

from frontlines.events.antecedents import party_subject_before
from frontlines.events.draft import Draft
from frontlines.events.roles import DocIndex, agent_tokens


def pronoun_from_sentence_before(drafts: list[Draft], index: DocIndex) -> None:
    """Give a deed with no doer found whose doer is "it"/"they" opening its sentence the party that was the
    subject of the sentence before."""
    for d in drafts:
        if d.sources:
            continue
        doers = agent_tokens(d.trigger.head)
        if len(doers) != 1 or doers[0].lower_ not in ("it", "they") or doers[0].tag_ != "PRP":
            continue
        actor = party_subject_before(doers[0], index)
        if actor is not None and actor not in d.targets:
            d.sources = (actor,)
