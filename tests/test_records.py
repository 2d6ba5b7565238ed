import datetime as dt

import pytest

from frontlines.records import (
    Actor,
    Event,
    EventStatus,
    Evidence,
    Incident,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Quote,
    Sector,
    TimeValue,
    from_dict,
    to_dict,
)

EV = Evidence(article_id="a1", start=0, end=10, text="0123456789")


def test_records_are_frozen_and_keyword_only() -> None:
    with pytest.raises(TypeError):
        Evidence("a1", 0, 1, "x")  # type: ignore[misc]
    with pytest.raises(AttributeError):
        EV.start = 3  # type: ignore[misc]


def test_event_roundtrips_through_json_form() -> None:
    actor = Actor(text="Russian troops", evidence=EV, name="Russian Armed Forces", country="RUS", sector=Sector.MILITARY)
    place = Place(text="Izium", evidence=EV, name="Izium", kind=PlaceKind.SETTLEMENT, lat=49.2, lon=37.3,
                  precision=Precision.NEAR, country="UKR")
    time = TimeValue(text="in March", evidence=EV, value="2022-03", start=dt.date(2022, 3, 1),
                     end=dt.date(2022, 3, 31), granularity="month")
    event = Event(evidence=EV, trigger="captured", plover_type="ASSAULT", sources=(actor,), place=place, time=time,
                  quantities=(Quantity(text="dozens", evidence=EV, kind="settlements", low=24, high=99),),
                  status=EventStatus.CLAIMED, stages=("events.coder@1",))
    data = to_dict(event)
    assert data["status"] == "claimed" and data["time"]["start"] == "2022-03-01"
    assert from_dict(Event, data) == event


def test_quote_and_incident_roundtrip() -> None:
    q = Quote(content="we will return", evidence=EV, direct=True, speaker=None, speaker_text="one channel")
    assert from_dict(Quote, to_dict(q)) == q
    inc = Incident(id="i1", plover_type="ASSAULT", acled_sub_event_type=None, place=None, start=dt.date(2022, 1, 1),
                   end=None, quantity_ranges={"killed": (3.0, 5.0)})
    assert from_dict(Incident, to_dict(inc)) == inc
