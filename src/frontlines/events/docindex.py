"""Earlier stages' records located on a parsed article's tokens, for the events stage (split from
``events.roles``, which still names :class:`DocIndex` and :func:`index_doc` for its callers)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontlines.events.tree import doc_tree
from frontlines.events.words import DocWords
from frontlines.records import Actor, Place, Quantity, TimeValue


@dataclass(slots=True)
class DocIndex:
    """Earlier stages' records, located on the Doc's tokens."""

    actor_at: dict[int, Actor]  # token index -> actor whose span covers it
    places: list[tuple[Place, Any]]  # (place, root token)
    times: list[tuple[TimeValue, Any]]  # (time, root token)
    quantities: list[tuple[Quantity, Any]]  # (quantity, root token)
    last_where: int = 1 << 30  # the Doc's last "where" (-1: none): no "where" antecedent in a sentence after it
    # (kind, sentence start, end) -> in_sentence's answer: every trigger of a sentence asks
    _by_sentence: dict[tuple[str, int, int], list[tuple[int, Any, Any]]] = field(default_factory=dict, repr=False)
    _above: dict[int, set[int]] = field(default_factory=dict, repr=False)  # token index -> its ancestors' indices
    # kind -> its records' root indices, and whether they are in the Doc's order (then a sentence's are one run)
    _roots: dict[str, tuple[list[int], bool]] = field(default_factory=dict, repr=False)

    def above(self, tok: Any) -> set[int]:
        """The indices of ``tok``'s ancestors, worked out once (the place, time and quantity rules ask per trigger)."""
        if (found := self._above.get(tok.i)) is None:
            head = doc_tree(tok.doc).head
            found = self._above[tok.i] = set()
            i = tok.i
            for _ in range(len(head)):  # (Token.ancestors' guard)
                if head[i] == i:
                    break
                i = head[i]
                found.add(i)
        return found

    def in_sentence(self, kind: str, sent: Any) -> list[tuple[int, Any, Any]]:
        """The records of ``kind`` ("places", "times" or "quantities") whose root lies in ``sent``, in
        their order, each with its number in the whole list: (number, record, root token)."""
        start, end = sent.start, sent.end
        key = (kind, start, end)
        found = self._by_sentence.get(key)
        if found is None:
            records: list[tuple[Any, Any]] = getattr(self, kind)
            if (roots := self._roots.get(kind)) is None:
                at = [root.i for _, root in records]
                roots = self._roots[kind] = (at, all(a <= b for a, b in zip(at, at[1:])))
            at, ordered = roots
            ks: Iterable[int]
            if ordered:
                ks = range(bisect.bisect_left(at, start), bisect.bisect_left(at, end))
            else:
                ks = [k for k, i in enumerate(at) if start <= i < end]
            found = self._by_sentence[key] = [(k, *records[k]) for k in ks]
        return found


def _root(doc: Any, start: int, end: int) -> Any | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def index_doc(doc: Any, outputs: Any, words: DocWords | None = None) -> DocIndex:
    """Locate the actors, places, times and quantities of ``outputs`` on ``doc`` (with ``words``, its last "where")."""
    from frontlines.stages import doc_datelines

    actor_at: dict[int, Actor] = {}
    datelines = doc_datelines(doc)
    for actor in outputs.get("actors", ()):
        if any(a <= actor.evidence.start < b for a, b in datelines):
            continue  # "NAIROBI, Aug 5 (Reuters) -": who filed the report is no party to what it tells
        span = doc.char_span(actor.evidence.start, actor.evidence.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            actor_at.setdefault(i, actor)
    places = []
    for place in outputs.get("places", ()):
        root = _root(doc, place.evidence.start, place.evidence.end)
        if root is not None:
            places.append((place, root))
    times = []
    for tv in outputs.get("times", ()):
        root = _root(doc, tv.evidence.start, tv.evidence.end)
        if root is not None:
            times.append((tv, root))
    quantities = []
    for q in outputs.get("quantities", ()):
        root = _root(doc, q.evidence.start, q.evidence.end)
        if root is not None:
            quantities.append((q, root))
    return DocIndex(actor_at=actor_at, places=places, times=times, quantities=quantities,
                    last_where=words.last("where") if words is not None else 1 << 30)


__all__ = ["DocIndex", "index_doc"]
