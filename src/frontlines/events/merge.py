"""One event per happening: triggers of one sentence that name one event, a later mention that
refers back to an earlier one, nouns that are another event's participants."""

from __future__ import annotations

from typing import Any

from frontlines.events.coder import specificity
from frontlines.events.draft import Draft, absorb, more_cautious, place_key
from frontlines.events.roles import DocIndex
from frontlines.records import EventStatus, TimeValue

_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "these", "those"})
_CASUALTY_KEYS = frozenset({"kill", "injure", "wound", "killing", "die"})


def attach_sentence_quantities(drafts: list[Draft], index: DocIndex, sent: Any, taken: set[int]) -> None:
    """Casualty counts of a sentence that hang on no trigger go to its violent event."""
    violent = [d for d in drafts if d.typing.plover == "ASSAULT"]
    if not violent:
        return
    for k, (q, root) in enumerate(index.quantities):
        if k in taken or not (sent.start <= root.i < sent.end):
            continue
        if q.kind in ("killed", "injured", "casualties", "captured", "civilians", "people"):
            violent[0].quantities = violent[0].quantities + (q,)


def _salience(d: Draft) -> float:
    head = d.trigger.head
    penalty = 0.2 if head.dep_ in ("advcl", "relcl", "pcomp") else 0.0
    return d.trigger.spec.weight - penalty


def _connected(a: Any, b: Any, limit: int = 4) -> bool:
    for x, y in ((a, b), (b, a)):
        cur = x
        for _ in range(limit):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.i == y.i:
                return True
    return False



_GENERIC_DETS = frozenset({"any", "every", "each", "no"})
_ENDING_VERBS = frozenset({"quit", "suspend", "abandon", "exit", "scrap", "break", "violate", "end", "leave",
                           "breach", "terminate", "cancel", "renounce", "collapse"})
_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "appos"})


def _argument_of_other(d: Draft, heads: dict[int, Draft]) -> bool:
    """A plural noun trigger that is another event's argument ("freed 24 hostages", "starving his
    units of shells"): the participants or means of that event, not an event of their own; or a
    generic mention ("any deliberate attack on peacekeepers")."""
    head = d.trigger.head
    if head.tag_ in ("VBN", "JJ") and head.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return True  # "help the wounded", "bury the dead": people, not an event
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETS for c in head.children):
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in _ENDING_VERBS:
        return True  # "Russia quits the grain deal", "suspended the truce": not the deal's making
    if head.tag_ != "NNS":
        return False  # "freed 24 hostages", "starving units of shells": plural participants or means
    gov = head.head
    if head.dep_ == "pobj" and gov.pos_ == "ADP":
        gov_prep = gov
        gov = gov.head
        if gov_prep.lower_ not in ("of", "for", "with"):
            return False
    elif head.dep_ not in _ARGUMENT_DEPS:
        return False
    other = heads.get(gov.i)
    return other is not None and other is not d and other.typing.plover != d.typing.plover


