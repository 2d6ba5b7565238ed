"""events.context_time: an event with no date of its own is told at a live post's stamp, at the day a scene or
the lead names, on the day its night ends; not at a time of what another speaker reported, nor of the present."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from tests.events.conftest import timev

_CALL = "The president again called on partners to supply two more air defence systems."
_RAID = "Rebels attacked an army post near the border on Tuesday.\n\n"  # published Wed 9 Nov 2022


# (v201) a live blog's post is told at its time stamp, on the blog's day: neither a day its post names after it nor a
# day of an earlier post dates it; without the stamps the story's time does (published Wed 9 Nov 2022)
POSTS = [
    (_CALL + " The systems were promised on Saturday.", "Saturday", "2022-11-05", "called on partners", True),
    ("12:00\n" + _CALL + " The systems were promised on Saturday.", "Saturday", "2022-11-05", "called on partners", False),
    ("11:20 - " + _CALL + " The systems were promised on Saturday.", "Saturday", "2022-11-05", "called on partners",
     False),
    ("07:15 - " + _RAID + "11:20 - Militants also burned a market in the town.", "Tuesday", "2022-11-08",
     "burned a market", False),
    ("07:15 - " + _RAID + "Militants also burned a market in the town.", "Tuesday", "2022-11-08", "burned a market", True),
    # a clock time inside a sentence stamps no post
    ("The army said at 12:00 - as it does daily - that rebels attacked an army post near the border on Tuesday.\n\n"
     "Militants also burned a market in the town.", "Tuesday", "2022-11-08", "burned a market", True),
]


@pytest.mark.parametrize(("text", "words", "value", "starts", "taken"), POSTS,
                         ids=[f"{c[3][:12]}-{c[4]}-{i}" for i, c in enumerate(POSTS)])
def test_a_live_post_is_told_on_the_blogs_day(run_events, text: str, words: str, value: str, starts: str,
                                              taken: bool) -> None:
    events = run_events(text, times=(timev(text, words, value),))
    later = [e for e in events if starts in e.evidence.text]
    assert later
    if taken:
        assert all(e.time is not None and e.time.value == value for e in later)
    else:
        assert all(e.time is None or e.time.value != value for e in later)


# (v202) an event told in the present is said of the time of the report: it takes no past time of its paragraph
# (text, the trigger's word, told in the present)
PRESENT = [
    ("Fighting continues along the southern front lines.", "Fighting", True),
    ("Troops are advancing on the town.", "advancing", True),
    ("Our forces have entered the city and are now combing its neighbourhoods.", "entered", True),
    ("Fighting continued along the southern front lines.", "Fighting", False),
    ("Heavy fighting was going on in the town.", "fighting", False),
    ("Dozens of people have been killed in the clashes.", "killed", False),
    ("The rebels will attack the town.", "attack", False),
]


@pytest.mark.parametrize(("text", "word", "now"), PRESENT, ids=[c[0][:28] for c in PRESENT])
def test_an_event_told_in_the_present(nlp, text: str, word: str, now: bool) -> None:
    from frontlines.events.context import told_now

    doc = nlp(text)
    assert told_now(next(t for t in doc if t.text == word)) is now


def test_an_event_told_in_the_present_takes_no_past_time_of_its_paragraph(run_events) -> None:
    for verb, taken in (("continues", False), ("continued", True)):
        text = f"On Sunday, rebels took control of the town. Fighting {verb} along the southern front lines."
        events = run_events(text, times=(timev(text, "Sunday", "2022-11-06"),))
        later = [e for e in events if e.evidence.text.startswith("Fighting")]
        assert later
        assert all((e.time is not None and e.time.value == "2022-11-06") is taken for e in later)


# (v210) a sentence that tells no event sets the scene's day for the events told after it in its paragraph: told in
# the past, on its main clause; not one told of what is to come, not a time of another noun, not a month or a year
# (published Wed 9 Nov 2022)
SCENES = [
    ("The gunmen came to the village before dawn on Monday. They shot dead the headmaster and abducted 25 girls.",
     "Monday", "2022-11-07", True),
    ("Residents of the town woke up on Monday to the sound of jets. Warplanes struck positions south of the capital.",
     "Monday", "2022-11-07", True),
    ("The schools are to reopen on Monday. Warplanes struck positions south of the capital.",
     "Monday", "2022-11-07", False),  # told of what is to come
    ("Fishermen watched the storm, which had swept the coast on Monday. Warplanes struck positions south of the "
     "capital.", "Monday", "2022-11-07", False),  # the time of another noun (the storm)
    ("The gunmen came to the village before dawn on Monday.\n\nThey shot dead the headmaster.",
     "Monday", "2022-11-07", False),  # another paragraph
    ("The town was founded in 1921. Warplanes struck positions south of the capital.", "1921", "1921", False),
]


@pytest.mark.parametrize(("text", "words", "value", "taken"), SCENES, ids=[c[0][:36] for c in SCENES])
def test_a_sentence_with_no_event_sets_the_scenes_day(run_events, text: str, words: str, value: str,
                                                      taken: bool) -> None:
    events = run_events(text, times=(timev(text, words, value),))
    later = [e for e in events if e.evidence.start > text.index(words)]
    assert later
    assert all((e.time is not None and e.time.value == value) is taken for e in later)


# (v211) a statement told in the past with no time of its own or of its story is said on the lead's day when that is
# the day before publication; not one told in the present, not in an article whose lead is the publication's day, not
# an act that is no statement (published Wed 9 Nov 2022)
_LEAD_TUE = "A glide bomb hit a line of pensioners in the village on Tuesday, killing 24 people.\n\n"
_LEAD_WED = "The government announced a ceasefire in the capital on Wednesday after a night of fighting.\n\n"
LEADS = [
    (_LEAD_TUE + "The president called on allies to impose new sanctions.", "Tuesday", "2022-11-08", "called on",
     "2022-11-08"),
    (_LEAD_TUE + "The governor demanded an inquiry.", "Tuesday", "2022-11-08", "demanded", "2022-11-08"),
    (_LEAD_TUE + "The president calls on allies to impose new sanctions.", "Tuesday", "2022-11-08", "calls on",
     None),  # told in the present: the report's time
    (_LEAD_WED + "The UN mission urged all parties to respect the truce.", "Wednesday", "2022-11-09", "urged",
     None),  # the lead is the day of publication
    # (v212) a threat is dated by its saying, told in the past; not one said in the present
    (_LEAD_TUE + "A rebel spokesman said the group would attack all convoys heading to the front.", "Tuesday",
     "2022-11-08", "attack", "2022-11-08"),
    (_LEAD_TUE + "A rebel spokesman says the group will attack all convoys heading to the front.", "Tuesday",
     "2022-11-08", "attack", None),
]


@pytest.mark.parametrize(("text", "words", "value", "trigger", "expected"), LEADS, ids=[c[0][-40:] for c in LEADS])
def test_a_statement_with_no_time_is_said_on_the_leads_day(run_events, text: str, words: str, value: str,
                                                           trigger: str, expected: str | None) -> None:
    events = run_events(text, times=(timev(text, words, value),))
    said = [e for e in events if e.trigger == trigger]
    assert said
    assert all((e.time is not None and e.time.value == expected) if expected else
               (e.time is None or e.time.text == "") for e in said)


def test_a_statement_is_not_moved_to_a_day_before_a_lead_on_the_publications_day(run_events) -> None:
    """The lead is the day of publication: a statement in a later paragraph keeps that day, whatever day the story
    named last (v211)."""
    text = ("Troops entered the town on Wednesday. Rebels had attacked an army post near the border on Tuesday.\n\n"
            "The governor accused the rebels of targeting civilians.")
    events = run_events(text, times=(timev(text, "Wednesday", "2022-11-09"), timev(text, "Tuesday", "2022-11-08")))
    said = [e for e in events if e.trigger == "accused"]
    assert said and all(e.time is None or e.time.value != "2022-11-08" for e in said)


def test_a_statement_made_in_a_dated_medium_is_said_that_day(run_events) -> None:
    """The medium dates the saying and what is coordinated with it, not what the saying tells (v211)."""
    text = ("The pilot was handed over on Saturday morning.\n\nIn a video released on Sunday, the commander said he "
            "had freed the pilot for humanitarian reasons, and again demanded that the army withdraw its troops.")
    events = run_events(text, published=dt.date(2024, 9, 23), times=(
        timev(text, "Saturday morning", "2024-09-21"), timev(text, "Sunday", "2024-09-22")))
    demanded = [e for e in events if e.trigger == "demanded"]
    assert demanded and all(e.time is not None and e.time.value == "2024-09-22" for e in demanded)


# (v203) a statement does not take a time named inside what another speaker reported: that dates the reported act;
# a time on the saying itself, or of an act told directly, it does (published Wed 9 Nov 2022)
REPORTED = [
    ("The ministry said an airstrike hit the hospital on Tuesday evening. The rebels rejected the truce offer.",
     False),
    ("An airstrike hit the hospital on Tuesday evening. The rebels rejected the truce offer.", True),
    ("The ministry said on Tuesday evening that an airstrike hit the hospital. The rebels rejected the truce "
     "offer.", True),
]


@pytest.mark.parametrize(("text", "taken"), REPORTED, ids=[c[0][:20] for c in REPORTED])
def test_a_statement_takes_no_time_of_a_reported_act(run_events, text: str, taken: bool) -> None:
    events = run_events(text, times=(timev(text, "Tuesday evening", "2022-11-08"),))
    later = [e for e in events if e.trigger == "rejected"]
    assert later
    assert all((e.time is not None and e.time.value == "2022-11-08") is taken for e in later)


def test_an_act_going_on_is_not_moved_to_the_storys_day(run_events) -> None:
    # the progressive is said of the time of the report (it may give no event at all)
    text = _RAID + "The army said heavy fighting was going on in the town."
    events = run_events(text, times=(timev(text, "Tuesday", "2022-11-08"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert all(e.time is None or e.time.value != "2022-11-08" for e in later)


# (v131, events.context_time.report_night) an event told as done "overnight", with no time of its own, is dated on the day
# its night ends: the report's day, or the night next to the last day named before it (after an evening, a night or a
# whole day: the next day; before a morning: that day). (text, its times as (words, value), the event's first words,
# the date expected, published Wednesday 9 November 2022)
_NIGHT = "Officials said 58 people were killed in US strikes on the port last night.\n\n"
OVERNIGHT = [
    ("Russian missiles hit port infrastructure in Odesa overnight, the governor said.", (), "Russian missiles",
     "2022-11-09"),
    (_NIGHT + "The Houthis fired a ballistic missile at Eilat overnight.", (("last night", "2022-11-08TNI"),),
     "The Houthis", "2022-11-09"),
    ("Rebels shelled the town on Sunday.\n\nOvernight, the rebels stormed the army barracks.", (("Sunday", "2022-11-06"),),
     "Overnight", "2022-11-07"),
    ("Gangs attacked the penitentiary on Monday night. By Tuesday morning most inmates had fled.\n\nA second prison "
     "was also overrun overnight.", (("Monday night", "2022-11-07TNI"), ("Tuesday morning", "2022-11-08TMO")),
     "A second prison", "2022-11-08"),
    # negatives: the day named with the night dates it; a noun's modifier is no time
    ("Rebels shelled the town on Sunday.\n\nThe rebels stormed the army barracks overnight into Tuesday.",
     (("Sunday", "2022-11-06"), ("Tuesday", "2022-11-08")), "The rebels stormed", "2022-11-08"),
]


def _night_time(text: str, words: str, value: str) -> Any:
    tv = timev(text, words, value[:10])
    return replace(tv, value=value, granularity="day")


@pytest.mark.parametrize(("text", "times", "starts", "date"), OVERNIGHT, ids=[c[2] for c in OVERNIGHT])
def test_an_event_done_overnight_is_dated_on_the_day_its_night_ends(run_events, text: str, times: tuple, starts: str,
                                                                    date: str) -> None:
    events = run_events(text, times=tuple(_night_time(text, w, v) for w, v in times))
    later = [e for e in events if e.evidence.text.startswith(starts)]
    assert later
    assert all(e.time is not None and e.time.start == dt.date.fromisoformat(date) for e in later)


def test_a_word_holding_overnight_is_no_night(run_events) -> None:
    text = "Rebels shelled the town on Sunday.\n\nThe rebels stormed the overnighters' barracks."
    events = run_events(text, times=(timev(text, "Sunday", "2022-11-06"),))
    later = [e for e in events if e.evidence.text.startswith("The rebels")]
    assert later and all(e.time is None or "overnight" not in e.time.text.lower() for e in later)


def test_an_overnight_curfew_is_no_time(run_events) -> None:
    text = "Rebels shelled the town on Sunday.\n\nThe army imposed an overnight curfew on the town."
    events = run_events(text, times=(timev(text, "Sunday", "2022-11-06"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert all(e.time is None or e.time.text != "overnight" for e in later)
