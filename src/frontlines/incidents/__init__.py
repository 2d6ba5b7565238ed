"""Incidents: events from different articles that describe the same happening, merged with their sources.

``merge_incidents`` is the pure merge over records; ``update_incidents`` keeps the
store's incidents current (``frontlines.control.update_after_run`` runs it, then control,
after ``frontlines run``).
"""

from frontlines.incidents.merge import ReportedEvent, build_incident, merge_incidents
from frontlines.incidents.score import pairwise_scores
from frontlines.incidents.update import rebuild_incidents, update_incidents

__all__ = [
    "ReportedEvent",
    "build_incident",
    "merge_incidents",
    "pairwise_scores",
    "rebuild_incidents",
    "update_incidents",
]
