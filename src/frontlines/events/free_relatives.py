"""A doer named inside a free relative of saying: "the bridge was hit by what Russian officials said were Ukrainian
sea drones", "three civilians were killed by what Kyiv called Russian missiles".

The parser hangs the verb of saying on "by" (``by -> pcomp said -> ccomp were -> attr drones``; ``by -> pcomp called
-> oprd missiles``): the words after "by" are no doer of their own, the sayer ("Russian officials") did not hit the
bridge. The doer is the noun the free relative names (the drones, the missiles); that it is that noun is the sayer's
word, so the deed is attributed to the sayer, a claim or a report as :func:`frontlines.events.attribution.claim_or_report`
decides from whose side the sayer and the doer are on.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from frontlines.events.realis import Realis
from frontlines.events.speakers import source_like, speaker_phrase
from frontlines.records import EventStatus

# verbs that say what something is (a closed class of saying and naming): "what X said were", "what X called"
NAMING_VERBS = frozenset({"say", "call", "describe", "claim", "allege", "identify", "term", "label", "report"})
_WHAT = frozenset({"what", "whatever"})
_CLAIMING = frozenset({"claim", "allege"})  # verbs that mark what they say as a claim, whoever's deed it is


def _naming_verb(tok: Any) -> bool:
    """``tok`` is a verb of saying or naming hung on "by" with a free relative ("what") as what it names."""
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in NAMING_VERBS and tok.dep_ in ("pcomp", "pobj")
            and tok.head.lower_ == "by" and any(t.lower_ in _WHAT and t.tag_ in ("WP", "WDT") for t in tok.subtree))


def _named(verb: Any) -> list[Any]:
    """What the naming verb says the free relative is: the object complement ("what Kyiv called *missiles*"),
    the object of "as" ("what it described as *drones*"), or the complement of the copula it says
    ("what officials said were *drones*")."""
    out = [c for c in verb.children if c.dep_ == "oprd"]
    out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "xcomp") and clause.lemma_.lower() == "be":
            out += [c for c in clause.children if c.dep_ == "attr"]
    return [t for t in out if t.pos_ in ("NOUN", "PROPN")]


def doers_named_by(by: Any) -> list[Any]:
    """The doers a "by" names through a free relative of saying ("by what officials said were drones": the drones),
    else none."""
    return [t for verb in by.children if _naming_verb(verb) for t in _named(verb)]


def objects_of_by(by: Any) -> list[Any]:
    """Who a "by" names as the doer: its object, or the noun a free relative of saying names."""
    return [g for g in by.children if g.dep_ == "pobj"] + doers_named_by(by)


def sayer_of(doers: list[Any]) -> Any | None:
    """The one who says what the doer is, when a doer is named inside a free relative of saying: the subject of
    the naming verb ("Russian officials", "Kyiv"); none when the verb has no subject of its own ("by what was
    described as drones") or it can say nothing."""
    for doer in doers:
        tok = doer
        for _ in range(3):
            tok = tok.head
            if _naming_verb(tok):
                subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in _WHAT), None)
                return subj if subj is not None and source_like(subj) else None
            if tok.head.i == tok.i:
                break
    return None


def sayers_word(realis: Realis, doers: list[Any]) -> Realis:
    """An event whose doer is named in a free relative of saying is told on the sayer's word: claimed and
    attributed to the sayer, for :func:`frontlines.events.attribution.claim_or_report` to make it a report when the
    doer is not the sayer's own side. An event already attributed, or told with another status, is left as it is."""
    if realis.attributed_to is not None or realis.status is not EventStatus.HAPPENED:
        return realis
    sayer = sayer_of(doers)
    if sayer is None:
        return realis
    # naming what another did is a report of it, as "said" is; "what X claimed were" keeps the claim's own word
    # (claim_or_report reads the frame word)
    lemma = sayer.head.lemma_.lower()
    return replace(realis, status=EventStatus.CLAIMED, frame=sayer.head, attributed_to=speaker_phrase(sayer),
                   attributed_token=sayer, frame_word=lemma if lemma in _CLAIMING else "say")
