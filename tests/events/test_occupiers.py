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



# (text, trigger, the doer's side or None for no doer): "the enemy" as the occupied side's teller names it
ENEMY_CASES = [
    ("The enemy killed nine civilians in the Donetsk region in a day.", "killed", "RUS"),
    # negatives: a story naming the occupier's own side (its teller's enemy is the land's state); a land with no
    # occupier in the registry; no "enemy" at all
    ("Russian forces advanced near Pokrovsk. The enemy killed two civilians in Kostiantynivka.", "killed", None),
    ("The enemy killed two civilians in Bamenda overnight.", "killed", None),
    ("Two civilians were killed in the Donetsk region overnight.", "killed", None),
]


@pytest.mark.parametrize(("text", "trigger", "side"), ENEMY_CASES, ids=[c[0][:45] for c in ENEMY_CASES])
def test_the_enemy_is_the_lands_occupier(run, text: str, trigger: str, side: str | None) -> None:  # noqa: ANN001
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    assert [a.side for a in events[trigger].sources] == ([side] if side else []), events[trigger].sources
