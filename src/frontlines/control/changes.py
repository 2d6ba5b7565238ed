"""Which events change who holds a settlement, and the control change each one reports.

A capture, a retaking, a liberation (ACLED "Government regains territory",
"Non-state actor overtakes territory", PLOVER ASSAULT/occupy) gives ground to
the side that acts; a completed withdrawal or handover (ACLED "Non-violent
transfer of territory") takes it from the side that leaves and gives it to the
target, or, when no target is named, to the side that held it before (decided
later, in the timeline). Orders, announcements, plans, threats and hypotheses
change nothing. A denial is kept as a report against the change it denies.

One :class:`ControlChange` per report: consolidating reports into a timeline
is :mod:`frontlines.control.timeline`'s job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from frontlines.events.territory import is_taken
from frontlines.incidents.match import TERRITORY_SUB_TYPES, event_interval, taken_unopposed
from frontlines.incidents.merge import ReportedEvent
from frontlines.incidents.sources import actor_side, claiming_side, is_party_claim
from frontlines.records import (
    Actor,
    ControlChange,
    ControlStatus,
    Event,
    EventStatus,
    Place,
    PlaceKind,
    Precision,
    Resolution,
    Sector,
)

_NO_CHANGE = frozenset({
    EventStatus.ORDERED, EventStatus.ANNOUNCED, EventStatus.PLANNED,
    EventStatus.THREATENED, EventStatus.HYPOTHETICAL,
})
_DENIALS = frozenset({EventStatus.DENIED, EventStatus.NEGATED})
_NAMED_KINDS = frozenset({PlaceKind.SETTLEMENT, PlaceKind.FACILITY})
_AREA_KINDS = frozenset({PlaceKind.ADMIN1, PlaceKind.ADMIN2, PlaceKind.REGION, PlaceKind.RELATIVE, PlaceKind.RIVER})
# Counted things that make a place an area: "dozens of settlements around Kharkiv".
_AREA_COUNTS = frozenset({"settlements", "villages", "towns", "localities", "territory"})
# A report about many places is weaker than one naming the settlement.
AREA_CONFIDENCE_FACTOR = 0.5
UNKNOWN_SIDE = ""  # a withdrawal that names nobody taking over


def _side_of(actor: Actor, place: Place | None) -> tuple[str | None, bool]:
    """An acting party's side, and whether it is of the settlement's own country.

    Rebels known only by their nationality ("Syrian rebels" in Homs) fight that state: its code is
    not their side, and no side is known for them.
    """
    country = place.country if place is not None else None
    side = actor_side(actor)
    if actor.sector is Sector.REBEL and side is not None and side == actor.country == country:
        return None, False
    return side, bool(country) and actor.country == country


def _sides(actors: tuple, place: Place | None = None) -> tuple[str, ...]:
    """The sides of the acting parties. Forces of the settlement's own country, or a group of that
    country, with foreign fighters alongside hold it for themselves: Mali's army with Wagner takes
    Kidal for Mali, M23 with Rwandan troops takes Goma for M23."""
    found = [_side_of(a, place) for a in actors]
    sides = {s for s, _ in found if s}
    if len(sides) > 1:
        home = {s for s, at_home in found if s and at_home}
        if len(home) == 1:
            return tuple(home)
    return tuple(sorted(sides))


def change_date(event: Event, published: dt.date | None) -> dt.date | None:
    """The day a change is dated by: the day (or first day) its own time names, else the article's date.

    An undated report ("soldiers raised the flag over Lyman, a video showed") says the change had
    happened by publication, not a week before it (the window incidents match undated events over).
    """
    interval = event_interval(event, published)
    tv = event.time
    if interval is not None and tv is not None and tv.start is not None and tv.resolution not in (
        Resolution.DEFAULT, Resolution.UNRESOLVED
    ):
        return interval.start
    return published or (interval.start if interval else None)


def is_withdrawal(event: Event) -> bool:
    """A withdrawal or handover: the acting side loses the ground (ground taken unopposed, ASSAULT/occupy, is
    gained by the one who took it)."""
    return (event.acled_sub_event_type == "Non-violent transfer of territory" and not taken_unopposed(event)) or (
        event.plover_type == "RETREAT" and event.plover_mode == "withdraw"
        and event.acled_sub_event_type in TERRITORY_SUB_TYPES
    )


def is_control_event(event: Event) -> bool:
    """The event, if it happened, changes who holds its place."""
    if event.acled_sub_event_type in TERRITORY_SUB_TYPES:
        return True
    return event.plover_type == "ASSAULT" and event.plover_mode == "occupy"


def is_area_statement(event: Event) -> bool:
    """The event is about an area or many settlements, not the one settlement its place names."""
    place = event.place
    if place is None:
        return False
    if place.kind in _AREA_KINDS:
        return True
    # "dozens of settlements around Kharkiv": a count of settlements makes the place a centre, not the
    # captured settlement ("the villages of X and Y" names each one and is not counted).
    return any(q.kind in _AREA_COUNTS for q in event.quantities)


def _area_place(place: Place) -> Place:
    """A settlement used as the centre of "settlements around X" becomes a relative area around it."""
    if place.kind in _AREA_KINDS:
        return place
    return replace(place, kind=PlaceKind.RELATIVE, anchor=place.name or place.text,
                   text=f"around {place.name or place.text}", precision=Precision.NEAR)


def change_from_event(item: ReportedEvent) -> ControlChange | None:
    """The control change one reported event states (or denies), if any."""
    event = item.event
    if not is_control_event(event) or event.status in _NO_CHANGE or event.place is None:
        return None
    place = event.place
    area = is_area_statement(event)
    if not area and not (place.kind in _NAMED_KINDS or (place.kind is None and place.precision is Precision.EXACT)):
        return None  # a country, a sea: too coarse to say which settlements changed hands
    if not area and (place.gazetteer_id is None or place.precision in (Precision.ADMIN1, Precision.ADMIN2)):
        return None  # a village known only by its division, a street placed at its town: no point to paint
    if place.metonymic or not is_taken(place):
        return None  # the place is where it happened, not what the trigger takes ("advanced towards X")
    if is_withdrawal(event):
        from_sides = _sides(event.sources, place)
        # "withdrew its troops": the troops withdrawn are the leaving side, not who takes over
        to_sides = tuple(s for s in _sides(event.targets, place) if s not in from_sides)
    else:
        from_sides, to_sides = _sides(event.targets, place), _sides(event.sources, place)
    if not to_sides and not from_sides:
        return None  # nobody named: no side to record
    to_side = to_sides[0] if len(to_sides) == 1 else UNKNOWN_SIDE
    from_side = from_sides[0] if len(from_sides) == 1 else None
    if to_side == UNKNOWN_SIDE and from_side is None:
        return None
    date = change_date(event, item.published)
    party = is_party_claim(event, item.source)
    denial = event.status in _DENIALS
    return ControlChange(
        settlement=_area_place(place) if area else place,
        to_side=to_side,
        from_side=from_side,
        time=event.time,
        date=date,
        status=ControlStatus.DISPUTED if denial else ControlStatus.CLAIMED,
        claimed_by=claiming_side(event, item.source),
        basis=(item.key,),
        confidence=round(event.confidence * (AREA_CONFIDENCE_FACTOR if area else 1.0), 3),
        area=area,
        evidence=(event.evidence,),
        sources=(item.source or f"article:{item.article_id}",),
        independent_sources=0 if (party or denial) else 1,
        denial=denial,
    )


# What a sentence may report about the change it names without the change having happened.
_INTENDED = frozenset({EventStatus.ORDERED, EventStatus.PLANNED, EventStatus.THREATENED, EventStatus.HYPOTHETICAL})
_DENY_WORDS = frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses",
                         "refuted", "refutes"})


def _sentence(item: ReportedEvent) -> tuple[str, int, int]:
    return (item.article_id, item.event.evidence.start, item.event.evidence.end)


def _ordered_sentences(items: list[ReportedEvent] | tuple[ReportedEvent, ...]) -> set[tuple[str, int, int]]:
    """Sentences that report an order, plan or threat of a change of control (not one a party says it made:
    "after Russian forces pulled out" is a withdrawal that happened)."""
    return {_sentence(i) for i in items if is_control_event(i.event) and i.event.status in _INTENDED}


def _denied_after(items: list[ReportedEvent] | tuple[ReportedEvent, ...]) -> dict[tuple[str, int, int], int]:
    """Sentences with a denial ("denied reports that ..."), and where its trigger ends: a change of control
    told after it in the sentence is what is denied."""
    out: dict[tuple[str, int, int], int] = {}
    for i in items:
        e = i.event
        if e.plover_type == "REJECT" and e.trigger.lower() in _DENY_WORDS and e.trigger_evidence is not None:
            key = _sentence(i)
            out[key] = min(out.get(key, e.trigger_evidence.end), e.trigger_evidence.end)
    return out


def control_changes(items: list[ReportedEvent] | tuple[ReportedEvent, ...]) -> tuple[ControlChange, ...]:
    """Every control change (one per report) the events state, in a stable order.

    In a sentence that reports an order to withdraw, the other control events are
    the order's intended outcome ("ordered to withdraw ..., effectively handing back
    control"), not a change that has happened, whatever realis they were given. In a
    sentence that reports a denial, a change told after the denial is what is denied
    ("denied reports that Russian troops had captured Vovchansk").
    """
    ordered = _ordered_sentences(items)
    denied = _denied_after(items)
    out = []
    for item in sorted(items, key=lambda i: i.key):
        key = _sentence(item)
        if key in ordered:
            continue
        trigger = item.event.trigger_evidence
        if key in denied and trigger is not None and trigger.start >= denied[key] and is_control_event(item.event):
            item = replace(item, event=replace(item.event, status=EventStatus.DENIED))
        change = change_from_event(item)
        if change is not None:
            out.append(change)
    return tuple(out)


def control_changes_with_keys(items: list[ReportedEvent] | tuple[ReportedEvent, ...]) -> list[tuple[str, str, ControlChange]]:
    """(article id, event key, change) for every change, as the store keeps them."""
    by_key = {i.key: i for i in items}
    return [(by_key[c.basis[0]].article_id, c.basis[0], c) for c in control_changes(items)]
