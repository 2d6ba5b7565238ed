"""Words that describe a participant of another act of their sentence rather than tell an act of their own.

A past participle placed after a noun, with no subject or auxiliary of its own (a reduced relative clause:
"Army units and Burundian troops *deployed* alongside them pulled back south"; "relocated under arrangements
*agreed* with the other side"; "with neutral units *deployed* along the lines of contact"), says which troops or
which arrangements the sentence's act concerns: the deployment and the agreement are the background of that act,
told as a property of its participant, and the corpus codes the act only. Violent participles are left to the
toll and victim rules ("civilians *killed* in the strike" is the strike's toll, merged there), and a participle
on an event noun ("a ceasefire *agreed* in January") names that event (events.merge joins the two).
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft

# Non-violent acts a participle describes a party or a thing by: a movement of forces, an agreement, aid given.
_DESCRIBING_TYPES = frozenset({"MOBILIZE", "AGREE", "AID", "CONSULT", "SUPPORT"})
_OWN_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass"})


def _reduced_relative(head: Any) -> bool:
    """A past participle after the noun it modifies, with no subject or auxiliary of its own."""
    return (head.pos_ == "VERB" and head.tag_ in ("VBN", "VBD") and head.dep_ == "acl"
            and head.head.i < head.i and head.head.pos_ in ("NOUN", "PROPN", "PRON")
            and not any(c.dep_ in _OWN_CLAUSE for c in head.children))


def drop_participant_descriptions(drafts: list[Draft]) -> None:
    """Mark as dropped the non-violent acts told as a reduced relative on a participant of another act of the
    sentence (see the module docstring): ``drafts`` are one sentence's. Another act of the sentence must stay (a
    sentence that tells nothing else keeps it); the noun described must be no trigger of its own (then the
    participle names that event)."""
    heads = {d.trigger.head.i for d in drafts if not d.dropped}
    for d in drafts:
        head = d.trigger.head
        if d.dropped or d.typing.plover not in _DESCRIBING_TYPES or not _reduced_relative(head):
            continue
        if head.head.i in heads:
            continue  # "a ceasefire agreed in January": the noun is the event
        if any(e is not d and not e.dropped and not _reduced_relative(e.trigger.head) for e in drafts):
            d.dropped = True
