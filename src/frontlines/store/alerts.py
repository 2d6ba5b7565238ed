"""The store's alerts: saved filters, each alert's delivered-markers, and the log of deliveries tried.

Matching and delivery are frontlines.alerts; here is only what they read and
write. A marker is claimed (:meth:`Alerts.claim_alert`) in one transaction
before the delivery is tried, so two processes draining the same update, or a
process restarted after a crash, never send the same thing twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontlines.errors import FrontlinesError, NotFound
from frontlines.records import Alert, AlertDelivery
from frontlines.store import schema as t
from frontlines.store.sql import chunked

FILTER_FIELDS = ("bbox", "place", "place_id", "lat", "lon", "radius_km", "plover_type", "actor", "side", "status",
                 "min_killed")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back; they were written in UTC."""
    return value.replace(tzinfo=dt.timezone.utc) if value is not None and value.tzinfo is None else value


def alert_row(alert: Alert) -> dict[str, Any]:
    filters = {name: getattr(alert, name) for name in FILTER_FIELDS if getattr(alert, name) is not None}
    if "bbox" in filters:
        filters["bbox"] = list(filters["bbox"])
    return {"name": alert.name, "sink": alert.sink, "filters": filters, "created_at": alert.created_at or _now()}


def row_alert(r: Any) -> Alert:
    filters = dict(r.filters or {})
    if filters.get("bbox") is not None:
        filters["bbox"] = tuple(float(v) for v in filters["bbox"])
    return Alert(id=int(r.id), name=r.name, sink=r.sink, created_at=_aware(r.created_at), delivered=int(r.delivered),
                 failed=int(r.failed), last_error_code=r.last_error_code, last_error=r.last_error,
                 last_at=_aware(r.last_at), **{k: v for k, v in filters.items() if k in FILTER_FIELDS})


class Alerts:
    """Alerts, their markers and deliveries; a part of :class:`SqlStore`."""

    engine: Engine

    def add_alert(self, alert: Alert) -> Alert:
        """Store a new alert; E907 when one of that name exists. Returns it with its id."""
        try:
            with self.engine.begin() as conn:
                inserted = conn.execute(insert(t.alerts).values(**alert_row(alert))).inserted_primary_key
                new_id = inserted[0] if inserted is not None else None
        except IntegrityError as exc:
            raise FrontlinesError(f"an alert named {alert.name!r} exists", code="E907") from exc
        if new_id is None:
            raise FrontlinesError(f"alert {alert.name!r} was not stored", code="E907")
        return self.get_alert(int(new_id))

    def list_alerts(self) -> list[Alert]:
        with self.engine.connect() as conn:
            return [row_alert(r) for r in conn.execute(select(t.alerts).order_by(t.alerts.c.id))]

    def get_alert(self, alert_id: int) -> Alert:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.alerts).where(t.alerts.c.id == alert_id)).first()
        if row is None:
            raise NotFound(f"alert {alert_id}")
        return row_alert(row)

    def remove_alert(self, alert_id: int) -> bool:
        """Delete an alert with its markers and deliveries; False when there is none with this id."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.alert_marks).where(t.alert_marks.c.alert_id == alert_id))
            conn.execute(delete(t.alert_deliveries).where(t.alert_deliveries.c.alert_id == alert_id))
            return bool(conn.execute(delete(t.alerts).where(t.alerts.c.id == alert_id)).rowcount)

    # -- delivered-markers ------------------------------------------------------------------------
    def alert_marks(self, alert_id: int, subjects: Sequence[str]) -> dict[str, str]:
        """The fingerprint each of these subjects was last sent with by this alert (absent: never sent)."""
        m = t.alert_marks
        out: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunked(sorted(set(subjects))):
                q = select(m.c.subject, m.c.fingerprint).where(m.c.alert_id == alert_id, m.c.subject.in_(list(chunk)))
                out.update((r.subject, r.fingerprint) for r in conn.execute(q))
        return out

    def claim_alert(self, alert_id: int, subjects: Sequence[str], fingerprint: str,
                    previous: str | None = None) -> bool:
        """Mark these subjects as sent by this alert in this state, if nobody did since they were read.

        ``previous`` None: none of them may be marked yet (a new thing); else the marked ones must still
        carry ``previous`` (a change). True when this caller won the claim and should deliver.
        """
        m = t.alert_marks
        now = _now()
        subjects = sorted(set(subjects))
        try:
            with self.engine.begin() as conn:
                if previous is not None:
                    claimed = conn.execute(update(m).where(
                        m.c.alert_id == alert_id, m.c.subject.in_(subjects), m.c.fingerprint == previous,
                    ).values(fingerprint=fingerprint, at=now)).rowcount
                    if not claimed:
                        return False
                    marked = {r.subject for chunk in chunked(subjects) for r in conn.execute(
                        select(m.c.subject).where(m.c.alert_id == alert_id, m.c.subject.in_(list(chunk))))}
                    subjects = [s for s in subjects if s not in marked]
                if subjects:
                    conn.execute(insert(m), [{"alert_id": alert_id, "subject": s, "fingerprint": fingerprint,
                                              "at": now} for s in subjects])
            return True
        except IntegrityError:  # another process marked one of them first: it delivers
            return False

    # -- deliveries ----------------------------------------------------------------------------------
    def record_alert_delivery(self, delivery: AlertDelivery) -> None:
        """Log a delivery tried and count it on its alert (a failure keeps its code as the alert's last)."""
        sent = delivery.state == "sent"
        a = t.alerts
        values: dict[str, Any] = {"last_at": delivery.at}
        if sent:
            values["delivered"] = a.c.delivered + 1
        else:
            values.update(failed=a.c.failed + 1, last_error_code=delivery.error_code, last_error=delivery.error)
        with self.engine.begin() as conn:
            conn.execute(insert(t.alert_deliveries).values(
                alert_id=delivery.alert_id, subject=delivery.subject[:80], change=delivery.change,
                state=delivery.state, tries=delivery.tries, error_code=delivery.error_code, error=delivery.error,
                at=delivery.at))
            conn.execute(update(a).where(a.c.id == delivery.alert_id).values(**values))

    def list_alert_deliveries(self, alert_id: int, limit: int = 100) -> list[AlertDelivery]:
        """An alert's deliveries, newest first."""
        d = t.alert_deliveries
        q = select(d).where(d.c.alert_id == alert_id).order_by(d.c.id.desc()).limit(limit)
        with self.engine.connect() as conn:
            return [AlertDelivery(alert_id=r.alert_id, subject=r.subject, change=r.change, state=r.state,
                                  tries=r.tries, at=_aware(r.at) or _now(), error_code=r.error_code, error=r.error)
                    for r in conn.execute(q)]
