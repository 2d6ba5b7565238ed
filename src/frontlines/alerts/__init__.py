"""Alerts: saved filters over new incidents and control changes, each match sent once (issue 18 item 3).

:mod:`~frontlines.alerts.match` decides, as pure functions over typed records,
whether an incident or a control change matches an alert and whether it is new
to it; :mod:`~frontlines.alerts.deliver` sends one JSON object to stdout, a file
or a webhook; :mod:`~frontlines.alerts.notify` is the one place that runs them,
as the last part of the Runner's after-run step (every path that processes
articles builds its Runner with :func:`alerting_runner`).
"""

from frontlines.alerts.define import define_alert, parse_bbox, resolve_place
from frontlines.alerts.deliver import DeliveryOptions, Outcome, check_sink, deliver
from frontlines.alerts.match import AlertItem, matches, what_changed
from frontlines.alerts.notify import alert_step, alerting_runner, notify

__all__ = ["AlertItem", "DeliveryOptions", "Outcome", "alert_step", "alerting_runner", "check_sink", "define_alert", "deliver",
           "matches", "notify", "parse_bbox", "resolve_place",
           "what_changed"]
