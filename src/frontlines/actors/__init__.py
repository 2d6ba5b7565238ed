"""Actors: people, forces, governments, groups and outlets."""

from frontlines.pipeline import Stage, StageInput
from frontlines.records import Actor


def extract_actors(inp: StageInput) -> tuple[Actor, ...]:
    """Placeholder until the actors stage lands (issue 6)."""
    return ()


STAGE = Stage(name="actors.mentions", version="0", writes="actors", reads=("places",), run=extract_actors)
