"""A parsed Doc's dependency tree read once, by token index, for the events stage's walks.

Every step of a walk over spaCy Tokens builds a new Token (``tok.head``, each child of
``tok.children``, each word of ``tok.subtree``) and every ``dep_`` or ``lower_`` looks its string up
again: the stage's rules climb from the same triggers and places and read the same children many
times per article. :class:`DocTree` holds each token's head, dependency label, part of speech and
lower-cased form, and its children, in plain tuples read from the Doc in one pass
(``Doc.to_array``); the rules walk them by index and build a Token only for what they return. It is
kept in ``doc.user_data`` (the parse sets the tree and nothing changes it after), so every rule of
the stage asks for it at the cost of a dictionary lookup. It keeps no Token.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_KEY = "frontlines.events.tree"


class DocTree:
    """The dependency tree of a Doc by token index (``head[i] == i`` at a sentence's root); read-only by
    contract. The parts of speech and lower-cased forms are read on first use."""

    __slots__ = ("_doc", "_lower", "_pos", "_starts", "_by_head", "dep", "head", "memo")

    def __init__(self, doc: Any) -> None:
        import numpy
        from spacy.attrs import DEP, HEAD

        self._doc = doc
        self._lower: Sequence[str] | None = None
        self._pos: list[str] | None = None
        # (rule, token index) -> what a pure rule over the parse answered for that word (events.roles.agent_tokens)
        self.memo: dict[tuple[str, int], Any] = {}
        n = len(doc)
        rows = doc.to_array([HEAD, DEP]) if n else numpy.zeros((0, 2), dtype=numpy.uint64)
        # a head is told as an offset from its word, in an array of uint64: one before it wraps round
        heads = rows[:, 0].astype(numpy.int64) + numpy.arange(n)
        self.head: list[int] = heads.tolist()  # Token.head.i
        self.dep: list[str] = _names(doc, rows[:, 1].tolist())  # Token.dep_
        # the words by their head, in the Doc's order within each head (a stable sort): a word's children
        # are the run of its own index, less itself at a root
        self._by_head: list[int] = numpy.argsort(heads, kind="stable").tolist()
        self._starts: list[int] = [0, *numpy.cumsum(numpy.bincount(heads, minlength=n)).tolist()] if n else [0]

    def children(self, i: int) -> list[int]:
        """``[c.i for c in doc[i].children]``."""
        kids = self._by_head[self._starts[i]:self._starts[i + 1]]
        if self.head[i] == i:
            kids.remove(i)
        return kids

    @property
    def pos(self) -> list[str]:
        """``Token.pos_`` by index."""
        if self._pos is None:
            from spacy.attrs import POS

            self._pos = _names(self._doc, self._doc.to_array(POS).tolist())
        return self._pos

    @property
    def lower(self) -> Sequence[str]:
        """``Token.lower_`` by index."""
        if self._lower is None:
            from spacy.attrs import LOWER

            self._lower = _names(self._doc, self._doc.to_array(LOWER).tolist())
        return self._lower


def _names(doc: Any, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (each distinct one looked up once)."""
    strings = doc.vocab.strings
    names = {h: strings[h] if h else "" for h in set(hashes)}
    return [names[h] for h in hashes]


def doc_tree(doc: Any, lower: tuple[str, ...] | None = None) -> DocTree:
    """The tree of ``doc``, read once per Doc (kept in ``doc.user_data``); ``lower``: the Doc's lower-cased
    forms when the caller has read them already (events.words)."""
    store = doc.user_data
    tree = store.get(_KEY)
    if tree is None:
        tree = store[_KEY] = DocTree(doc)
    if lower is not None and tree._lower is None:
        tree._lower = lower
    return tree


__all__ = ["DocTree", "doc_tree"]
