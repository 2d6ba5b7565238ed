"""Places: toponym recognition and resolution against the built-in gazetteer."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import Place


def extract_places(inp: StageInput) -> tuple[Place, ...]:
    """Placeholder until the geo stage lands (issue 4)."""
    return ()


STAGE = Stage(name="geo.places", version="0", writes="places", reads=(), run=extract_places)
