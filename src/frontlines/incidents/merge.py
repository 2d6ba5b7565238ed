"""Merge reported events from many articles into incidents.

The result depends only on the set of events, never on the order they arrive
in: events are linked when :func:`~frontlines.incidents.match.compatible`, the
linked groups (connected components) are split into incidents whose members
are all pairwise compatible, visiting events in a canonical order (most
precise first, then by event key), and each incident's id is a hash of its
smallest member key. Merging incrementally is therefore the same as merging
everything at once, as long as the whole component of a new event is
re-merged (see :mod:`frontlines.incidents.update`).

Analysts' merges and splits (:class:`~frontlines.records.IncidentReview`) are
honoured by every merge, oldest first: events an analyst merged are one
component and end in one incident; events split off an incident stay apart
from the rest of it. So a review holds however often incidents are merged again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from frontlines.incidents.match import (
    Interval,
    actors_conflict,
    blocks,
    compatible,
    event_interval,
    mergeable,
    precision_of,
)
from frontlines.incidents.sources import claiming_side, is_party_claim
from frontlines.records import (
    Event,
    EventStatus,
    Incident,
    IncidentAction,
    IncidentReview,
    Place,
    Precision,
    Report,
)

_PRECISION_RANK = {p: i for i, p in enumerate(Precision)}
_DENIALS = frozenset({EventStatus.DENIED, EventStatus.NEGATED})

# Numbers from reports published within this many days of each other must agree
# within a factor and an absolute margin; a toll that rises over a week is not a dispute.
_NUMBERS_SAME_DAYS = 1
_NUMBERS_FACTOR = 3.0
_NUMBERS_MARGIN = 5.0


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportedEvent:
    """One stored event with what incidents need of its article."""

    key: str  # the store's event key
    article_id: str
    source: str | None  # the article's outlet
    published: dt.date | None
    event: Event
    interval: Interval | None = field(init=False, repr=False, compare=False)  # when it may have happened

    def __post_init__(self) -> None:
        object.__setattr__(self, "interval", event_interval(self.event, self.published))


def canonical_order(item: ReportedEvent) -> tuple[int, int, str]:
    """Most specific first (shortest time span, finest place), then the event key: never arrival order."""
    interval = item.interval
    days = interval.days if interval is not None else 10**6
    place = item.event.place
    rank = _PRECISION_RANK[precision_of(place)] if place is not None else len(_PRECISION_RANK)
    return days, rank, item.key


def linked(a: ReportedEvent, b: ReportedEvent) -> bool:
    """Whether two reported events may be the same happening."""
    return compatible(a.event, a.published, b.event, b.published, intervals=(a.interval, b.interval))


def linked_pairs(items: Iterable[ReportedEvent]) -> Iterator[tuple[ReportedEvent, ReportedEvent]]:
    """Every pair of dated events that :func:`linked` holds for (a pair may come twice).

    Events are compared only within a block (:func:`~frontlines.incidents.match.blocks`:
    same status class, same type or both territorial), and within a block a sweep over
    intervals sorted by start compares only events whose dates overlap.
    """
    dated = sorted((i for i in items if i.interval is not None),
                   key=lambda i: (i.interval.start, i.key))  # type: ignore[union-attr]
    active: dict[tuple[str, str], list[ReportedEvent]] = {}
    for item in dated:
        start = item.interval.start  # type: ignore[union-attr]
        for block in blocks(item.event):
            live = [a for a in active.get(block, ()) if a.interval.end >= start]  # type: ignore[union-attr]
            for other in live:
                if linked(item, other):
                    yield item, other
            live.append(item)
            active[block] = live


def components(items: Iterable[ReportedEvent], reviews: Sequence[IncidentReview] = ()) -> list[list[ReportedEvent]]:
    """Groups of events connected by :func:`linked` or by an analyst's merge (each sorted canonically);
    undated events stay alone unless an analyst merged them."""
    everything = list(items)
    parent = {i.key: i.key for i in everything}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    pairs: list[tuple[str, str]] = [(a.key, b.key) for a, b in linked_pairs(everything)]
    for review in reviews:
        if review.action is IncidentAction.MERGE:
            present = [k for k in review.event_keys if k in parent]
            pairs.extend(zip(present, present[1:]))
    for a_key, b_key in pairs:
        ra, rb = find(a_key), find(b_key)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[ReportedEvent]] = {}
    for item in everything:
        groups.setdefault(find(item.key), []).append(item)
    return [sorted(g, key=canonical_order) for _, g in sorted(groups.items())]


def cluster(component: Sequence[ReportedEvent]) -> list[list[ReportedEvent]]:
    """Split a component into groups whose members are all pairwise linked.

    Events are placed in canonical order, each into the first group it is linked
    to as a whole, so a vague report ("in March", "in the region") cannot chain
    two distinct happenings together.
    """
    groups: list[list[ReportedEvent]] = []
    for item in sorted(component, key=canonical_order):
        fits = [i for i, group in enumerate(groups) if all(linked(item, member) for member in group)]
        if fits:
            groups[min(fits, key=lambda i: _fit(item, groups[i], i))].append(item)
        else:
            groups.append([item])
    return groups


def _fit(item: ReportedEvent, group: Sequence[ReportedEvent], index: int) -> tuple[int, int, int, int]:
    """How well a vague report fits a group (smaller is better).

    Closest in time first (an undated report published on the 10th is more likely
    about the 10th than the 8th), then agreeing numbers (an oblast-level "51 killed"
    belongs with the village strike that killed 51), then the same perpetrator,
    then the oldest group.
    """
    iv = item.interval
    ends = [m.interval.end for m in group if m.interval is not None]
    gap = abs((iv.end - max(ends)).days) if iv is not None and ends else 0
    mine = _report_quantities(item)
    theirs: dict[str, tuple[float, float]] = {}
    for m in group:
        for kind, (lo, hi) in _report_quantities(m).items():
            prev = theirs.get(kind)
            theirs[kind] = (lo, hi) if prev is None else (min(prev[0], lo), max(prev[1], hi))
    agree = sum(1 for k, (lo, hi) in mine.items() if k in theirs and lo <= theirs[k][1] and hi >= theirs[k][0])
    sides = {a.side or a.country for m in group for a in m.event.sources}
    shared = len({a.side or a.country for a in item.event.sources} & sides)
    return gap, -agree, -shared, index


def incident_id(members: Sequence[ReportedEvent]) -> str:
    """A stable id: the hash of the smallest member key."""
    return hashlib.sha1(("incident:" + min(m.key for m in members)).encode()).hexdigest()[:24]


def _outlet(item: ReportedEvent) -> str:
    return " ".join((item.source or f"article:{item.article_id}").lower().split())


def _bounds(q_value: float | None, low: float | None, high: float | None) -> tuple[float, float] | None:
    lo = low if low is not None else q_value
    hi = high if high is not None else q_value
    if lo is None:
        if hi is None:
            return None
        lo = hi  # one bound given: a point
    elif hi is None:
        hi = lo
    return float(min(lo, hi)), float(max(lo, hi))


def _report_quantities(item: ReportedEvent) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for q in item.event.quantities:
        b = _bounds(q.value, q.low, q.high)
        if b is None:
            continue
        prev = out.get(q.kind)
        out[q.kind] = b if prev is None else (min(prev[0], b[0]), max(prev[1], b[1]))
    return out


def _numbers_disagree(members: Sequence[ReportedEvent]) -> list[str]:
    per_report = [(m.published, _report_quantities(m)) for m in members]
    kinds = sorted({k for _, qs in per_report for k in qs})
    out = []
    for kind in kinds:
        found = False
        for i, (pa, qa) in enumerate(per_report):
            for pb, qb in per_report[i + 1 :]:
                if kind not in qa or kind not in qb:
                    continue
                if pa and pb and abs((pa - pb).days) > _NUMBERS_SAME_DAYS:
                    continue
                lo = min(qa[kind][1], qb[kind][1])
                hi = max(qa[kind][0], qb[kind][0])
                if hi > lo * _NUMBERS_FACTOR and hi - lo >= _NUMBERS_MARGIN:
                    found = True
        if found:
            out.append(f"incompatible {kind}")
    return out


def _best_place(members: Sequence[ReportedEvent]) -> Place | None:
    places = [m for m in members if m.event.place is not None]
    if not places:
        return None
    counts = Counter(m.event.place.gazetteer_id or m.event.place.name for m in places)  # type: ignore[union-attr]
    best = min(
        places,
        key=lambda m: (
            _PRECISION_RANK[precision_of(m.event.place)],  # type: ignore[arg-type]
            -counts[m.event.place.gazetteer_id or m.event.place.name],  # type: ignore[union-attr]
            m.key,
        ),
    )
    return best.event.place


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def build_incident(members: Sequence[ReportedEvent]) -> Incident:
    """Summarise pairwise-compatible reports: sources, corroboration, time, place and number ranges."""
    ordered = sorted(members, key=lambda m: (m.published or dt.date.max, _outlet(m), m.key))
    reports = tuple(
        Report(
            article_id=m.article_id,
            event_key=m.key,
            source=m.source,
            independent=not is_party_claim(m.event, m.source),
            published=m.published,
            attributed_to=m.event.attributed_to,
            status=m.event.status.value,
        )
        for m in ordered
    )
    independent = {
        _outlet(m) for m, r in zip(ordered, reports) if r.independent and m.event.status not in _DENIALS
    }
    parties = {
        " ".join((claiming_side(m.event, m.source) or _outlet(m)).lower().split())
        for m, r in zip(ordered, reports)
        if not r.independent
    }
    reasons: list[str] = []
    if any(m.event.status in _DENIALS for m in ordered):
        reasons.append("denial")
    if any(actors_conflict(a.event, b.event) for i, a in enumerate(ordered) for b in ordered[i + 1 :]):
        reasons.append("different actor")
    reasons.extend(_numbers_disagree(ordered))
    if reasons:
        corroboration = "disputed"
    elif len(independent) >= 2:
        corroboration = "independent"
    elif parties:
        corroboration = "claimed-by-party"
    else:
        corroboration = "single-source"

    ranges: dict[str, tuple[float, float]] = {}
    for m in ordered:
        for kind, (lo, hi) in _report_quantities(m).items():
            prev = ranges.get(kind)
            ranges[kind] = (lo, hi) if prev is None else (min(prev[0], lo), max(prev[1], hi))

    intervals = [m.interval for m in ordered if m.interval is not None]
    start = max((iv.start for iv in intervals), default=None)
    end = min((iv.end for iv in intervals), default=None)
    if start is not None and end is not None and start > end:
        # Cannot happen for pairwise-overlapping intervals; kept as the hull for safety.
        start, end = min(iv.start for iv in intervals), max(iv.end for iv in intervals)
    published = [m.published for m in ordered if m.published is not None]
    return Incident(
        id=incident_id(ordered),
        plover_type=_most_common(m.event.plover_type for m in ordered) or ordered[0].event.plover_type,
        acled_sub_event_type=_most_common(m.event.acled_sub_event_type for m in ordered),
        place=_best_place(ordered),
        start=start,
        end=end,
        reports=reports,
        independent_sources=len(independent),
        party_claims=len(parties),
        corroboration=corroboration,
        quantity_ranges={k: ranges[k] for k in sorted(ranges)},
        earliest_report=min(published, default=None),
        reasons=tuple(reasons),
    )


def merge_incidents(items: Iterable[ReportedEvent], reviews: Sequence[IncidentReview] = ()) -> tuple[Incident, ...]:
    """Incidents from reported events, analysts' merges and splits honoured: the same set in any order
    gives the same incidents."""
    unique = {i.key: i for i in items if mergeable(i.event)}
    return merge_components(components(unique.values(), reviews), reviews)


def honour_reviews(groups: Sequence[Sequence[ReportedEvent]],
                   reviews: Sequence[IncidentReview]) -> list[list[ReportedEvent]]:
    """One component's groups as the analysts' merges and splits (oldest first) leave them.

    A merge puts every group holding one of its events into one; a split takes its events out of a
    group that also holds the rest they were split from (events reported since stay with the rest).
    """
    out = [list(g) for g in groups]
    for review in sorted(reviews, key=lambda r: (r.at, r.id or 0)):
        keys = set(review.event_keys)
        if review.action is IncidentAction.MERGE:
            hit = [g for g in out if any(m.key in keys for m in g)]
            if len(hit) > 1:
                out = [g for g in out if not any(m.key in keys for m in g)] + [[m for g in hit for m in g]]
            continue
        rest = set(review.rest)
        split: list[list[ReportedEvent]] = []
        for g in out:
            off = [m for m in g if m.key in keys]
            kept = [m for m in g if m.key not in keys]
            if off and kept and any(m.key in rest for m in kept):
                split.extend([off, kept])
            else:
                split.append(g)
        out = split
    return [sorted(g, key=canonical_order) for g in out if g]


def merge_components(groups: Iterable[Sequence[ReportedEvent]],
                     reviews: Sequence[IncidentReview] = ()) -> tuple[Incident, ...]:
    """Incidents from connected components already found by :func:`components` (with the same reviews)."""
    incidents = [build_incident(group) for comp in groups
                 for group in honour_reviews(cluster([i for i in comp if mergeable(i.event)]), reviews) if group]
    return tuple(sorted(incidents, key=lambda inc: (inc.start or dt.date.min, inc.id)))
