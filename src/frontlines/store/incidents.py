"""The store's incidents (events of several articles merged; the merging is in frontlines.incidents)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, and_, delete, func, insert, or_, select, union_all

from frontlines.errors import NotFound
from frontlines.records import Incident, MapIncident
from frontlines.store import schema as t
from frontlines.store.events import event_conditions, halves, view_select
from frontlines.store.filters import IncidentFilter
from frontlines.store.mapping import incident_row, row_incident, row_map_incident
from frontlines.store.sql import chunked, escape_like, in_bbox


def incident_conditions(f: IncidentFilter) -> list[Any]:
    """The WHERE conditions on the incidents table for one filter (its limit and offset aside)."""
    inc, ie = t.incidents, t.incident_events
    conds = []
    if f.since:
        conds.append(inc.c.end >= f.since)
    if f.until:
        conds.append(inc.c.start <= f.until)
    if f.corroboration:
        conds.append(inc.c.corroboration == f.corroboration)
    if f.plover_type:
        conds.append(inc.c.plover_type == f.plover_type.upper())
    if f.bbox:
        conds.append(in_bbox(inc.c.lat, inc.c.lon, f.bbox))
    if f.min_reports > 1:
        counts = select(ie.c.incident_id).group_by(ie.c.incident_id).having(func.count() >= f.min_reports)
        conds.append(inc.c.id.in_(counts))
    if f.members is not None and (event_conditions(f.members) or f.members.review):
        # member events as reviewed (a corrected type matches by its new value, a rejected event not at all)
        keys = union_all(*[select(view_select(src, f.members).subquery().c.key) for src in halves(f.members)])
        matching = select(ie.c.incident_id).where(ie.c.event_key.in_(keys))
        conds.append(inc.c.id.in_(matching))
    return conds


class Incidents:
    """Incidents and their member events; a part of :class:`SqlStore`."""

    engine: Engine

    def incident_ids_for_events(self, keys: Sequence[str]) -> list[str]:
        """Ids of the incidents that hold any of these event keys."""
        if not keys:
            return []
        ie = t.incident_events
        with self.engine.connect() as conn:
            return sorted({r[0] for chunk in chunked(list(keys)) for r in conn.execute(
                select(ie.c.incident_id).where(ie.c.event_key.in_(list(chunk))))})

    def incident_event_keys(self, incident_ids: Sequence[str]) -> list[str]:
        """Member event keys of these incidents."""
        if not incident_ids:
            return []
        ie = t.incident_events
        with self.engine.connect() as conn:
            return sorted({r[0] for chunk in chunked(list(incident_ids)) for r in conn.execute(
                select(ie.c.event_key).where(ie.c.incident_id.in_(list(chunk))))})

    def orphan_incident_ids(self) -> list[str]:
        """Incidents with a member event that is no longer stored (its article was re-processed)
        or that an analyst rejected: both leave the incident, which is then merged again."""
        ie, e, o = t.incident_events, t.events, t.reviewed_events
        gone = or_(~ie.c.event_key.in_(select(e.c.key)),
                   ie.c.event_key.in_(select(o.c.key).where(o.c.verdict == "rejected")))
        q = select(ie.c.incident_id).where(gone).distinct()
        with self.engine.connect() as conn:
            return sorted(r[0] for r in conn.execute(q))

    def replace_incidents(self, remove_ids: Sequence[str], incidents: Sequence[Incident]) -> None:
        """In one transaction: drop these incidents, and store the new ones with their member events."""
        inc, ie = t.incidents, t.incident_events
        keys = [r.event_key for i in incidents for r in i.reports]
        with self.engine.begin() as conn:
            drop = set(remove_ids) | {i.id for i in incidents}
            for chunk in chunked(keys):
                drop |= {r[0] for r in conn.execute(
                    select(ie.c.incident_id).where(ie.c.event_key.in_(list(chunk))))}
            for chunk in chunked(sorted(drop)):
                conn.execute(delete(ie).where(ie.c.incident_id.in_(list(chunk))))
                conn.execute(delete(inc).where(inc.c.id.in_(list(chunk))))
            if incidents:
                # numbered in the order stored, so "what changed since" is a range on an index (store/changes.py)
                last = int(conn.execute(select(func.coalesce(func.max(inc.c.seq), 0))).scalar() or 0)
                conn.execute(insert(inc), [{**incident_row(i), "seq": last + n}
                                           for n, i in enumerate(incidents, start=1)])
                conn.execute(insert(ie), [{"incident_id": i.id, "event_key": r.event_key}
                                          for i in incidents for r in i.reports])

    def list_incidents(self, f: IncidentFilter = IncidentFilter()) -> list[Incident]:
        """Incidents (records), newest first, filtered in SQL (see :class:`IncidentFilter`)."""
        inc = t.incidents
        order = (inc.c.start.desc(), inc.c.id)
        # The page is chosen on the small columns, then its JSON read: sorting the rows with their JSON
        # made SQLite carry every incident's data through the sort (13,000 incidents: 103 -> 35 ms).
        page = select(inc.c.id).where(*incident_conditions(f)).order_by(*order).limit(f.limit).offset(f.offset)
        q = select(inc.c.data).where(inc.c.id.in_(page)).order_by(*order)
        with self.engine.connect() as conn:
            return [row_incident(r.data) for r in conn.execute(q)]

    def map_incidents(self, f: IncidentFilter = IncidentFilter()) -> list[MapIncident]:
        """The located incidents matching ``f`` as the map draws them, newest first like :meth:`list_incidents`.

        Read from the table's columns, the place name inside ``data`` and a count of member events, without
        rebuilding any Incident (its reports, quantity ranges and reasons are for the popup).
        """
        inc, ie = t.incidents, t.incident_events
        reports = select(func.count()).where(ie.c.incident_id == inc.c.id).scalar_subquery()
        location = func.coalesce(inc.c.data[("place", "name")].as_string(), inc.c.data[("place", "text")].as_string())
        q = select(inc.c.id, inc.c.lat, inc.c.lon, inc.c.plover_type, inc.c.start, inc.c.end, inc.c.corroboration,
                   location.label("location"), reports.label("reports"))
        q = (q.where(inc.c.lat.is_not(None), inc.c.lon.is_not(None), *incident_conditions(f))
             .order_by(inc.c.start.desc(), inc.c.id).limit(f.limit).offset(f.offset))
        with self.engine.connect() as conn:
            return [row_map_incident(r) for r in conn.execute(q)]

    def count_incidents(self, f: IncidentFilter = IncidentFilter()) -> int:
        """How many incidents match ``f`` (its limit and offset ignored)."""
        q = select(func.count()).select_from(t.incidents)
        conds = incident_conditions(f)
        if conds:
            q = q.where(and_(*conds))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar() or 0)

    def incident_ids(self) -> list[str]:
        """Every stored incident's id."""
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(t.incidents.c.id))]

    def get_incident(self, incident_id: str) -> Incident:
        """One incident by id or unambiguous id prefix."""
        inc = t.incidents
        with self.engine.connect() as conn:
            rows = conn.execute(select(inc.c.id, inc.c.data).where(
                inc.c.id.like(f"{escape_like(incident_id)}%", escape="\\")).limit(2)).all()
        exact = [r for r in rows if r.id == incident_id]
        if not exact and len(rows) != 1:
            raise NotFound(f"incident {incident_id!r}" + (" (ambiguous prefix)" if rows else ""))
        return row_incident((exact or rows)[0].data)
