"""A state's armed body telling what its men did (events.own_forces): soldiers named by their kind alone are the
body's nation's. Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "own-forces", dt.date(2020, 2, 20))


# (text, trigger, the doer's side)
CASES = [
    # the body's nation is named: its soldiers are its nation's
    ("Pakistan's army said soldiers had killed five militants in North Waziristan on Monday.", "killed", "PAK"),
    # a body named by its kind alone: the land its men acted in
    ("On Monday the army spokesman said soldiers had killed seven separatist fighters in Bamenda.", "killed", "CMR"),
    ("Soldiers killed seven separatist fighters in Bamenda on Monday, the army said.", "killed", "CMR"),
    # negatives: a speaker who is no armed body; soldiers named as the enemy's; a body with a name of its own that
    # the registry does not know (an armed group's, whose land is not its nation)
    ("Residents said soldiers had killed seven people in Bamenda on Monday.", "killed", None),
    ("The army said enemy soldiers had shelled Bamenda on Monday.", "shelled", None),
    ("The Arakan Army said soldiers had shelled villages near Sittwe on Monday.", "shelled", None),
]


@pytest.mark.parametrize(("text", "trigger", "side"), CASES, ids=[c[0][:45] for c in CASES])
def test_soldiers_by_their_kind_are_the_armed_bodys(run, text: str, trigger: str, side: str | None) -> None:  # noqa: ANN001
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    doers = events[trigger].sources
    assert doers, events[trigger]
    assert [a.side for a in doers] == [side], doers


# (text, source, trigger, the doer's side): forces named with no side in a party's own statement are the party's
PARTY_CASES = [
    ("On 12 June, the Defence Forces liberated Lobkove in the Zaporizhzhia region.", "Ministry of Defence of Ukraine",
     "liberated", "UKR"),
    ("Our units liberated the village of Piatykhatky in the Zaporizhzhia region.", "Ministry of Defence of Ukraine",
     "liberated", "UKR"),
    # negatives: no party's statement; forces named with another's side
    ("On 12 June, the Defence Forces liberated Lobkove in the Zaporizhzhia region.", "Wire service", "liberated", None),
    ("On 12 June, Russian units shelled Lobkove in the Zaporizhzhia region.", "Ministry of Defence of Ukraine",
     "shelled", "RUS"),
]


@pytest.mark.parametrize(("text", "source", "trigger", "side"), PARTY_CASES, ids=[c[0][:40] + c[1][:5] for c in PARTY_CASES])  # noqa: E501
def test_forces_of_no_side_in_a_partys_statement_are_its(run, text: str, source: str, trigger: str,  # noqa: ANN001
                                                         side: str | None) -> None:
    events = {e.trigger: e for e in run(text, source=source)}
    assert trigger in events, sorted(events)
    doers = events[trigger].sources
    assert doers, events[trigger]
    assert [a.side for a in doers] == [side], doers
