"""events.plans: the content of a plan, a threat or a call named by a noun is no event of its own unless the plan
is told being made; one told being made, and a verb's own infinitive, keep their event."""

from __future__ import annotations

import pytest

DROPPED = [
    # (text, trigger word that must give no event)
    # a plan named in passing: in a phrase of another noun, or the subject of what befell it
    ("The fighting erupted on Saturday morning after weeks of tension over a plan to merge the RSF into the army.",
     "merge"),
    ("Efforts to negotiate the release of the hostages have stalled.", "negotiate"),
    ("Efforts to negotiate the release of the hostages have stalled.", "release"),
    ("The plan to annex the region has caused anger across Europe.", "annex"),
    # told by the noun's own event: one event, the noun's
    ("Shipowners were reassessing the risks on Wednesday after a threat by President Vladimir Putin to sever "
     "Ukraine's access to the sea.", "sever"),
    # what a plan would bring about
    ("U.S. Army Secretary Dan Driscoll met President Volodymyr Zelenskiy in Kyiv on Thursday to present a U.S. plan "
     "to end the war, which would require Ukraine to give up territory in the east.", "give up"),
]

KEPT = [
    # (text, trigger word that must give an event): a plan told being made keeps its content
    ("Russia announced plans on Monday to send more troops to the border.", "send"),
    ("A plan to send 500 troops to the city was approved by parliament on Tuesday.", "send"),
    ("Russia unveiled a plan on Monday to annex four regions of Ukraine.", "annex"),
    # the noun's own event stays when its content goes
    ("Shipowners were reassessing the risks on Wednesday after a threat by President Vladimir Putin to sever "
     "Ukraine's access to the sea.", "threat"),
    ("U.S. Army Secretary Dan Driscoll met President Volodymyr Zelenskiy in Kyiv on Thursday to present a U.S. plan "
     "to end the war, which would require Ukraine to give up territory in the east.", "met"),
    # a verb's infinitive and a purpose are read by events.realis, not here
    ("The rebels vowed on Monday to retake the town.", "vowed"),
    ("The army launched an offensive on Monday to retake the city.", "offensive"),
    # a modal relative clause of a noun that is no plan
    ("Rebels seized the town on Monday, a move that would cut the army's supply line.", "seized"),
]


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_content_of_a_plan_named_in_passing_gives_no_event(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert all(not t.startswith(trigger) for t in triggers), triggers


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_plan_told_being_made_stays(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert any(t.startswith(trigger) for t in triggers), triggers
