"""events.retellings: a lead that sums up a deed the body tells again is that body event, and a speech act's
terms told as a mention of its own type are that act (table tests with the cases that stay two)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.events.retellings import _below, merge_lead_retold
from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run_wire(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "retellings", dt.date(2025, 11, 21))


# The lead's day is the report's ("officials said on Friday"); the body tells the strike with its own day.
LEAD_TOLL = ("KYIV, Nov 21 (Wire) - The death toll from a Russian missile strike on an apartment building in Rivne rose "
             "to 20, regional officials said on Friday.\n\nA Russian missile hit the nine-storey block in Rivne before "
             "dawn on Wednesday.")


def test_a_lead_summing_up_the_bodys_strike_is_that_strike(run_wire: RunArticle) -> None:
    strikes = [e for e in run_wire(LEAD_TOLL) if e.plover_type == "ASSAULT"]
    assert len(strikes) == 1, [(e.trigger, e.time) for e in strikes]
    assert strikes[0].time is not None and strikes[0].time.value == "2025-11-19"  # the body's day, not the report's


def test_a_lead_naming_ground_retaken_is_the_bodys_retaking(pipeline_resources: Resources) -> None:
    run = article_runner(pipeline_resources, "retellings-ground", dt.date(2023, 8, 9))
    text = ("ADDIS ABABA, Aug 9 (Reuters) - Ethiopia's military said on Wednesday it had driven fighters of the "
            "militia out of Gondar and several other towns.\n\nTwo residents of Gondar said soldiers had retaken "
            "the town on Tuesday evening without a fight.")
    taken = [e for e in run(text) if e.acled_sub_event_type == "Government regains territory"]
    assert len(taken) == 1, [(e.trigger, e.time) for e in taken]


# Two happenings: another town; a day told in the lead mention's own clause ("hit ... on Friday"); a body day more
# than REPORT_LAG_DAYS before the report's.
APART = [
    LEAD_TOLL.replace("building in Rivne", "building in Lutsk").replace("hit the nine-storey", "hit a nine-storey"),
    "KYIV, Nov 21 (Wire) - A Russian missile hit an apartment building in Rivne on Friday, regional officials "
    "said.\n\nA Russian missile hit a school in Rivne before dawn on Wednesday.",
    LEAD_TOLL.replace("hit the nine-storey block", "hit a school").replace("on Wednesday", "on 10 November"),
]


@pytest.mark.parametrize("text", APART, ids=["other-town", "own-day", "too-long-before"])
def test_a_lead_telling_another_happening_stays_apart(run_wire: RunArticle, text: str) -> None:
    strikes = [e for e in run_wire(text) if e.plover_type == "ASSAULT"]
    assert len(strikes) == 2, [(e.trigger, e.time) for e in strikes]


def test_no_drafts_no_lead() -> None:
    merge_lead_retold([], 0)  # an article with no mention at all: nothing to do, nothing raised


def test_an_agreements_terms_are_that_agreement(run_wire: RunArticle) -> None:
    text = "The council said it had agreed with the prime minister that the commander would be handed over to a neutral party."
    agreements = [e for e in run_wire(text) if e.plover_type == "AGREE"]
    assert len(agreements) == 1, [(e.trigger, e.status) for e in agreements]
    assert agreements[0].status.value != "planned"  # the act keeps its own telling


# (sentence, word below, governor, whether the word is the governor's terms)
BELOW = [
    ("The delegations signed a declaration, committing to protect civilians.", "committing", "signed", True),
    ("The council agreed that the commander would be handed over.", "handed", "agreed", True),
    ("The parties signed a deal that would hand over the port.", "hand", "signed", False),  # a relative clause
    ("Under a ceasefire brokered in September, the rebels agreed to disarm.", "ceasefire", "agreed", False),  # a setting
    ("The rebels agreed to disarm.", "agreed", "disarm", False),  # the governor is not below its own terms
]


@pytest.mark.parametrize(("text", "word", "governor", "expected"), BELOW,
                         ids=["participle", "that-clause", "relative", "setting", "upwards"])
def test_terms_hang_on_the_act_by_a_clause_it_takes(nlp: Any, text: str, word: str, governor: str,
                                                     expected: bool) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    gov = next(t for t in doc if t.text == governor)
    assert _below(tok, gov) is expected, [(t.text, t.dep_, t.head.text) for t in doc]


# A sentence naming itself a toll, paragraphs after the attack it counts: the attack's latest count, not an event.
BEFORE_TOLL = ("On Friday, gunmen attacked the mosque of the village of Kobe during prayers, the ministry said.\n\n"
               "The army sent reinforcements to the area.\n\nSchools in the district were closed.\n\n")
NAMED_TOLLS = [("The toll in Kobe has risen to 11 killed.", 11), ("The death toll has risen to 31 killed.", 31)]


@pytest.mark.parametrize(("toll", "killed"), NAMED_TOLLS, ids=["toll-in-place", "death-toll"])
def test_a_sentence_naming_itself_a_toll_counts_the_attack(run_wire: RunArticle, toll: str, killed: int) -> None:
    attacks = [e for e in run_wire(BEFORE_TOLL + toll) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 1, [(e.trigger, e.quantities) for e in attacks]
    assert [q.value for q in attacks[0].quantities if q.kind == "killed"] == [killed]


@pytest.mark.parametrize("toll", [
    "Police said 11 people had been killed.",  # no toll named: too far for an unnamed count
    "The toll has risen to 11 killed by soldiers in Tera.",  # a doer of its own
], ids=["unnamed", "own-doer"])
def test_a_count_that_names_no_toll_stays_apart(run_wire: RunArticle, toll: str) -> None:
    attacks = [e for e in run_wire(BEFORE_TOLL + toll) if e.plover_type == "ASSAULT"]
    assert len(attacks) == 2, [(e.trigger, e.quantities) for e in attacks]
