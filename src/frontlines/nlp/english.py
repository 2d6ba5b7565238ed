"""English words, as the model's own lemmatizer knows them.

The rule lemmatizer of the English pipelines carries an index of the language's nouns, verbs,
adjectives and adverbs (WordNet's, ~90,000 words): "bus", "station", "capture" are in it, the
names of small towns abroad ("Selydove", "Dobropillia") are not. A word of a Title Case
Headline that the gazetteer knows and that is no English word is a name whatever the tagger
makes of it in lower case; one that is an English word is a name only when the tagger says so.
"""

from __future__ import annotations

from typing import Any

# the endings an inflected English word is read without ("shelled" -> "shell", "captured" -> "capture")
_ENDINGS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ly", ""), ("er", ""), ("est", ""))
_INDEXES: dict[int, frozenset[str]] = {}  # the word index of each loaded pipeline, built on first use


def english_words(nlp: Any) -> frozenset[str]:
    """The words of the pipeline's lemmatizer index (empty when it has none)."""
    key = id(nlp.vocab)
    words = _INDEXES.get(key)
    if words is None:
        words = frozenset()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                words = frozenset(w for entries in lookups.get_table("lemma_index").values() for w in entries)
        _INDEXES[key] = words
    return words


def is_english_word(word: str, words: frozenset[str]) -> bool:
    """``word`` (any case) or the stem it is inflected from is in ``words``."""
    low = word.lower()
    if low in words:
        return True
    return any(low.endswith(end) and len(low) - len(end) >= 3 and low[: len(low) - len(end)] + add in words
               for end, add in _ENDINGS)
