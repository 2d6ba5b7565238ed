"""Purposes: what the doers of a sentence's act meant by it, told in an infinitive ("marched *to reject* the
attack", "called up *to fight*"). A purpose is no event of its own (events.realis finds the infinitive on its climb
from a trigger to the root); this module holds what decides whether a status word met on that climb still makes its
content an event.

A status word (a frame: "deny", "reject", "plan", "order") that is itself the purpose infinitive or stands inside
it frames nothing that was done: "tens of thousands marched *to reject the attack*" tells no rejection, and the
attack it names is no event of the sentence (it is told where it happened). Saying is done by being said, so a
speech frame inside a purpose ("held a briefing *to deny* that its troops shelled the town") still tells a denial
that was made, and its content keeps the status the denial gives it.

Only an adverbial infinitive is a purpose here. The complement of a verb of causing ("the clashes prompted the
government *to declare* a state of emergency", "forced the president to order a curfew") tells what the cause
brought about, which happened; events.realis reads it as before.
"""

from __future__ import annotations

from typing import Any


def frame_in_purpose(frame: Any, purpose: Any, speech: frozenset[str]) -> bool:
    """The frame word ``frame`` is the adverbial purpose infinitive ``purpose`` or stands inside it, and is no word
    of speech (``speech``: the lexicon's lemmas of saying); see the module docstring."""
    if purpose.dep_ != "advcl":
        return False  # a verb's complement ("prompted the government to declare"), no purpose
    inside = frame.i == purpose.i or any(a.i == purpose.i for a in frame.ancestors)
    return inside and frame.lemma_.lower() not in speech


__all__ = ["frame_in_purpose"]
