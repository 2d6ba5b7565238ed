"""store/events.py against SQLite and PostgreSQL: events read back as StoredEvent records."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.errors import NotFound, StoreError
from frontlines.records import MapEvent, StoredEvent, to_dict
from frontlines.store import EventFilter
from tests.store.samples import article, extraction, place


@pytest.fixture
def three(store):  # noqa: ANN001, ANN201
    """Kharkiv on 7 Nov, Kherson on 1 Oct, and an undated report published 9 Nov."""
    kharkiv, kherson, undated = (article("Russian forces shelled Kharkiv on Monday."),
                                 article("Russian forces shelled Kherson in October.", title="Kherson",
                                         published=dt.date(2022, 10, 2)),
                                 article("Russian forces shelled a village, officials said.", title="Undated"))
    for a in (kharkiv, kherson, undated):
        store.add_article(a)
    store.save_extraction(extraction(kharkiv))
    store.save_extraction(extraction(kherson, day=dt.date(2022, 10, 1),
                                     where=place(kherson.id, "Kherson", lat=46.64, lon=32.61, admin1="Kherson Oblast")))
    store.save_extraction(extraction(undated, day=None, plover_type="FIGHT"))
    return store, kharkiv, kherson, undated


@pytest.mark.parametrize(
    ("where", "titles"),
    [
        (EventFilter(), ["Kherson", "Shelling", "Undated"]),  # by date, undated last... as the database sorts NULL
        (EventFilter(plover_type="assault"), ["Kherson", "Shelling"]),
        (EventFilter(plover_type="RETREAT"), []),
        (EventFilter(bbox=(36.0, 49.0, 37.0, 50.5)), ["Shelling", "Undated"]),
        (EventFilter(bbox=(30.0, 49.0, 31.0, 50.5)), []),
        (EventFilter(since=dt.date(2022, 11, 1)), ["Shelling"]),
        (EventFilter(until=dt.date(2022, 11, 1), actor="russian"), ["Kherson"]),
        (EventFilter(place="kher"), ["Kherson"]),
        (EventFilter(country="ukr", side="rus", status="happened"), ["Kherson", "Shelling", "Undated"]),
        (EventFilter(text="50%'; DROP TABLE events; --"), []),
        (EventFilter(acled_type="Explosions/Remote violence", sort="-confidence"), ["Shelling", "Kherson", "Undated"]),  # tie: id
    ],
)
def test_event_filters(three, where: EventFilter, titles: list[str]) -> None:  # noqa: ANN001
    store = three[0]
    got = store.list_events(where)
    if where.sort == "date":
        got = sorted(got, key=lambda e: e.title)  # NULL dates sort first in SQLite, last in PostgreSQL
        titles = sorted(titles)
    assert [e.title for e in got] == titles
    assert store.count_events(where) == len(store.list_events(EventFilter(**{
        k: getattr(where, k) for k in where.__dataclass_fields__ if k not in ("limit", "sort")})))


def test_stored_event_record(three) -> None:  # noqa: ANN001
    store, kharkiv, _, _ = three
    (se,) = store.list_events(EventFilter(article_id=kharkiv.id))
    assert isinstance(se, StoredEvent)
    assert se.event == extraction(kharkiv).events[0]  # the Event itself, parsed once by the store
    assert (se.article_id, se.seq, se.source, se.title, se.url) == (
        kharkiv.id, 0, "Test Wire", "Shelling", kharkiv.url)
    assert (se.published, se.date, se.date_end, se.period) == (
        dt.date(2022, 11, 9), dt.date(2022, 11, 7), dt.date(2022, 11, 7), "2022-11-07")
    assert (se.location, se.country, se.admin1) == ("Kharkiv", "UKR", "Kharkiv Oblast")
    assert (se.actor1, se.actor1_country, se.actor2, se.fatalities) == ("Russian Armed Forces", "RUS", None, 3)
    assert store.get_event(se.key) == se
    with pytest.raises(NotFound):
        store.get_event("0" * 40)


def test_iter_events_streams_every_event(three) -> None:  # noqa: ANN001
    store = three[0]
    streamed = list(store.iter_events(batch=1))
    assert len(streamed) == 3 and [e.row_id for e in streamed] == sorted(e.row_id for e in streamed)
    assert {e.key for e in streamed} == {e.key for e in store.list_events()}


def test_read_events_by_articles_keys_and_window(three) -> None:  # noqa: ANN001
    store, kharkiv, kherson, undated = three
    by_article = store.read_events(article_ids=[kherson.id, kharkiv.id])
    assert [e.key for e in by_article] == sorted(e.key for e in by_article) and len(by_article) == 2
    assert store.read_events(keys=[by_article[0].key]) == [by_article[0]]
    in_november = store.read_events(window=(dt.date(2022, 11, 1), dt.date(2022, 11, 7)))
    assert {e.article_id for e in in_november} == {kharkiv.id}
    # an undated event is dated by its article: published 9 Nov, within 7 + 2 lag days
    lagged = store.read_events(window=(dt.date(2022, 11, 1), dt.date(2022, 11, 7)), undated_lag_days=2)
    assert {e.article_id for e in lagged} == {kharkiv.id, undated.id}
    assert len(store.read_events()) == 3
    with pytest.raises(ValueError):
        store.read_events(article_ids=[kharkiv.id], keys=["x"])


def test_event_counts(three) -> None:  # noqa: ANN001
    store = three[0]
    assert store.event_counts("plover_type") == [("ASSAULT", 2), ("FIGHT", 1)]
    assert sorted(store.event_counts("period", EventFilter(plover_type="ASSAULT"))) == [
        ("2022-10-01", 1), ("2022-11-07", 1)]
    with pytest.raises(StoreError):
        store.event_counts("text; drop")


def test_map_events_read_what_a_marker_needs(three) -> None:  # noqa: ANN001
    store, kharkiv, kherson, undated = three
    got = store.map_events()
    assert all(isinstance(m, MapEvent) for m in got)
    assert [m.period for m in got] == ["2022-11-07", "2022-10-01", None]  # newest first, undated last
    full = {e.key: e for e in store.list_events()}
    for m in got:  # the columns of the full record, and its quantities as stored (what tolls.py reads)
        e = full[m.key]
        assert (m.lat, m.lon, m.plover_type, m.status, m.period, m.location) == (
            e.lat, e.lon, e.event.plover_type, e.event.status.value, e.period, e.location)
        assert m.quantities == tuple(to_dict(e.event.quantities))


@pytest.mark.parametrize(
    "where",
    [EventFilter(), EventFilter(plover_type="assault"), EventFilter(bbox=(36.0, 49.0, 37.0, 50.5)),
     EventFilter(since=dt.date(2022, 11, 1)), EventFilter(until=dt.date(2022, 11, 1), actor="russian"),
     EventFilter(place="kher"), EventFilter(text="village"), EventFilter(plover_type="RETREAT")],
)
def test_map_events_take_the_event_filters(three, where: EventFilter) -> None:  # noqa: ANN001
    store = three[0]
    assert {m.key for m in store.map_events(where)} == {e.key for e in store.list_events(where) if e.lat is not None}


def test_map_events_leave_out_events_without_a_point_and_page(store) -> None:  # noqa: ANN001
    located, nowhere = article("Russian forces shelled Kharkiv."), article("Russian forces shelled a road.", title="Road")
    for a in (located, nowhere):
        store.add_article(a)
    store.save_extraction(extraction(located))
    unplaced = extraction(nowhere)
    store.save_extraction(dataclasses.replace(unplaced, events=(dataclasses.replace(unplaced.events[0], place=None),)))
    assert [m.location for m in store.map_events()] == ["Kharkiv"] and store.count_events() == 2
    assert store.map_events(EventFilter(limit=1, offset=1)) == []


def test_map_events_keep_a_coarse_date_coarse(store) -> None:  # noqa: ANN001
    a = article("Russian forces shelled Kharkiv in April.", title="April")
    store.add_article(a)
    ex = extraction(a)
    ev = ex.events[0]
    assert ev.time is not None
    april = dataclasses.replace(ev.time, value="2022-04", start=dt.date(2022, 4, 1), end=dt.date(2022, 4, 30),
                                granularity="month")
    store.save_extraction(dataclasses.replace(ex, events=(dataclasses.replace(ev, time=april),)))
    (m,) = store.map_events()
    assert m.period == "2022-04"  # not the 2022-04-01 it is listed under
