"""Time: temporal expressions normalised against the publication date."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import TimeValue


def extract_times(inp: StageInput) -> tuple[TimeValue, ...]:
    """Placeholder until the time stage lands (issue 5)."""
    return ()


STAGE = Stage(name="time.timex", version="0", writes="times", reads=(), run=extract_times)
