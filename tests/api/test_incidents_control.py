"""/api/incidents and /api/control over stored incidents and control changes (built here from records)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from frontlines.config import Settings
from frontlines.records import ControlChange, ControlStatus, Incident, Report
from frontlines.store import EventFilter
from tests.api.conftest import _client


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The demo store plus one incident (the two Kherson withdrawal reports) and one control change."""
    from frontlines.store import open_store
    from tests.api.builders import fill

    path = tmp_path_factory.mktemp("inc") / "inc.db"
    store = open_store(str(path))
    built = fill(store)
    rows = store.list_events(EventFilter(plover_type="RETREAT", place="Kherson"))  # one report per article
    reports = tuple(Report(article_id=r["article_id"], event_key=r["key"], source=r["source"], independent=True,
                           published=dt.date.fromisoformat(r["published"]), status=r["status"]) for r in rows)
    place = built[0][1].events[0].place
    store.replace_incidents([], [Incident(
        id="inc0000000000000000000000000000000000001", plover_type="RETREAT",
        acled_sub_event_type="Non-violent transfer of territory", place=place, start=dt.date(2022, 11, 9),
        end=dt.date(2022, 11, 11), reports=reports, independent_sources=2, corroboration="independent",
        earliest_report=dt.date(2022, 11, 9))])
    aid = built[1][0].id
    change = ControlChange(settlement=place, to_side="UKR", from_side="RUS", date=dt.date(2022, 11, 11),
                           status=ControlStatus.CONFIRMED, basis=(rows[-1]["key"],), confidence=0.9,
                           sources=("Kyiv Daily",), independent_sources=1)
    store.replace_control_changes([aid], [(aid, rows[-1]["key"], change)])
    store.close()
    yield from _client(Settings(db=str(path)))


def test_list_and_get_incident(merged) -> None:  # noqa: ANN001
    body = merged.get("/api/incidents").json()
    assert body["ok"] is True and len(body["incidents"]) == 1
    inc = body["incidents"][0]
    assert inc["corroboration"] == "independent" and len(inc["reports"]) == 2
    one = merged.get("/api/incidents/inc000000").json()["incident"]
    assert one["id"] == inc["id"] and one["place"]["name"] == "Kherson"


@pytest.mark.parametrize(("params", "n"), [({"corroboration": "disputed"}, 0), ({"type": "RETREAT"}, 1),
                                           ({"min_reports": 3}, 0), ({"since": "2022-11-12"}, 0)])
def test_incident_filters(merged, params, n) -> None:  # noqa: ANN001
    assert len(merged.get("/api/incidents", params=params).json()["incidents"]) == n


@pytest.mark.parametrize(("path", "params", "status"), [
    ("/api/incidents", {"corroboration": "rumour"}, 422), ("/api/incidents", {"min_reports": 0}, 422),
    ("/api/incidents", {"since": "2022-11-12", "until": "2022-11-01"}, 422), ("/api/incidents/ffffffff", {}, 404),
    ("/api/control", {}, 422), ("/api/control", {"date": "2022-11-31"}, 422), ("/api/control.geojson", {}, 422),
])
def test_bad_requests(merged, path, params, status) -> None:  # noqa: ANN001
    r = merged.get(path, params=params)
    assert r.status_code == status and r.json()["ok"] is False and r.json()["status"] == status


def test_control_on_a_date(merged) -> None:  # noqa: ANN001
    before = merged.get("/api/control", params={"date": "2022-11-10"}).json()
    assert before["ok"] is True and before["settlements"] == []
    after = merged.get("/api/control", params={"date": "2022-11-12"}).json()
    (kherson,) = after["settlements"]
    assert kherson["settlement"]["name"] == "Kherson" and kherson["to_side"] == "UKR"
    geo = merged.get("/api/control.geojson", params={"date": "2022-11-12", "region": "Kherson"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["properties"]["side"] == "UKR"
