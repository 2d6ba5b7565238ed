"""Who did it when the sentence does not say (events.doers): the one side an article tells doing its violence.
Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "doers", dt.date(2024, 5, 15))


@pytest.mark.parametrize(("text", "doers"), [
    # the article's attacks are all one armed side's: an attack told without hands (the last told) is that side's
    ("Russian forces shelled Kupiansk on Monday. On Tuesday two guided bombs hit a store in the city, killing six "
     "people.", ["Russian Armed Forces"]),
    # negatives: two sides fighting; a doer of no known side (gunmen) in the story
    ("Sudan's army shelled Omdurman on Monday. The RSF attacked El Obeid. On Tuesday a market in Kosti was bombed.",
     []),
    ("Gunmen attacked a village in Zamfara on Monday. On Tuesday a market in Gusau was attacked, and six people "
     "were killed.", []),
])
def test_an_attack_without_hands_is_the_one_sides(run, text: str, doers: list) -> None:  # noqa: ANN001
    attacks = [e for e in run(text) if e.plover_type == "ASSAULT"]
    assert len(attacks) >= 2, attacks
    assert [a.name for a in attacks[-1].sources] == doers, (attacks[-1].trigger, attacks[-1].sources)


@pytest.mark.parametrize(("text", "side"), [
    # two sides fighting, a Ukrainian city hit from afar by no named hand: the war's other side, Russia
    ("Russian forces shelled Kupiansk on Monday, and Ukrainian forces attacked Russian positions near Bakhmut. "
     "On Tuesday a missile struck a residential building in Kharkiv, killing six people.", "RUS"),
    # a Russian city so hit: Ukraine's
    ("Russian forces shelled Kupiansk on Monday, and Ukrainian forces attacked Russian positions near Bakhmut. "
     "On Tuesday drones struck an apartment building in Belgorod, killing two people.", "UKR"),
    # an occupied land so hit, in a story that names no side: the registered occupier's forces
    ("A missile struck a residential building in Kharkiv on Tuesday, killing six people, the mayor said.", "RUS"),
    # negatives: a bomb planted on the land (either side's); the occupier's own land hit where the story names no
    # forces of the other state (Belgorod; Sderot, rockets from Gaza told with no hand)
    ("Russian forces shelled Kupiansk on Monday, and Ukrainian forces attacked Russian positions near Bakhmut. "
     "On Tuesday a roadside bomb exploded in Kharkiv, killing two people.", None),
    ("Drones struck an apartment building in Belgorod on Tuesday, killing two people, the governor said.", None),
    ("Rockets hit a house in Sderot on Tuesday, wounding two people.", None),
    # negative: a pronoun doer left unresolved is a hand the story names
    ("The regional governor said they had shelled a school in Kharkiv on Tuesday, killing two people.", None),
    # negative: the other side's forces named in the sentence, not as its doer, are what the fire fell on
    ("Russian forces shelled Kupiansk on Monday, and Ukrainian forces attacked Russian positions near Bakhmut. "
     "Under heavy bombardment, Russian soldiers in Kherson were ordered to withdraw on Tuesday.", None),
])
def test_a_land_hit_from_afar_is_the_wars_other_side(run, text: str, side: str | None) -> None:  # noqa: ANN001
    last = [e for e in run(text) if e.plover_type == "ASSAULT"][-1]
    assert [a.side for a in last.sources] == ([side] if side else []), (last.trigger, last.sources)
