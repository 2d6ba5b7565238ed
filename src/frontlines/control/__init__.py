"""Territorial control: per-settlement timelines from control-changing events, and the state on a date."""

from frontlines.control.areas import default_courses, settlements_in_area
from frontlines.control.changes import change_from_event, control_changes, is_control_event
from frontlines.control.geojson import change_json, state_geojson
from frontlines.control.timeline import build_timeline, build_timelines, change_id, control_on, settlement_key
from frontlines.control.update import (change_dates, find_change, state_on, timeline_of, timelines, update_after_run,
                                       update_control)

__all__ = [
    "build_timeline",
    "build_timelines",
    "change_dates",
    "change_from_event",
    "change_id",
    "change_json",
    "control_changes",
    "control_on",
    "default_courses",
    "find_change",
    "is_control_event",
    "settlement_key",
    "settlements_in_area",
    "state_geojson",
    "state_on",
    "timeline_of",
    "timelines",
    "update_after_run",
    "update_control",
]
