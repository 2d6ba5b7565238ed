"""Territorial control: per-settlement timelines from control-changing events, and the state on a date."""

from frontlines.control.areas import default_courses, settlements_in_area
from frontlines.control.changes import change_from_event, control_changes, is_control_event
from frontlines.control.geojson import state_geojson
from frontlines.control.timeline import build_timeline, build_timelines, control_on
from frontlines.control.update import state_on, timelines, update_after_run, update_control

__all__ = [
    "build_timeline",
    "build_timelines",
    "change_from_event",
    "control_changes",
    "control_on",
    "default_courses",
    "is_control_event",
    "settlements_in_area",
    "state_geojson",
    "state_on",
    "timelines",
    "update_after_run",
    "update_control",
]
