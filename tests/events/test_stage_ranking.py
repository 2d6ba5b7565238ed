"""Main-event ranking (Event.confidence) and PLOVER stance rules of the events stage, on short
project-written articles (fast: no gazetteer, hand-built or no earlier-stage records)."""

from __future__ import annotations

import pytest

from frontlines.records import EventStatus
from tests.events.conftest import top

# (title, text, expected PLOVER type of the top event): the headline/lead event first; violent and
# strategic events over verbal ones unless the verbal one is the lead's main verb; realis happened or
# ordered over hypothetical/negated; the headline's own event boosted.
RANKING = [
    (None,
     "Russian troops were ordered to withdraw from the east bank of the river on Tuesday, abandoning "
     "positions held since spring. The regional governor said the situation was calm. "
     "Officials in the capital urged caution.", "RETREAT"),
    (None,
     "Separatist fighters shelled the outskirts of the town overnight, local officials said. "
     "The foreign ministry condemned the attack and called for talks.", "ASSAULT"),
    (None,
     "The foreign minister urged both sides on Monday to return to negotiations. "
     "Residents reported gunfire near the border later in the day.", "REQUEST"),
    (None,
     "Analysts said the army could attack the port city within weeks. "
     "Government troops shelled rebel positions near the airport on Sunday.", "ASSAULT"),
    (None,
     "The president met his French counterpart in Paris on Friday. "
     "The two leaders discussed energy prices. Protesters gathered outside the palace.", "CONSULT"),
    ("Troops pull back from the bridgehead",
     "Troops shelled the village on Monday. Later the troops pulled back from the bridgehead.", "RETREAT"),
    (None,
     "Troops shelled the village on Monday. Later the troops pulled back from the bridgehead.", "ASSAULT"),
]


@pytest.mark.parametrize(("title", "text", "plover"), RANKING)
def test_main_event_ranking(run_events, title: str | None, text: str, plover: str) -> None:
    best = top(run_events(text, title=title))
    assert best is not None and best.plover_type == plover, [
        (e.plover_type, e.trigger, e.confidence) for e in run_events(text, title=title)
    ]


def test_withdrawal_order_outranks_later_urging(run_events) -> None:
    text = ("Russian forces have been given the order to withdraw from the west bank of the river. "
            "The decision was confirmed by the defence ministry. Officials urged caution.")
    events = run_events(text)
    best = top(events)
    assert best is not None and best.plover_type == "RETREAT" and best.status == EventStatus.ORDERED
    urged = [e for e in events if e.trigger == "urged"]
    assert urged and urged[0].confidence < best.confidence


def test_negated_event_ranks_below_happened(run_events) -> None:
    events = run_events("The army did not attack the town. Rebels attacked a checkpoint in the north.")
    attacks = sorted((e for e in events if e.plover_type == "ASSAULT"), key=lambda e: -e.confidence)
    assert attacks and attacks[0].status == EventStatus.HAPPENED


# PLOVER stance: intention to cooperate is AGREE, intention of hostile action is THREATEN, refusing to
# cooperate is REJECT, a stated obligation of another party is REQUEST.
STANCE = [
    ("Syria said it was willing to withdraw its troops from the border area.", "AGREE"),
    ("The government offered to hold talks with the opposition.", "AGREE"),
    ("Norway is ready to send humanitarian aid to the refugees, the minister said.", "AGREE"),
    # a plain "will" keeps the type (its status is planned); only willingness or commitment is AGREE
    ("The two navies will hold a joint exercise along the coast.", "COOPERATE"),
    ("The opposition party said it would boycott the elections.", "THREATEN"),
    ("The farmers said they would blockade the capital next week.", "THREATEN"),
    ("Moscow said that Kyiv must release the detained sailors.", "REQUEST"),
    ("The minister declared that the neighbouring country must drop its trade barriers.", "REQUEST"),
    ("The government said it will not accept any more refugees.", "REJECT"),
    # a party telling its own cooperation to come commits to it (PLOVER: future cooperation is an intention)
    ("The defence ministry said it will send humanitarian aid to the refugees.", "AGREE"),
    ("The prime minister will visit Kyiv next week, his office said.", "AGREE"),
    # negatives: what happened keeps its type
    ("Syria withdrew its troops from the border area on Monday.", "RETREAT"),
    ("Farmers blockaded the capital's ring road on Monday.", "COERCE"),
    ("The two ministers met in Geneva on Friday.", "CONSULT"),
    ("The defence ministry said it sent humanitarian aid to the refugees.", "AID"),
    ("The ministry said its troops will withdraw from the border area.", "RETREAT"),
]


@pytest.mark.parametrize(("text", "plover"), STANCE)
def test_plover_stance(run_events, text: str, plover: str) -> None:
    best = top(run_events(text))
    assert best is not None and best.plover_type == plover, [
        (e.plover_type, e.trigger, e.status.value, e.confidence) for e in run_events(text)
    ]


# The content of another event: an act named inside what another trigger of the sentence says, asks,
# agrees or accuses is what that event is about, not the news itself (events.ranking._content_of_event).
CONTENT = [
    ("The foreign ministry accused the rebels of shelling the village.", "ACCUSE"),
    ("Both armies agreed to stop the shelling of the border towns.", "AGREE"),
    ("The opposition condemned the arrests of students that followed the vote.", "ACCUSE"),
    ("The minister urged the militia on Monday to stop attacking aid convoys.", "REQUEST"),
    ("Local officials said the government promised aid to families whose homes were destroyed by shelling.",
     "AGREE"),
    # negatives: coordinated acts are two pieces of news; an act a plain report tells stays the news
    ("Rebels shelled the village and looted the market.", "ASSAULT"),
    ("The ministry said that rebels shelled the village overnight.", "ASSAULT"),
    ("Troops shelled the village, the governor said, and urged residents to leave.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "plover"), CONTENT)
def test_content_of_another_event_ranks_below_it(run_events, text: str, plover: str) -> None:
    best = top(run_events(text))
    assert best is not None and best.plover_type == plover, [
        (e.plover_type, e.trigger, e.confidence) for e in run_events(text)
    ]


def test_topic_noun_ranks_well_below_the_act_naming_it(run_events) -> None:
    # the attack is what the ministry denounced: the news is the denunciation, the attack its topic
    events = run_events("The ministry denounced the drone attack on the refinery.")
    denounced = [e for e in events if e.plover_type == "ACCUSE"]
    attack = [e for e in events if e.plover_type == "ASSAULT"]
    assert denounced and attack and denounced[0].confidence - attack[0].confidence > 0.2, [
        (e.plover_type, e.trigger, e.confidence) for e in events
    ]
    # negative: told on its own, the attack is the news
    alone = top(run_events("A drone attack hit the refinery on Monday, the ministry said."))
    assert alone is not None and alone.plover_type == "ASSAULT"
