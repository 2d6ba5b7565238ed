"""events.merge across sentences: one happening told twice is one event (table tests with the
cases that must stay apart)."""

from __future__ import annotations

from tests.events.conftest import timev


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


def test_a_lead_that_sums_up_the_body_is_the_body_event(run_events) -> None:
    text = ("The death toll from yesterday's strike on the market has risen to nine. "
            "Two missiles hit the market at noon on Saturday.")
    events = _assaults(run_events(text, times=(timev(text, "yesterday", "2022-11-08"),
                                                timev(text, "noon on Saturday", "2022-11-08"))))
    assert len(events) == 1 and events[0].evidence.text.startswith("Two missiles"), [e.trigger for e in events]


def test_a_lead_told_in_full_keeps_the_event(run_events) -> None:
    text = ("The agency condemned the attack carried out by a gang on Thursday in the town. "
            "Gang members attacked residents at dawn.")
    events = _assaults(run_events(text, times=(timev(text, "Thursday", "2022-11-03"),)))
    assert len(events) == 1 and events[0].trigger.startswith("attack carried") or events[0].trigger == "attack", \
        [e.trigger for e in events]


def test_a_definite_mention_of_another_day_stays_apart(run_events) -> None:
    text = ("Missiles struck the port on Wednesday. "
            "Officials called it retaliation for Monday's attack on the bridge.")
    events = _assaults(run_events(text, times=(timev(text, "Wednesday", "2022-11-09"),
                                                timev(text, "Monday", "2022-11-07"))))
    assert len(events) == 2, [e.trigger for e in events]


def test_a_casualty_clause_is_the_toll_of_the_attack_before_it(run_events) -> None:
    text = ("Shells landed in the camp on Friday morning, where thousands who fled the fighting live. "
            "According to local officials, at least 20 people were killed.")
    events = _assaults(run_events(text))
    shells = next(e for e in events if e.trigger == "Shells")
    assert any(q.kind == "killed" for q in shells.quantities), [(e.trigger, e.quantities) for e in events]
    assert not any(e.trigger == "killed" for e in events)


def test_a_casualty_clause_with_its_own_attack_stays_its_own(run_events) -> None:
    text = "Shells landed in the camp on Friday. On Sunday, gunmen killed three farmers near the river."
    assert len(_assaults(run_events(text))) == 2
