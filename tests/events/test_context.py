"""events.context: an event with no date of its own is told at its paragraph's time, at the time of
the happening it is told at, at the day its paragraph names after it, or on the story's day."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.records import Actor, Sector
from tests.events.conftest import _ev, timev

_TALKS = "Peace talks between the army and the rebels were held in Kunming on Thursday.\n\n"
_CALL = "The president again called on partners to supply two more air defence systems."
_RAID = "Rebels attacked an army post near the border on Tuesday.\n\n"  # published Wed 9 Nov 2022

# (text, the time's words, its value, the later event's first words, whether it takes that time, published)
CASES = [
    # the paragraph's time; not across a paragraph break
    ("The truce was signed in the capital on Saturday night. The army said rebels shelled a village near the "
     "border.", "Saturday night", "2022-11-05", "The army", True, None),
    ("The truce was signed in the capital on Saturday night.\n\nThe army said rebels shelled a village near the "
     "border.", "Saturday night", "2022-11-05", "The army", False, None),
    # a past event takes no time still to come; a past day of the paragraph it does
    ("Activists called for protesters to occupy State House on Thursday. The President warned that anyone who "
     "attacks public institutions will be dealt with firmly.", "Thursday", "2024-06-27", "The President", False,
     dt.date(2024, 6, 26)),
    ("Protesters occupied State House on Tuesday. The President warned that anyone who attacks public "
     "institutions will be dealt with firmly.", "Tuesday", "2024-06-25", "The President", True, dt.date(2024, 6, 26)),
    # at a happening told before: its time; after it, or at one not told before: not
    (_TALKS + "At the talks, both sides agreed to an immediate ceasefire.", "Thursday", "2024-01-11", "At the talks",
     True, None),
    (_TALKS + "After the talks, both sides agreed to an immediate ceasefire.", "Thursday", "2024-01-11",
     "After the talks", False, None),
    ("The army shelled a village near the border on Thursday.\n\nAt the talks, both sides agreed to an immediate "
     "ceasefire.", "Thursday", "2024-01-11", "At the talks", False, None),
    # the day its paragraph names after it; not across a paragraph break, nor a month
    (_CALL + ' "This strike would not have happened," he wrote on Saturday night.', "Saturday night", "2022-11-05",
     "The president", True, None),
    (_CALL + '\n\n"This strike would not have happened," he wrote on Saturday night.', "Saturday night",
     "2022-11-05", "The president", False, None),
    (_CALL + " The systems were promised in May.", "May", "2022-05", "The president", False, None),
    # an act on the story's day when that is the day before publication; not a statement, not a day further back
    (_RAID + "Militants also burned a market in the town.", "Tuesday", "2022-11-08", "Militants", True, None),
    (_RAID + "The governor accused the rebels of targeting civilians.", "Tuesday", "2022-11-08", "The governor",
     False, None),
    ("Rebels attacked an army post near the border on Monday.\n\nMilitants also burned a market in the town.",
     "Monday", "2022-11-07", "Militants", False, None),
]


@pytest.mark.parametrize(("text", "words", "value", "starts", "taken", "published"), CASES,
                         ids=[f"{c[3]}-{c[4]}-{i}" for i, c in enumerate(CASES)])
def test_an_undated_event_takes_the_time_the_story_gives_it(run_events, text: str, words: str, value: str,
                                                             starts: str, taken: bool, published: dt.date | None) -> None:
    kwargs = {"published": published} if published is not None else {}
    events = run_events(text, times=(timev(text, words, value),), **kwargs)
    later = [e for e in events if e.evidence.text.startswith(starts)]
    assert later
    if taken:
        assert all(e.time is not None and e.time.value == value for e in later)
    else:
        assert all(e.time is None or e.time.value != value for e in later)


def test_an_act_going_on_is_not_moved_to_the_storys_day(run_events) -> None:
    # the progressive is said of the time of the report (it may give no event at all)
    text = _RAID + "The army said heavy fighting was going on in the town."
    events = run_events(text, times=(timev(text, "Tuesday", "2022-11-08"),))
    later = [e for e in events if e.evidence.text.startswith("The army")]
    assert all(e.time is None or e.time.value != "2022-11-08" for e in later)


# (v81) an attack told as "also" done, passive and with no doer, shares the kind of violence told just before it when
# hands or means set that kind; an attack or a clash before it leaves the target to decide; a doer named decides
MORE_OF_THE_SAME = [
    ("A mob killed twelve officers at the police station on Sunday. Homes of the minority were also attacked in the "
     "days after.", "attacked", "Mob violence"),
    ("Russian missiles struck the city centre on Monday. A school was also hit.", "hit",
     "Shelling/artillery/missile attack"),
    ("Gunmen killed five villagers near Gao on Monday. Soldiers were also attacked near the town.", "attacked",
     "Armed clash"),
    ("A mob killed two men near the market. Soldiers were attacked by rebels near the town.", "attacked",
     "Armed clash"),
    ("A mob killed two men near the market.\n\nHomes of the minority were also attacked in the days after.",
     "attacked", "Attack"),
    # "other" attacks of the same hands are more of their kind; another side's are not
    ("A rocket fired by Hezbollah hit the town of Metula on Saturday evening. Hezbollah, which had claimed several "
     "other attacks on Israeli positions that day, denied any connection to the strike.", "attacks",
     "Shelling/artillery/missile attack"),
    ("Israeli jets struck the town of Nabatieh on Saturday. Hezbollah, which had claimed several other attacks on "
     "Israeli positions that day, denied any connection.", "attacks", "Armed clash"),
]


@pytest.mark.parametrize(("text", "trigger", "sub"), MORE_OF_THE_SAME, ids=[c[0][:30] for c in MORE_OF_THE_SAME])
def test_more_of_the_same_violence(run_events, text: str, trigger: str, sub: str) -> None:
    hands = tuple(Actor(text=name, evidence=_ev(text, name, nth=n), name=name, country=country, sector=sector,
                        side=country)
                  for name, country, sector in (("Hezbollah", "LBN", Sector.REBEL), ("Israeli jets", "ISR",
                                                                                    Sector.MILITARY))
                  for n in range(text.count(name)))
    events = {e.trigger: e for e in run_events(text, actors=hands)}
    assert trigger in events, sorted(events)
    assert events[trigger].acled_sub_event_type == sub
