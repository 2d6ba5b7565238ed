"""store/incidents.py against SQLite and PostgreSQL: incidents replaced whole, filtered in SQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from frontlines.errors import NotFound
from frontlines.records import MapIncident
from frontlines.store import EventFilter, IncidentFilter
from tests.store.samples import article, extraction, incident, place


@pytest.fixture
def two_reports(store):  # noqa: ANN001, ANN201
    """Two articles with one Kharkiv shelling each, and their event keys."""
    a, b = article("Russian forces shelled Kharkiv on Monday."), article("Kharkiv was shelled, officials said.")
    for x in (a, b):
        store.add_article(x)
        store.save_extraction(extraction(x))
    keys = [(e.article_id, e.key) for e in store.read_events(article_ids=[a.id, b.id])]
    return store, a, keys


def test_replace_list_get_incidents(two_reports) -> None:  # noqa: ANN001
    store, a, keys = two_reports
    where = place(a.id)
    store.replace_incidents([], [incident("inc1" + "0" * 36, keys, where=where, corroboration="independent")])
    (got,) = store.list_incidents()
    assert got.id.startswith("inc1") and len(got.reports) == 2 and got.place == where
    assert store.get_incident("inc1") == got  # by prefix
    assert store.incident_ids() == [got.id]
    assert store.incident_ids_for_events([k for _, k in keys]) == [got.id]
    assert store.incident_event_keys([got.id]) == sorted(k for _, k in keys)
    # the same events merged again into another incident: the old one is dropped
    store.replace_incidents([], [incident("inc2" + "0" * 36, keys[:1]), incident("inc3" + "0" * 36, keys[1:])])
    assert store.incident_ids() and sorted(store.incident_ids()) == ["inc2" + "0" * 36, "inc3" + "0" * 36]
    with pytest.raises(NotFound):
        store.get_incident("inc1")
    with pytest.raises(NotFound, match="ambiguous"):
        store.get_incident("inc")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (IncidentFilter(), 2),
        (IncidentFilter(min_reports=2), 1),
        (IncidentFilter(corroboration="independent"), 1),
        (IncidentFilter(since=dt.date(2022, 11, 8)), 0),
        (IncidentFilter(until=dt.date(2022, 11, 7), plover_type="assault"), 2),
        (IncidentFilter(bbox=(36.0, 49.0, 37.0, 50.5)), 1),  # the other has no place
        (IncidentFilter(members=EventFilter(place="Kharkiv")), 1),
        (IncidentFilter(members=EventFilter(place="Odesa")), 0),
    ],
)
def test_incident_filters(two_reports, where: IncidentFilter, expected: int) -> None:  # noqa: ANN001
    store, a, keys = two_reports
    store.replace_incidents([], [incident("inc1" + "0" * 36, keys, where=place(a.id), corroboration="independent"),
                                 incident("inc2" + "0" * 36, [])])
    assert len(store.list_incidents(where)) == store.count_incidents(where) == expected


def test_orphans_after_reprocessing(two_reports) -> None:  # noqa: ANN001
    store, a, keys = two_reports
    store.replace_incidents([], [incident("inc1" + "0" * 36, keys)])
    assert store.orphan_incident_ids() == []
    store.save_extraction(extraction(a, plover_type="FIGHT"))  # a new key for a's event
    assert store.orphan_incident_ids() == ["inc1" + "0" * 36]
    store.replace_incidents(["inc1" + "0" * 36], [])
    assert store.incident_ids() == [] and store.count_incidents() == 0


def test_map_incidents_read_what_a_marker_needs(two_reports) -> None:  # noqa: ANN001
    store, a, keys = two_reports
    unnamed = dataclasses.replace(place(a.id, lat=46.64, lon=32.61), name=None, text="the city")
    store.replace_incidents([], [
        incident("inc1" + "0" * 36, keys, where=place(a.id), corroboration="independent"),
        incident("inc2" + "0" * 36, keys[:0], where=unnamed, start=dt.date(2022, 10, 1)),
        incident("inc3" + "0" * 36, []),  # no place: not on the map
    ])
    assert store.map_incidents() == [
        MapIncident(id="inc1" + "0" * 36, lat=49.98, lon=36.25, plover_type="ASSAULT", period="2022-11-07",
                    location="Kharkiv", corroboration="independent", reports=2),
        MapIncident(id="inc2" + "0" * 36, lat=46.64, lon=32.61, plover_type="ASSAULT", period="2022-10-01",
                    location="the city", corroboration="single-source", reports=0),
    ]
    assert [m.id[:4] for m in store.map_incidents(IncidentFilter(limit=1, offset=1))] == ["inc2"]


@pytest.mark.parametrize(
    "where",
    [IncidentFilter(), IncidentFilter(min_reports=2), IncidentFilter(corroboration="independent"),
     IncidentFilter(since=dt.date(2022, 11, 8)), IncidentFilter(bbox=(36.0, 49.0, 37.0, 50.5)),
     IncidentFilter(members=EventFilter(place="Kharkiv")), IncidentFilter(members=EventFilter(place="Odesa"))],
)
def test_map_incidents_take_the_incident_filters(two_reports, where: IncidentFilter) -> None:  # noqa: ANN001
    store, a, keys = two_reports
    store.replace_incidents([], [incident("inc1" + "0" * 36, keys, where=place(a.id), corroboration="independent"),
                                 incident("inc2" + "0" * 36, [])])
    assert [m.id for m in store.map_incidents(where)] == [
        i.id for i in store.list_incidents(where) if i.place is not None and i.place.lat is not None]
