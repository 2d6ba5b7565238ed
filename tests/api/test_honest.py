"""Honest markers and coarse dates through the API and the exports: only casualties size or number a
marker, and a date known to its year or month is said as "2022" or "2022-04", never as a day."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from tests.api.conftest import _client


@pytest.fixture(scope="module")
def honest_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from frontlines.control import update_after_run
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill, honest_specs

    path = str(tmp_path_factory.mktemp("honest") / "honest.db")
    store = open_store(path)
    built = fill(store, [*demo_specs(), *honest_specs()])
    update_after_run(store, [a.id for a, _ in built])
    store.close()
    yield from _client(Settings(db=path))


def _features(client: Any) -> list[dict[str, Any]]:
    fc = client.get("/api/events.geojson", params={"limit": 1000}).json()
    return [f["properties"] for f in fc["features"]]


def _one(props: list[dict[str, Any]], where: str, text: str = "") -> dict[str, Any]:
    """The one event at 'Place|date' whose sentence contains ``text``."""
    (found,) = [p for p in props if f"{p['location']}|{p['event_date']}" == where and text in p["notes"]]
    return found


def test_only_casualties_size_and_number_a_marker(honest_client) -> None:  # noqa: ANN001
    props = _features(honest_client)
    population = _one(props, "Kramatorsk|2023-05-02")  # "a city of 150,000 people"
    assert population["quantity"] is None and population["marker"] == "" and population["casualties"] is None
    troops = _one(props, "Bakhmut|2023-05-02")  # "24 troops"
    assert troops["quantity"] is None and troops["marker"] == ""
    vague = _one(props, "Kharkiv|2023-05-02")  # "dozens of civilians" killed: words, not 99
    assert vague["marker"] == "" and vague["quantity"] == 24
    assert vague["casualties"]["label"] == "dozens of civilians killed (24 to 99)"
    toll = _one(props, "Mykolaiv|2022-11-08", "killing 7 people")
    assert toll["marker"] == "7" and toll["quantity"] == 7 and toll["casualties"]["label"] == "7 killed"
    for p in props:  # the number on a marker is always in its popup's words
        sized_by = p["quantity_kind"]
        assert sized_by in (None, "killed", "injured", "casualties")
        if p["marker"]:
            assert p["marker"] in p["casualties"]["label"]


def test_the_popup_shows_the_markers_figure(honest_client) -> None:  # noqa: ANN001
    for p in _features(honest_client):
        body = honest_client.get(f"/api/events/{p['key']}").json()
        assert body["casualties"] == p["casualties"]


def test_coarse_dates_keep_their_precision(honest_client) -> None:  # noqa: ANN001
    rows = honest_client.get("/api/events", params={"limit": 1000}).json()["events"]
    by_place = {r["location"]: r for r in rows if r["location"] in ("Izium", "Kupiansk")}
    assert by_place["Izium"]["period"] == "2022" and by_place["Izium"]["date"] == "2022-01-01"
    assert by_place["Kupiansk"]["period"] == "2022-04"
    assert all(len(r["period"]) == 10 for r in rows if r["location"] not in ("Izium", "Kupiansk"))
    props = _features(honest_client)
    izium = _one(props, "Izium|2022-01-01")
    assert izium["period"] == "2022" and izium["time_precision"] == 3
    assert _one(props, "Mykolaiv|2022-11-08", "killing 7 people")["time_precision"] == 1


def test_timeline_counts_by_period(honest_client) -> None:  # noqa: ANN001
    body = honest_client.get("/api/stats/events", params={"by": "period"}).json()
    counts = {c["key"]: c["count"] for c in body["counts"]}
    assert counts["2022"] == 1 and counts["2022-04"] == 1 and counts["2022-11-08"] == 1
    assert "2022-01-01" not in counts and body["total"] == sum(counts.values())


def test_incidents_say_their_period(honest_client) -> None:  # noqa: ANN001
    incidents = honest_client.get("/api/incidents", params={"limit": 1000}).json()["incidents"]
    izium = next(i for i in incidents if (i.get("place") or {}).get("name") == "Izium")
    assert izium["period"] == "2022" and izium["casualties"] is None
    fc = honest_client.get("/api/incidents.geojson", params={"limit": 1000}).json()
    kramatorsk = next(f["properties"] for f in fc["features"] if f["properties"]["location"] == "Kramatorsk")
    assert kramatorsk["quantity"] is None and kramatorsk["casualties"] is None


def test_csv_export_carries_acled_time_precision(honest_client) -> None:  # noqa: ANN001
    from frontlines.export import write
    from frontlines.store import EventFilter

    store = honest_client.app.state.store
    buf = io.BytesIO()
    write("events", "csv", store.list_events(EventFilter(limit=1000)), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue().decode("utf-8"))))
    by_place = {r["location"]: r for r in rows}
    assert by_place["Izium"]["time_precision"] == "3" and by_place["Izium"]["event_date"] == "2022-01-01"
    assert by_place["Kupiansk"]["time_precision"] == "3"
    assert by_place["Mykolaiv"]["time_precision"] == "1"
    assert "period" not in rows[0]  # ACLED's columns only
    buf = io.BytesIO()
    write("events", "jsonl", store.list_events(EventFilter(limit=1000, place="Izium")), buf)
    assert '"period": "2022"' in buf.getvalue().decode("utf-8")
