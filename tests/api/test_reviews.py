"""Reviews through the API: roles and tokens, a rejected event gone from listings, GeoJSON, exports and its
incident, a corrected toll in the CSV, both after `run --again`, orphaned reviews listed."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.records import Role
from frontlines.runner import Runner
from tests.api.builders import build, demo_specs, sequence_specs
from tests.api.conftest import TOKEN, TestClient, _client
from tests.test_runner import Prebuilt


@pytest.fixture
def setup(tmp_path: Any) -> Iterator[tuple[TestClient, dict[str, str], dict[str, Any]]]:
    """A processed store (demo and sequence articles) with a reader, a reviewer and an admin; the client
    over it (with the configured api_token too), their tokens, and the extractions for re-runs."""
    from frontlines.store import open_store

    path = str(tmp_path / "reviews.db")
    store = open_store(path)
    built = {}
    for spec in demo_specs() + sequence_specs():
        article, extraction = build(spec)
        store.add_article(article)
        built[article.id] = extraction
    Runner(store, Prebuilt(built)).run()
    tokens = {role.value: store.add_user(f"{role.value}-1", role) for role in Role}
    store.close()
    for client in _client(Settings(db=path, api_token=TOKEN)):
        yield client, tokens, built


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _key(client: TestClient, place: str, killed: int | None = None) -> str:
    events = client.get("/api/events", params={"place": place}).json()["events"]
    return next(e["key"] for e in events if killed is None or e["fatalities"] == killed)


def _keys(client: TestClient, path: str = "/api/events", **params: str) -> set[str]:
    body = client.get(path, params={"limit": 1000, **params}).json()
    return {e["key"] for e in body["events"]} if "events" in body else {f["id"] for f in body["features"]}


def _csv(client: TestClient) -> dict[str, dict[str, str]]:
    from frontlines.export import write

    buf = io.BytesIO()
    write("events", "csv", client.app.state.store.iter_events(), buf)
    return {r["event_id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue().decode()))}


def _geojson_export(client: TestClient) -> set[str]:
    import json

    from frontlines.export import write

    buf = io.BytesIO()
    write("events", "geojson", client.app.state.store.iter_events(), buf)
    return {f["properties"]["key"] for f in json.loads(buf.getvalue())["features"]}


def _run_again(client: TestClient, built: dict[str, Any]) -> None:
    store = client.app.state.store
    store.reset_status()
    Runner(store, Prebuilt(built)).run()


def _incident_keys(client: TestClient) -> list[set[str]]:
    store = client.app.state.store
    return [{r.event_key for r in i.reports} for i in store.list_incidents()]


def test_a_review_without_a_token_is_refused(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    key = _key(client, "Kharkiv")
    for headers in ({}, _auth("wrong"), _auth(tokens["reviewer"] + "x"), {"Authorization": tokens["reviewer"]}):
        r = client.post(f"/api/events/{key}/review", json={"verdict": "rejected"}, headers=headers)
        assert r.status_code == 401 and r.json()["code"] == "E904", headers
    r = client.post(f"/api/events/{key}/review", json={"verdict": "rejected"}, headers=_auth(tokens["reader"]))
    assert r.status_code == 403 and r.json()["code"] == "E905"
    assert client.get("/api/reviews").json()["total"] == 0
    assert key in _keys(client)


def test_a_rejected_event_disappears_from_listings_geojson_exports_and_its_incident(setup) -> None:  # noqa: ANN001
    client, tokens, built = setup
    seven = _key(client, "Mykolaiv", killed=7)
    assert any(seven in keys and len(keys) == 2 for keys in _incident_keys(client))
    r = client.post(f"/api/events/{seven}/review", json={"verdict": "rejected", "note": "a duplicate wire"},
                    headers=_auth(tokens["reviewer"]))
    assert r.status_code == 200, r.text
    assert r.json()["review"]["user"] == "reviewer-1" and r.json()["event"]["review"]["verdict"] == "rejected"

    def gone() -> None:
        assert seven not in _keys(client)
        assert seven not in _keys(client, "/api/events.geojson")
        assert seven not in _keys(client, "/api/map/events")  # nor on the map
        assert seven in _keys(client, include="rejected")
        assert _keys(client, review="rejected") == {seven}
        assert seven[:16] not in _csv(client) and seven not in _geojson_export(client)
        assert not any(seven in keys for keys in _incident_keys(client))
        assert client.get(f"/api/events/{seven}").json()["event"]["review"]["verdict"] == "rejected"

    gone()
    _run_again(client, built)
    gone()


def test_a_corrected_toll_shows_in_the_csv_after_run_again(setup) -> None:  # noqa: ANN001
    client, tokens, built = setup
    seven = _key(client, "Mykolaiv", killed=7)
    r = client.post(f"/api/events/{seven}/review", headers=_auth(tokens["admin"]),
                    json={"verdict": "corrected", "changes": {"fatalities": 3, "actor2": ["Civilians"]}})
    assert r.status_code == 200, r.text

    def corrected() -> None:
        row = _csv(client)[seven[:16]]
        assert (row["fatalities"], row["review_status"], row["reviewer"], row["actor2"]) == (
            "3", "corrected", "admin-1", "Civilians")
        one = client.get(f"/api/events/{seven}").json()["event"]
        assert one["fatalities"] == 3 and one["review"]["machine"]["quantities"][0]["value"] == 7
        feature = next(f for f in client.get("/api/events.geojson").json()["features"] if f["id"] == seven)
        assert feature["properties"]["fatalities"] == 3 and feature["properties"]["review_status"] == "corrected"
        marker = next(f for f in client.get("/api/map/events").json()["features"] if f["id"] == seven)
        assert marker["properties"]["toll"]["marker"] == "3"  # the map draws the corrected toll

    corrected()
    _run_again(client, built)
    corrected()


def test_an_orphaned_review_is_listed(setup) -> None:  # noqa: ANN001
    client, tokens, built = setup
    key = _key(client, "Kharkiv")
    client.post(f"/api/events/{key}/review", json={"verdict": "confirmed"}, headers=_auth(tokens["reviewer"]))
    aid = client.get(f"/api/events/{key}").json()["article"]["id"]
    ex = built[aid]
    import dataclasses

    built[aid] = dataclasses.replace(ex, events=tuple(e for e in ex.events if "Kharkiv" not in e.evidence.text))
    _run_again(client, built)
    body = client.get("/api/reviews", params={"orphaned": "true"}).json()
    assert body["total"] == 1 and body["orphaned"] == 1
    [review] = body["reviews"]
    assert review["orphaned"] is True and review["event_key"] == key and review["attached_key"] is None
    assert client.get("/api/reviews").json()["reviews"][0]["orphaned"] is True


@pytest.mark.parametrize("body", [
    {"verdict": "maybe"}, {"verdict": "corrected"}, {"verdict": "corrected", "changes": {"fatalities": -2}},
    {"verdict": "rejected", "changes": {"fatalities": 2}}, {"verdict": "corrected", "changes": {"colour": "x"}},
    {"verdict": "corrected", "changes": {"type": "NOPE"}},
])
def test_a_bad_review_is_a_422(setup, body) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    key = _key(client, "Kharkiv")
    r = client.post(f"/api/events/{key}/review", json=body, headers=_auth(tokens["reviewer"]))
    assert r.status_code == 422 and r.json()["code"] == "E906", r.text


def test_a_review_of_an_unknown_event_is_a_404(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    r = client.post(f"/api/events/{'f' * 40}/review", json={"verdict": "rejected"}, headers=_auth(tokens["admin"]))
    assert r.status_code == 404 and r.json()["code"] == "E703"


def test_a_reviewer_cannot_add_users_an_admin_can(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    new = {"name": "bob", "role": "reviewer"}
    for role in ("reader", "reviewer"):
        r = client.post("/api/users", json=new, headers=_auth(tokens[role]))
        assert r.status_code == 403 and r.json()["code"] == "E905", role
        assert client.get("/api/users", headers=_auth(tokens[role])).status_code == 403
    assert client.post("/api/users", json=new).status_code == 401
    r = client.post("/api/users", json=new, headers=_auth(tokens["admin"]))
    assert r.status_code == 201 and r.json()["token"].startswith("fl_")
    bob = r.json()["token"]
    assert client.post("/api/users", json=new, headers=_auth(TOKEN)).status_code == 409  # the api_token: an admin
    names = {u["name"] for u in client.get("/api/users", headers=_auth(tokens["admin"])).json()["users"]}
    assert names == {"reader-1", "reviewer-1", "admin-1", "bob"}
    assert "token" not in str(client.get("/api/users", headers=_auth(TOKEN)).json()["users"])
    key = _key(client, "Kharkiv")
    assert client.post(f"/api/events/{key}/review", json={"verdict": "confirmed"},
                       headers=_auth(bob)).status_code == 200
    assert client.delete("/api/users/bob", headers=_auth(tokens["admin"])).json()["user"]["revoked_at"]
    assert client.post(f"/api/events/{key}/review", json={"verdict": "confirmed"},
                       headers=_auth(bob)).status_code == 401


def test_reviewers_may_post_articles_readers_may_not(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    post = {"text": "x" * 10}
    r = client.post("/api/articles", json=post, headers=_auth(tokens["reader"]))
    assert r.status_code == 403 and r.json()["code"] == "E905"


def test_users_me_names_the_token_and_what_it_may_do(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    for role, review, admin in (("reader", False, False), ("reviewer", True, False), ("admin", True, True)):
        body = client.get("/api/users/me", headers=_auth(tokens[role])).json()
        assert body["user"] == {"name": f"{role}-1", "role": role}
        assert body["may"] == {"review": review, "admin": admin}
    for headers in ({}, _auth("wrong"), _auth(tokens["reader"] + "x")):
        r = client.get("/api/users/me", headers=headers)
        assert r.status_code == 401 and r.json()["code"] == "E904"


def test_review_fields_list_the_vocabularies(setup) -> None:  # noqa: ANN001
    client, _, _ = setup
    body = client.get("/api/reviews/fields").json()
    assert "ASSAULT" in body["plover_type"] and "Battles" in body["event_type"]
    assert "Armed clash" in body["sub_event_type"] and "Battles" not in body["sub_event_type"]
    assert body["granularity"] == ["day", "week", "month", "year"] and "claimed" in body["status"]


def test_a_review_answers_with_the_redrawn_marker_and_unreviewed_leaves_it_out(setup) -> None:  # noqa: ANN001
    client, tokens, _ = setup
    key = _key(client, "Mykolaiv", killed=7)
    assert key in _keys(client, "/api/map/events", review="unreviewed")
    r = client.post(f"/api/events/{key}/review", headers=_auth(tokens["reviewer"]),
                    json={"verdict": "corrected", "changes": {"place": {"name": "Here", "lat": 47.5, "lon": 33.25}}})
    assert r.status_code == 200, r.text
    marker = r.json()["marker"]
    assert marker["id"] == key and marker["geometry"]["coordinates"] == [33.25, 47.5]
    assert marker["properties"]["review"] == "corrected" and marker["properties"]["location"] == "Here"
    (drawn,) = [f for f in client.get("/api/map/events").json()["features"] if f["id"] == key]
    assert drawn == marker  # the same marker the map draws after a reload
    assert key not in _keys(client, "/api/map/events", review="unreviewed")
    assert key not in _keys(client, review="unreviewed")
    r = client.post(f"/api/events/{key}/review", json={"verdict": "rejected"}, headers=_auth(tokens["admin"]))
    assert r.json()["marker"]["properties"]["review"] == "rejected"
