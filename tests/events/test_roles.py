"""Roles and links: sources/targets from actors, the event's own place, its time, its quantities."""

from __future__ import annotations

from frontlines.events import STAGE as EVENTS_STAGE

import datetime as dt

import pytest

from frontlines.events.when import dateline_date
from frontlines.records import Precision, Resolution
from tests.events.conftest import actor, place, timev, top



NOTE = "On 13 October 2022, Russian military forces shelled near Zolota Nyva, Donetsk. Casualties unknown."


def test_acled_note_links(run_events) -> None:
    events = run_events(
        NOTE,
        places=(place(NOTE, "Zolota Nyva", lat=47.6, lon=36.9), place(NOTE, "Donetsk", precision=Precision.ADMIN1)),
        times=(timev(NOTE, "13 October 2022", "2022-10-13"),),
        actors=(actor(NOTE, "Russian military forces", "Russian Armed Forces", "RUS"),),
    )
    event = top(events)
    assert event is not None
    assert event.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert [a.country for a in event.sources] == ["RUS"]
    assert event.place is not None and event.place.text == "Zolota Nyva"
    assert event.time is not None and event.time.value == "2022-10-13"


def test_metonymic_and_subject_places_are_never_the_event_place(run_events) -> None:
    text = "Officials in Kyiv said Moscow's troops attacked Izium on Monday."
    events = run_events(
        text,
        places=(place(text, "Kyiv"), place(text, "Moscow", metonymic=True), place(text, "Izium")),
        times=(timev(text, "Monday", "2022-11-07"),),
    )
    (event,) = [e for e in events if e.trigger == "attacked"]
    assert event.place is not None and event.place.text == "Izium"


def test_no_place_rather_than_a_capital_used_for_its_government(run_events) -> None:
    text = "Moscow ordered its troops to withdraw."
    events = run_events(text, places=(place(text, "Moscow", metonymic=True),))
    assert all(e.place is None for e in events)


def test_subject_place_is_excluded(run_events) -> None:
    text = "Officials in Kyiv have urged caution."
    events = run_events(text, places=(place(text, "Kyiv"),))
    assert events and all(e.place is None for e in events)


def test_time_falls_back_to_publication_date(run_events) -> None:
    events = run_events("Troops withdrew from the town.", published=dt.date(2022, 11, 9))
    event = top(events)
    assert event is not None and event.time is not None
    assert event.time.value == "2022-11-09"
    assert event.time.resolution == Resolution.DEFAULT


def test_quantity_tied_to_event(run_events) -> None:
    text = "Ukrainian defenders have taken back dozens of settlements around Kharkiv."
    events = run_events(text, places=(place(text, "Kharkiv"),),
                        actors=(actor(text, "Ukrainian defenders", "Armed Forces of Ukraine", "UKR"),))
    event = top(events)
    assert event is not None
    assert event.plover_type == "ASSAULT"
    assert event.acled_sub_event_type == "Government regains territory"
    assert [(q.kind, q.low, q.high) for q in event.quantities] == [("settlements", 24.0, 99.0)]
    assert [a.country for a in event.sources] == ["UKR"]
    assert event.place is not None and event.place.text == "Kharkiv"


def test_casualty_sentence_completes_the_attack(run_events) -> None:
    text = "On 7 August 2022, Russian artillery shelled Nikopol. Two civilians were killed."
    events = run_events(text, places=(place(text, "Nikopol"),), times=(timev(text, "7 August 2022", "2022-08-07"),))
    assert len(events) == 1
    assert [(q.kind, q.value) for q in events[0].quantities] == [("killed", 2.0)]


def test_evidence_spans_point_into_the_text(run_events) -> None:
    text = "Fighting broke out in the north. Police arrested ten protesters in the capital."
    for event in run_events(text):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.trigger_evidence is not None
        assert text[event.trigger_evidence.start : event.trigger_evidence.end] == event.trigger
        assert event.stages and event.stages[0] == f"{EVENTS_STAGE.name}:{EVENTS_STAGE.version}"  # code+data


