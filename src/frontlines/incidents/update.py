"""Keep the stored incidents and control changes up to date as articles are processed.

Incremental and order-independent: for the events of the new articles, the
store is asked only for events dated near them; the connected component of
linked events around the new ones is collected and merged again, and the
incidents it replaces are dropped. Events outside that component cannot be
affected, so the stored incidents always equal a merge of everything at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.incidents.match import UNDATED_WINDOW_DAYS
from frontlines.incidents.merge import ReportedEvent, linked, merge_incidents
from frontlines.records import Event, from_dict


@dataclass(frozen=True, slots=True)
class UpdateReport:
    """What one update changed."""

    events: int  # events of the given articles
    component: int  # events re-merged (the new ones and everything linked to them)
    incidents_removed: int
    incidents_saved: int
    control_changes: int


def reported_events(rows: Sequence[dict[str, Any]]) -> list[ReportedEvent]:
    """Store rows (see ``Store.reported_event_rows``) to :class:`ReportedEvent` records."""
    out = []
    for r in rows:
        published = r["published"]
        if isinstance(published, str):
            published = dt.date.fromisoformat(published[:10])
        out.append(ReportedEvent(key=r["key"], article_id=r["article_id"], source=r["source"],
                                 published=published, event=from_dict(Event, r["data"])))
    return out


def collect_component(store: Any, seeds: Sequence[ReportedEvent]) -> dict[str, ReportedEvent]:
    """Every stored event linked, directly or through others, to one of the seeds."""
    found: dict[str, ReportedEvent] = {s.key: s for s in seeds}
    frontier = list(seeds)
    while frontier:
        dated = [f for f in frontier if f.interval is not None]
        frontier = []
        if not dated:
            break
        lo = min(f.interval.start for f in dated)  # type: ignore[union-attr]
        hi = max(f.interval.end for f in dated)  # type: ignore[union-attr]
        rows = store.reported_event_rows(window=(lo, hi), undated_lag_days=UNDATED_WINDOW_DAYS)
        for cand in reported_events([r for r in rows if r["key"] not in found]):
            if any(linked(cand, f) for f in dated):
                found[cand.key] = cand
                frontier.append(cand)
    return found


def update_incidents(store: Any, article_ids: Sequence[str]) -> UpdateReport:
    """Re-merge the incidents that the events of these (newly processed) articles touch."""
    new = reported_events(store.reported_event_rows(article_ids=list(article_ids)))
    # Incidents that lost a member (its article was processed again) are re-merged too.
    orphans = store.orphan_incident_ids()
    orphan_keys = store.incident_event_keys(orphans)
    survivors = reported_events(store.reported_event_rows(keys=orphan_keys)) if orphan_keys else []
    component = collect_component(store, [*new, *survivors])
    incidents = merge_incidents(component.values())
    stale = sorted(set(orphans) | set(store.incident_ids_for_events(list(component))))
    store.replace_incidents(stale, incidents)
    return UpdateReport(events=len(new), component=len(component), incidents_removed=len(stale),
                        incidents_saved=len(incidents), control_changes=0)


def rebuild_incidents(store: Any) -> UpdateReport:
    """Merge every stored event from scratch (the reference the incremental path must equal)."""
    everything = reported_events(store.reported_event_rows())
    incidents = merge_incidents(everything)
    old = store.incident_ids()
    store.replace_incidents(old, incidents)
    return UpdateReport(events=len(everything), component=len(everything), incidents_removed=len(old),
                        incidents_saved=len(incidents), control_changes=0)


def update_after_run(store: Any, article_ids: Sequence[str]) -> UpdateReport:
    """After a run saved these articles' extractions: update incidents and control changes."""
    from frontlines.control.update import update_control

    report = update_incidents(store, article_ids)
    n = update_control(store, article_ids)
    return UpdateReport(events=report.events, component=report.component,
                        incidents_removed=report.incidents_removed, incidents_saved=report.incidents_saved,
                        control_changes=n)
