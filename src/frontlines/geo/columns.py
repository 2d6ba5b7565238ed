"""A parsed Doc's words read once for the toponym recogniser (geo.recognise): each word's text, lower
form, letters-only flag and character offsets, and the gazetteer key of any run of words.

The recogniser's scan looks up every run of up to MAX_NGRAM words that opens at a capitalised word,
and walked the Doc's Tokens to read them (a Token object is built at every ``doc[k]`` and every step
of ``iter(doc)``); the key of each run was worked out from its raw text again. Here the columns come
from one ``Doc.to_array`` (each distinct string decoded once), and a run's key is put together from
its words' folded pieces (:func:`frontlines.geo.entries.fold_name`, worked out once per word), which
is :func:`frontlines.geo.entries.normalise_name` of the run's text: folding goes character by
character, so the pieces' concatenation is the whole's fold, and the spaces are collapsed after.
Kept for one call of the recogniser only (nothing is stored on the Doc).
"""

from __future__ import annotations

from typing import Any

from frontlines.geo.entries import fold_name


class DocColumns:
    """The words of one Doc by token index (read-only by contract)."""

    __slots__ = ("_folded", "_last", "_piece", "alpha", "ends", "lowers", "n", "starts", "text", "texts")

    def __init__(self, doc: Any, text: str) -> None:
        """``text``: the Doc's text (``stages.doc_text``), which the offsets index."""
        from spacy.attrs import IDX, IS_ALPHA, LOWER, ORTH

        self.text = text
        self.n = n = len(doc)
        rows = doc.to_array([ORTH, LOWER, IS_ALPHA, IDX]) if n else None
        orth, lower = (rows[:, 0].tolist(), rows[:, 1].tolist()) if rows is not None else ([], [])
        strings = doc.vocab.strings
        names = {h: strings[h] if h else "" for h in set(orth).union(lower)}  # each distinct string decoded once
        self.texts: list[str] = [names[h] for h in orth]  # Token.text
        self.lowers: list[str] = [names[h] for h in lower]  # Token.lower_
        self.alpha: list[bool] = rows[:, 2].astype(bool).tolist() if rows is not None else []  # Token.is_alpha
        self.starts: list[int] = rows[:, 3].tolist() if rows is not None else []  # Token.idx
        self.ends: list[int] = [s + len(t) for s, t in zip(self.starts, self.texts)]  # Token.idx + len(Token.text)
        self._piece: dict[int, str] = {}  # k -> fold of the text from word k to word k + 1 (its trailing space)
        self._last: dict[int, str] = {}  # k -> fold of word k's own text
        self._folded: dict[str, str] = {}  # raw piece -> its fold (a Doc repeats its words)

    def _fold(self, raw: str) -> str:
        found = self._folded.get(raw)
        if found is None:
            found = self._folded[raw] = fold_name(raw)
        return found

    def heads(self, start: int, stop: int) -> list[str]:
        """The fold of the text from word ``start`` up to each word of ``start`` .. ``stop - 1``, the spaces
        after each word kept: ``heads(start, stop)[end - 1 - start]`` is what :meth:`key_of` ends with word
        ``end - 1`` (the scan tries every run opening at a word, each once)."""
        piece = self._piece
        out = [""]
        for k in range(start, stop - 1):
            p = piece.get(k)
            if p is None:
                p = piece[k] = self._fold(self.text[self.starts[k] : self.starts[k + 1]])
            out.append(out[-1] + p)
        return out

    def key_of(self, head: str, last: int) -> str:
        """The key of the run that ``head`` (of :meth:`heads`) opens and the word ``last`` ends."""
        p = self._last.get(last)
        if p is None:
            p = self._last[last] = self._fold(self.texts[last])
        return " ".join((head + p).split())

    def key(self, start: int, end: int) -> str:
        """``normalise_name`` of the text from word ``start`` to the end of word ``end - 1``."""
        return self.key_of(self.heads(start, end)[-1], end - 1)


__all__ = ["DocColumns"]
