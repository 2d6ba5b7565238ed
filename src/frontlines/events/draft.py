"""The event being assembled (a mutable Draft until it becomes a frozen Event) and the two
operations every later step shares: one draft absorbing another that names the same happening,
and a place borrowed from another mention."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from frontlines.events.coder import MUTUAL, Trigger, Typing
from frontlines.events.coreference import finer_time, more_specific
from frontlines.events.means import CLASH, mutual_setting
from frontlines.events.realis import Realis
from frontlines.records import Actor, EventStatus, Place, Precision, Quantity, TimeValue


@dataclass(slots=True)
class Draft:
    """An event being assembled (mutable until it becomes a frozen Event)."""

    sent_idx: int
    paragraph: int
    trigger: Trigger
    typing: Typing
    realis: Realis
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    place: Place | None
    place_score: float
    time: TimeValue | None
    quantities: tuple[Quantity, ...]
    confidence: float
    sent: Any
    inherited: set[str] = field(default_factory=set)
    dropped: bool = False
    merged_into: Draft | None = None  # the draft that absorbed this one



def absorb(keep: Draft, gone: Draft) -> None:
    keep.sources = keep.sources or gone.sources
    keep.targets = keep.targets or gone.targets
    if gone.place is not None and (
            keep.place is None or more_specific(gone.place, keep.place)  # the village, not its oblast
            or (gone.place_score > keep.place_score and not more_specific(keep.place, gone.place))):
        keep.place, keep.place_score = gone.place, gone.place_score
    if keep.time is None or finer_time(gone.time, keep.time):
        keep.time = gone.time  # the exact date of the two ("on Saturday" over "this week")
    seen = {id(q) for q in keep.quantities}
    keep.quantities = keep.quantities + tuple(q for q in gone.quantities if id(q) not in seen)
    if _claimed_by_its_doer(keep, gone):
        doer = keep.sources[0]
        keep.realis = replace(gone.realis, attributed_to=doer.name or doer.text)
    elif keep.realis.attributed_to is None and gone.realis.attributed_to is not None:
        keep.realis = replace(keep.realis, attributed_to=gone.realis.attributed_to)
    if (_fought_off(gone) or _fighting_in_its_sentence(keep, gone)) and keep.typing.plover == "ASSAULT" \
            and keep.typing.acled_sub in _ONE_SIDED:
        keep.typing = gone.typing  # "the adversary attacked ... The attack was repelled": both sides fought
    gone.dropped = True
    gone.merged_into = keep



# Sub-types that tell violence by one side only: a telling that the other side fought back makes it a clash.
_ONE_SIDED = frozenset({None, "Attack"})


def _fought_off(d: Draft) -> bool:
    """A mention told as fought off or fired back at ("the attack was repelled", "the guards fired back"):
    the other side fought too, and ACLED codes the happening an armed clash whatever another mention of
    it says ("the adversary attacked in the southern direction")."""
    return d.typing.plover == "ASSAULT" and d.typing.acled_sub == CLASH and mutual_setting(d.trigger.head)


def _fighting_in_its_sentence(keep: Draft, gone: Draft) -> bool:
    """A mention that names fighting between two sides ("the fighting", "clashes", "a gun battle"), told in the
    sentence of the killing it is merged with as one act ("The fighting erupted after al-Kikli ... was shot dead"):
    the harm was done in fighting, which ACLED codes an armed clash whoever was hit (civilians killed in crossfire
    too). Across sentences the merge is a reference, and a word of fighting there names no more than its kind."""
    return (gone.sent_idx == keep.sent_idx and gone.typing.plover == "ASSAULT" and gone.typing.acled_sub == CLASH
            and gone.trigger.spec.key in MUTUAL)


def _claimed_by_its_doer(keep: Draft, gone: Draft) -> bool:
    """The doer of a deed told as done claims, in a clause joined to it, a part of the same happening
    ("fighters overran an army base and claimed to have killed more than 100 soldiers"): the event, with
    the toll it now holds, is the doer's claim."""
    frame = gone.realis.frame
    return (keep.realis.status is EventStatus.HAPPENED and gone.realis.status is EventStatus.CLAIMED
            and gone.realis.attributed_token is None and bool(keep.sources) and frame is not None
            and frame.dep_ == "conj" and frame.head.i == keep.trigger.head.i)


_CAUTION = {EventStatus.HAPPENED: 0, EventStatus.CLAIMED: 1, EventStatus.ANNOUNCED: 2, EventStatus.ORDERED: 3,
            EventStatus.PLANNED: 3, EventStatus.THREATENED: 4, EventStatus.HYPOTHETICAL: 5, EventStatus.DENIED: 5,
            EventStatus.NEGATED: 6}


def more_cautious(a: Realis, b: Realis) -> Realis:
    return a if _CAUTION[a.status] >= _CAUTION[b.status] else b



def place_key(p: Place) -> str:
    return p.gazetteer_id or (p.name or p.text).lower()



_LOWER_PRECISION = {Precision.EXACT: Precision.NEAR}


def borrowed(place: Place, how: str) -> Place:
    """Another mention's place given to an event without one: precision lowered, saying how."""
    precision = _LOWER_PRECISION.get(place.precision, place.precision) if place.precision else None
    return replace(place, precision=precision, reason=f"{how}; {place.reason}")


def live(d: Draft) -> Draft:
    """The draft that stands for ``d`` after merges: ``d`` itself, or the draft that absorbed it."""
    while d.merged_into is not None:
        d = d.merged_into
    return d

