"""Reviews of changes of control and of incidents through the API (api/group_reviews.py): a rejected change
leaves /api/control and its GeoJSON, a corrected side shows, a merge and a split hold after `run --again`,
all listed by /api/reviews; tokens as for events' reviews (401 without, 403 for a reader)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import TestClient
from tests.api.test_reviews import _auth, _run_again, setup  # noqa: F401 - the fixture, shared

DAY = "2022-11-12"


def _state(client: TestClient) -> dict[str, dict[str, Any]]:
    return {s["settlement"]["name"]: s for s in client.get("/api/control", params={"date": DAY}).json()["settlements"]}


def _geojson(client: TestClient) -> dict[str, dict[str, Any]]:
    body = client.get("/api/control.geojson", params={"date": DAY}).json()
    return {f["properties"]["settlement"]: f["properties"] for f in body["features"]}


def _incidents(client: TestClient, place: str) -> list[set[str]]:
    body = client.get("/api/incidents", params={"place": place, "limit": 1000}).json()
    return sorted(({r["event_key"] for r in i["reports"]} for i in body["incidents"]), key=len)


@pytest.mark.parametrize("route", ["control", "merge", "split"])
def test_group_reviews_need_a_reviewer(setup, route: str) -> None:  # noqa: ANN001, F811
    client, tokens, _ = setup
    ids = [i["id"] for i in client.get("/api/incidents", params={"place": "Bakhmut"}).json()["incidents"]]
    mykolaiv = client.get("/api/incidents", params={"place": "Mykolaiv"}).json()["incidents"][0]
    url, body = {
        "control": (f"/api/control/{_state(client)['Kherson']['id']}/review", {"verdict": "rejected"}),
        "merge": ("/api/incidents/merge", {"ids": ids}),
        "split": (f"/api/incidents/{mykolaiv['id']}/split", {"events": [mykolaiv["reports"][0]["event_key"]]}),
    }[route]
    r = client.post(url, json=body)
    assert r.status_code == 401 and r.json()["code"] == "E904"
    r = client.post(url, json=body, headers=_auth(tokens["reader"]))
    assert r.status_code == 403 and r.json()["code"] == "E905"
    assert client.post(url, json=body, headers=_auth(tokens["reviewer"])).status_code == 200
    listed = client.get("/api/reviews", params={"kind": "incident" if route != "control" else "control"}).json()
    assert listed["total"] == 1 and listed["reviews"][0]["user"] == "reviewer-1"


def test_a_rejected_change_of_control_leaves_the_timeline_and_a_corrected_side_shows(setup) -> None:  # noqa: ANN001, F811
    client, tokens, built = setup
    before = _state(client)
    assert before["Snihurivka"]["to_side"] == "UKR" and "Kherson" in before
    assert _geojson(client)["Kherson"]["id"] == before["Kherson"]["id"]
    for name, body in (("Kherson", {"verdict": "rejected", "note": "a claim, never happened"}),
                       ("Snihurivka", {"verdict": "rejected"}),
                       ("Nova Kakhovka", {"verdict": "corrected", "changes": {"to_side": "rus"}})):
        r = client.post(f"/api/control/{before[name]['id']}/review", json=body, headers=_auth(tokens["reviewer"]))
        assert r.status_code == 200, r.text

    def reviewed() -> None:
        state, geo = _state(client), _geojson(client)
        assert "Kherson" not in state and "Kherson" not in geo  # its only change rejected: no longer taken
        assert state["Snihurivka"]["to_side"] == "RUS" == geo["Snihurivka"]["side"]  # the earlier holder again
        assert state["Nova Kakhovka"]["to_side"] == "RUS" == geo["Nova Kakhovka"]["side"]
        assert state["Nova Kakhovka"]["review"] == "corrected" and geo["Nova Kakhovka"]["reviewer"] == "reviewer-1"
        dates = client.get("/api/control/dates").json()
        assert dates["first"] == "2022-03-02"
        # the slider has no tick for a rejected change: Kherson's day of change is gone, nobody else's is
        others = {s["date"] for n, s in before.items() if n not in ("Kherson", "Snihurivka")}
        assert before["Kherson"]["date"] not in dates["dates"] or before["Kherson"]["date"] in others
        assert others <= set(dates["dates"])

    reviewed()
    _run_again(client, built)
    reviewed()
    listed = client.get("/api/reviews", params={"kind": "control"}).json()
    assert [r["verdict"] for r in listed["reviews"]] == ["corrected", "rejected", "rejected"]  # newest first
    assert listed["reviews"][0]["new_side"] == "RUS" and listed["counts"] == {"control": 3, "incident": 0}


def test_a_confirmed_change_of_control_is_confirmed(setup) -> None:  # noqa: ANN001, F811
    client, tokens, _ = setup
    kherson = _state(client)["Kherson"]
    assert kherson["status"] == "claimed"
    r = client.post(f"/api/control/{kherson['id']}/review", json={"verdict": "confirmed"},
                    headers=_auth(tokens["admin"]))
    assert r.status_code == 200 and r.json()["timeline"][0]["review"] == "confirmed"
    assert _state(client)["Kherson"]["status"] == "confirmed"


@pytest.mark.parametrize(("body", "status"), [
    ({"verdict": "corrected"}, 422),
    ({"verdict": "confirmed", "changes": {"to_side": "RUS"}}, 422),
    ({"verdict": "corrected", "changes": {"settlement": "Kyiv"}}, 422),
    ({"verdict": "corrected", "changes": {"date": "11/11/2022"}}, 422),
    ({"verdict": "maybe"}, 422),
])
def test_a_bad_control_review_is_a_422(setup, body: dict[str, Any], status: int) -> None:  # noqa: ANN001, F811
    client, tokens, _ = setup
    url = f"/api/control/{_state(client)['Kherson']['id']}/review"
    r = client.post(url, json=body, headers=_auth(tokens["reviewer"]))
    assert r.status_code == status and r.json()["code"] == "E906"
    r = client.post("/api/control/0123456789abcdef/review", json={"verdict": "rejected"},
                    headers=_auth(tokens["reviewer"]))
    assert r.status_code == 404


def test_a_merge_of_incidents_holds_after_run_again(setup) -> None:  # noqa: ANN001, F811
    client, tokens, built = setup
    bakhmut = _incidents(client, "Bakhmut")
    assert [len(k) for k in bakhmut] == [1, 1]
    ids = [i["id"] for i in client.get("/api/incidents", params={"place": "Bakhmut"}).json()["incidents"]]
    r = client.post("/api/incidents/merge", json={"ids": ids, "note": "the same battle"},
                    headers=_auth(tokens["reviewer"]))
    assert r.status_code == 200, r.text
    assert [len(i["reports"]) for i in r.json()["incidents"]] == [2]
    together = bakhmut[0] | bakhmut[1]
    assert _incidents(client, "Bakhmut") == [together]
    _run_again(client, built)
    assert _incidents(client, "Bakhmut") == [together]
    from frontlines.incidents import rebuild_incidents

    rebuild_incidents(client.app.state.store)  # a merge of everything at once agrees
    assert _incidents(client, "Bakhmut") == [together]
    merged = r.json()["incidents"][0]["id"]
    assert client.post("/api/incidents/merge", json={"ids": [merged, merged]},
                       headers=_auth(tokens["reviewer"])).json()["code"] == "E906"
    assert client.post("/api/incidents/merge", json={"ids": [merged, "nope"]},
                       headers=_auth(tokens["reviewer"])).status_code == 404


def test_a_split_of_an_incident_holds_after_run_again(setup) -> None:  # noqa: ANN001, F811
    client, tokens, built = setup
    (mykolaiv,) = client.get("/api/incidents", params={"place": "Mykolaiv"}).json()["incidents"]
    keys = [r["event_key"] for r in mykolaiv["reports"]]
    assert len(keys) == 2
    for bad in ([], keys, ["nope"]):
        r = client.post(f"/api/incidents/{mykolaiv['id']}/split", json={"events": bad},
                        headers=_auth(tokens["reviewer"]))
        assert r.status_code == 422, bad
    r = client.post(f"/api/incidents/{mykolaiv['id']}/split", json={"events": keys[:1]},
                    headers=_auth(tokens["reviewer"]))
    assert r.status_code == 200, r.text
    apart = [{keys[0]}, {keys[1]}]
    assert sorted(_incidents(client, "Mykolaiv"), key=min) == sorted(apart, key=min)
    _run_again(client, built)
    assert sorted(_incidents(client, "Mykolaiv"), key=min) == sorted(apart, key=min)
    listed = client.get("/api/reviews", params={"kind": "incident"}).json()["reviews"]
    assert listed[0]["action"] == "split" and listed[0]["event_keys"] == keys[:1] and listed[0]["rest"] == keys[1:]