# (text, expected country of the top event's first source, expected sector or None) with no actors-stage
# records: the doer is named only by a nationality, a country or a group name.
NATIONALITY_CASES = [
    ("A Russian drone strike hit a fuel depot in Kryvyi Rih.", "RUS", "military"),
    ("Russian artillery shelled Nikopol overnight.", "RUS", "military"),
    ("Israeli air strikes hit buildings in Khan Younis.", "ISR", "military"),
    ("Ukrainian forces recaptured Lyman on Saturday.", "UKR", "military"),
    ("RSF fighters looted the market in Nyala.", "SDN", "rebel"),
    ("Houthi missiles struck a port in Jizan.", "YEM", None),
    # (not "detained dozens of protesters": a protest with intervention is the crowd's since v373)
    ("Russian police detained two journalists in Moscow.", "RUS", "police"),
    ("Russian shelling kills 3 in Kharkiv.", "RUS", "military"),
    ("Russia and Ukraine signed an agreement on grain exports.", "RUS", "government"),
    # a two-word country name is the state itself, as a one-word name is (v590), and a modifier of a force's noun
    ("The United States imposed sanctions on Iran.", "USA", "government"),
    ("South Sudan signed a peace deal with the rebels.", "SSD", "government"),
    ("United States forces struck a base in Syria.", "USA", "military"),
    # negatives: the nationality names the victims, or nobody
    ("Gunmen kidnapped two Russian engineers in Mali.", None, None),
    ("Israeli hostages were freed on Sunday.", None, None),
    ("A landmine exploded near Izium, killing a farmer.", None, None),
]


def test_nationality_doers(run_events) -> None:
    for text, country, sector in NATIONALITY_CASES:
        event = top(run_events(text))
        assert event is not None, text
        got = event.sources[0].country if event.sources else None
        assert got == country, (text, got, event.sources)
        if sector is not None:
            assert event.sources[0].sector.value == sector, (text, event.sources[0])


def test_a_two_word_country_is_a_state(run_events) -> None:
    """"The United States imposed sanctions" is the state acting, as "Russia signed" is (v590): kind "state",
    so a decision of it is taken at its capital (events.at_home.seat_of_power); its forces are a group."""
    for text, kind in (("The United States imposed sanctions on Iran.", "state"),
                       ("Russia imposed sanctions on Moldova.", "state"),
                       ("United States forces struck a base in Syria.", "group")):
        event = top(run_events(text))
        assert event is not None and event.sources, text
        assert event.sources[0].kind == kind, (text, event.sources[0])


def test_stage_country_kept_and_missing_country_filled(run_events) -> None:
    text = "Houthi forces shelled residential areas of Taiz."
    events = run_events(text, actors=(actor(text, "Houthi forces", "Houthi forces", None),))
    event = top(events)
    assert event is not None and [a.country for a in event.sources] == ["YEM"]
    assert event.sources[0].name == "Houthi forces"  # the actors stage's record, completed
    text = "Russian forces shelled Kharkiv."
    event = top(run_events(text, actors=(actor(text, "Russian forces", "Russian Armed Forces", "RUS"),)))
    assert event is not None and event.sources[0].name == "Russian Armed Forces"


# (sentence, the event's trigger word, the date it should take, the dateline's or another date)
DATELINE_DATES = [
    ("DUBAI, Nov 20 (Reuters) - Houthi fighters seized a cargo ship in the Red Sea on Sunday.",
     "seized", ("Sunday", "2023-11-19"), ("Nov 20", "2023-11-20")),
    ("DUBAI, Nov 20 (Reuters) - Houthi fighters seized a cargo ship, the group's spokesman said on Sunday.",
     "seized", ("Sunday", "2023-11-19"), ("Nov 20", "2023-11-20")),
    ("GENEVA (12 May 2023) - Troops executed at least 500 people in March 2022.",
     "executed", ("March 2022", "2022-03"), ("12 May 2023", "2023-05-12")),
    # negative: a date after a city but not in a dateline dates the event
    ("Officials in DUBAI said Houthis seized a ship on Nov 20, a week after talks in 2023.",
     "seized", ("Nov 20", "2023-11-20"), ("2023", "2023")),
]


