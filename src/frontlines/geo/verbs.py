"""What a verb says about a name: one shells a town, not a person (read by geo.recognise)."""

from __future__ import annotations

from typing import Any

# verbs of bombardment, done to a place and not to a person ("Stepanakert was shelled", "bombarded Ganja")
BOMBARDED = frozenset({"shell", "bombard", "strafe"})


def bombarded(tok: Any) -> bool:
    """A name a verb of bombardment is done to is a place, whatever the label: one shells a town, not a
    person ("Stepanakert was shelled again overnight", Stepanakert tagged a person). A headline drops the
    passive's auxiliary ("Dobropillia Shelled, Five Killed"): the subject of such a verb that shells nothing
    (no object) is what was shelled."""
    head = tok.head
    if head.i == tok.i or head.lemma_.lower() not in BOMBARDED:
        return False
    return tok.dep_ in ("nsubjpass", "dobj") or (
        tok.dep_ == "nsubj" and not any(c.dep_ in ("dobj", "obj") for c in head.children))


__all__ = ["BOMBARDED", "bombarded"]
