"""events.context: an event with no date of its own is told at its paragraph's time or at the time of the
happening it is told at; more of the same violence; a release's own statements are made at its dateline; the
place the story is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from frontlines.records import Actor, Sector
from tests.events.conftest import _at, _ev, timev

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
    # (v211) a statement with no time of its own is said on the lead's day when the lead is the day before publication;
    # not when the lead is the day of publication, whatever day the story named last
    (_RAID + "The governor accused the rebels of targeting civilians.", "Tuesday", "2022-11-08", "The governor",
     True, None),
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
    # (v143) no "also" needed: a passive with no doer nor means right after an air strike or shelling is more of it
    ("A Russian glide bomb struck the village on Tuesday. The main government building was hit for the first time.",
     "hit", "Air/drone strike"),
    ("Naval drones struck both tankers on Friday. The Virat was hit again on Saturday morning.", "hit",
     "Air/drone strike"),
    # negatives: a doer named, an attack on civilians before it, another paragraph, an active verb with its own doer
    ("Naval drones struck both tankers on Friday. The Virat was hit by gunmen on Saturday morning.", "hit",
     "Attack"),
    ("Gunmen shot two traders near the market on Friday. A school was hit on Saturday morning.", "hit", "Attack"),
    # (another paragraph: the means the story's remote attacks agree on would type it, events.barrages; here they
    # disagree, drones and rockets)
    ("Naval drones struck both tankers on Friday. Rockets hit the port.\n\nThe Virat was hit on Saturday morning.",
     "hit", "Attack"),
    ("Naval drones struck both tankers on Friday. Gunmen hit the Virat on Saturday morning.", "hit", "Attack"),
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


# (text, the article's source, the statement's first words, the dateline town it takes or None)
_REPORT = " - Troops killed at least 500 people in the village of Moura. "
RELEASE_CASES = [
    ("GENEVA (12 May 2023)" + _REPORT + "We urge the authorities to investigate.", "UN Human Rights Office", "We urge",
     "GENEVA"),
    ("Johannesburg, 6 May 2024" + _REPORT + "The killings must be investigated, Amnesty International said today.",
     "Amnesty International", "The killings", "Johannesburg"),
    # a wire's dateline is where its reporter filed; another party's words are not the issuer's
    ("GENEVA, May 12 (Reuters)" + _REPORT + "We urge the authorities to investigate.", "Reuters", "We urge", None),
    ("GENEVA (12 May 2023)" + _REPORT + "The army rejected the proposal.", "UN Human Rights Office", "The army", None),
]


@pytest.mark.parametrize(("text", "source", "starts", "expected"), RELEASE_CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in RELEASE_CASES])
def test_a_releases_own_statement_is_made_at_its_dateline(run_events, text: str, source: str, starts: str,
                                                          expected: str | None) -> None:

    town = text.split(" ")[0].rstrip(",")
    places = (replace(_at(text, town, "CHE", "settlement"), reason="dateline: where the report was filed"),)
    events = [e for e in run_events(text, places=places, source=source) if e.evidence.text.startswith(starts)]
    assert events
    assert (events[0].place.text if events[0].place else None) == expected


# (text, source, places beside the dateline as (words, country, kind), the event's first words, the place it takes)
HOME_RELEASE_CASES = [
    # a release issued in the country it tells of: an event it places nowhere, or only in that country, is at its town
    ("NAQOURA, 6 October 2024 - This morning, two tanks destroyed the main gate of a UN position and entered it. "
     "Peacekeepers in Lebanon remain in their positions near Naqoura.", "UNIFIL", (("Lebanon", "LBN", "country"),),
     "This morning", "NAQOURA"),
    ("NAIROBI, 26 June 2024 - Protesters stormed Parliament and set parts of it on fire in Kenya yesterday.",
     "State House", (("Kenya", "KEN", "country"),), "Protesters", "NAIROBI"),
    # negatives: a release from abroad (Geneva, about Mali); a wire's dateline; an event with its own town
    ("NAQOURA, 6 October 2024 - This morning, two tanks destroyed the main gate of a UN position and entered it. "
     "Peacekeepers in Mali remain in Gao.", "UNIFIL", (("Mali", "MLI", "country"), ("Gao", "MLI", "settlement")),
     "This morning", None),
    ("NAIROBI, June 26 (Reuters) - Protesters stormed Parliament and set parts of it on fire in Kenya yesterday.",
     "Reuters", (("Kenya", "KEN", "country"),), "Protesters", "Kenya"),
    ("NAIROBI, 26 June 2024 - Protesters stormed the town hall in Nakuru yesterday.", "State House",
     (("Nakuru", "KEN", "settlement"),), "Protesters", "Nakuru"),
]


@pytest.mark.parametrize(("text", "source", "named", "starts", "expected"), HOME_RELEASE_CASES,
                         ids=[f"{c[3]}-{c[4]}" for c in HOME_RELEASE_CASES])
def test_a_release_from_the_country_it_tells_of_places_its_unplaced_events_at_its_town(
        run_events, text: str, source: str, named: tuple, starts: str, expected: str | None) -> None:  # noqa: ANN001

    town = text.split(",")[0]
    country = "LBN" if town == "NAQOURA" else "KEN"
    places = (replace(_at(text, town, country, "settlement"), reason="dateline: where the report was filed"),
              *(_at(text, words, c, kind) for words, c, kind in named))
    events = [e for e in run_events(text, places=places, source=source)
              if starts in e.evidence.text and e.plover_type in ("ASSAULT", "PROTEST", "COERCE")]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)


_RESCUE = ("Israeli forces rescued four hostages in Nuseirat in Gaza on Saturday. The ISA said the raid on Nuseirat "
           "was planned with the ISA for weeks, and ISA officers took part.\n\n")
# (text, places as (words, nth occurrence, country, gazetteer id), the event's first words, the place it takes)
FOCUS_CASES = [
    # the story's place across a paragraph break is never the lone place of its country (an acronym read as a town)
    (_RESCUE + "The four were abducted by gunmen on October 7.",
     (("Nuseirat", 0, "PSE", "g:1"), ("Gaza", 0, "PSE", "g:2"), ("ISA", 0, "JPN", "g:3"), ("Nuseirat", 1, "PSE", "g:1"),
      ("ISA", 1, "JPN", "g:3"), ("ISA", 2, "JPN", "g:3")), "The four", "Nuseirat"),
    # negative: a place of the country the story tells of, named most often, is its place
    (_RESCUE + "The four were abducted by gunmen on October 7.",
     (("Nuseirat", 0, "PSE", "g:1"), ("Gaza", 0, "PSE", "g:2"), ("ISA", 0, "PSE", "g:3"), ("Nuseirat", 1, "PSE", "g:1"),
      ("ISA", 1, "PSE", "g:3"), ("ISA", 2, "PSE", "g:3")), "The four", "ISA"),
]


@pytest.mark.parametrize(("text", "named", "starts", "expected"), FOCUS_CASES, ids=["lone-namesake", "same-country"])
def test_the_story_place_is_a_place_of_the_country_it_tells_of(run_events, text: str, named: tuple, starts: str,
                                                                  expected: str) -> None:

    from tests.events.conftest import _ev

    places = tuple(replace(_at(text, words, country, "settlement"), evidence=_ev(text, words, nth=nth), gazetteer_id=gid)
                   for words, nth, country, gid in named)
    events = [e for e in run_events(text, places=places) if e.evidence.text.startswith(starts)]
    assert events, text
    assert events[0].place is not None and events[0].place.text == expected, (events[0].trigger, events[0].place)


_KATHMANDU = ("KATHMANDU - Police opened fire on protesters on Monday, killing 17 people in {town}. Two more protesters "
              "were shot dead in Itahari.\n\nProtesters stormed the home of the minister that night.")
# (text, the town the story names besides the dateline, the place the event after the break takes)
DATELINE_FOCUS_CASES = [
    # the dateline's town, named again in the story, is what the story is about across a paragraph break
    (_KATHMANDU.format(town="Kathmandu"), "Kathmandu", "Kathmandu"),
    # negative: a dateline's town the story never names places nothing; the nearest place before stays
    (_KATHMANDU.format(town="Birgunj"), "Birgunj", "Itahari"),
]


@pytest.mark.parametrize(("text", "town", "expected"), DATELINE_FOCUS_CASES, ids=["named-again", "dateline-only"])
def test_the_datelines_town_named_again_is_what_the_story_is_about(run_events, text: str, town: str,
                                                                   expected: str) -> None:

    from tests.events.conftest import _ev

    dateline = replace(_at(text, "KATHMANDU", "NPL", "settlement"), gazetteer_id="g:1", name="Kathmandu",
                       reason="dateline: where the report was filed")
    named = replace(_at(text, town, "NPL", "settlement"), evidence=_ev(text, town, nth=0),
                    gazetteer_id="g:1" if town == "Kathmandu" else "g:3")
    itahari = replace(_at(text, "Itahari", "NPL", "settlement"), gazetteer_id="g:2")
    events = [e for e in run_events(text, places=(dateline, named, itahari)) if e.evidence.text.startswith("Protesters")]
    assert events, text
    assert events[0].place is not None and events[0].place.text == expected, (events[0].trigger, events[0].place)


def test_a_call_up_with_no_place_is_not_at_the_town_before(run_events) -> None:
    from tests.events.conftest import actor, place
    text = "Fighting raged around Bakhmut on Monday. The Kremlin announced that Russian men would be drafted into the army."
    events = run_events(text, places=(place(text, "Bakhmut"),),
                        actors=(actor(text, "Russian men", "Russian men", "RUS", Sector.CIVILIAN),))
    calls = [e for e in events if e.plover_type == "MOBILIZE"]
    assert calls and all(e.place is None or e.place.name != "Bakhmut" for e in calls), [(e.trigger, e.place) for e in calls]
    # negative case: a deed done there with no place of its own still happens where the story is
    text = "Fighting raged around Bakhmut on Monday. Russian troops shelled the outskirts."
    attacks = [e for e in run_events(text, places=(place(text, "Bakhmut"),)) if e.plover_type == "ASSAULT"]
    assert any(e.place is not None and e.place.name == "Bakhmut" for e in attacks), [(e.trigger, e.place) for e in attacks]
