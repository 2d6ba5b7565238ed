"""Who "the occupiers" are: the registry's occupier of the land their deed was done in (events.occupiers).
Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "occupiers", dt.date(2025, 1, 8))


# (text, trigger, the doer's side): a governor's post naming no country near the doer
CASES = [
    ("The occupiers hit the centre of Dobropillia with two ballistic missiles tonight.", "hit", "RUS"),
    ("The invaders shelled Huliaipole 4 times with multiple rocket launchers.", "shelled", "RUS"),
    # negatives: a land with no occupier in the registry; a doer that is no occupier
    ("The invaders shelled Bamenda 4 times with mortars.", "shelled", None),
    ("Gunmen shelled Huliaipole 4 times with mortars.", "shelled", None),
]


@pytest.mark.parametrize(("text", "trigger", "side"), CASES, ids=[c[0][:45] for c in CASES])
def test_occupiers_are_the_lands_occupier(run, text: str, trigger: str, side: str | None) -> None:  # noqa: ANN001
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    doers = events[trigger].sources
    assert doers, events[trigger]
    assert [a.side for a in doers] == [side], doers

