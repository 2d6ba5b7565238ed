"""Quantities: numbers tied to what they count."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import Quantity


def extract_quantities(inp: StageInput) -> tuple[Quantity, ...]:
    """Placeholder until the quantities stage lands (issue 7)."""
    return ()


STAGE = Stage(name="quantities.numbers", version="0", writes="quantities", reads=(), run=extract_quantities)
