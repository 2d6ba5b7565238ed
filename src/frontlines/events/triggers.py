"""Finding an event's words in a sentence: single trigger words and phrasal ones ("shoot down", "take
control"), with the parts of speech and uses each trigger allows. Split from ``events.coder``, which types
what is found."""

from __future__ import annotations

from typing import Any

from frontlines.events.coder import Trigger
from frontlines.events.lexicon import EventLexicon, TriggerSpec
from frontlines.events.words import DocWords

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# A noun trigger used as a modifier is no event ("invasion forces") unless it
# modifies one of these ("mobilisation order", "peace deal").
_FRAME_HEADS = frozenset({"order", "decree", "plan", "campaign", "drive", "operation", "deal", "agreement", "law",
                          "effort", "mission", "bid"})
# Dependents that may carry the second word of a phrasal trigger.
_PHRASAL_DEPS = frozenset({"prt", "dobj", "prep", "advmod", "compound", "attr", "pobj", "npadvmod", "acomp", "oprd", "dative"})
_NOT_EVENT_ENTS = frozenset({"DATE", "TIME", "PERSON", "NORP", "GPE", "LOC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def find_triggers(sent: Any, words: DocWords, lex: EventLexicon) -> list[Trigger]:
    """Every trigger of a sentence, phrasal ones first; a word belongs to one trigger at most."""
    used: set[int] = set()
    found: list[Trigger] = []
    phrasal, single, surface, keys = lex.phrasal, lex.single, lex.surface, lex.trigger_words
    lemmas, lowers = words.lemma, words.lower
    doc = sent.doc
    for i in range(sent.start, sent.end):
        lemma = lemmas[i]
        low = lowers[i]
        if (lemma not in keys and low not in keys) or i in used:
            continue  # most words: no lexicon entry, no Token needed
        tok = doc[i]
        if tok.is_punct:
            continue
        entries = phrasal.get(lemma) or phrasal.get(low)
        matched = False
        if entries:
            for phrase, phrase_spec in entries:
                idx = _match_phrase(words, tok, phrase, sent.end)
                if idx is not None:
                    head = _span_head(doc, idx)
                    if _usable(head, phrase_spec):
                        found.append(Trigger(head=head, tokens=idx, spec=phrase_spec))
                        used.update(idx)
                        matched = True
                        break
        if matched:
            continue
        spec = single.get(lemma) or single.get(low) or surface.get(low)
        if spec is None or not _pos_ok(tok, spec):
            continue
        if not _usable(tok, spec):
            continue
        found.append(Trigger(head=tok, tokens=(tok.i,), spec=spec))
        used.add(tok.i)
    return found


def _match_phrase(doc_words: DocWords, tok: Any, words: tuple[str, ...], end: int) -> tuple[int, ...] | None:
    """Indices of a phrasal trigger starting at ``tok``: contiguous words, or dependents of ``tok``."""
    n = len(words)
    lemma, lower = doc_words.lemma, doc_words.lower
    if tok.i + n <= end and all(
        lemma[tok.i + k] == words[k] or lower[tok.i + k] == words[k] for k in range(n)
    ):
        return tuple(range(tok.i, tok.i + n))
    if tok.pos_ not in _VERB_POS:
        return None
    # "took back", "took control of", "set up a base": the other words hang on the verb
    found = [tok.i]
    pool = []
    for child in tok.children:
        if child.dep_ in _PHRASAL_DEPS:
            pool.append(child)
            pool.extend(g for g in child.children if g.dep_ in ("pobj", "compound", "dobj", "prt"))
    for word in words[1:]:
        hit = next((c for c in pool if c.i not in found and (c.lemma_.lower() == word or c.lower_ == word)), None)
        if hit is None:
            return None
        found.append(hit.i)
    return tuple(found)


def _span_head(doc: Any, idx: tuple[int, ...]) -> Any:
    """The word of a multi-word trigger whose head lies outside it."""
    members = set(idx)
    for i in idx:
        if doc[i].head.i not in members or doc[i].head.i == i:
            return doc[i]
    return doc[idx[0]]


def _pos_ok(tok: Any, spec: TriggerSpec) -> bool:
    if spec.pos == "V":
        return tok.pos_ in _VERB_POS
    if spec.pos == "N":
        return tok.pos_ in _NOUN_POS
    return tok.pos_ in _VERB_POS or tok.pos_ in _NOUN_POS


def _usable(tok: Any, spec: TriggerSpec) -> bool:
    """A modifier ("occupied city", "invasion forces") is no event of its own."""
    if tok.dep_ == "amod" or _participle_after_preposition(tok):
        return False
    if tok.dep_ == "compound":
        return tok.head.lemma_.lower() in _FRAME_HEADS
    if tok.ent_type_ in _NUMBER_ENTS and tok.pos_ == "VERB":
        return True  # a verb is no part of a number: "kidnapped more than 100" read as one CARDINAL
    if tok.ent_type_ in _NAME_ENTS and _lone_common_noun(tok):
        return True  # "Strikes also hit sites in Muzaffarabad", the plural read as a person's name
    if tok.ent_type_ in _NOT_EVENT_ENTS or (tok.ent_type_ == "ORG" and tok.pos_ == "PROPN"):
        return False  # "March" the month, "Strike" in a name, "Amnesty" the organisation
    return True


# entities that name someone or somewhere: a common noun alone in one is the recogniser's slip
_NAME_ENTS = frozenset({"PERSON", "NORP", "GPE", "LOC"})


def _lone_common_noun(tok: Any) -> bool:
    """A word the tagger calls a common noun (plural or singular, not a proper noun) that is by itself the whole
    of a name entity ("Strikes" tagged a person at the head of a sentence): no name, the word itself."""
    if tok.pos_ != "NOUN" or tok.ent_iob_ != "B":
        return False
    nxt = tok.i + 1
    return nxt >= len(tok.doc) or tok.doc[nxt].ent_iob_ != "I"


# entities of numbers and times, which the recogniser sometimes stretches over the verb before them
_NUMBER_ENTS = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"})


def _participle_after_preposition(tok: Any) -> bool:
    """A past participle (or a past form the tagger took for a finite verb) right after a preposition, with no
    subject or auxiliary of its own, describes the noun after it ("struck equipment in occupied Golaya
    Pristan", which the parser read as a verb with an object): a modifier, no event."""
    return tok.tag_ in ("VBN", "VBD") and tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)
