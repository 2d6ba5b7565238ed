"""PLOVER types the codebook names outright (type definitions and modes), on project-written sentences:
pardons, regret, repatriation, ratifying, objections, lawsuits, cancelled meetings, and a stopped act
typed by what is stopped (events.coder, refine "halt")."""

from __future__ import annotations

import pytest

from tests.events.conftest import top

CODEBOOK = [
    ("The president pardoned 200 political prisoners on Monday.", "CONCEDE"),
    ("Parliament declared an amnesty for deserters who return by June.", "CONCEDE"),
    ("The government repatriated 300 refugees from the camps.", "RETREAT"),
    ("The senate voted to ratify the border treaty.", "SUPPORT"),
    ("The opposition filed a lawsuit against the electoral commission.", "ACCUSE"),
    ("The ministry strongly disapproved of the embassy's conduct.", "ACCUSE"),
    # stopping an exchange between parties cuts relations; stopping one's own pressure concedes
    ("The government suspended peace talks with the rebels.", "SANCTION"),
    ("The minister cancelled his visit to Moscow.", "SANCTION"),
    ("The authorities suspended the curfew in the northern province.", "CONCEDE"),
    ("The opposition cancelled the planned demonstration in the capital.", "CONCEDE"),
    ("The city council cancelled the parking fees imposed last year.", "CONCEDE"),
    # stopping one's own force ends the fighting (RETREAT); told to come by its party, an offer (AGREE)
    ("The army halted its offensive near the border.", "RETREAT"),
    ("The army said it would halt the bombardment of the town.", "AGREE"),
    ("The union called off the strike after the government raised wages.", "CONCEDE"),
    # negatives: with no act as its object the verb keeps its own type; an organisation's name is no act
    ("The government suspended the newspaper's licence.", "SANCTION"),
    ("Amnesty International said soldiers shelled the camp.", "ASSAULT"),
    # leaving an agreement or talks, or calling envoys home, cuts relations (SANCTION); forces leaving ground retreat
    ("The United States pulled out of the nuclear agreement in 2018.", "SANCTION"),
    ("The opposition withdrew from the talks on Monday.", "SANCTION"),
    ("France withdrew its ambassador from Niger.", "SANCTION"),
    ("Russian troops withdrew from Kherson on Friday.", "RETREAT"),
    ("The army pulled out of the town after heavy fighting.", "RETREAT"),
    ("The rebels withdrew their fighters from the border area.", "RETREAT"),
    ("Officials confirmed the withdrawal of the Wagner Group from the city.", "RETREAT"),
]


@pytest.mark.parametrize(("text", "plover"), CODEBOOK)
def test_codebook_types(run_events, text: str, plover: str) -> None:
    best = top(run_events(text))
    assert best is not None and best.plover_type == plover, [
        (e.plover_type, e.plover_mode, e.trigger, e.confidence) for e in run_events(text)
    ]


def test_suspended_talks_are_no_concession(run_events) -> None:
    events = run_events("The rebels suspended talks with the government after the arrests.")
    assert "CONCEDE" not in {e.plover_type for e in events}


# regret is an apology (CONCEDE) only for the regretter's own act; regret of another's act or of a state of
# affairs is an attitude, no act of the regretter (events.coder.regrets_own_act)
REGRET = [
    ("The army said it regretted its mistake and would compensate the families.", True),
    ("The ministry regretted that its aircraft had struck the school.", True),
    ("The commander regretted having shelled the market.", True),
    ("The UN chief said he deeply regretted the move by Moscow.", False),
    ("The foreign minister regretted the decision of the junta to expel the envoy.", False),
    ("The mayor regretted the loss of life in the flooding.", False),
]


@pytest.mark.parametrize(("text", "own"), REGRET)
def test_regret_is_an_apology_only_for_ones_own_act(run_events, text: str, own: bool) -> None:
    concede = [e for e in run_events(text) if e.plover_type == "CONCEDE"]
    assert bool(concede) is own, [(e.plover_type, e.trigger) for e in run_events(text)]
