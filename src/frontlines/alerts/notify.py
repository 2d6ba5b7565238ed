"""The one place alerts run: after the Runner's after-run step has merged a step's articles into
incidents and control, every alert is matched against what those articles touched, and each match
that is new to its alert is marked, then sent.

Every path that processes articles (``frontlines run``, ``watch`` and ``serve --watch``, posts to the
API, the recovery at start-up) builds its Runner with :func:`alerting_runner`, so all of them alert.
The step runs before the articles leave the update queue: a process killed before its alerts went
out sends them when the queue is drained again; one killed after marking but before sending never
sends that one twice (a marker is written before its delivery: at most once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from frontlines.alerts.deliver import DeliveryOptions, deliver
from frontlines.alerts.match import AlertItem, control_items, incident_item, matches, what_changed
from frontlines.errors import FrontlinesError
from frontlines.records import Alert, AlertDelivery
from frontlines.runner import Engine, Runner

if TYPE_CHECKING:
    from frontlines.store.protocol import Store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def collect_items(store: Store, article_ids: Sequence[str]) -> list[AlertItem]:
    """The incidents holding any event of these articles, and the control changes they report."""
    keys = [e.key for e in store.read_events(article_ids=list(article_ids))]
    items: list[AlertItem] = []
    for incident_id in store.incident_ids_for_events(keys):
        try:
            incident = store.get_incident(incident_id)
        except FrontlinesError:  # merged again by another process since it was listed
            continue
        members = store.read_events(keys=[r.event_key for r in incident.reports])
        items.append(incident_item(incident, members))
    items.extend(control_items([c for _, c in store.control_changes_for_articles(article_ids)]))
    return items


def alert_object(alert: Alert, item: AlertItem, change: str) -> dict[str, Any]:
    """The JSON object one delivery sends."""
    return {"alert": {"id": alert.id, "name": alert.name}, "change": change, "kind": item.kind,
            "subject": item.subject, "sent_at": _now().isoformat(timespec="seconds"), item.kind: item.record}


def notify(store: Store, article_ids: Sequence[str], options: DeliveryOptions, *,
           stream: TextIO | None = None) -> int:
    """Send every alert's new matches among what these articles touched; returns how many were sent.

    A failed delivery is recorded on its alert with its code (``frontlines alerts list``); nothing
    here raises for a sink that fails.
    """
    alerts = store.list_alerts()
    if not alerts or not article_ids:
        return 0
    sent = 0
    for item in collect_items(store, article_ids):
        for alert in alerts:
            if alert.id is None or not matches(alert, item):
                continue
            decision = what_changed(item, store.alert_marks(alert.id, item.marks))
            if decision is None:
                continue
            change, previous = decision
            if not store.claim_alert(alert.id, item.marks, item.fingerprint, previous):
                continue  # another process sends it
            outcome = deliver(alert.sink, alert_object(alert, item, change), options, stream=stream)
            store.record_alert_delivery(AlertDelivery(
                alert_id=alert.id, subject=item.subject, change=change, state="sent" if outcome.ok else "failed",
                tries=outcome.tries, at=_now(), error_code=outcome.code, error=outcome.message))
            sent += outcome.ok
    return sent


def alert_step(store: Store, settings: Any, *, stream: TextIO | None = None) -> Callable[[Sequence[str]], int]:
    """The Runner's ``after_step`` hook that sends alerts (see :func:`notify`)."""
    options = DeliveryOptions.from_settings(settings)
    return lambda article_ids: notify(store, article_ids, options, stream=stream)


def alerting_runner(store: Store, engine: Engine | None, settings: Any, **kw: Any) -> Runner:
    """A Runner whose after-run step ends with the alerts: what every path that processes articles uses."""
    return Runner(store, engine, after_step=alert_step(store, settings), **kw)
