"""Events: typing, roles, realis, and links to place, time and quantities."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import Event


def extract_events(inp: StageInput) -> tuple[Event, ...]:
    """Placeholder until the events stage lands (issue 7)."""
    return ()


STAGE = Stage(
    name="events.coder",
    version="0",
    writes="events",
    reads=("places", "times", "quantities", "actors", "quotes"),
    run=extract_events,
)
