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
from collections.abc import Container
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


# a string's hash -> the string (``LOWER``) or its lower-cased form (``LEMMA``), across Docs: the hash is the string's
# own (spaCy's StringStore), so the answer holds for every Doc; decoding it again per Doc cost most of read_words
_FORMS: dict[int, str] = {}
_LEMMAS: dict[int, str] = {}
_MEMO_MAX = 100_000  # entries of each (a few MB), cleared when passed


def read_words(doc: Any, known: Container[str] = frozenset()) -> DocWords:
    """Read a Doc's words once (see the module docstring). ``known``: the words the stage looks up (the event
    lexicon's triggers and cues), which a plural that opens a sentence is read as (:func:`opening_plural`)."""
    if not len(doc):
        return DocWords(lower=(), lemma=(), spaced=False)
    import numpy
    from spacy.attrs import LEMMA, LOWER, POS
    from spacy.parts_of_speech import PROPN

    # the three columns in one read of the Doc's arrays, each string looked up by its hash in the memos above
    # (decoded the first time it is met): a Token per word (``t.lower_``, ``t.lemma_``, ``t.pos_``) cost as much
    # as all of it, and sorting each Doc's hashes to decode each distinct one once (numpy.unique) cost more
    # than the memo's lookups
    rows = doc.to_array([LOWER, LEMMA, POS])
    strings = doc.vocab.strings
    if len(_FORMS) > _MEMO_MAX or len(_LEMMAS) > _MEMO_MAX:
        _FORMS.clear()
        _LEMMAS.clear()
    forms, lemmas = _FORMS, _LEMMAS
    lower = [f if (f := forms.get(h)) is not None else forms.setdefault(h, strings[h] if h else "")
             for h in rows[:, 0].tolist()]
    lemma = [f if (f := lemmas.get(h)) is not None else lemmas.setdefault(h, (strings[h] if h else "").lower())
             for h in rows[:, 1].tolist()]
    if known:
        for i in numpy.flatnonzero(rows[:, 2] == PROPN).tolist():
            # (a name whose lower form is no plural of a word the stage knows needs no Token)
            if lemma[i] == lower[i] and _singular(lower[i], known) and (
                    singular := opening_plural(doc[i], known) or counted_plural(doc[i], known)):
                lemma[i] = singular
    return DocWords(lower=tuple(lower), lemma=tuple(lemma), spaced=" " in "".join(lower))


# English plural endings and what they stand for, longest first (the rules spaCy's English lemmatizer applies)
_PLURALS = (("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("sses", "ss"), ("men", "man"), ("s", ""))
_ENDINGS = tuple(ending for ending, _ in _PLURALS)
# what may stand before a sentence's first word: a dateline's dash or colon ("KYIV (Reuters) - Missiles hit")
_OPENERS = frozenset({"-", "\u2013", "\u2014", ":"})


def opening_plural(tok: Any, known: Container[str]) -> str | None:
    """The singular of a common noun that opens a sentence and is capitalised only for that: the tagger calls
    such a plural a proper noun and keeps its plural as the lemma ("Missiles struck a mosque", "Clashes
    erupted"), so the stage would not know the word. The singular is taken when the lexicon knows it;
    a name keeps its form ("Hamas", "Houthis"). None when the token is no such word."""
    text = tok.text
    if len(text) < 4 or not (text[0].isupper() and text[1:].islower()):
        return None
    if not (tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].text in _OPENERS)):
        return None
    return _singular(tok.lower_, known)


def counted_plural(tok: Any, known: Container[str]) -> str | None:
    """The singular of a capitalised plural that a number counts ("14 Marines were killed", "two Rangers died"):
    the tagger calls it a proper noun and keeps its plural as the lemma, but a name is not counted, so the word
    is the common noun the lexicon knows (a branch of service written with a capital). None when the token is
    no such word ("the United States", "Rapid Support Forces": no number on them)."""
    if not any(c.dep_ == "nummod" and c.pos_ == "NUM" for c in tok.children):
        return None
    return _singular(tok.lower_, known)


def _singular(low: str, known: Container[str]) -> str | None:
    """The singular ``known`` holds of the plural ``low`` (by its ending), else None."""
    if not low.endswith(_ENDINGS):
        return None
    for ending, base in _PLURALS:
        if low.endswith(ending) and (singular := low[: len(low) - len(ending)] + base) in known:
            return singular
    return None


__all__ = ["DocWords", "counted_plural", "opening_plural", "read_words"]
