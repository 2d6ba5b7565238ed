"""Score the store's current events against its own reviews: the team's gold set (issue 19 item 4).

Each reviewed event (an event key's reviews folded, latest verdict standing) is a gold judgement of
what the pipeline produced when it was reviewed; after a re-run or an upgrade, the reviews attach to
the current events (or are orphaned), so the scores say what the current pipeline gets right:

- precision: of the reviewed events the pipeline still produces, the share not rejected;
- rejected_gone: rejected events the pipeline no longer produces (an upgrade fixed them);
- lost: confirmed or corrected events it no longer produces (orphaned reviews);
- field accuracy: of the produced, not rejected events, the share whose current machine value of
  each field equals the reviewed one (a correction the pipeline now agrees with counts as right).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from frontlines.records import Event, EventChanges, Review, Verdict
from frontlines.review import fold

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

FIELDS = ("plover_type", "acled_event_type", "acled_sub_event_type", "status", "attributed_to", "fatalities",
          "sources", "targets", "place", "date", "granularity")


def _machine_value(ev: Event, field: str) -> Any:
    if field == "fatalities":
        killed = [q for q in ev.quantities if q.kind == "killed"]
        value = (killed[0].value if killed[0].value is not None else killed[0].low) if killed else None
        return int(value) if value is not None else None
    if field in ("sources", "targets"):
        return tuple(a.name for a in getattr(ev, field))
    if field == "place":
        return (ev.place.gazetteer_id or ev.place.name) if ev.place else None
    if field == "date":
        return ev.time.start if ev.time else None
    if field == "granularity":
        return ev.time.granularity if ev.time else None
    return getattr(ev, field)


def _reviewed_value(changes: EventChanges, field: str) -> Any:
    value = getattr(changes, field)
    if field == "place" and value is not None:
        return value.gazetteer_id or value.name
    if field == "attributed_to" and value == "":
        return None
    return value


def score_reviewed(store: Store, *, batch: int = 1000) -> dict[str, Any]:
    """The current pipeline's scores on the store's reviewed events (see the module docstring)."""
    groups: dict[str, list[Review]] = defaultdict(list)
    orphaned: list[Review] = []
    offset = 0
    while True:
        page = store.list_reviews(limit=batch, offset=offset)
        if not page:
            break
        for r in page:
            (orphaned.append(r) if r.attached_key is None else groups[r.attached_key].append(r))
        offset += len(page)
    kept = kept_fp = 0
    right: dict[str, int] = defaultdict(int)
    judged: dict[str, int] = defaultdict(int)
    for key, reviews in groups.items():
        latest, changes = fold(sorted(reviews, key=lambda r: (r.at, r.id or 0)))
        if latest.verdict is Verdict.REJECTED:
            kept_fp += 1
            continue
        kept += 1
        machine = store.get_event(key).machine
        if machine is None:  # pragma: no cover - a reviewed event is always read with its machine event
            continue
        for field in FIELDS:
            reviewed = _reviewed_value(changes, field)
            judged[field] += 1
            if reviewed is None or _machine_value(machine, field) == reviewed:
                right[field] += 1
    # an orphaned key's reviews: judged by the latest review made on it
    latest_orphans: dict[str, Review] = {}
    for r in sorted(orphaned, key=lambda r: (r.at, r.id or 0)):
        latest_orphans[r.event_key] = r
    gone = sum(1 for r in latest_orphans.values() if r.verdict is Verdict.REJECTED)
    produced = kept + kept_fp
    return {
        "reviewed_events": produced + len(latest_orphans),
        "produced": produced,
        "precision": round(kept / produced, 4) if produced else None,
        "rejected_still_produced": kept_fp,
        "rejected_gone": gone,
        "lost": len(latest_orphans) - gone,
        "field_accuracy": {f: round(right[f] / judged[f], 4) for f in FIELDS if judged[f]},
    }