@pytest.mark.parametrize(("text", "trigger", "own", "other"), DATELINE_DATES)
def test_a_dateline_date_comes_after_the_sentence_own(run_events, text: str, trigger: str,
                                                          own: tuple[str, str], other: tuple[str, str]) -> None:
    events = run_events(text, times=(timev(text, own[0], own[1]), timev(text, other[0], other[1])),
                        published=dt.date(2024, 12, 22))
    event = next(e for e in events if e.trigger == trigger)
    assert event.time is not None and event.time.text == own[0]


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("DUBAI, Nov 20 (Reuters) - Houthis seized a ship on Sunday.", "Nov 20", True),
        ("GENEVA (12 May 2023) - Troops executed 500 people.", "12 May 2023", True),
        ("KINSHASA, Congo, Jan 28 (AP) — Protesters attacked embassies.", "Jan 28", True),
        # a place and date in brackets, as rights groups date their releases (events v130)
        ("(Nairobi, February 25, 2020) - Soldiers killed 21 civilians on February 14.", "February 25, 2020", True),
        ("(New York, 12 May 2023) – Troops executed 500 people.", "12 May 2023", True),
        # negative: a date in the sentence's own words, or after a city with no dash following
        ("Houthis seized a ship on Nov 20 (Sunday) - the first.", "Nov 20", False),
        ("DUBAI, Nov 20, was calm as Houthis seized a ship.", "Nov 20", False),
        ("Soldiers killed 21 civilians (in Ngarbuh, February 14) - the army denied it.", "February 14", False),
        ("(Reuters, on February 25, 2020) Soldiers killed 21 civilians.", "February 25, 2020", False),
    ],
)
def test_dateline_date(nlp, text: str, needle: str, expected: bool) -> None:
    sent = next(iter(nlp(text).sents))
    assert dateline_date(timev(text, needle, "2023-11-20"), sent) is expected


# A date that belongs to something else the sentence mentions is none of the event's
# (when.foreign_time): (sentence, the event's trigger, its dates as (words, value), the date it
# should take, or None for none of them).
OWN_TIMES = [
    ("The Kremlin announced on Monday that it was suspending the Black Sea Grain Initiative, brokered by the "
     "United Nations and Turkey in Istanbul in July last year.", "suspending", [("Monday", "2023-07-17"), ("July last year", "2022-07")], "Monday"),
    ("On Friday the rebels said they had captured the headquarters in Ann, the second command to fall "
     "to rebels this year.", "captured", [("Friday", "2024-12-20"), ("this year", "2024")], "Friday"),
    ("The EU on Monday adopted sanctions that take effect on 1 January.", "sanctions",
     [("Monday", "2023-12-18"), ("1 January", "2024-01-01")], "Monday"),
    ("Russian forces shelled Kharkiv on Tuesday, killing three people who had returned home in March.",
     "shelled", [("Tuesday", "2023-05-16"), ("March", "2023-03")], "Tuesday"),
    ("The government, which had insisted until Saturday that the city would be defended, acknowledged that "
     "it was occupied by rebels.", "occupied", [("Saturday", "2025-02-15")], None),
    # negative: a clause on the trigger itself, or on the event noun that is its subject, dates the event
    ("The strike, which hit a market on Monday, killed five civilians.", "strike", [("Monday", "2023-07-17")],
     "Monday"),
    ("A strike carried out on Monday killed five civilians in Kharkiv.", "strike", [("Monday", "2023-07-17")],
     "Monday"),
    # negative: an "until" in the event's own clause bounds the event; a clause on the date holds the event
    ("Over the next four days, until 31 March, soldiers went from house to house, rounding up and executing "
     "people.", "executing", [("31 March", "2022-03-31")], "31 March"),
    ("A China-brokered truce agreed in January largely held until late June, when the alliance resumed its "
     "attacks on the junta.",
     "attacks", [("January", "2024-01"), ("late June", "2024-06")], "late June"),
    # (v132) a clause on an occasion the event happened at or during dates the event; not a clause on a building
    # it happened at
    ("Two explosions tore through a crowd at a rally held by rebel leaders in Bukavu on Thursday, killing at least "
     "11 people.", "explosions", [("Thursday", "2025-02-13")], "Thursday"),
    ("Gunmen opened fire on mourners during a funeral held on Sunday in the town.", "opened fire",
     [("Sunday", "2025-02-16")], "Sunday"),
    ("Gunmen killed three guards at a hospital built in 2010.", "killed", [("2010", "2010")], None),
]


@pytest.mark.parametrize(("text", "trigger", "times", "own"), OWN_TIMES)
def test_a_date_of_something_else_is_not_the_events(run_events, text: str, trigger: str,
                                                     times: list[tuple[str, str]], own: str | None) -> None:
    events = run_events(text, times=tuple(timev(text, words, value) for words, value in times),
                        published=dt.date(2025, 2, 17))
    event = next(e for e in events if e.trigger == trigger)
    got = event.time.text if event.time is not None and event.time.resolution != Resolution.DEFAULT else None
    assert got == own


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        # where a withdrawal goes is not where it happened
        ("Russian forces pulled back across the Dnipro on Friday.", "Dnipro", None),
        ("The army pulled back south towards Uvira on Friday.", "Uvira", None),
        # negative cases: where it left, where it happened, where an attack landed
        ("Russian forces withdrew from Kherson on Friday.", "Kherson", "Kherson"),
        ("Russian forces retreated in Kherson on Friday.", "Kherson", "Kherson"),
        ("Russian forces fired missiles into Kherson on Friday.", "Kherson", "Kherson"),
    ],
)
def test_where_a_withdrawal_goes_is_not_its_place(run_events, text: str, needle: str, expected: str | None) -> None:
    events = [e for e in run_events(text, places=(place(text, needle),)) if e.plover_type in ("RETREAT", "ASSAULT")]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)


