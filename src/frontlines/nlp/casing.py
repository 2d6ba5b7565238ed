"""Title Case Headlines, parsed as if written in sentence case.

In "Russian Drone Attack Kills Man In Nikopol" every word has a capital, and the small
model reads the whole line as one proper name: no verb, no event, no place of its own.
:func:`parse_input` hands the model such a line with the capitals of its ordinary words
lowered ("Russian drone attack kills Man in Nikopol"); names keep theirs. The Doc keeps
the article's own text for every stage (``doc_text``), so evidence and offsets are the
article's; only the tokens' ``text`` shows the lowered words.

A word keeps its capital when it opens the line, is written in capitals ("RSF"), is a
people's name ("Russian"), or when the line read in lower case makes it no function word
or verb and it is a proper noun there or a name the gazetteer knows ("Orikhiv", "Kozacha
Lopan"), unless it is a word that names a kind of place ("Region", "Village").
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.geo.gazetteer import FLAG_CURATED, FLAG_MAJOR, normalise_name
from frontlines.geo.recognise import MIN_POP_LOWER, STRUCTURE_WORDS
from frontlines.nlp.english import english_words, is_english_word
from frontlines.nlp.lost import blank_lost_characters

TEXT_KEY = "frontlines.text"  # where doc_text finds the article's own text (frontlines.stages)
MIN_WORDS = 3  # a title needs at least this many words of four letters or more ...
TITLE_SHARE = 0.8  # ... and this share of them capitalised
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?]\s+\S")  # a headline is one line of one sentence: "Shelling in Kharkiv. Shelling ..." is prose
# parts of speech (read on the line in lower case) that are never names
_TAGGING = frozenset({"tok2vec", "tagger", "attribute_ruler"})  # what sets a word's part of speech
_NEVER_NAMES = frozenset({"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "NUM", "ADV"})


def title_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each line written in title case: most of its longer words begin with a
    capital, it is not one written all in capitals, and it holds one sentence, not several."""
    out = []
    start = 0
    for line in text.split("\n"):
        long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
        caps = [w for w in long_words if w[0].isupper()]
        if (len(long_words) >= MIN_WORDS and len(caps) >= TITLE_SHARE * len(long_words)
                and not all(w.isupper() for w in long_words) and not _SENTENCE_BREAK.search(line)):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def parse_input(nlp: Any, gazetteer: Any, text: str) -> Any:
    """What to hand ``nlp`` for ``text``: the text itself, or, when it has a title-case line, a Doc
    of the same tokens with the ordinary words of those lines in lower case (the article's own text
    kept for the stages). Characters lost in transcoding ("??Kupyansk") are read as spaces
    (nlp.lost)."""
    read = blank_lost_characters(text)
    lines = title_lines(read)
    if not lines and read == text:
        return text
    from spacy.tokens import Doc

    tokens = nlp.tokenizer(read)
    words = [t.text for t in tokens]
    for start, end in lines:
        span = [t for t in tokens if start <= t.idx < end]
        lowered = [_lower_first(t.text) for t in span]
        keep = _names(nlp, gazetteer, [t.text for t in span], lowered, [t.whitespace_ for t in span])
        for t, low, kept in zip(span, lowered, keep):
            if not kept:
                words[t.i] = low
    doc = Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens])
    doc.user_data[TEXT_KEY] = text
    return doc


def _lower_first(word: str) -> str:
    return word[:1].lower() + word[1:] if word[:1].isupper() else word


def _names(nlp: Any, gazetteer: Any, words: list[str], lowered: list[str], spaces: list[str]) -> list[bool]:
    """Per word of a title line, whether it keeps its capital."""
    from spacy.tokens import Doc

    low = Doc(nlp.vocab, words=lowered, spaces=[bool(s) for s in spaces])
    for name, component in nlp.pipeline:  # parts of speech only: no parse, entities or places for one line
        if name in _TAGGING:
            low = component(low)
    keys = gazetteer.keys if gazetteer is not None else {}
    demonyms = gazetteer.demonyms if gazetteer is not None else {}
    english = english_words(nlp)  # (empty for a pipeline without a word index: every known name is kept, as before)
    keep = [False] * len(words)
    # names of several words the gazetteer knows ("Kozacha Lopan", "Beit Lahia") keep every capital
    for i in range(len(words)):
        for j in range(min(len(words), i + 4), i + 1, -1):
            if all(w[:1].isupper() for w in words[i:j]) and normalise_name(" ".join(words[i:j])) in keys:
                keep[i:j] = [True] * (j - i)
                break
    for i, (word, tok) in enumerate(zip(words, low)):
        key = normalise_name(word)
        if keep[i] or not word[:1].isupper():
            continue
        if i == 0 or (len(word) > 1 and (word.isupper() or any(c.isupper() for c in word[1:]))):
            keep[i] = True  # the line's first word; "RSF", "McDonald"
        elif key in demonyms:
            keep[i] = True  # "Russian", "Israeli"
        elif key in STRUCTURE_WORDS or tok.is_stop:
            continue
        elif key in keys and not is_english_word(word, english):
            keep[i] = True  # a known name that is no English word ("Capture Selydove", read as a verb in lower case)
        elif tok.pos_ in _NEVER_NAMES:
            continue
        else:
            # an English word the gazetteer knows only as a small place ("Near Bus Station": Buus, 1,000 people) is
            # a name only as a proper noun
            keep[i] = tok.pos_ == "PROPN" or (key in keys and not _small_place_word(keys[key]))
    return keep


def _small_place_word(entry: Any) -> bool:
    """The gazetteer entry of an English word is no division, curated place or town of MIN_POP_LOWER people."""
    flags, population = entry[0], entry[1]
    return not flags & (FLAG_MAJOR | FLAG_CURATED) and population < MIN_POP_LOWER
