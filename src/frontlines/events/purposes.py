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

from frontlines.events.tree import doc_tree


def frame_in_purpose(frame: Any, purpose: Any, speech: frozenset[str]) -> bool:
    """The frame word ``frame`` is the adverbial purpose infinitive ``purpose`` or stands inside it, and is no word
    of speech (``speech``: the lexicon's lemmas of saying); see the module docstring."""
    if purpose.dep_ != "advcl":
        return False  # a verb's complement ("prompted the government to declare"), no purpose
    inside = frame.i == purpose.i or any(a.i == purpose.i for a in frame.ancestors)
    return inside and frame.lemma_.lower() not in speech


def place_in_purpose(root: Any, trigger: Any) -> bool:
    """The place whose phrase ``root`` heads stands inside a to-infinitive of purpose of the trigger's act, met on its
    climb before the trigger itself: "mobilised reservists *to fight in Ukraine*", "ordered the call-up of reservists
    *to reinforce troops in Ukraine*". That place is where the purpose lies, not where the act was done. The
    infinitive hangs on the trigger as an adverbial clause, or beside an event noun the trigger's verb governs (its
    object: "ordered the call-up ... to reinforce"; a trigger written as a compound, "call-up", stands for the noun
    it ends in). A place on the trigger's own path ("moved to encircle Bakhmut" for the trigger "encircle"), and the
    complement of a verb whose subject the trigger is ("shelling forced residents to flee Bakhmut": what the shelling
    brought about, where it happened), still place it."""
    while trigger.dep_ in ("compound", "punct") and trigger.head.i > trigger.i and trigger.head.pos_ in ("NOUN", "PROPN"):
        trigger = trigger.head
    doc = root.doc
    tree = doc_tree(doc)
    heads, dep, pos = tree.head, tree.dep, tree.pos  # the climb by index: a Token only for a verb's infinitive test
    t = trigger.i
    i = root.i
    for _ in range(12):
        if i == t:
            return False
        head = heads[i]
        if head == i:
            return False
        if pos[i] in ("VERB", "AUX") and dep[i] in ("advcl", "xcomp") and _to_infinitive(doc[i]) and (
                (head == t and dep[i] == "advcl")
                or (heads[t] == head and dep[t] == "dobj" and t != head)):
            return True
        i = head
    return False


def purpose_of_ordered_deed(purpose: Any, frame: Any, lex: Any) -> bool:
    """The to-infinitive ``purpose`` that the frame verb ``frame`` governs is the purpose of the deed the frame's
    object names, not what the frame orders: "Putin ordered *the call-up of reservists* to reinforce troops",
    "the governor ordered the evacuation of the town to save lives". A command takes its doers as object and what they
    are to do as infinitive ("ordered the troops to withdraw"); when the object is itself an act (a trigger of the
    lexicon: "evacuation", "mobilisation", the compound "call-up"), the order is that act, and the infinitive tells
    what it was for."""
    if purpose.head.i != frame.i or purpose.dep_ not in ("xcomp", "advcl"):
        return False
    return any(c.dep_ == "dobj" and c.i < purpose.i and is_deed_noun(c, lex) for c in frame.children)


def is_deed_noun(tok: Any, lex: Any) -> bool:
    """``tok`` heads a noun phrase naming an act of the lexicon: its lemma is a trigger ("the evacuation"), or it ends a
    hyphenated or compound trigger written before it ("the call-up": "call", "-", "up")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.lemma_.lower() in lex.single:
        return True
    lefts = [c for c in tok.lefts if c.dep_ in ("compound", "punct", "amod") and c.i >= tok.i - 3]
    if not lefts:
        return False
    words = tuple(t.lower_ for t in tok.doc[lefts[0].i: tok.i + 1])
    return any(w == words for w, _ in lex.phrasal.get(words[0], ()))


def _to_infinitive(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


__all__ = ["frame_in_purpose", "is_deed_noun", "place_in_purpose", "purpose_of_ordered_deed"]
