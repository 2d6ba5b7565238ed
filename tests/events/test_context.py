"""events.context: an event with no date of its own is told at its paragraph's time, at the time of
the happening it is told at, at the day its paragraph names after it, or on the story's day; power is
seized in the capital; a release's own statements are made at its dateline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from frontlines.records import Actor, Evidence, Place, Precision, Sector
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
def _real_gazetteer():  # noqa: ANN202
    """The project's gazetteer: the capitals the seat-of-power rule asks for, and every name the stage may look up."""
    from tests.geo.conftest import session_gazetteer

    return session_gazetteer()


def _at(text: str, needle: str, country: str, kind: str) -> Place:
    from frontlines.records import PlaceKind

    start = text.index(needle)
    return Place(text=needle, evidence=Evidence(article_id="t", start=start, end=start + len(needle), text=needle),
                 name=needle, kind=PlaceKind(kind), lat=5.0, lon=5.0, country=country, precision=Precision.EXACT)


_LASHIO = "Rebels captured the city of Lashio on Saturday.\n\n"
# (text, places as (words, country, kind), the event's first words, the place it takes (None: not the capital))
SEAT_CASES = [
    # a coup with no settlement of its own: the capital of the country the article's places lie in
    (_LASHIO + "The military seized power in a coup in February 2021.", (("Lashio", "MMR", "settlement"),),
     "The military", "Nay Pyi Taw"),
    # its sentence names the country: that country's capital
    ("Lashio fell on Saturday. Soldiers seized power in Mali in 2020.",
     (("Lashio", "MMR", "settlement"), ("Mali", "MLI", "country")), "Soldiers", "Bamako"),
    # a settlement of its own stays; ground or weapons seized are no seizure of power
    ("The Malian army seized power in Kati in 2020.", (("Kati", "MLI", "settlement"),), "The Malian", "Kati"),
    (_LASHIO + "The military seized the town of Hsenwi in February.",
     (("Lashio", "MMR", "settlement"), ("Hsenwi", "MMR", "settlement")), "The military", "Hsenwi"),
    (_LASHIO + "The army seized weapons and ammunition.", (("Lashio", "MMR", "settlement"),), "The army", "Lashio"),
]


@pytest.mark.parametrize(("text", "named", "starts", "expected"), SEAT_CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in SEAT_CASES])
def test_power_is_seized_in_the_capital(nlp, resources, text: str, named: tuple, starts: str,
                                        expected: str) -> None:
    from dataclasses import replace

    from frontlines.events import extract_events
    from frontlines.pipeline import StageInput
    from frontlines.records import Article

    places = tuple(_at(text, words, country, kind) for words, country, kind in named)
    article = Article(id="t", text=text, published=dt.date(2024, 8, 4))
    inp = StageInput(nlp(text), article, replace(resources, gazetteer=_real_gazetteer()),
                     {"places": places, "times": (), "actors": (), "quotes": (), "quantities": ()})
    events = [e for e in extract_events(inp) if e.evidence.text.startswith(starts)]
    assert events
    assert events[0].place is not None and events[0].place.name == expected


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
    from dataclasses import replace

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
    from dataclasses import replace

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
    from dataclasses import replace

    from tests.events.conftest import _ev

    places = tuple(replace(_at(text, words, country, "settlement"), evidence=_ev(text, words, nth=nth), gazetteer_id=gid)
                   for words, nth, country, gid in named)
    events = [e for e in run_events(text, places=places) if e.evidence.text.startswith(starts)]
    assert events, text
    assert events[0].place is not None and events[0].place.text == expected, (events[0].trigger, events[0].place)


_GOMA = "Rebels seized Goma on Monday.\n\n"
# (text, places as (words, country, kind), the doer's words and kind, the event's first words, the place it takes)
STATE_CASES = [
    # what a state decides or says with no settlement of its own is done at its capital
    (_GOMA + "Congo cut diplomatic ties with Rwanda on Saturday.", (("Goma", "COD", "settlement"),),
     ("Congo", "state", "government"), "Congo cut", "Kinshasa"),
    (_GOMA + "Congo accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),), ("Congo", "state", "government"),
     "Congo accused", "Kinshasa"),
    # not an armed group's words, nor what a state's forces do
    (_GOMA + "The M23 accused Rwanda of backing the army.", (("Goma", "COD", "settlement"),), ("The M23", "group", "rebel"),
     "The M23", None),
    (_GOMA + "Congo shelled the rebels' positions on Saturday.", (("Goma", "COD", "settlement"),), ("Congo", "state", "government"),
     "Congo shelled", "Goma"),
    # what a national government's body says, or a decree it issues, with no settlement of its own: at the capital
    (_GOMA + "The government accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The government", "group", "government"), "The government", "Kinshasa"),
    (_GOMA + "The government declared a state of emergency on Saturday.", (("Goma", "COD", "settlement"),),
     ("The government", "group", "government"), "The government", "Kinshasa"),
    # negatives: officials, not the government named as such; a provincial government's words or decree; a decree
    # for a town its sentence names
    (_GOMA + "Officials accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("Officials", "group", "government"), "Officials", None),
    (_GOMA + "The provincial government accused Rwanda of backing the rebels.", (("Goma", "COD", "settlement"),),
     ("The provincial government", "group", "government"), "The provincial", None),
    (_GOMA + "The provincial government declared a state of emergency on Saturday.", (("Goma", "COD", "settlement"),),
     ("The provincial government", "group", "government"), "The provincial", "Goma"),
    (_GOMA + "The government declared a state of emergency in Uvira on Saturday.",
     (("Goma", "COD", "settlement"), ("Uvira", "COD", "settlement")), ("The government", "group", "government"), "The government",
     "Uvira"),
]


