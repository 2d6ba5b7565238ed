"""The words of a parsed article, read once for the events stage.

Every ``doc[i]`` (and every step through a Span) builds a new spaCy Token, and
every ``lemma_`` looks its string up again: the rules of the stage ask for the
same words of the same sentences many times over. :class:`DocWords` holds each
token's lower-cased form and lower-cased lemma in plain tuples of strings, built
in one pass over the Doc; the rules read them by token index. (It keeps no Token:
hundreds of objects held through the stage would only feed the garbage
collector, and ``doc[i]`` is cheap when a Token is needed.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocWords:
    """The lower-cased forms and lemmas of a Doc's tokens, by token index."""

    lower: tuple[str, ...]  # Token.lower_
    lemma: tuple[str, ...]  # Token.lemma_.lower()
    spaced: bool  # some token's lower form holds a space (then cue phrases are looked for everywhere)

    def last(self, word: str) -> int:
        """The index of the last token whose lower form is ``word``; -1 when there is none."""
        return len(self.lower) - 1 - self.lower[::-1].index(word) if word in self.lower else -1


def read_words(doc: Any) -> DocWords:
    """Read a Doc's words once (see the module docstring)."""
    lower = []
    lemma = []
    for t in doc:
        lower.append(t.lower_)
        lemma.append(t.lemma_.lower())
    return DocWords(lower=tuple(lower), lemma=tuple(lemma), spaced=any(" " in w for w in lower))


__all__ = ["DocWords", "read_words"]
