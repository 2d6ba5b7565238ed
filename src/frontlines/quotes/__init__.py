"""Quotes: direct and indirect quotations and their speakers."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import Quote


def extract_quotes(inp: StageInput) -> tuple[Quote, ...]:
    """Placeholder until the quotes stage lands (issue 6)."""
    return ()


STAGE = Stage(name="quotes.attribution", version="0", writes="quotes", reads=("actors",), run=extract_quotes)