@pytest.mark.parametrize(("text", "named", "doer", "starts", "expected"), STATE_CASES,
                         ids=[f"{c[3]}-{c[4]}" for c in STATE_CASES])
def test_a_states_decision_is_taken_at_its_capital(nlp, resources, text: str, named: tuple, doer: tuple,
                                                   starts: str, expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.events import extract_events
    from frontlines.pipeline import StageInput
    from frontlines.records import Article, Sector
    from tests.events.conftest import actor

    places = tuple(_at(text, words, country, kind) for words, country, kind in named)
    words, kind, sector = doer
    start = text.index(words, len(_GOMA))
    who = replace(actor(text[start:], words, words, "COD", sector=Sector(sector)), kind=kind,
                  evidence=Evidence(article_id="t", start=start, end=start + len(words), text=words))
    article = Article(id="t", text=text, published=dt.date(2025, 1, 28))
    inp = StageInput(nlp(text), article, replace(resources, gazetteer=_real_gazetteer()),
                     {"places": places, "times": (), "actors": (who,), "quotes": (), "quantities": ()})
    events = [e for e in extract_events(inp) if e.evidence.text.startswith(starts)]
    assert events
    assert (events[0].place.name if events[0].place else None) == expected


# (v131, events.context.report_night) an event told as done "overnight", with no time of its own, is dated on the day
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


# The state's own forces told with no nation act for the state whose land the event is in (events v135);
# soldiers alone, a change of hands and a force with a nation keep theirs.
HOME_FORCES = [
    ("Government forces killed at least 21 civilians in Ngarbuh, a village in Cameroon's North-West region.",
     "killed", "CMR"),
    # (a protest the police dispersed is the crowd's since v373, the police its actor 2: their arrest here)
    ("Police arrested twelve people in Dhaka on Friday.", "arrested", "BGD"),
    # no nation in the words and no state's word: may be a foreign army's
    ("Soldiers shelled a village near Kherson on Friday.", "shelled", None),
    # a force with its nation keeps it
    ("Russian forces shelled a village near Kherson on Friday.", "shelled", "RUS"),
]


@pytest.mark.parametrize(("text", "trigger", "side"), HOME_FORCES, ids=[h[0][:24] for h in HOME_FORCES])
def test_the_states_own_forces_act_at_home(pipeline_resources: Any, text: str, trigger: str, side: str | None) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 3, 4)), pipeline_resources).events
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None and hit.sources, [(e.trigger, e.sources) for e in events]
    assert hit.sources[0].side == side


# An official the words give an office but no nation holds it in the country the story is about (events
# v136); a story whose events lie in two countries as often gives none.
OFFICIALS = [
    ("Gunmen killed 37 people in Mafa, a village in Yobe state, on Sunday.\n\nGovernor Mai Mala Buni has called on "
     "residents to stay calm.", "NGA"),
    ("Gunmen killed 37 people in Mafa, a village in Yobe state, on Sunday. Shells hit Kramatorsk on Monday.\n\n"
     "Governor Mai Mala Buni has called on residents to stay calm.", None),
]


@pytest.mark.parametrize(("text", "side"), OFFICIALS, ids=["one-country", "two-countries"])
def test_an_official_holds_office_where_the_story_is(pipeline_resources: Any, text: str, side: str | None) -> None:
    _acts_for(pipeline_resources, text, "called", side)


def _acts_for(resources: Any, text: str, trigger: str, side: str | None) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    events = process_article(Article(id="t", text=text, published=dt.date(2024, 9, 3)), resources).events
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None and hit.sources, [(e.trigger, e.sources) for e in events]
    assert hit.sources[0].side == side


def test_a_government_body_with_no_nation_is_the_storys(pipeline_resources: Any) -> None:
    """"The government" and "the authorities" of a story about one country are that country's (events v137)."""
    text = ("Police shot dead six protesters in Dhaka on Thursday, witnesses said.\n\n"
            "The authorities arrested 30 opposition activists on Friday.")
    _acts_for(pipeline_resources, text, "arrested", "BGD")


def test_the_army_named_as_known_is_the_storys(pipeline_resources: Any) -> None:
    """"The army" of a story about one country is that country's (events v138); soldiers alone are not."""
    text = ("Fighting erupted in Khartoum on Saturday between rival forces, residents said.\n\n"
            "The army imposed a curfew at midnight on Sunday.")
    _acts_for(pipeline_resources, text, "imposed", "SDN")


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
    from dataclasses import replace

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
