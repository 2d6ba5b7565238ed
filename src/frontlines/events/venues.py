"""Venues of a statement: a meeting named as where or to whom something was said is the statement's setting.

A sentence that tells what someone said often names the gathering it was said at or to ("Asked *at the G7 summit*
whether Bakhmut was still in Ukrainian hands, Zelensky answered ..."; "Pashinyan *told a cabinet meeting* in
Yerevan"; "*speaking at a press briefing* in Geneva"). The gathering is where the words were spoken, as a dateline
is where they were filed: the news is what was said, and the meeting is no consultation the article reports. The
stage drops a CONSULT noun that is

- the object of a verb of saying ("told a cabinet meeting", "addressed the summit"), or
- the object of "at", "to" or "during" on a verb of saying ("said at the summit", "asked at the summit", "speaking
  to a conference").

A meeting that is itself told ("leaders met at a summit in Brussels"; "the summit ended without an agreement"; "held
talks on Monday") is the subject or object of a verb of its own, not a verb of saying, and stays; so does a
meeting named beside an act done at it ("agreed at the summit to impose sanctions"), and a meeting that names the
party met ("said at a meeting *with his Chinese counterpart*").
"""

from __future__ import annotations

from frontlines.events.draft import Draft

# prepositions by which a verb of saying names where or to whom it was said
_VENUE_PREPS = frozenset({"at", "to", "during"})
# verbs of addressing a gathering, beside the lexicon's verbs of saying
_ADDRESS = frozenset({"address", "brief"})


def statement_venue(d: Draft, speech: frozenset[str]) -> bool:
    """Whether the draft is a CONSULT noun naming where or to whom something was said (``speech``: the lexicon's
    lemmas of saying; see the module docstring)."""
    noun = d.trigger.head
    if d.typing.plover != "CONSULT" or noun.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
        return False  # "said at a meeting with his Chinese counterpart": the parties met, a consultation told
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in _VENUE_PREPS and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    return lemma in speech or lemma in _ADDRESS or lemma in ("ask", "speak")


def drop_statement_venues(drafts: list[Draft], speech: frozenset[str]) -> None:
    """Mark as dropped the drafts of one sentence that name the venue of a statement (see the module docstring)."""
    for d in drafts:
        if not d.dropped and statement_venue(d, speech):
            d.dropped = True


__all__ = ["drop_statement_venues", "statement_venue"]
