"""How likely an event is the article's main one (Event.confidence)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from frontlines.events.draft import Draft
from frontlines.events.lexicon import EventLexicon
from frontlines.events.realis import status_factor

_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "csubj"})
_BACKGROUND_PREPS = frozenset({"amid", "after", "following", "since", "despite", "before", "prior", "under", "during"})
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "unleash", "make", "hold", "begin", "start",
                          "continue", "resume", "step", "announce", "order", "sign", "reach", "declare", "impose"})
# Main-event ranking: violent and strategic events outrank verbal ones unless the verbal one is the
# lead's main verb (PLOVER's verbal types, when they carry no ACLED sub-type).
_VERBAL = frozenset({"CONSULT", "REQUEST", "ACCUSE", "REJECT", "SUPPORT", "THREATEN", "AGREE", "CONCEDE",
                     "COOPERATE", "AID"})
_MATERIAL = frozenset({"ASSAULT", "RETREAT", "MOBILIZE", "COERCE"})
# an event told as what another event's trigger says, asks or agrees: content, below the act that tells it
CONTENT_PENALTY = 0.35
# Acts done to what their object names ("found a mass grave", "seized the weapons"): their object is no content.
_ACTING = frozenset({"ASSAULT", "COERCE"})
_WORD = re.compile(r"[a-z][a-z'-]*")


def title_cues(title: str | None, lex: EventLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Trigger words of the headline and their PLOVER types (word lookups: the title is not parsed)."""
    if not title:
        return frozenset(), frozenset()
    words = _WORD.findall(title.lower())
    keys: set[str] = set()
    types: set[str] = set()
    for k, w in enumerate(words):
        for words_, phrase_spec in lex.phrasal.get(w, ()):
            if tuple(words[k : k + len(words_)]) == words_:
                keys.add(phrase_spec.key)
                types.add(phrase_spec.plover)
        spec = lex.single.get(w) or lex.surface.get(w)
        if spec is not None:
            keys.add(spec.key)
            types.add(spec.plover)
    return frozenset(keys), frozenset(types)


_CAUSAL_HEADS = frozenset({"because", "wake", "aftermath", "result", "due", "owing", "response", "fear", "fears"})


def _causal(prep: Any) -> bool:
    """A preposition that names a cause: "because of", "in the wake of", "due to", "in response to"."""
    return prep.lower_ in ("of", "to") and prep.head.lower_ in _CAUSAL_HEADS


def _main_verb(head: Any) -> bool:
    """The sentence's own predicate: its root, or a clause the root reports or coordinates."""
    return head.dep_ == "ROOT" or (head.dep_ in ("conj", "ccomp") and head.head.dep_ == "ROOT")


def _content_of_event(head: Any, trigger_heads: Mapping[int, str]) -> bool:
    """The trigger lies inside what another event's trigger says, asks, agrees or accuses ("accused the army of
    shelling the town", "agreed to halt the attacks", "condemned the strike that killed ..."): its head hangs,
    through links other than coordination, under another trigger that tells, asks or gives it (an act of force
    above it, "found a mass grave", acts on it rather than tells it)."""
    tok = head
    while tok.head.i != tok.i and tok.dep_ != "conj":
        tok = tok.head
        if tok.i in trigger_heads and trigger_heads[tok.i] not in _ACTING:
            return True
    return False


def confidence(d: Draft, trigger_heads: Mapping[int, str], title: tuple[frozenset[str], frozenset[str]]) -> float:
    """How likely this is the article's main event: trigger reliability, syntax, position, headline,
    kind of event and status."""
    head = d.trigger.head
    conf = d.trigger.spec.weight
    governor = head.head.head if head.head.pos_ == "ADP" else head.head
    main = _main_verb(head)
    if main:
        conf += 0.1
    elif head.dep_ == "dobj" and governor.lemma_.lower() in _LIGHT_VERBS and (
        governor.dep_ == "ROOT" or governor.head.dep_ == "ROOT"
    ):
        conf += 0.1  # "launched a missile strike", "carried out an air raid"
    elif head.pos_ in ("NOUN", "PROPN") and governor.i in trigger_heads and governor.i != head.i:
        conf -= 0.25  # the topic of another event ("protesting mobilisation", "accused of torture")
        if trigger_heads[governor.i] not in _ACTING:
            conf -= CONTENT_PENALTY  # what a verbal act is about ("denounced the drone attack")
    elif head.dep_ in _SUBORDINATE:
        conf -= 0.1
        if _content_of_event(head, trigger_heads):
            conf -= CONTENT_PENALTY
    elif not main and _content_of_event(head, trigger_heads):
        conf -= CONTENT_PENALTY  # the content of another event, not the news itself
    if head.dep_ == "pobj" and (head.head.lower_ in _BACKGROUND_PREPS or _causal(head.head)):
        conf -= 0.15  # "amid shelling", "because of attacks", "in the wake of the murder": a cause, told as background
    if d.sources:
        conf += 0.05
    if d.targets:
        conf += 0.03
    if d.place is not None and "place" not in d.inherited:
        conf += 0.03
    if d.typing.acled_sub is not None:
        conf += 0.03
    # news puts the main event in the lead sentence, and elaborates it in the next ones
    conf += 0.15 if d.sent_idx == 0 else 0.06 if d.sent_idx == 1 else 0.03 if d.paragraph == 0 else 0.0
    title_keys, title_types = title
    if d.trigger.spec.key in title_keys:
        conf += 0.2  # the headline names this very trigger
    elif d.typing.plover in title_types:
        conf += 0.12  # the headline names an event of this type
    plover = d.typing.plover
    if plover in _MATERIAL or d.typing.acled_sub is not None:
        conf += 0.05
    elif plover in _VERBAL and not (main and d.sent_idx == 0):
        conf -= 0.1  # said, urged, met: background to what was done, unless it is the lead's news
    conf *= status_factor(d.realis.status)
    # a monotone squash into (0, 1): no cap, so two strong events keep their order
    return round(max(0.01, 1.0 - math.exp(-1.8 * max(conf, 0.0))), 4)

