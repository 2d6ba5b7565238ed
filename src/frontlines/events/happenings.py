"""One event per happening per article, decided over the whole article once every sentence's merges are done.

A later mention of a PLOVER type is a retelling of the nearest earlier telling of that type (the same happening
told again, or a part of it: "One soldier was wounded." after "soldiers killed 19 gunmen in a gunfight on the
outskirts of Culiacan on Monday") when nothing it tells sets it apart from that telling:

- its own place is absent, or the earlier telling has an own place it is compatible with (one place, inside it,
  or a feature near it: :func:`frontlines.events.coreference.places_compatible`);
- its own day is absent, or the earlier telling has an own day it is compatible with
  (:func:`frontlines.events.coreference.times_compatible`);
- its doers and the parties it acts on are of the earlier telling's party, or unknown (``_one_party``);
- its counts do not contradict the earlier telling's (no count of one kind, dead or wounded, with another figure);
- it is told as the earlier telling is (both told as done, or both with one status), of one family (fighting is
  not a change of hands), and of no other means (ACLED sub-types that both name and differ stay apart).

A mention whose own place or own day the earlier telling does not share is another happening ("an earlier year's
attack of the same kind", told in a background paragraph, has a day of its own; two strikes on two villages have
two places); the tests of sameness are those of :mod:`frontlines.events.merge`. The earlier telling absorbs the
retelling (:func:`frontlines.events.draft.absorb`: the fields it lacks, each with its own evidence).
"""

from __future__ import annotations

from frontlines.events.coreference import places_compatible, times_compatible
from frontlines.events.draft import Draft, absorb
from frontlines.events.merge import _done, _one_family, _one_party, _own_day, _own_place
from frontlines.events.placing import STATEMENT_TYPES
from frontlines.events.roles import agent_tokens
from frontlines.events.voice import passive_subjects
from frontlines.records import EventStatus, Quantity

# statuses a retelling never takes up: what did not happen is not the happening told
_NOT_TOLD = frozenset({EventStatus.DENIED, EventStatus.NEGATED, EventStatus.HYPOTHETICAL})
_COUNTED = frozenset({"killed", "injured"})  # the counts two tellings of one happening cannot disagree on


def merge_retold_happenings(drafts: list[Draft]) -> None:
    """Absorb each later mention that nothing sets apart into the nearest earlier telling of its type (see the
    module docstring)."""
    for k, d in enumerate(drafts):
        if d.dropped or d.realis.status in _NOT_TOLD:
            continue
        earlier = [e for e in drafts[:k] if not e.dropped and e.sent_idx < d.sent_idx and retold(d, e)]
        if not earlier:
            continue
        nearest = max(e.sent_idx for e in earlier)
        absorb(next(e for e in reversed(earlier) if e.sent_idx == nearest), d)


def retold(later: Draft, told: Draft) -> bool:
    """``later`` tells nothing that sets it apart from ``told``, a telling of its type before it."""
    if later.typing.plover != told.typing.plover or told.realis.status in _NOT_TOLD:
        return False
    if later.typing.plover in STATEMENT_TYPES:
        return False  # a call, an accusation, a threat: each saying is an act of its own, made where it is said
    if later.paragraph != told.paragraph:
        return False  # a bare mention takes up only what its own paragraph tells
    if _introduced(later):
        return False  # "Later a massive strike hit the port": an indefinite noun brings in a happening of its own
    if _done(later) != _done(told) or (not _done(later) and later.realis.status is not told.realis.status):
        return False  # a threat or a plan is not the deed told
    if not _one_family(later, told):
        return False
    if None not in (later.typing.acled_sub, told.typing.acled_sub) and later.typing.acled_sub != told.typing.acled_sub:
        return False  # two kinds named ("fighting ... an attack on civilians", "shelled ... drones hit"): two happenings
    if _own_place(later) and not (_own_place(told) and places_compatible(later.place, told.place)):
        return False
    if _own_day(later) and not (_own_day(told) and times_compatible(later.time, told.time)):
        return False
    if agent_tokens(later.trigger.head) and not later.sources:
        return False  # a doer its own words name but no record knows: nothing says it is the earlier's
    if not _one_party(later.sources, told.sources) or not _one_party(later.targets, told.targets):
        return False
    return not counts_differ(later.quantities, told.quantities)


def _introduced(d: Draft) -> bool:
    """The mention brings in something new with an indefinite article: its own noun ("a strike", "another attack")
    or, for a verb, the one it was done to or by ("A school was hit on Saturday"), not what the text takes up ("the
    attack", "the troops returned fire")."""
    head = d.trigger.head
    words = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ in _PARTICIPANTS]
    # the undergoer the parser hung elsewhere ("A second prison was also overrun": "overrun" read as the complement
    # of "was", "prison" its subject)
    words += passive_subjects(head)
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for w in words for c in w.children)


_PARTICIPANTS = frozenset({"nsubj", "nsubjpass", "dobj"})  # a verb's doer or undergoer
_INDEFINITE = frozenset({"a", "an", "another"})  # the articles that bring in a new referent


def counts_differ(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> bool:
    """Both mentions count the same kind of casualty (the dead, the wounded) and no figure of one is the other's."""
    for kind in _COUNTED:
        xs = {q.value for q in a if q.kind == kind and q.value is not None}
        ys = {q.value for q in b if q.kind == kind and q.value is not None}
        if xs and ys and not xs & ys:
            return True
    return False


__all__ = ["counts_differ", "merge_retold_happenings", "retold"]
