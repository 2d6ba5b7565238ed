"""Per-settlement control timelines from control-change reports, and the state of control on a date.

Reports are ordered by the date of the change they state (never by when they
were ingested), so articles may arrive in any order. Consecutive reports that
give a settlement to the same side form one period; its status is

- ``confirmed``: at least two independent outlets report it as fact, or one does
  and the side that lost it acknowledges it (or the losing side acknowledges
  what the winner claims);
- ``disputed``: a report denies it (and fewer than two independent outlets
  confirm it), or control flips back within a few days on the word of a claim
  alone (contradictory claims, a contested settlement);
- ``claimed``: otherwise (one outlet, or only a party's own word).

A statement about an area ("the west bank", "dozens of settlements around
Kharkiv") reaches the settlements of that area with a lower confidence and
yields to any report naming the settlement itself near the same date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from frontlines.control.areas import Course, settlements_in_area
from frontlines.control.changes import UNKNOWN_SIDE
from frontlines.records import ControlChange, ControlReview, ControlStatus, Place, Verdict

AREA_SHADOW_DAYS = 14  # a named report this close in time overrides an area statement
DENIAL_BEFORE_DAYS = 7  # a denial can precede the change it contradicts by this much
DENIAL_AFTER_DAYS = 14  # ... or follow it
CONTESTED_DAYS = 3  # control flipping back this fast on claims alone is a dispute
MAX_EVIDENCE = 8


def settlement_key(place: Place) -> str:
    """One key per settlement: the gazetteer id, else the lower-cased name."""
    return place.gazetteer_id or "name:" + " ".join((place.name or place.text).lower().split())


def change_id(change: ControlChange) -> str:
    """A change of control's id (a period of a settlement's timeline): its settlement, side and date."""
    day = change.date.isoformat() if change.date else ""
    raw = f"control:{settlement_key(change.settlement)}|{change.to_side}|{day}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def expand_areas(
    changes: Iterable[ControlChange],
    known: Sequence[Place],
    courses: Mapping[str, Course] | None = None,
) -> list[ControlChange]:
    """Named reports as they are; each area report copied onto the known settlements in its area that
    its own sentence names ("the west bank of the Dnipro, including Kherson"). An area statement changes
    nothing it does not name: "seized ground in the Donetsk region" is no news about Kramatorsk."""
    out: list[ControlChange] = []
    for change in changes:
        if not change.area:
            out.append(change)
            continue
        for settlement in settlements_in_area(change.settlement, known, courses):
            if any(names_settlement(e.text, settlement) for e in change.evidence):
                out.append(replace(change, settlement=settlement))
    return out


def names_settlement(text: str, place: Place) -> bool:
    """Whether a sentence names the settlement (by its gazetteer name or as some article wrote it)."""
    names = {n for n in (place.name, place.text) if n}
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.IGNORECASE) for n in names)


def opponents(changes: Iterable[ControlChange]) -> dict[str, set[str]]:
    """For each side, the sides it took ground from or lost ground to, as the reports name them.

    Under the key "" every side that any report names, for withdrawals that name no taker.
    """
    out: dict[str, set[str]] = {"": set()}  # "": every side any report names
    for c in changes:
        out[""].update(s for s in (c.from_side, c.to_side) if s)
        if c.from_side and c.to_side and c.from_side != c.to_side:
            out.setdefault(c.from_side, set()).add(c.to_side)
            out.setdefault(c.to_side, set()).add(c.from_side)
    return out


def _days(a: dt.date | None, b: dt.date | None) -> int:
    if a is None or b is None:
        return 10**6
    return abs((a - b).days)


def _taker(periods: list[list[ControlChange]], leaving: str | None, rivals: Mapping[str, set[str]],
           country: str | None = None) -> str | None:
    """Who gets ground that ``leaving`` withdraws from when nobody is named.

    The previous other holder of the settlement; else the one side ``leaving`` is
    known to fight (from reports naming both sides); else the state the settlement
    lies in, when another side leaves it (the MNDAA leaving Lashio hands it to
    Myanmar); failing those, the only other side any report names.
    """
    for period in reversed(periods):
        side = period[0].to_side
        if side != leaving:
            return side
    known = rivals.get(leaving or "", set())
    if len(known) == 1:
        return next(iter(known))
    if country and country != leaving:
        return country
    only = known or {s for s in rivals.get("", set()) if s != leaving}
    return next(iter(only)) if len(only) == 1 else None


def _consolidate(period: list[ControlChange], previous: str | None, denials: Sequence[ControlChange]) -> ControlChange:
    first = min(period, key=lambda c: (c.date or dt.date.max, c.area, c.basis))
    side = first.to_side
    from_side = previous or next((c.from_side for c in period if c.from_side), None)
    sources = sorted({s for c in period for s in c.sources})
    independent = len({s for c in period if c.independent_sources for s in c.sources})
    claimers = Counter(c.claimed_by for c in period if c.claimed_by)
    claimed_by = min(claimers, key=lambda k: (-claimers[k], k)) if claimers else None
    loser_says = bool(from_side) and from_side in claimers
    denied = any(
        d.to_side in (side, UNKNOWN_SIDE)
        and first.date is not None and d.date is not None
        and -DENIAL_BEFORE_DAYS <= (d.date - first.date).days <= DENIAL_AFTER_DAYS
        for d in denials
    )
    if independent >= 2:
        # Two outlets seeing it for themselves outweigh a party's denial.
        status = ControlStatus.CONFIRMED
    elif denied:
        status = ControlStatus.DISPUTED
    elif loser_says and (independent >= 1 or len(claimers) >= 2):
        status = ControlStatus.CONFIRMED
    else:
        status = ControlStatus.CLAIMED
    reviewed = [c for c in period if c.review]
    if reviewed and reviewed[-1].review == Verdict.CONFIRMED.value:
        status = ControlStatus.CONFIRMED  # an analyst's word settles it
    evidence = sorted({e for c in period for e in c.evidence}, key=lambda e: (e.article_id, e.start))
    best = max(c.confidence for c in period)
    named = [c for c in period if not c.area]
    return ControlChange(
        settlement=(named[0] if named else first).settlement,
        to_side=side,
        from_side=from_side,
        time=first.time,
        date=first.date,
        status=status,
        claimed_by=claimed_by,
        basis=tuple(sorted({k for c in period for k in c.basis})),
        confidence=round(min(1.0, best + 0.1 * (len(sources) - 1)), 3),
        area=not named,
        evidence=tuple(evidence[:MAX_EVIDENCE]),
        sources=tuple(sources),
        independent_sources=independent,
        denial=False,
        review=reviewed[-1].review if reviewed else None,
        reviewer=reviewed[-1].reviewer if reviewed else None,
    )


def _periods(reports: Sequence[ControlChange], rivals: Mapping[str, set[str]]) -> list[list[tuple[int, ControlChange]]]:
    """The reports (by their index in ``reports``) that make each period of control, oldest first."""
    named = [(i, r) for i, r in enumerate(reports) if not r.denial and not r.area]
    area = [
        (i, r) for i, r in enumerate(reports)
        if not r.denial and r.area and not any(_days(r.date, n.date) <= AREA_SHADOW_DAYS for _, n in named)
    ]
    ordered = sorted(
        ((i, r) for i, r in [*named, *area] if r.date is not None),
        key=lambda ir: (ir[1].date, ir[1].area, ir[1].to_side == UNKNOWN_SIDE, ir[1].to_side, ir[1].basis),
    )
    periods: list[list[tuple[int, ControlChange]]] = []
    for i, report in ordered:
        if report.to_side == UNKNOWN_SIDE:
            taker = _taker([[r for _, r in p] for p in periods], report.from_side, rivals, report.settlement.country)
            if taker is None:
                continue
            report = replace(report, to_side=taker)
        if periods and periods[-1][0][1].to_side == report.to_side:
            periods[-1].append((i, report))
        else:
            periods.append([(i, report)])
    return periods


def _reviewed_period(review: ControlReview, timeline: Sequence[ControlChange]) -> int | None:
    """Which period of a settlement's timeline a review is about: the one with its id, else the one
    giving the settlement to the same side whose time spans the reviewed date; None when none does."""
    for i, period in enumerate(timeline):
        if change_id(period) == review.control_id:
            return i
    for i, period in enumerate(timeline):
        until = timeline[i + 1].date if i + 1 < len(timeline) else None
        if (period.to_side == review.to_side and review.date is not None and period.date is not None
                and period.date <= review.date and (until is None or review.date < until)):
            return i
    return None


def apply_control_reviews(reports: Sequence[ControlChange], reviews: Sequence[ControlReview],
                          rivals: Mapping[str, set[str]]) -> list[ControlChange]:
    """One settlement's reports as its analysts' reviews (oldest first) leave them: a rejected change's
    reports are dropped, a corrected one's take the side and date given, a confirmed one's carry the verdict."""
    reports = list(reports)
    denials = [r for r in reports if r.denial]
    for review in sorted(reviews, key=lambda r: (r.at, r.id or 0)):
        periods = _periods(reports, rivals)
        index = _reviewed_period(review, _timeline(periods, denials))
        if index is None:
            continue  # its change is no longer in the reports (kept in the store, applied to nothing)
        members = {i for i, _ in periods[index]}
        if review.verdict is Verdict.REJECTED:
            reports = [r for i, r in enumerate(reports) if i not in members]
            continue
        mark = {"review": review.verdict.value, "reviewer": review.user}
        if review.verdict is Verdict.CORRECTED:
            side = review.new_side or None
            reports = [replace(r, **mark, to_side=side or dict(periods[index])[i].to_side,
                               date=review.new_date or r.date) if i in members else r
                       for i, r in enumerate(reports)]
        else:
            reports = [replace(r, **mark, to_side=dict(periods[index])[i].to_side) if i in members else r
                       for i, r in enumerate(reports)]
    return reports


def _timeline(periods: Sequence[Sequence[tuple[int, ControlChange]]],
              denials: Sequence[ControlChange]) -> list[ControlChange]:
    timeline: list[ControlChange] = []
    for period in periods:
        previous = timeline[-1].to_side if timeline else None
        timeline.append(_consolidate([r for _, r in period], previous, denials))
    return timeline


def build_timeline(reports: Sequence[ControlChange], rivals: Mapping[str, set[str]] | None = None,
                   reviews: Sequence[ControlReview] = ()) -> tuple[ControlChange, ...]:
    """One settlement's periods of control, oldest first, from its reports (any order) and the analysts'
    reviews of its changes (:func:`apply_control_reviews`)."""
    rivals = rivals if rivals is not None else opponents(reports)
    if reviews:
        reports = apply_control_reviews(reports, reviews, rivals)
    denials = [r for r in reports if r.denial]
    timeline = _timeline(_periods(reports, rivals), denials)
    # Control that flips back within days, on claims alone: contradictory claims, not two changes.
    for i in range(len(timeline) - 1):
        a, b = timeline[i], timeline[i + 1]
        if (_days(a.date, b.date) <= CONTESTED_DAYS and ControlStatus.CONFIRMED not in (a.status, b.status)
                and not (a.review or b.review)):
            timeline[i] = replace(a, status=ControlStatus.DISPUTED)
            timeline[i + 1] = replace(b, status=ControlStatus.DISPUTED)
    return tuple(timeline)


def build_timelines(
    changes: Iterable[ControlChange],
    known: Sequence[Place] = (),
    courses: Mapping[str, Course] | None = None,
    reviews: Sequence[ControlReview] = (),
) -> dict[str, tuple[ControlChange, ...]]:
    """Every settlement's timeline, keyed by :func:`settlement_key`, from reports (area ones expanded) and
    the analysts' reviews of its changes."""
    changes = list(changes)
    expanded = expand_areas(changes, known, courses)
    rivals = opponents([*changes, *expanded])  # an area no known settlement is in still names its sides
    return {key: build_timeline(reports, rivals, own_reviews)
            for key, (reports, own_reviews) in sorted(by_settlement(expanded, reviews).items())}


