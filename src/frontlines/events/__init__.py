"""Events: typing, roles, realis, and links to place, time and quantities."""

from frontlines.events.lexicon import LEXICON_KEY, load_event_lexicon
from frontlines.events.stage import NAME, VERSION, extract_events
from frontlines.pipeline import Stage

STAGE = Stage(
    name=NAME,
    version=VERSION,
    writes="events",
    reads=("places", "times", "quantities", "actors", "quotes"),
    run=extract_events,
)

__all__ = ["LEXICON_KEY", "STAGE", "extract_events", "load_event_lexicon"]
