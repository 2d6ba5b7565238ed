"""A deed told to describe a place: a participle on the definite predicate noun of a copula ("Mariupol was
the largest city seized by the invaders", "... and was the only regional capital captured by the Russians to
date"; not the indefinite "what it said were charges detonated") says what the copula's subject is, by a deed
done to it. It is no new happening: when the article has already told a deed of the same type and family at
the same place, it is that telling (merged into it, which keeps its own date); otherwise it is the deed's one
telling, and takes no date from the sentence's main clause or from the story's time so far (the description
is true now, whenever the deed was done): only a day told inside the participle's own phrase dates it
("captured by the rebels in 2012")."""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft, absorb
from frontlines.events.merge import _one_family
from frontlines.events.lexicon import COPULAS

_DEFINITE = frozenset({"the", "this", "that"})


def predicate_participle(head: Any) -> bool:
    """``head`` is a participle describing the predicate noun of a copula ("was the only capital *captured*"),
    not a verb of its own clause ("Russian forces *captured* the capital") nor a participle on a subject or
    object noun ("the troops *captured* last year were freed")."""
    if head.dep_ != "acl" or head.tag_ not in ("VBN", "VBG"):
        return False
    noun = head.head
    if noun.dep_ != "attr" or noun.head.lemma_.lower() not in COPULAS:
        return False
    # a definite description singles its subject out ("the only capital captured", "its first town taken"); an
    # indefinite one brings in new things ("what it said were charges detonated by the fighters": the deed itself)
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children)


def _same_place(a: Draft, b: Draft) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return False
    if pa.gazetteer_id and pb.gazetteer_id:
        return pa.gazetteer_id == pb.gazetteer_id
    return bool(pa.name) and pa.name == pb.name


def _dated_inside(d: Draft) -> bool:
    """The draft's day is told inside the participle's own phrase."""
    tv = d.time
    if tv is None or "time" in d.inherited:
        return False
    sub = list(d.trigger.head.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return lo <= tv.evidence.start and tv.evidence.end <= hi


def merge_described_deeds(drafts: list[Draft]) -> None:
    """A deed told in a participle on a copula's predicate noun (:func:`predicate_participle`) is the earlier
    telling of its type, family, ACLED sub-type and place when the article has one (which keeps its own date);
    else it keeps only a day told inside its own phrase. Run once places are known."""
    for d in drafts:
        if d.dropped or not predicate_participle(d.trigger.head):
            continue
        told = [e for e in drafts if not e.dropped and e is not d and e.trigger.head.i < d.trigger.head.i
                and e.typing.plover == d.typing.plover and e.typing.acled_sub == d.typing.acled_sub
                and _one_family(e, d) and _same_place(e, d)]
        if told:
            keep = told[-1]
            time = keep.time
            absorb(keep, d)
            keep.time = time  # the earlier telling's own date, not the description's
        elif not _dated_inside(d):
            d.time = None
            d.inherited.discard("time")


__all__ = ["merge_described_deeds", "predicate_participle"]