@pytest.mark.parametrize(
    ("text", "noun", "doers"),
    [
        # an event noun inside a passive clause: its doer is unsaid, not the subject of the verb of saying (v90)
        ("The UN human rights office said that 30 civilians were killed in an air strike on a market.", "strike", []),
        # negative: the passive's agent, or the subject of an active clause's light verb, is the doer
        ("Officials said that 30 civilians were killed by soldiers in a raid on a market.", "raid", ["soldiers"]),
        ("Russian forces launched a missile strike on the city.", "strike", ["forces"]),
        # an event noun (or a gerund with an "of" object) heading a passive harm clause: the harmed are no doers
        ("Shelling of Mykolaiv region: five civilians were wounded in a day.", "Shelling", []),
        # negative: a gerund with a direct object keeps the passive subject as its doer
        ("Attacking the village, two soldiers were killed.", "Attacking", ["soldiers"]),
    ],
)
def test_an_event_noun_in_a_passive_clause_has_no_sayer_for_doer(nlp, text: str, noun: str, doers: list) -> None:  # noqa: ANN001
    from frontlines.events.roles import agent_tokens

    head = next(t for t in nlp(text) if t.text == noun)
    assert [t.text for t in agent_tokens(head)] == doers
# (text, its places as (words, kind, metonymic), the statement's trigger, the place it takes or None)
STATEMENT_PLACES = [
    ("At his news conference in Tehran on Monday, the spokesman rejected the proposal.",
     (("Tehran", "settlement", False),), "rejected", "Tehran"),
    ("Kyiv rejected the ceasefire proposal.", (("Kyiv", "settlement", True),), "rejected", "Kyiv"),
    ("The minister said Beirut had asked Washington to urge restraint.",
     (("Beirut", "settlement", False), ("Washington", "settlement", True)), "asked", "Beirut"),
    # a country says nothing from one place; a town the statement is about is no seat; an attack's
    # venue stays none
    # a seat of government deciding a sanction, as its subject, is where it is decided
    ("Washington imposed sanctions on the rebel group's leaders.", (("Washington", "settlement", True),),
     "sanctions", "Washington"),
    ("Lebanon asked Washington to urge restraint.", (("Lebanon", "country", True), ("Washington", "settlement", True)),
     "asked", None),
    # negative: a capital a sanction is imposed on is no seat of the sanction
    ("The European Union imposed sanctions on Moscow.", (("Moscow", "settlement", True),), "sanctions", None),
    ("Officials in Kyiv have urged caution.", (("Kyiv", "settlement", False),), "urged", None),
    ("At a news conference in Brussels, the general said rebels shelled the town.",
     (("Brussels", "settlement", False),), "shelled", None),
]


@pytest.mark.parametrize(("text", "named", "trigger", "expected"), STATEMENT_PLACES,
                         ids=[c[2] + "-" + str(c[3]) for c in STATEMENT_PLACES])
def test_a_statement_is_placed_at_its_venue_or_speakers_seat(run_events, text: str, named: tuple, trigger: str,
                                                             expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind

    places = tuple(replace(place(text, words, metonymic=metonymic), kind=PlaceKind(kind))
                   for words, kind, metonymic in named)
    (event,) = [e for e in run_events(text, places=places) if e.trigger.startswith(trigger)]
    assert (event.place.text if event.place else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a headline's passive without its auxiliary: a place listed with its subject underwent it too
        ("Marganets and Nikopol shelled overnight", "Nikopol", "Nikopol"),
        ("Nikopol shelled overnight", "Nikopol", "Nikopol"),
        # negative: a place inside a conjunct of the subject is where the doers are, not a listed undergoer
        ("Soldiers and officials in Kyiv shelled overnight.", "Kyiv", None),
    ],
)
def test_a_place_listed_with_a_headline_passive_subject_underwent_it(run_events, text: str, name: str,
                                                                      expected: str | None) -> None:
    events = [e for e in run_events(text, places=(place(text, name),)) if e.trigger.startswith("shelled")]
    assert events
    assert (events[0].place.text if events[0].place else None) == expected


