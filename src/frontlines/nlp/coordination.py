"""A list of participles is one coordination: "troops who have been captured, injured or killed".

The small English parser often hangs the second item of such a list on a verb far above the
first ("Putin announced that citizens would begin to be drafted ... to fill the gaps left by
troops who have been captured, injured or killed": *injured* on *begin*), which makes the
casualties the citizens' own act. The mechanism is the list's shape, not its words: an item
that follows its list-mate with only a comma between them, has the same part-of-speech tag,
no subject of its own, and hangs on a verb that dominates the list-mate, is coordinated with
the list-mate. The component runs after the parser and only lowers such attachments.
"""

from __future__ import annotations

from typing import Any

COMPONENT = "frontlines_coordination"
_PARTICIPLES = frozenset({"VBN", "VBD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _dominates(head: Any, tok: Any) -> bool:
    return any(a.i == head.i for a in tok.ancestors)


def list_mate(tok: Any) -> Any | None:
    """The item before ``tok`` in its comma list, when the parser hung ``tok`` above it."""
    i = tok.i
    if tok.dep_ != "conj" or tok.tag_ not in _PARTICIPLES or i < 2:
        return None
    doc = tok.doc
    comma, mate = doc[i - 1], doc[i - 2]
    if comma.text != "," or mate.tag_ != tok.tag_ or mate.sent.start != tok.sent.start:
        return None
    if tok.head.i in (mate.i, i) or tok.head.i > i or not _dominates(tok.head, mate):
        return None
    if any(c.dep_ in _SUBJECTS for c in tok.children):
        return None  # "the town was captured, troops withdrew": a clause of its own
    return mate


def coordinate_lists(doc: Any) -> Any:
    """Rehang each participle list item on its list-mate (a spaCy component)."""
    for tok in doc:
        if tok.dep_ != "conj":
            continue
        mate = list_mate(tok)
        if mate is not None:
            tok.head = mate
    return doc


def register() -> None:
    """Make the component known to spaCy (idempotent)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=coordinate_lists)


__all__ = ["COMPONENT", "coordinate_lists", "list_mate", "register"]
