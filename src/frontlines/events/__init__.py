"""Events: typing, roles, realis, and links to place, time and quantities."""

from frontlines.events.lexicon import load_event_lexicon
from frontlines.events.stage import DATA_FILES, NAME, VERSION, extract_events
from frontlines.stages import Stage

STAGE = Stage(
    name=NAME,
    code_version=VERSION,
    writes="events",
    reads=("places", "times", "quantities", "actors", "quotes"),
    run=extract_events,
    data_files=DATA_FILES,
)

__all__ = ["STAGE", "extract_events", "load_event_lexicon"]
