"""events.coreference: when two mentions may tell one happening, as far as where and when go;
and the merges that use it (events v5). Table tests, negatives included."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.events.coreference import best_fields, places_compatible, times_compatible
from frontlines.records import Evidence, Place, PlaceKind, Precision, TimeValue
from tests.events.conftest import place, timev

_EV = Evidence(article_id="t", start=0, end=1, text="x")


def _p(name: str, kind: PlaceKind, lat: float, lon: float, admin1: str | None, country: str = "UKR") -> Place:
    return Place(text=name, evidence=_EV, name=name, gazetteer_id=f"test:{name}", kind=kind, lat=lat, lon=lon,
                 admin1=admin1, country=country, precision=Precision.EXACT)


KHARKIV_OBLAST = _p("Kharkiv Oblast", PlaceKind.ADMIN1, 49.5, 36.5, "Kharkiv Oblast")
VOVCHANSK = _p("Vovchansk", PlaceKind.SETTLEMENT, 50.29, 36.94, "Kharkiv Oblast")
IZIUM = _p("Izium", PlaceKind.SETTLEMENT, 49.21, 37.25, "Kharkiv Oblast")
BAKHMUT = _p("Bakhmut", PlaceKind.SETTLEMENT, 48.59, 38.0, "Donetsk Oblast")
UKRAINE = _p("Ukraine", PlaceKind.COUNTRY, 49.0, 32.0, None)
BELGOROD = _p("Belgorod", PlaceKind.SETTLEMENT, 50.6, 36.6, "Belgorod Oblast", "RUS")
MOGADISHU = _p("Mogadishu", PlaceKind.SETTLEMENT, 2.04, 45.34, "Banaadir", "SOM")
ZOBE = _p("Zobe intersection", PlaceKind.FACILITY, 2.05, 45.32, "Banaadir", "SOM")
GAZA_STRIP = _p("Gaza Strip", PlaceKind.REGION, 31.42, 34.37, None, "PSE")
RAFAH = _p("Rafah", PlaceKind.SETTLEMENT, 31.29, 34.25, "Rafah", "PSE")

PLACES = [
    (VOVCHANSK, VOVCHANSK, True),
    (KHARKIV_OBLAST, VOVCHANSK, True),  # a town inside the oblast the other mention names
    (VOVCHANSK, KHARKIV_OBLAST, True),
    (UKRAINE, BAKHMUT, False),  # a country is what a text names when it names no place: no merge by it
    (MOGADISHU, ZOBE, True),  # a junction in the city: near
    (None, BAKHMUT, True),  # no place told against another
    (VOVCHANSK, IZIUM, False),  # two towns of one oblast are two places
    (_p("Kupiansk", PlaceKind.SETTLEMENT, 49.71, 37.61, "Kharkiv Oblast"),
     _p("Kupiansk-Vuzlovyi", PlaceKind.SETTLEMENT, 49.66, 37.68, "Kharkiv Oblast"), False),  # near, still two villages
    (KHARKIV_OBLAST, BAKHMUT, False),  # a town of another oblast
    (UKRAINE, BELGOROD, False),  # a town of another country
    (GAZA_STRIP, RAFAH, False),  # an area's centroid near a town says nothing: no hierarchy, no merge
]


@pytest.mark.parametrize(("a", "b", "expected"), PLACES)
def test_places_compatible(a: Place | None, b: Place, expected: bool) -> None:
    assert places_compatible(a, b) is expected


def _t(value: str, start: str, end: str, resolution: str = "explicit") -> TimeValue:
    from frontlines.records import Resolution

    return TimeValue(text=value, evidence=_EV, value=value, start=dt.date.fromisoformat(start),
                     end=dt.date.fromisoformat(end), resolution=Resolution(resolution))


SATURDAY = _t("2022-10-29", "2022-10-29", "2022-10-29")
SATURDAY_AFTERNOON = _t("2022-10-29TAF", "2022-10-29", "2022-10-29")
SUNDAY = _t("2022-10-30", "2022-10-30", "2022-10-30")
OCTOBER = _t("2022-10", "2022-10-01", "2022-10-31")
PUBLICATION = _t("2022-10-30", "2022-10-30", "2022-10-30", "default")

TIMES = [
    (SATURDAY, SATURDAY_AFTERNOON, True),  # the afternoon of that Saturday
    (OCTOBER, SATURDAY, False),  # a month around a day is not that day
    (PUBLICATION, SATURDAY, True),  # the publication's default date is no date of its own
    (None, SATURDAY, True),
    (SATURDAY, SUNDAY, False),  # own dates that differ
    (SATURDAY_AFTERNOON, SUNDAY, False),
]


@pytest.mark.parametrize(("a", "b", "expected"), TIMES)
def test_times_compatible(a: TimeValue | None, b: TimeValue, expected: bool) -> None:
    assert times_compatible(a, b) is expected


def test_the_merged_event_keeps_the_finest_place_and_date() -> None:
    best = best_fields(KHARKIV_OBLAST, OCTOBER, VOVCHANSK, SATURDAY)
    assert best.place and best.time
    best = best_fields(VOVCHANSK, SATURDAY, KHARKIV_OBLAST, OCTOBER)
    assert not best.place and not best.time
    best = best_fields(VOVCHANSK, SATURDAY, IZIUM, None)  # neither inside the other; no own date
    assert not best.place and not best.time


def _assaults(events) -> list:  # noqa: ANN001
    return [e for e in events if e.plover_type == "ASSAULT"]


def test_a_later_telling_at_another_hour_of_the_same_day_is_the_same_bombing(run_events) -> None:
    text = ("Two car bombs exploded at a busy junction in the capital on Saturday, killing 100 people. "
            "The first blast hit the education ministry in the early afternoon.")
    day = timev(text, "on Saturday", "2022-10-29")
    hour = TimeValue(text="in the early afternoon", evidence=timev(text, "in the early afternoon", "2022-10-29").evidence,
                     value="2022-10-29TAF", start=dt.date(2022, 10, 29), end=dt.date(2022, 10, 29), granularity="time")
    events = _assaults(run_events(text, times=(day, hour)))
    assert len(events) == 1, [(e.trigger, e.time) for e in events]


def test_a_definite_telling_of_another_day_stays_apart(run_events) -> None:
    text = ("Two car bombs exploded at a busy junction in the capital on Saturday, killing 100 people. "
            "The first blast of that series had hit the ministry on Friday.")
    events = _assaults(run_events(text, times=(timev(text, "on Saturday", "2022-10-29"),
                                                timev(text, "on Friday", "2022-10-28"))))
    assert len(events) == 2, [(e.trigger, e.time) for e in events]


def test_a_noun_naming_no_means_is_the_sentences_bombing(run_events) -> None:
    text = ("The junction was the site of a truck bombing on 14 October 2017 that killed more than 500 people, "
            "the worst attack in the country's history.")
    events = _assaults(run_events(text, times=(timev(text, "14 October 2017", "2017-10-14"),)))
    assert len(events) == 1, [(e.trigger, e.acled_sub_event_type) for e in events]
    assert events[0].acled_sub_event_type != "Attack"


def test_a_casualty_clause_naming_the_attacks_place_is_its_toll(run_events) -> None:
    text = ("Gunmen stormed a hotel in Mogadishu on Friday evening. "
            "At least 21 people were killed in Mogadishu, according to the health minister.")
    p1 = place(text, "Mogadishu", lat=2.04, lon=45.34)
    p2 = Place(text="Mogadishu", evidence=Evidence(article_id="t", start=text.rindex("Mogadishu"),
                                                    end=text.rindex("Mogadishu") + 9, text="Mogadishu"),
               name="Mogadishu", lat=2.04, lon=45.34, precision=Precision.EXACT, country="UKR")
    events = _assaults(run_events(text, places=(p1, p2)))
    assert len(events) == 1, [(e.trigger, e.place and e.place.name) for e in events]


def test_a_casualty_clause_naming_another_town_stays_its_own(run_events) -> None:
    text = ("Gunmen stormed a hotel in Mogadishu on Friday evening. "
            "At least 21 people were killed in Kismayo, according to the health minister.")
    p1 = place(text, "Mogadishu", lat=2.04, lon=45.34)
    p2 = place(text, "Kismayo", lat=-0.36, lon=42.55)
    events = _assaults(run_events(text, places=(p1, p2)))
    assert len(events) == 2, [(e.trigger, e.place and e.place.name) for e in events]


DESCRIPTIONS = [
    ("It killed 500 people, the worst attack in the country's history.", "attack", True),
    ("The ministry condemned the attack.", "attack", True),
    ("Some of the dead bore signs of torture.", "torture", False),  # bare: no description of another
    ("They said an attack was likely.", "attack", False),  # indefinite
    ("The army's attack on the town began at dawn.", "attack", False),  # a doer of its own
]


@pytest.mark.parametrize(("text", "word", "expected"), DESCRIPTIONS)
def test_a_description_is_a_definite_noun_with_no_doer(nlp, text: str, word: str, expected: bool) -> None:  # noqa: ANN001
    from frontlines.events.merge import _description

    doc = nlp(text)
    head = next(t for t in doc if t.text == word)
    assert _description(head) is expected


def test_fighting_and_a_change_of_hands_are_two_happenings(run_events) -> None:
    text = ("The fighting erupted on Saturday morning in the capital. "
            "The rebels said on Saturday they had seized the town of Merowe.")
    sat = timev(text, "on Saturday morning", "2023-04-15")
    merowe = place(text, "Merowe", lat=18.47, lon=31.82)
    events = _assaults(run_events(text, places=(merowe,),
                                  times=(sat, timev(text, "on Saturday they", "2023-04-15"))))
    assert len(events) == 2, [(e.trigger, e.acled_sub_event_type) for e in events]