@pytest.mark.parametrize(
    ("text", "name", "metonymic", "trigger", "expected"),
    [
        # a town's possessive says where its noun is, whatever the noun ("Zaporizhzhia's homes")
        ("Missile attack on Zaporizhzhia's homes kills two", "Zaporizhzhia", False, "attack", "Zaporizhzhia"),
        ("Russian forces shelled Kherson's homes on Monday.", "Kherson", False, "shelled", "Kherson"),
        # negatives: a capital named for its government owns its troops; a town's official speaks, he is no place
        ("Moscow's troops attacked overnight.", "Moscow", True, "attacked", None),
        ("Kharkiv's mayor said Russian forces attacked.", "Kharkiv", False, "said", None),
    ],
)
def test_a_towns_possessive_locates_its_noun(run_events, text: str, name: str, metonymic: bool, trigger: str,
                                             expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind

    town = replace(place(text, name, metonymic=metonymic), kind=PlaceKind.SETTLEMENT)
    events = [e for e in run_events(text, places=(town,)) if e.trigger.startswith(trigger)]
    assert events or expected is None
    for e in events:
        assert (e.place.text if e.place else None) == expected


def test_who_announced_an_event_noun_is_its_doer(nlp) -> None:  # noqa: ANN001
    from frontlines.events.roles import agent_tokens

    doc = nlp("Thousands protested against the partial mobilisation announced by President Vladimir Putin.")
    noun = next(t for t in doc if t.lower_ == "mobilisation")
    assert "Putin" in {t.text for t in agent_tokens(noun)}
    # negative: a participle of another kind names no doer ("the mobilisation feared by many")
    doc = nlp("Thousands protested against the mobilisation feared by many families.")
    noun = next(t for t in doc if t.lower_ == "mobilisation")
    assert not agent_tokens(noun)


@pytest.mark.parametrize(("text", "expected"), [
    # where a thing was going is not where it was hit
    ("Drones struck two tankers bound for Novorossiysk on Friday.", None),
    ("Drones attacked a convoy heading to Novorossiysk on Friday.", None),
    # negative: the place struck, and a place the thing was in
    ("Drones struck the port of Novorossiysk on Friday.", "Novorossiysk"),
    ("Drones struck two tankers in Novorossiysk on Friday.", "Novorossiysk"),
])
def test_a_destination_is_no_place_of_the_event(run_events, text: str, expected: str | None) -> None:  # noqa: ANN001
    from tests.events.conftest import place

    events = [e for e in run_events(text, places=(place(text, "Novorossiysk", lat=44.7, lon=37.8),))
              if e.plover_type == "ASSAULT"]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected


@pytest.mark.parametrize(("text", "places", "expected"), [
    # a verb that only says the happening its subject names happened gives its place
    ("Talks between the government and the rebels are taking place in Doha.", ("Doha",), "Doha"),
    ("Fighting broke out in Tripoli on Monday night.", ("Tripoli",), "Tripoli"),
    # a place named as one side of an act between parties is a party, not where it happened
    ("Talks between Kinshasa and the rebels are taking place in Doha.", ("Kinshasa", "Doha"), "Doha"),
    # negatives: a verb telling an act of its own; a place between the sides of a fight is where it raged
    ("The attack on the convoy killed six people in Tripoli.", ("Tripoli",), "Tripoli"),
    ("Talks were held on Monday.", (), None),
])
def test_where_a_happening_verb_says_it_happened(run_events, text: str, places: tuple,  # noqa: ANN001
                                                 expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind
    from tests.events.conftest import place

    found = tuple(replace(place(text, name, lat=10.0 + k, lon=20.0 + k), kind=PlaceKind.SETTLEMENT)
                  for k, name in enumerate(places))
    events = [e for e in run_events(text, places=found) if e.plover_type in ("CONSULT", "ASSAULT")]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)


@pytest.mark.parametrize(("text", "places", "trigger", "expected"), [
    # a continent is no event's own place: with no other in its sentence, the story's place before it (v220)
    ("M23 fighters entered Goma on Monday. On Tuesday they raided the Heal Africa hospital and took away patients.",
     (("Goma", "settlement"), ("Africa", "continent")), "took", "Goma"),
    ("Rebels shelled Goma on Monday. On Tuesday fighters attacked a convoy bound for Central Africa.",
     (("Goma", "settlement"), ("Central Africa", "continent")), "attacked", "Goma"),
    # negatives: a sea is where a ship is struck; a country is still a place
    # and a town beside a continent in its sentence wins over it
    ("A Ukrainian drone hit a Russian tanker in the Black Sea on Tuesday.", (("Black Sea", "sea"),), "hit", "Black Sea"),
    ("Gunmen attacked a convoy in Mali on Tuesday.", (("Mali", "country"),), "attacked", "Mali"),
    ("Gunmen attacked the Africa hotel in Goma on Tuesday.", (("Africa", "continent"), ("Goma", "settlement")),
     "attacked", "Goma"),
])
def test_a_continent_is_no_events_place(run_events, text: str, places: tuple, trigger: str,  # noqa: ANN001
                                        expected: str | None) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind
    from tests.events.conftest import place

    found = tuple(replace(place(text, name, lat=10.0 + k, lon=20.0 + k), kind=PlaceKind(kind))
                  for k, (name, kind) in enumerate(places))
    events = [e for e in run_events(text, places=found) if trigger in e.trigger]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)


