"""events.context: an event with no date of its own is told at its paragraph's time."""

from __future__ import annotations

from tests.events.conftest import timev


def test_an_undated_event_takes_its_paragraphs_time(run_events) -> None:
    text = "The truce was signed in the capital on Saturday night. The army said rebels shelled a village near the border."
    events = run_events(text, times=(timev(text, "Saturday night", "2022-11-05"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert later and all(e.time is not None and e.time.value == "2022-11-05" for e in later)


def test_the_time_does_not_cross_a_paragraph(run_events) -> None:
    text = "The truce was signed in the capital on Saturday night.\n\nThe army said rebels shelled a village near the border."
    events = run_events(text, times=(timev(text, "Saturday night", "2022-11-05"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert later and all(e.time is None or e.time.value != "2022-11-05" for e in later)