def merge_in_sentence(drafts: list[Draft]) -> None:
    """Two violent triggers on one dependency path, or of one ACLED sub-type at one place, name one
    event ("shelling killed five"; "attacked positions near X; clashes reported"); a
    participle telling what an attack did ("..., destroying warehouses", "..., injuring 12") is
    that attack; a noun that is another event's argument is no event of its own."""
    heads = {d.trigger.head.i: d for d in drafts}
    for d in drafts:
        if _argument_of_other(d, heads):
            d.dropped = True
    for a in drafts:
        if a.dropped or a.typing.plover != "ASSAULT":
            continue
        for b in drafts:
            if b is a or b.dropped or b.typing.plover not in ("ASSAULT", "COERCE"):
                continue
            h = b.trigger.head
            if h.tag_ == "VBG" and h.dep_ in ("advcl", "xcomp", "conj") and h.head.i == a.trigger.head.i and (
                    b.trigger.spec.key in _CASUALTY_KEYS or b.typing.acled_sub in (None, "Looting/property destruction")
                    or b.typing.plover == "COERCE"):
                absorb(a, b)
    for i, a in enumerate(drafts):
        for b in drafts[i + 1 :]:
            if a.dropped or b.dropped:
                continue
            if a.typing.plover != b.typing.plover or a.typing.plover not in ("ASSAULT", "RETREAT", "PROTEST"):
                continue
            same_kind = a.typing.acled_sub is not None and a.typing.acled_sub == b.typing.acled_sub and (
                a.place is None or b.place is None or place_key(a.place) == place_key(b.place))
            if not (same_kind or _connected(a.trigger.head, b.trigger.head) or _siblings(a.trigger.head, b.trigger.head)):
                continue
            participle = any(t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp") for t in (a.trigger.head, b.trigger.head))
            cautious = more_cautious(a.realis, b.realis)
            if specificity(b.typing.acled_sub) > specificity(a.typing.acled_sub):
                a, b = b, a
            absorb(a, b)
            if participle:
                # "given the order to withdraw, effectively handing back control": one event, as
                # far as it has gone (the order), not an order and a completion
                a.realis = cautious



def _siblings(a: Any, b: Any) -> bool:
    """Two clauses of one governor ("given the order to withdraw, effectively handing back")."""
    ups_a = {a.head.i, a.head.head.i}
    return a.head.i != a.i and (b.head.i in ups_a or b.head.head.i == a.head.i) and b.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj") \
        and a.dep_ in ("advcl", "xcomp", "pobj", "dobj", "conj", "acl")


_SAME_HAPPENING = frozenset({"ASSAULT", "RETREAT", "PROTEST", "COERCE", "AGREE"})


def merge_same_happening(drafts: list[Draft]) -> None:
    """One event per happening per article: a later mention of an event of the same type and
    sub-type, at the same place (named in both sentences) on the same day, is the same event
    ("Missiles hit Kramatorsk on Tuesday ... The strike on Kramatorsk killed 12")."""
    for k, d in enumerate(drafts):
        if d.dropped or d.typing.plover not in _SAME_HAPPENING or d.place is None or "place" in d.inherited:
            continue
        for e in drafts[:k]:
            if e.dropped or e.typing.plover != d.typing.plover or e.place is None or "place" in e.inherited:
                continue
            if (e.typing.acled_sub or d.typing.acled_sub) and e.typing.acled_sub != d.typing.acled_sub:
                continue
            if place_key(e.place) != place_key(d.place) or not _same_day(e.time, d.time):
                continue
            if {e.realis.status, d.realis.status} & {EventStatus.DENIED, EventStatus.NEGATED, EventStatus.HYPOTHETICAL}:
                continue
            absorb(e, d)
            break



def _same_day(a: TimeValue | None, b: TimeValue | None) -> bool:
    if a is None or b is None:
        return True  # an undated mention (the publication week) of a dated event
    return a.value == b.value


def merge_across_sentences(drafts: list[Draft]) -> None:
    """A definite noun ("the retreat") refers back to an earlier event of its type; a bare casualty
    sentence ("Two civilians were killed.") completes the attack before it."""
    for k, d in enumerate(drafts):
        head = d.trigger.head
        earlier = [e for e in drafts[:k] if not e.dropped and e.sent_idx < d.sent_idx]
        if not earlier:
            continue
        if head.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in head.children):
            same = [e for e in earlier if e.typing.plover == d.typing.plover and d.sent_idx - e.sent_idx <= 8]
            match = None
            if same:
                # the nearest sentence holding one; in it, the most event-like trigger
                nearest = max(e.sent_idx for e in same)
                match = max((e for e in same if e.sent_idx == nearest), key=_salience)
            if match is not None:
                absorb(match, d)
                if match.time is not None and d.time is not None and match.time.resolution.value == "default":
                    match.time = d.time
                continue
        alone = all(e.trigger.spec.key in _CASUALTY_KEYS for e in drafts if e.sent_idx == d.sent_idx)
        if alone and d.trigger.spec.key in _CASUALTY_KEYS and not d.sources and d.place is None:
            prev = earlier[-1]
            if prev.typing.plover == "ASSAULT" and prev.paragraph == d.paragraph and d.sent_idx - prev.sent_idx <= 2:
                absorb(prev, d)

