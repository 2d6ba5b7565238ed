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

import bisect
from collections.abc import Sequence
from typing import Any

from frontlines.stages import span_of

_KEY = "frontlines.events.tree"


class DocTree:
    """The dependency tree of a Doc by token index (``head[i] == i`` at a sentence's root); read-only by
    contract. The parts of speech and lower-cased forms are read on first use."""

    __slots__ = ("_doc", "_ends", "_leaves", "_length", "_lower", "_offsets", "_pos", "_starts", "_by_head", "dep",
                 "head")

    def __init__(self, doc: Any) -> None:
        import numpy
        from spacy.attrs import DEP, HEAD

        self._doc = doc
        self._lower: Sequence[str] | None = None
        self._pos: list[str] | None = None
        self._offsets: list[int] | None = None  # Token.idx
        self._ends: list[int] | None = None  # Token.idx + len(Token)
        self._length = 0  # the Doc's text's
        self._leaves: list[bool] | None = None  # a space or punctuation with no children (never a span's root)
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

    def char_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """The token range of ``doc.char_span(start, end, alignment_mode="expand")`` (None where it is None),
        for ``start < end``: the tokens whose text or trailing space holds the first and the last character,
        less the first when the range begins right after its text."""
        if self._offsets is None:
            from spacy.attrs import IDX, SPACY

            rows = self._doc.to_array([IDX, SPACY]).tolist()
            self._offsets = offsets = [r[0] for r in rows]
            if rows:
                tail = self._doc[len(rows) - 1]
                self._length = tail.idx + len(tail.text_with_ws)  # (Doc.text joins every token's text again)
            # a token's text ends where the next begins, less its trailing space
            self._ends = [nxt - r[1] for r, nxt in zip(rows, [*offsets[1:], self._length])]
        offsets, ends = self._offsets, self._ends
        assert ends is not None
        if not offsets or start < 0 or end - 1 >= self._length:
            return None
        first = bisect.bisect_right(offsets, start) - 1
        last = bisect.bisect_right(offsets, end - 1) - 1
        if start == ends[first]:
            first += 1
        return first, last + 1

    def span_root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i`` for ``start < end`` (spaCy's rule: a sentence's root in the span, else the
        word nearest the sentence's root whose head lies outside the span, the first of equals, a bare space
        or punctuation mark last)."""
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        if self._leaves is None:
            from spacy.attrs import IS_PUNCT, IS_SPACE

            rows = self._doc.to_array([IS_SPACE, IS_PUNCT]).tolist()
            self._leaves = [bool(r[0] or r[1]) and not self.children(i) for i, r in enumerate(rows)]
        leaves, n = self._leaves, len(head)
        best, root = n, -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            if leaves[i]:
                steps = n - 1
            else:
                steps, k = 0, i
                while head[k] != k:
                    k = head[k]
                    steps += 1
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root

    def subtree(self, i: int) -> list[int]:
        """``[t.i for t in doc[i].subtree]``, in spaCy's order: each left child's subtree, the word, each
        right child's subtree (the Doc's order when the tree is projective)."""
        out: list[int] = []
        stack: list[tuple[int, bool]] = [(i, False)]
        while stack:
            k, expanded = stack.pop()
            if expanded:
                out.append(k)
                continue
            kids = self.children(k)
            if not kids:
                out.append(k)
                continue
            # pushed in reverse: the rights (last first), the word itself, then the lefts (last first)
            for c in reversed(kids):
                if c > k:
                    stack.append((c, False))
            stack.append((k, True))
            for c in reversed(kids):
                if c < k:
                    stack.append((c, False))
        return out


def _names(doc: Any, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (each distinct one looked up once)."""
    strings = doc.vocab.strings
    names = {h: strings[h] if h else "" for h in set(hashes)}
    return [names[h] for h in hashes]


def char_range(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """The token range of ``doc.char_span(start, end, alignment_mode="expand")``, found from the tokens' offsets
    read once per Doc (spaCy's builds two Tokens and checks its arguments in Python on every call, and the
    Span three more); None when there is no such span."""
    if start >= end:
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return doc_tree(doc).char_tokens(start, end)


def char_span(doc: Any, start: int, end: int) -> Any | None:
    """``doc.char_span(start, end, alignment_mode="expand")`` (see :func:`char_range`)."""
    found = char_range(doc, start, end)
    return None if found is None else span_of(doc, *found)


def char_root(doc: Any, start: int, end: int) -> Any | None:
    """The root of ``doc.char_span(start, end, alignment_mode="expand")``; None when there is no such span or it
    holds no token (worked out on the tree: neither the Span nor its Tokens are built)."""
    if start >= end:
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None or len(span) == 0 else span.root
    tree = doc_tree(doc)
    found = tree.char_tokens(start, end)
    if found is None or found[0] >= found[1]:
        return None
    return doc[tree.span_root(*found)]


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


__all__ = ["DocTree", "char_range", "char_root", "char_span", "doc_tree"]