def by_settlement(changes: Iterable[ControlChange], reviews: Sequence[ControlReview] = ()
                  ) -> dict[str, tuple[list[ControlChange], list[ControlReview]]]:
    """Reports and analysts' reviews, per settlement (:func:`settlement_key`)."""
    reviewed: dict[str, list[ControlReview]] = {}
    for review in reviews:
        reviewed.setdefault(review.settlement, []).append(review)
    out: dict[str, tuple[list[ControlChange], list[ControlReview]]] = {}
    for change in changes:
        key = settlement_key(change.settlement)
        out.setdefault(key, ([], reviewed.get(key, [])))[0].append(change)
    return out


def _in_region(place: Place, region: str | None) -> bool:
    if not region:
        return True
    needle = region.lower()
    return (
        needle in (place.admin1 or "").lower()
        or (place.country or "").lower() == needle
        or (place.name or place.text).lower() == needle
    )


def control_on(
    changes: Iterable[ControlChange],
    date: dt.date,
    known: Sequence[Place] = (),
    *,
    region: str | None = None,
    courses: Mapping[str, Course] | None = None,
    reviews: Sequence[ControlReview] = (),
) -> tuple[ControlChange, ...]:
    """Who controls each settlement on ``date``: the period in force then, per settlement, by name
    (with the analysts' ``reviews`` applied)."""
    state = []
    # Only reports of changes dated up to that day count (a denial dated later disputes nothing yet).
    as_of = [c for c in changes if c.date is not None and c.date <= date]
    for timeline in build_timelines(as_of, known, courses, reviews).values():
        current = [p for p in timeline if p.date is not None and p.date <= date]
        if current and _in_region(current[-1].settlement, region):
            state.append(current[-1])
    return tuple(sorted(state, key=lambda c: ((c.settlement.name or c.settlement.text).lower(), settlement_key(c.settlement))))
