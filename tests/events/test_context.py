"""events.context: an event with no date of its own is told at its paragraph's time."""

from __future__ import annotations

import datetime as dt

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


def test_a_past_event_does_not_take_a_time_still_to_come(run_events) -> None:
    # published Wednesday 26 June 2024; Thursday is the day after
    text = ('Activists called for protesters to occupy State House on Thursday. The President warned that anyone '
            'who attacks public institutions will be dealt with firmly.')
    events = run_events(text, times=(timev(text, "Thursday", "2024-06-27"),), published=dt.date(2024, 6, 26))
    later = [e for e in events if e.evidence.text.startswith("The President")]
    assert later and all(e.time is None or e.time.value != "2024-06-27" for e in later)


def test_a_past_time_of_the_paragraph_is_still_taken(run_events) -> None:
    # negative: the same paragraph with a day before publication lends it
    text = ('Protesters occupied State House on Tuesday. The President warned that anyone who attacks public '
            'institutions will be dealt with firmly.')
    events = run_events(text, times=(timev(text, "Tuesday", "2024-06-25"),), published=dt.date(2024, 6, 26))
    later = [e for e in events if e.evidence.text.startswith("The President")]
    assert later and all(e.time is not None and e.time.value == "2024-06-25" for e in later)


_TALKS = "Peace talks between the army and the rebels were held in Kunming on Thursday.\n\n"


def test_an_event_at_a_happening_told_before_takes_its_time(run_events) -> None:
    text = _TALKS + "At the talks, both sides agreed to an immediate ceasefire."
    events = run_events(text, times=(timev(text, "Thursday", "2024-01-11"),))
    later = [e for e in events if e.evidence.text.startswith("At the talks")]
    assert later and all(e.time is not None and e.time.value == "2024-01-11" for e in later)


def test_an_event_after_a_happening_does_not_take_its_time(run_events) -> None:
    # negative: "after the talks" is not when the talks were
    text = _TALKS + "After the talks, both sides agreed to an immediate ceasefire."
    events = run_events(text, times=(timev(text, "Thursday", "2024-01-11"),))
    later = [e for e in events if e.evidence.text.startswith("After the talks")]
    assert later and all(e.time is None or e.time.value != "2024-01-11" for e in later)


def test_a_happening_not_told_before_lends_no_time(run_events) -> None:
    # negative: no earlier event is the talks named
    text = ("The army shelled a village near the border on Thursday.\n\n"
            "At the talks, both sides agreed to an immediate ceasefire.")
    events = run_events(text, times=(timev(text, "Thursday", "2024-01-11"),))
    later = [e for e in events if e.evidence.text.startswith("At the talks")]
    assert later and all(e.time is None or e.time.value != "2024-01-11" for e in later)


_CALL = "The president again called on partners to supply two more air defence systems."


def test_an_undated_event_takes_the_day_its_paragraph_names_after_it(run_events) -> None:
    text = _CALL + ' "This strike would not have happened," he wrote on Saturday night.'
    events = run_events(text, times=(timev(text, "Saturday night", "2022-11-05"),))
    first = [e for e in events if e.evidence.text.startswith("The president")]
    assert first and all(e.time is not None and e.time.value == "2022-11-05" for e in first)


def test_a_day_named_in_the_next_paragraph_is_not_taken(run_events) -> None:
    # negative: a paragraph break between them
    text = _CALL + '\n\n"This strike would not have happened," he wrote on Saturday night.'
    events = run_events(text, times=(timev(text, "Saturday night", "2022-11-05"),))
    first = [e for e in events if e.evidence.text.startswith("The president")]
    assert first and all(e.time is None or e.time.value != "2022-11-05" for e in first)


def test_a_month_named_after_is_not_taken(run_events) -> None:
    # negative: only a day (or a time of day) is the paragraph's
    text = _CALL + " The systems were promised in May."
    events = run_events(text, times=(timev(text, "May", "2022-05"),))
    first = [e for e in events if e.evidence.text.startswith("The president")]
    assert first and all(e.time is None or e.time.value != "2022-05" for e in first)


# published Wednesday 9 November 2022; Tuesday is the day before
_RAID = "Rebels attacked an army post near the border on Tuesday.\n\n"


def test_an_undated_act_happened_on_the_storys_day(run_events) -> None:
    text = _RAID + "Militants also burned a market in the town."
    events = run_events(text, times=(timev(text, "Tuesday", "2022-11-08"),))
    later = [e for e in events if e.evidence.text.startswith("Militants")]
    assert later and all(e.time is not None and e.time.value == "2022-11-08" for e in later)


def test_a_statement_is_not_moved_to_the_storys_day(run_events) -> None:
    # negative: words are dated by the report, not by the story
    text = _RAID + "The governor accused the rebels of targeting civilians."
    events = run_events(text, times=(timev(text, "Tuesday", "2022-11-08"),))
    later = [e for e in events if e.evidence.text.startswith("The governor")]
    assert later and all(e.time is None or e.time.value != "2022-11-08" for e in later)


def test_an_act_going_on_is_not_moved_to_the_storys_day(run_events) -> None:
    # negative: the progressive is said of the time of the report
    text = _RAID + "The army said heavy fighting was going on in the town."
    events = run_events(text, times=(timev(text, "Tuesday", "2022-11-08"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert all(e.time is None or e.time.value != "2022-11-08" for e in later)


def test_a_story_day_two_days_before_publication_is_not_taken(run_events) -> None:
    # negative: only the day before publication
    text = "Rebels attacked an army post near the border on Monday.\n\nMilitants also burned a market in the town."
    events = run_events(text, times=(timev(text, "Monday", "2022-11-07"),))
    later = [e for e in events if e.evidence.text.startswith("Militants")]
    assert later and all(e.time is None or e.time.value != "2022-11-07" for e in later)
