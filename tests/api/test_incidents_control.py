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
    store.clear_pending_updates(store.pending_update_ids())  # the cross-article state is built by hand below
    rows = store.list_events(EventFilter(plover_type="RETREAT", place="Kherson"))  # one report per article
    reports = tuple(Report(article_id=r.article_id, event_key=r.key, source=r.source, independent=True,
                           published=r.published, status=r.event.status.value) for r in rows)
    place = built[0][1].events[0].place
    store.replace_incidents([], [Incident(
        id="inc0000000000000000000000000000000000001", plover_type="RETREAT",
        acled_sub_event_type="Non-violent transfer of territory", place=place, start=dt.date(2022, 11, 9),
        end=dt.date(2022, 11, 11), reports=reports, independent_sources=2, corroboration="independent",
        earliest_report=dt.date(2022, 11, 9))])
    aid = built[1][0].id
    change = ControlChange(settlement=place, to_side="UKR", from_side="RUS", date=dt.date(2022, 11, 11),
                           status=ControlStatus.CONFIRMED, basis=(rows[-1].key,), confidence=0.9,
                           sources=("Kyiv Daily",), independent_sources=1)
    store.replace_control_changes([aid], [(aid, rows[-1].key, change)])
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


@pytest.fixture(scope="module")
def analyst(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Demo articles plus repeated reports and a capture/contest/retake sequence, merged as `frontlines run` does."""
    from frontlines.control import update_after_run
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill, sequence_specs

    path = tmp_path_factory.mktemp("analyst") / "analyst.db"
    store = open_store(str(path))
    built = fill(store, [*demo_specs(), *sequence_specs()])
    update_after_run(store, [a.id for a, _ in built])
    store.close()
    yield from _client(Settings(db=str(path)))


def test_incidents_geojson_one_point_per_incident(analyst) -> None:  # noqa: ANN001
    geo = analyst.get("/api/incidents.geojson").json()
    assert geo["type"] == "FeatureCollection" and geo["properties"]["total"] == 13
    assert sum(f["properties"]["reports"] for f in geo["features"]) == 16
    (mykolaiv,) = [f for f in geo["features"] if f["properties"]["location"] == "Mykolaiv"]
    p = mykolaiv["properties"]
    assert mykolaiv["geometry"]["coordinates"] == [31.9946, 46.975]
    assert (p["reports"], p["independent_sources"], p["corroboration"]) == (2, 2, "independent")
    assert p["sources"] == ["Global Post", "Test Wire"] and p["quantity_ranges"] == {"killed": [7.0, 9.0]}
    assert (p["quantity"], p["quantity_kind"]) == (9.0, "killed")


@pytest.mark.parametrize(("params", "n"), [
    ({}, 13), ({"type": "FIGHT"}, 6), ({"corroboration": "disputed"}, 2), ({"corroboration": "independent"}, 2),
    ({"since": "2022-11-10", "until": "2022-11-10"}, 2), ({"bbox": "32.5,46.9,33.0,47.2"}, 4),  # Snihurivka
    ({"bbox": "31.9,46.9,32.1,47.0", "type": "ASSAULT"}, 1), ({"status": "denied"}, 2),
    ({"actor": "Shoigu"}, 0), ({"side": "UKR", "type": "FIGHT"}, 5), ({"min_reports": 2}, 3),
    ({"text": "mayor"}, 1), ({"limit": 1}, 13),
])
def test_incidents_take_the_event_filters(analyst, params, n) -> None:  # noqa: ANN001
    geo = analyst.get("/api/incidents.geojson", params=params).json()
    listed = analyst.get("/api/incidents", params=params).json()
    assert geo["properties"]["total"] == n and listed["total"] == n
    assert len(listed["incidents"]) == min(n, params.get("limit", 100))


def test_incident_paging_is_exact_with_member_filters(analyst) -> None:  # noqa: ANN001
    pages = [analyst.get("/api/incidents", params={"status": "denied", "limit": 1, "offset": k}).json()
             for k in range(3)]
    assert [p["total"] for p in pages] == [2, 2, 2]
    assert [len(p["incidents"]) for p in pages] == [1, 1, 0]
    assert pages[0]["incidents"][0]["id"] != pages[1]["incidents"][0]["id"]


@pytest.mark.parametrize("params", [{"bbox": "40,50,30,45"}, {"bbox": "a,b,c,d"}, {"since": "2022-13-01"},
                                    {"limit": 10_001}, {"corroboration": "x"}, {"type": "1; DROP TABLE"}])
def test_incidents_geojson_bad_parameters(analyst, params) -> None:  # noqa: ANN001
    r = analyst.get("/api/incidents.geojson", params=params)
    assert r.status_code == 422 and r.json()["ok"] is False


def test_incident_reports_carry_event_evidence_and_article(analyst) -> None:  # noqa: ANN001
    (inc,) = analyst.get("/api/incidents", params={"bbox": "31.9,46.9,32.1,47.0", "type": "ASSAULT"}).json()["incidents"]
    body = analyst.get(f"/api/incidents/{inc['id']}").json()
    assert [r["article"]["source"] for r in body["reports"]] == ["Global Post", "Test Wire"]  # by publication date
    first = body["reports"][0]
    assert first["evidence"]["text"] == "Russian forces shelled Mykolaiv on November 8, killing 9 people, the mayor said."
    t = first["evidence"]["trigger"]
    assert first["evidence"]["text"][t["start"] - first["evidence"]["start"]:t["end"] - first["evidence"]["start"]] \
        == "shelled"
    assert first["article"]["url"] == "https://example.com/mykolaiv" and first["event"]["status"] == "happened"
    assert first["event"]["quantities"][0]["value"] == 9


def test_control_dates_span_every_change(analyst, merged) -> None:  # noqa: ANN001
    body = analyst.get("/api/control/dates").json()
    assert (body["first"], body["last"]) == ("2022-03-02", "2022-11-11")
    assert body["dates"] == ["2022-03-02", "2022-09-19", "2022-11-10", "2022-11-11"]
    assert analyst.get("/api/control/dates", params={"region": "Kherson Oblast"}).json()["dates"] == [
        "2022-11-10", "2022-11-11"]
    steps = {d: [(f["properties"]["settlement"], f["properties"]["side"], f["properties"]["status"])
                 for f in analyst.get("/api/control.geojson", params={"date": d}).json()["features"]]
             for d in ("2022-03-01", "2022-03-02", "2022-09-19", "2022-11-10")}
    assert steps["2022-03-01"] == [] and steps["2022-03-02"] == [("Snihurivka", "RUS", "claimed")]
    assert steps["2022-09-19"] == [("Snihurivka", "UKR", "disputed")]
    assert ("Snihurivka", "UKR", "confirmed") in steps["2022-11-10"]
    assert merged.get("/api/control/dates").json()["dates"] == ["2022-11-11"]


@pytest.fixture(scope="module")
def regions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """The demo store plus a named change in Kherson and two area statements (Donetsk and Kharkiv oblasts)."""
    from frontlines.records import Place, PlaceKind
    from frontlines.store import open_store
    from tests.api.builders import fill

    path = tmp_path_factory.mktemp("regions") / "regions.db"
    store = open_store(str(path))
    built = fill(store)
    store.clear_pending_updates(store.pending_update_ids())  # the control changes are built by hand below
    aid = built[0][0].id
    kherson = next(p for _, x in built for p in x.places if p.name == "Kherson")

    def oblast(name: str) -> Place:
        return Place(text=name, name=name, kind=PlaceKind.ADMIN1, admin1=name, country="UKR",
                     evidence=kherson.evidence)

    changes = [
        ControlChange(settlement=kherson, to_side="UKR", from_side="RUS", date=dt.date(2022, 11, 11)),
        ControlChange(settlement=oblast("Donetsk Oblast"), to_side="RUS", date=dt.date(2023, 1, 14), area=True),
        ControlChange(settlement=oblast("Kharkiv Oblast"), to_side="UKR", date=dt.date(2022, 9, 11), area=True),
        ControlChange(settlement=oblast("Zaporizhzhia Oblast"), to_side="UKR", date=dt.date(2023, 8, 1), area=True),
    ]
    store.replace_control_changes([aid], [(aid, f"k{i}", c) for i, c in enumerate(changes)])
    store.close()
    yield from _client(Settings(db=str(path)))


# An area statement changes only the settlements its own sentence names (issue 16): these
# oblast-wide statements name none (their sentence is about Kherson, in another oblast), so
# they add no date anywhere; the region filter still keeps to the named change.
@pytest.mark.parametrize(("region", "dates"), [
    (None, ["2022-11-11"]),
    ("Kherson Oblast", ["2022-11-11"]),  # the area statements elsewhere used to come along
    ("donetsk", []),  # Bakhmut is in the area, but no sentence of these statements names it
    ("Kharkiv", []),
    ("UKR", ["2022-11-11"]),
    ("Nowhere", []),
])
def test_control_dates_keep_to_the_region(regions, region, dates) -> None:  # noqa: ANN001
    body = regions.get("/api/control/dates", params={"region": region} if region else {}).json()
    assert body["dates"] == dates and (body["first"], body["last"]) == ((dates[0], dates[-1]) if dates else (None, None))
    # Each date of a region changes the map of that region: some settlement there has changed by then.
    for d in dates:
        state = regions.get("/api/control", params={"date": d, **({"region": region} if region else {})}).json()
        assert d in {s["date"] for s in state["settlements"]}


def test_stats_count_incidents_and_control_changes(client, merged, analyst) -> None:  # noqa: ANN001
    totals = {name: c.get("/api/stats").json()["totals"] for name, c in
              (("demo", client), ("merged", merged), ("analyst", analyst))}
    # the demo store was filled with extractions only: serving finished the queued cross-article update
    assert totals["demo"]["incidents"] > 0 and totals["demo"]["cross_article_pending"] == 0
    assert (totals["merged"]["incidents"], totals["merged"]["control_changes"]) == (1, 1)
    assert totals["analyst"]["incidents"] == analyst.get("/api/incidents").json()["total"] == 13
    assert totals["analyst"]["control_changes"] >= len(analyst.get("/api/control/dates").json()["dates"]) > 0
