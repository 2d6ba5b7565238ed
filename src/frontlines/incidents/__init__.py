"""Incidents: events from different articles that describe the same happening, merged with their sources.

``merge_incidents`` is the pure merge over records; ``update_after_run`` keeps the
store's incidents and control changes current after ``frontlines run``.
"""

from frontlines.incidents.merge import ReportedEvent, build_incident, merge_incidents
from frontlines.incidents.score import pairwise_scores
from frontlines.incidents.update import rebuild_incidents, update_after_run, update_incidents

__all__ = [
    "ReportedEvent",
    "build_incident",
    "merge_incidents",
    "pairwise_scores",
    "rebuild_incidents",
    "update_after_run",
    "update_incidents",
]
