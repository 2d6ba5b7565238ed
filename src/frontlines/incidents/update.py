"""Keep the stored incidents and control changes up to date as articles are processed.

Incremental and order-independent: for the events of the new articles, the
store is asked only for events dated near them; the connected component of
linked events around the new ones is collected and merged again, and the
incidents it replaces are dropped. Events outside that component cannot be
affected, so the stored incidents always equal a merge of everything at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontlines.incidents.match import UNDATED_WINDOW_DAYS
from frontlines.incidents.merge import ReportedEvent, components, merge_components, merge_incidents
from frontlines.records import IncidentAction, IncidentReview, StoredEvent

if TYPE_CHECKING:
    from frontlines.store.protocol import Store


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What one update changed."""

    events: int  # events of the given articles
    component: int  # events re-merged (the new ones and everything linked to them)
    incidents_removed: int
    incidents_saved: int
    control_changes: int


def reported_events(stored: Sequence[StoredEvent]) -> list[ReportedEvent]:
    """Stored events (see ``Store.read_events``) to :class:`ReportedEvent` records."""
    return [ReportedEvent(key=s.key, article_id=s.article_id, source=s.source, published=s.published,
                          event=s.event) for s in stored]


def _merge_partners(store: Store, pool: dict[str, ReportedEvent], seed_keys: set[str],
                    merges: Sequence[IncidentReview], tried: set[str]) -> None:
    """Read into ``pool`` the events an analyst merged with those linked to the seeds, wherever they are dated."""
    while True:
        linked = {e.key for comp in components(pool.values(), merges) if any(e.key in seed_keys for e in comp)
                  for e in comp}
        missing = {k for r in merges if linked & set(r.event_keys) for k in r.event_keys} - set(pool) - tried
        if not missing:
            return
        tried |= missing
        pool.update((e.key, e) for e in reported_events(store.read_events(keys=sorted(missing))))


def collect_components(store: Store, seeds: Sequence[ReportedEvent],
                       reviews: Sequence[IncidentReview] = ()) -> list[list[ReportedEvent]]:
    """The connected components (see :func:`~frontlines.incidents.merge.components`) holding the seeds.

    Reads the stored events dated within the seeds' dates, takes the connected
    components that hold a seed, and widens the window while those reach beyond
    it: two linked events' dates overlap, so once every member lies inside the
    window, everything linked to them has been read. Events an analyst merged
    with them are read wherever they are dated. Each event is parsed once.
    """
    pool: dict[str, ReportedEvent] = {s.key: s for s in seeds}
    merges = [r for r in reviews if r.action is IncidentAction.MERGE]
    seed_keys = set(pool)
    tried: set[str] = set()
    dated = [s for s in seeds if s.interval is not None]
    if not dated:
        _merge_partners(store, pool, seed_keys, merges, tried)
        return [comp for comp in components(pool.values(), merges) if any(e.key in seed_keys for e in comp)]
    lo = min(s.interval.start for s in dated)  # type: ignore[union-attr]
    hi = max(s.interval.end for s in dated)  # type: ignore[union-attr]
    while True:
        stored = store.read_events(window=(lo, hi), undated_lag_days=UNDATED_WINDOW_DAYS)
        pool.update((e.key, e) for e in reported_events([s for s in stored if s.key not in pool]))
        _merge_partners(store, pool, seed_keys, merges, tried)
        found = [comp for comp in components(pool.values(), merges) if any(e.key in seed_keys for e in comp)]
        reach = [e.interval for comp in found for e in comp if e.interval is not None]
        new_lo, new_hi = min(iv.start for iv in reach), max(iv.end for iv in reach)
        if new_lo >= lo and new_hi <= hi:
            return found
        lo, hi = min(lo, new_lo), max(hi, new_hi)


def update_incidents(store: Store, article_ids: Sequence[str],
                     new: Sequence[ReportedEvent] | None = None) -> UpdateReport:
    """Re-merge the incidents that the events of these (newly processed) articles touch.

    ``new``: those articles' events, when the caller has read them already.
    """
    if new is None:
        new = reported_events(store.read_events(article_ids=list(article_ids)))
    # Incidents that lost a member (its article was processed again) are re-merged too.
    orphans = store.orphan_incident_ids()
    orphan_keys = store.incident_event_keys(orphans)
    survivors = reported_events(store.read_events(keys=orphan_keys)) if orphan_keys else []
    reviews = store.list_incident_reviews()
    groups = collect_components(store, [*new, *survivors], reviews)
    incidents = merge_components(groups, reviews)
    keys = [e.key for comp in groups for e in comp]
    stale = sorted(set(orphans) | set(store.incident_ids_for_events(keys)))
    store.replace_incidents(stale, incidents)
    return UpdateReport(events=len(new), component=len(keys), incidents_removed=len(stale),
                        incidents_saved=len(incidents), control_changes=0)


def rebuild_incidents(store: Store) -> UpdateReport:
    """Merge every stored event from scratch (the reference the incremental path must equal)."""
    everything = reported_events(store.read_events())
    incidents = merge_incidents(everything, store.list_incident_reviews())
    old = store.incident_ids()
    store.replace_incidents(old, incidents)
    return UpdateReport(events=len(everything), component=len(everything), incidents_removed=len(old),
                        incidents_saved=len(incidents), control_changes=0)
