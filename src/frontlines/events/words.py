"""The words of a parsed article, read once for the events stage.

Every ``doc[i]`` (and every step through a Span) builds a new spaCy Token, and
every ``lemma_`` looks its string up again: the rules of the stage ask for the
same words of the same sentences many times over. :class:`DocWords` holds each
token's Token object, lower-cased form and lower-cased lemma in plain tuples,
built in one pass over the Doc; the rules read them by token index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DocWords:
    """A Doc's tokens and their lower-cased forms and lemmas, by token index."""

    tokens: tuple[Any, ...]  # spacy Tokens, tokens[i].i == i
    lower: tuple[str, ...]  # Token.lower_
    lemma: tuple[str, ...]  # Token.lemma_.lower()
    spaced: bool  # some token's lower form holds a space (then cue phrases are looked for everywhere)

    def span(self, sent: Any) -> tuple[Any, ...]:
        """The tokens of a sentence (or any Span of the Doc), in order."""
        return self.tokens[sent.start : sent.end]


def read_words(doc: Any) -> DocWords:
    """Read a Doc's words once (see the module docstring)."""
    tokens = tuple(doc)
    lower = tuple([t.lower_ for t in tokens])
    return DocWords(tokens=tokens, lower=lower, lemma=tuple([t.lemma_.lower() for t in tokens]),
                    spaced=any(" " in w for w in lower))


__all__ = ["DocWords", "read_words"]