@pytest.mark.parametrize(("text", "places", "expected"), [
    # a division or a country is not the place when another clause of its sentence names a place inside it (v221)
    ("Abductions in Nigeria became common after gunmen seized 276 schoolgirls from their school in the town of "
     "Chibok in 2014.", (("Nigeria", "country", None), ("Chibok", "settlement", "Borno")), "Chibok"),
    ("Clashes in Mali killed 12 soldiers on Tuesday when the convoy they escorted reached Moura.",
     (("Mali", "country", None), ("Moura", "settlement", "Mopti")), "Moura"),
    # negatives: a town of another division; the speakers' home (a venue) is never the place
    ("Fighting in the Donetsk region intensified as residents fled the town of Kupiansk.",
     (("Donetsk region", "admin1", "Donetsk"), ("Kupiansk", "settlement", "Kharkiv")), "Donetsk region"),
    ("Clashes in Mali killed 12 soldiers on Tuesday, officials in Bamako said.",
     (("Mali", "country", None), ("Bamako", "settlement", "Bamako")), "Mali"),
])
def test_a_division_gives_way_to_a_place_inside_it_in_any_clause(run_events, text: str, places: tuple,  # noqa: ANN001
                                                                 expected: str) -> None:
    from dataclasses import replace

    from frontlines.records import PlaceKind
    from tests.events.conftest import place

    coarse = {"country": Precision.COUNTRY, "admin1": Precision.ADMIN1}
    found = tuple(replace(place(text, name, lat=10.0 + k, lon=20.0 + k, admin1=admin1,
                                precision=coarse.get(kind, Precision.EXACT)), kind=PlaceKind(kind))
                  for k, (name, kind, admin1) in enumerate(places))
    events = [e for e in run_events(text, places=found) if e.plover_type == "ASSAULT"]
    assert events, text
    assert (events[0].place.text if events[0].place else None) == expected, (events[0].trigger, events[0].place)


def test_agent_tokens_worked_out_once_gives_each_caller_its_own_list(nlp) -> None:
    # the doers are kept per word (events.tree's memo): a caller that changes its list changes no other's
    from frontlines.events.roles import agent_tokens

    doc = nlp("Russian forces shelled the village and seized the bridge.")
    shelled = next(t for t in doc if t.text == "shelled")
    first = agent_tokens(shelled)
    assert [t.text for t in first] == ["forces"]
    first.clear()
    assert [t.text for t in agent_tokens(shelled)] == ["forces"]
    assert [t.text for t in agent_tokens(doc[1])] == ["Russian"]  # the noun "forces": its own answer, not the verb's


@pytest.mark.parametrize(
    ("text", "doers"),
    [
        ("Three civilians injured.", []),
        ("Two soldiers killed near Bakhmut.", []),
        # negative cases: an object, or an auxiliary, and the subject is the doer or the passive's patient
        ("Gunmen killed three farmers in the village.", ["Gunmen"]),
        ("Gunmen have killed three farmers.", ["Gunmen"]),
    ],
)
def test_a_reduced_passive_has_no_doer(nlp, text: str, doers: list) -> None:
    from frontlines.events.roles import agent_tokens

    head = next(t for t in nlp(text) if t.lemma_ in ("injure", "kill"))
    assert [t.text for t in agent_tokens(head)] == doers
