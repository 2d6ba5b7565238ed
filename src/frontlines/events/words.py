"""The words of a parsed article, read once for the events stage.

Every ``doc[i]`` (and every step through a Span) builds a new spaCy Token, and
every ``lemma_`` looks its string up again: the rules of the stage ask for the
same words of the same sentences many times over. :class:`DocWords` holds each
token's lower-cased form and lower-cased lemma in plain tuples of strings, built
in one pass over the Doc; the rules read them by token index. (It keeps no Token:
hundreds of objects held through the stage would only feed the garbage
collector, and ``doc[i]`` is cheap when a Token is needed.) Each token's head is
kept too, as an index: :func:`subtree` walks a clause without building a Token
at each step (spaCy's ``Token.subtree`` is a chain of generators over Tokens).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy


@dataclass(frozen=True, slots=True)
class DocWords:
    """The lower-cased forms and lemmas of a Doc's tokens, by token index."""

    lower: tuple[str, ...]  # Token.lower_
    lemma: tuple[str, ...]  # Token.lemma_.lower()
    spaced: bool  # some token's lower form holds a space (then cue phrases are looked for everywhere)
    heads: tuple[int, ...] = ()  # Token.head.i


def read_words(doc: Any) -> DocWords:
    """Read a Doc's words once (see the module docstring)."""
    lower = []
    lemma = []
    for t in doc:
        lower.append(t.lower_)
        lemma.append(t.lemma_.lower())
    heads = (doc.to_array("HEAD").astype("int64") + numpy.arange(len(doc))).tolist() if len(doc) else []
    return DocWords(lower=tuple(lower), lemma=tuple(lemma), spaced=any(" " in w for w in lower), heads=tuple(heads))


def subtree(words: DocWords, tok: Any) -> list[int]:
    """The indices of ``list(tok.subtree)``, in its order (each left child's subtree, the token, each
    right child's), read from the heads: the subtree lies between the token's left and right edges."""
    top = tok.i
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if lo == hi:
        return [top]
    heads = words.heads
    kids: dict[int, list[int]] = {}
    for j in range(lo, hi + 1):
        if j != top:
            kids.setdefault(heads[j], []).append(j)
    out: list[int] = []

    def visit(j: int) -> None:
        ks = kids.get(j)
        if ks is None:
            out.append(j)
            return
        for k in ks:
            if k < j:
                visit(k)
        out.append(j)
        for k in ks:
            if k > j:
                visit(k)

    visit(top)
    return out


__all__ = ["DocWords", "read_words", "subtree"]
