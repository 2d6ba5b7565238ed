"""/api/map (api/markers.py): the map's lean markers. The same events and incidents as the full GeoJSON
routes, with the same filters, the same honest markers (sized and numbered by casualty tolls only) and the
same coarse periods, in a fraction of the bytes; errors in the one error shape."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from tests.api.conftest import _client

EVENT_PROPS = {"plover_type", "status", "period", "location", "toll", "review"}
INCIDENT_PROPS = {"plover_type", "period", "location", "corroboration", "reports"}


@pytest.fixture(scope="module")
def map_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The demo articles, the honest ones (a year, a month, a population, troops, a vague toll) and several
    reports of the same happenings, merged into incidents as `frontlines run` does."""
    from frontlines.control import update_after_run
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill, honest_specs, sequence_specs

    path = str(tmp_path_factory.mktemp("markers") / "markers.db")
    store = open_store(path)
    built = fill(store, [*demo_specs(), *honest_specs(), *sequence_specs()])
    update_after_run(store, [a.id for a, _ in built])
    store.close()
    yield from _client(Settings(db=path))


def _get(client: Any, path: str, **params: Any) -> dict[str, Any]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _full_events(client: Any, **params: Any) -> dict[str, dict[str, Any]]:
    fc = _get(client, "/api/events.geojson", limit=10_000, **params)
    return {f["id"]: f for f in fc["features"]}


def test_event_markers_are_lean_geojson(map_client) -> None:  # noqa: ANN001
    fc = _get(map_client, "/api/map/events")
    assert fc["type"] == "FeatureCollection" and fc["features"]
    assert fc["properties"] == {"total": _get(map_client, "/api/events", limit=1)["total"], "limit": 10_000,
                                "offset": 0}
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["id"], str) and len(f["id"]) == 40
        assert f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2
        assert set(f["properties"]) == EVENT_PROPS
    periods = [f["properties"]["period"] for f in fc["features"]]
    assert periods == sorted(periods, key=lambda p: p[:10], reverse=True)  # newest first
    full = map_client.get("/api/events.geojson", params={"limit": 10_000}).content
    lean = map_client.get("/api/map/events").content
    assert len(lean) * 3 < len(full), (len(lean), len(full))


def test_event_markers_are_the_full_features_honest_figures(map_client) -> None:  # noqa: ANN001
    full = _full_events(map_client)
    lean = {f["id"]: f for f in _get(map_client, "/api/map/events")["features"]}
    assert set(lean) == set(full)  # every located event, no other
    for key, f in lean.items():
        p, q = f["properties"], full[key]["properties"]
        assert f["geometry"]["coordinates"] == pytest.approx(full[key]["geometry"]["coordinates"], abs=1e-5)
        assert (p["plover_type"], p["status"], p["period"], p["location"]) == (
            q["plover_type"], q["status"], q["period"], q["location"])
        toll = p["toll"]
        if q["casualties"] is None:
            assert toll is None
        else:  # the figure quantities/tolls.py decides: what sizes, what is drawn, and the words around it
            assert toll == {"kind": q["quantity_kind"], "size": q["quantity"], "marker": q["marker"],
                            "label": q["casualties"]["label"]}


def _by_place(client: Any, where: str, text: str = "") -> dict[str, Any]:
    """The lean marker of the one event at 'Place|event_date' whose sentence contains ``text``."""
    full = _full_events(client)
    (key,) = [k for k, f in full.items()
              if f"{f['properties']['location']}|{f['properties']['event_date']}" == where
              and text in f["properties"]["notes"]]
    (marker,) = [f for f in _get(client, "/api/map/events")["features"] if f["id"] == key]
    return marker["properties"]


