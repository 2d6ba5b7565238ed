"""Store against SQLite and PostgreSQL (a real connection to 127.0.0.1:5432)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.errors import NotFound, StoreError
from frontlines.records import (
    Actor,
    ArticleStatus,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Rejection,
    Sector,
    StageInfo,
    TimeValue,
)
from frontlines.store import EventFilter, open_store, resolve_url
from tests.conftest import make_article


def _extraction(article_id: str, text: str) -> Extraction:
    ev = Evidence(article_id=article_id, start=0, end=len(text), text=text)
    place = Place(text="Kharkiv", evidence=Evidence(article_id=article_id, start=23, end=30, text="Kharkiv"),
                  name="Kharkiv", gazetteer_id="geonames:706483", kind=PlaceKind.SETTLEMENT, lat=49.98, lon=36.25,
                  admin1="Kharkiv Oblast", country="UKR", precision=Precision.EXACT, reason="population")
    time = TimeValue(text="Monday", evidence=Evidence(article_id=article_id, start=34, end=40, text="Monday"),
                     value="2022-11-07", start=dt.date(2022, 11, 7), end=dt.date(2022, 11, 7), granularity="day")
    actor = Actor(text="Russian forces", evidence=Evidence(article_id=article_id, start=0, end=14, text="Russian forces"),
                  name="Russian Armed Forces", country="RUS", sector=Sector.MILITARY, side="RUS")
    killed = Quantity(text="3 killed", evidence=ev, kind="killed", value=3)
    event = Event(evidence=ev, trigger="shelled", plover_type="ASSAULT", acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Shelling/artillery/missile attack", sources=(actor,), place=place, time=time,
                  quantities=(killed,), status=EventStatus.HAPPENED, confidence=0.8, stages=("events.coder@1",))
    return Extraction(article_id=article_id, places=(place,), times=(time,), actors=(actor,), quantities=(killed,),
                      events=(event,), stages=(StageInfo(name="geo.places", version="1"),))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("frontlines.db", "sqlite:///frontlines.db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_resolve_url(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_migrations_create_schema(store) -> None:  # noqa: ANN001
    assert store.schema_version() == "0001" or store.schema_version() is not None
    assert store.stats()["articles"] == 0


def test_add_article_is_idempotent(store) -> None:  # noqa: ANN001
    a = make_article()
    assert store.add_article(a) is True
    assert store.add_article(a) is False
    assert store.has_article(a.id)
    got = store.get_article(a.id)
    assert got.text == a.text and got.published == dt.date(2022, 11, 9) and got.status is ArticleStatus.PENDING
    assert store.get_article(a.id[:8]).id == a.id  # unambiguous prefix
    with pytest.raises(NotFound):
        store.get_article("0000nothere")


def test_save_extraction_replaces_and_roundtrips(store) -> None:  # noqa: ANN001
    a = make_article()
    store.add_article(a)
    ex = _extraction(a.id, a.text)
    store.save_extraction(ex)
    store.save_extraction(ex)  # a rerun replaces, never duplicates
    stats = store.stats()
    assert stats["events"] == 1 and stats["places"] == 1 and stats["articles_by_status"] == {"processed": 1}
    assert (stats["incidents"], stats["control_changes"]) == (0, 0)  # nothing merged across articles yet
    back = store.get_extraction(a.id)
    assert back.events[0] == ex.events[0]
    assert back.places == ex.places and back.times == ex.times and back.stages == ex.stages


def test_event_filters(store) -> None:  # noqa: ANN001
    a = make_article()
    store.add_article(a)
    store.save_extraction(_extraction(a.id, a.text))
    assert len(store.list_events(EventFilter(plover_type="assault"))) == 1
    assert len(store.list_events(EventFilter(plover_type="RETREAT"))) == 0
    assert len(store.list_events(EventFilter(bbox=(36.0, 49.0, 37.0, 50.5)))) == 1
    assert len(store.list_events(EventFilter(bbox=(30.0, 49.0, 31.0, 50.5)))) == 0
    assert len(store.list_events(EventFilter(since=dt.date(2022, 11, 8)))) == 0
    assert len(store.list_events(EventFilter(until=dt.date(2022, 11, 8), actor="russian"))) == 1
    assert len(store.list_events(EventFilter(text="50%'; DROP TABLE events; --"))) == 0
    assert store.count_events(EventFilter(country="UKR")) == 1
    stored = store.list_events()[0]
    assert stored.fatalities == 3 and stored.source == "Test Wire" and stored.actor1_country == "RUS"
    assert store.get_event(stored.key) == stored
    assert store.event_counts("date") == [(dt.date(2022, 11, 7), 1)]
    with pytest.raises(StoreError):
        store.event_counts("text; drop")


def test_stats_count_incidents_and_control_changes(store) -> None:  # noqa: ANN001
    from frontlines.incidents import update_after_run
    from frontlines.store import IncidentFilter
    from tests.api.builders import demo_specs, fill, sequence_specs

    built = fill(store, [*demo_specs(), *sequence_specs()])
    update_after_run(store, [a.id for a, _ in built])
    stats = store.stats()
    assert stats["incidents"] == len(store.list_incidents(IncidentFilter(limit=1000))) > 0
    assert stats["control_changes"] == len(store.list_control_changes()) > 0


def test_rejections_are_kept_once(store) -> None:  # noqa: ANN001
    r = Rejection(origin="x.jsonl:3", code="E104", message="Expecting value at column 1")
    assert store.add_rejection(r) is True
    assert store.add_rejection(r) is False
    assert store.stats()["rejections_by_code"] == {"E104": 1}


def test_reset_status_and_pending(store) -> None:  # noqa: ANN001
    a, b = make_article("One article about shelling."), make_article("Another article about drones.")
    store.add_article(a)
    store.add_article(b)
    store.save_extraction(_extraction(a.id, a.text))
    assert store.pending_ids() == [b.id]
    assert store.reset_status() == 2
    assert sorted(store.pending_ids()) == sorted([a.id, b.id])


def test_iter_articles_streams_all(sqlite_store) -> None:  # noqa: ANN001
    for i in range(7):
        sqlite_store.add_article(make_article(f"Article number {i} about the front."))
    assert len(list(sqlite_store.iter_articles(batch=3))) == 7


def test_unreachable_database_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody@127.0.0.1:1/nothing")
    assert "E701" in str(err.value)


@pytest.mark.parametrize(
    ("value", "start", "expected"),
    [
        ("2022-11-09", dt.date(2022, 11, 2), dt.date(2022, 11, 9)),  # publication fallback: a week ending on the day
        ("2022-11-09TEV", dt.date(2022, 11, 9), dt.date(2022, 11, 9)),
        ("2022-03", dt.date(2022, 3, 1), dt.date(2022, 3, 1)),
        ("PAST_REF", dt.date(2022, 10, 12), dt.date(2022, 10, 12)),
        (None, None, None),
    ],
)
def test_event_date(value, start, expected) -> None:  # noqa: ANN001
    from frontlines.store.mapping import event_date

    ev = Evidence(article_id="a", start=0, end=1, text="x")
    tv = TimeValue(text="x", evidence=ev, value=value, start=start, end=start)
    assert event_date(tv) == expected
    assert event_date(None) is None
