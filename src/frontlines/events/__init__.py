"""Events: typing, roles, realis, and links to place, time and quantities."""

from frontlines.events.lexicon import load_event_lexicon
from frontlines.events.stage import NAME, VERSION, extract_events
from frontlines.stages import Stage, data_file

STAGE = Stage(
    name=NAME,
    code_version=VERSION,
    writes="events",
    reads=("places", "times", "quantities", "actors", "quotes"),
    run=extract_events,
    # the event lexicon; the actor registry (own statements); the places resolved for one span
    data_files=(data_file("events"), data_file("actors"), data_file("places")),
)

__all__ = ["STAGE", "extract_events", "load_event_lexicon"]