def test_only_casualty_tolls_size_and_number_an_event_marker(map_client) -> None:  # noqa: ANN001
    assert _by_place(map_client, "Kramatorsk|2023-05-02")["toll"] is None  # "a city of 150,000 people"
    assert _by_place(map_client, "Bakhmut|2023-05-02")["toll"] is None  # "24 troops"
    vague = _by_place(map_client, "Kharkiv|2023-05-02")["toll"]  # "dozens of civilians" killed: words, not 99
    assert vague == {"kind": "killed", "size": 24, "marker": "", "label": "dozens of civilians killed (24 to 99)"}
    toll = _by_place(map_client, "Mykolaiv|2022-11-08", "killing 7 people")["toll"]
    assert toll == {"kind": "killed", "size": 7, "marker": "7", "label": "7 killed"}
    for f in _get(map_client, "/api/map/events")["features"]:
        toll = f["properties"]["toll"]
        if toll is not None:
            assert toll["kind"] in ("killed", "injured", "casualties") and toll["marker"] in toll["label"]


def test_coarse_dates_stay_periods_on_the_markers(map_client) -> None:  # noqa: ANN001
    assert _by_place(map_client, "Izium|2022-01-01")["period"] == "2022"  # "2022", never 2022-01-01
    assert _by_place(map_client, "Kupiansk|2022-04-01")["period"] == "2022-04"
    incidents = _get(map_client, "/api/map/incidents")["features"]
    assert [f["properties"]["period"] for f in incidents if f["properties"]["location"] == "Izium"] == ["2022"]


@pytest.mark.parametrize("params", [
    {"type": "RETREAT"}, {"status": "claimed"}, {"since": "2022-11-09", "until": "2022-11-11"},
    {"bbox": "35,48,39,51"}, {"side": "UKR"}, {"actor": "russian"}, {"place": "kher"}, {"text": "village"},
    {"country": "UKR", "type": "ASSAULT"},
])
def test_event_markers_take_the_event_filters(map_client, params) -> None:  # noqa: ANN001
    lean = _get(map_client, "/api/map/events", **params)
    assert {f["id"] for f in lean["features"]} == set(_full_events(map_client, **params))
    assert lean["properties"]["total"] == _get(map_client, "/api/events", **params)["total"]


def test_event_markers_page_newest_first(map_client) -> None:  # noqa: ANN001
    every = [f["id"] for f in _get(map_client, "/api/map/events")["features"]]
    pages = [f["id"] for o in (0, 3) for f in _get(map_client, "/api/map/events", limit=3, offset=o)["features"]]
    assert pages == every[:6] and len(set(every)) == len(every)


def _full_incidents(client: Any, **params: Any) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in _get(client, "/api/incidents.geojson", limit=10_000, **params)["features"]}


def test_incident_markers_are_the_full_features_counted_by_reports(map_client) -> None:  # noqa: ANN001
    fc = _get(map_client, "/api/map/incidents")
    full = _full_incidents(map_client)
    assert {f["id"] for f in fc["features"]} == set(full) and fc["features"]
    assert fc["properties"]["total"] == _get(map_client, "/api/incidents", limit=1)["total"]
    for f in fc["features"]:
        p, q = f["properties"], full[f["id"]]["properties"]
        assert set(p) == INCIDENT_PROPS and f["geometry"]["type"] == "Point"
        assert (p["plover_type"], p["period"], p["location"], p["corroboration"], p["reports"]) == (
            q["plover_type"], q["period"], q["location"], q["corroboration"], q["reports"])
    assert any(f["properties"]["reports"] > 1 for f in fc["features"])


@pytest.mark.parametrize("params", [
    {"corroboration": "independent"}, {"min_reports": 2}, {"type": "ASSAULT", "until": "2022-11-10"},
    {"status": "denied"}, {"bbox": "35,48,39,51"},
])
def test_incident_markers_take_the_incident_filters(map_client, params) -> None:  # noqa: ANN001
    assert {f["id"] for f in _get(map_client, "/api/map/incidents", **params)["features"]} == set(
        _full_incidents(map_client, **params))


@pytest.mark.parametrize("path", ["/api/map/events", "/api/map/incidents"])
@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 20_001}, {"offset": -1}, {"bbox": "40,50,30,45"},
                                    {"bbox": "1,2,3"}, {"type": "NOPE"}, {"since": "2022-11-10", "until": "2022-11-01"}])
def test_bad_marker_parameters_are_422s_in_the_one_error_shape(map_client, path, params) -> None:  # noqa: ANN001
    r = map_client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body == {"ok": False, "error": body["error"], "status": 422, "code": body.get("code")} and body["error"]
