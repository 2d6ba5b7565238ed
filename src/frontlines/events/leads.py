"""A lead's background, told in full in the body, is the body's event.

A wire's first sentence tells the news and, in a phrase or clause of time or cause, what it came after
("Libya's Tripoli-based government announced a ceasefire on Wednesday *after a second night of heavy fighting*
between armed factions"; "Israeli warplanes struck Hezbollah targets ..., *after a rocket slammed into a soccer
field* in the Israeli-controlled Golan Heights"; "Haiti's government declared a state of emergency *after armed
gangs stormed the country's two largest prisons*"). The body then tells that happening with its day, its place
and its doers. The lead's phrase is a summary of it: one happening, which the body's telling stands for (the
corpus codes one event per happening, at the telling that gives it in full). A lead background the body does not
tell again stays an event of its own.
"""

from __future__ import annotations

from typing import Any

from frontlines.events.draft import Draft, absorb, live
from frontlines.events.merge import _own_days_differ, _places_differ
from frontlines.records import EventStatus

_BEFORE_WORDS = frozenset({"after", "following", "amid"})  # what the news came after, or amid
_BEFORE_MARKS = frozenset({"after", "since"})
_TOLD = frozenset({EventStatus.HAPPENED, EventStatus.CLAIMED})


def _background_phrase(head: Any) -> Any | None:
    """The phrase of what came before that the trigger stands in ("after a second night of fighting",
    "following the attack"), or the clause marked so ("after armed gangs stormed the prisons"), within a few
    heads: its top token, else None."""
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ in _BEFORE_WORDS:
            return tok
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_MARKS for c in tok.children):
            return tok
        tok = tok.head
    return None


def _day_in_phrase(d: Draft, top: Any) -> bool:
    """The mention's day is told inside its background phrase ("after fighting on Tuesday"), not by the news it
    came before ("announced a ceasefire on Wednesday after ...": Wednesday is the announcement's)."""
    if d.time is None or d.time.evidence is None:
        return False
    return top.left_edge.idx <= d.time.evidence.start < top.right_edge.idx + len(top.right_edge)


def merge_lead_background(drafts: list[Draft]) -> None:
    """Join an attack told as the background of the lead's news (see the module docstring) to the first attack
    the body tells on no other day and at no other place; the body's telling keeps its day, place and type."""
    live_drafts = [d for d in drafts if not d.dropped]
    if not live_drafts:
        return
    lead = min(d.sent_idx for d in live_drafts)
    news = [d for d in live_drafts if d.sent_idx == lead and _background_phrase(d.trigger.head) is None]
    for d in live_drafts:
        if d.dropped or d.sent_idx != lead or d.typing.plover != "ASSAULT" or d.realis.status not in _TOLD:
            continue
        top = _background_phrase(d.trigger.head)
        if not news or top is None:
            continue
        own_day = _day_in_phrase(d, top)
        body = [e for e in (live(e) for e in drafts) if e is not d and not e.dropped and e.sent_idx > lead
                and e.typing.plover == "ASSAULT" and e.realis.status in _TOLD
                and not (own_day and _own_days_differ(d, e)) and not _places_differ(d, e)]
        if not body:
            continue
        keep = min(body, key=lambda e: e.sent_idx)
        when, where, score = keep.time, keep.place, keep.place_score
        absorb(keep, d)
        if when is not None:
            keep.time = when
        if where is not None:
            keep.place, keep.place_score = where, score
