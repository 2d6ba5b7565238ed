"""/api/alerts (writes need a reviewer's or an admin's token) and /api/changes (counts since a cursor)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings
from frontlines.records import Role
from frontlines.runner import Runner
from tests.api.builders import build, demo_specs, sequence_specs
from tests.api.conftest import TOKEN, TestClient, _client


@pytest.fixture
def setup(tmp_path: Any) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A store with the demo articles merged, a user of each role, and a client with the api_token too."""
    from frontlines.store import open_store

    path = str(tmp_path / "alerts.db")
    store = open_store(path)
    for spec in demo_specs():
        article, extraction = build(spec)
        store.add_article(article)
        store.save_extraction(extraction)
    Runner(store).after_run()
    tokens = {role.value: store.add_user(f"{role.value}-1", role) for role in Role}
    store.close()
    for client in _client(Settings(db=path, api_token=TOKEN)):
        yield client, tokens


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


ALERT = {"name": "mykolaiv", "to": "https://hooks.example.org/T123/secret?k=1", "bbox": "31.9,46.9,32.1,47.1",
         "type": "assault", "min_killed": 5}


def test_writes_need_a_reviewer_or_an_admin(setup) -> None:  # noqa: ANN001
    client, tokens = setup
    r = client.post("/api/alerts", json=ALERT)
    assert r.status_code == 401 and r.json()["code"] == "E904" and r.json()["ok"] is False
    r = client.post("/api/alerts", json=ALERT, headers=_auth(tokens["reader"]))
    assert r.status_code == 403 and r.json()["code"] == "E905"
    r = client.post("/api/alerts", json=ALERT, headers=_auth(tokens["reviewer"]))
    assert r.status_code == 201, r.json()
    alert = r.json()["alert"]
    assert alert["plover_type"] == "ASSAULT" and alert["bbox"] == [31.9, 46.9, 32.1, 47.1]
    assert alert["sink"] == "https://hooks.example.org/..."  # the secret path is not shown
    listed = client.get("/api/alerts").json()["alerts"]
    assert [a["name"] for a in listed] == ["mykolaiv"] and "secret" not in str(listed)
    assert client.post("/api/alerts", json=ALERT, headers=_auth(TOKEN)).status_code == 409  # the name is taken
    assert client.delete(f"/api/alerts/{alert['id']}").status_code == 401
    assert client.delete(f"/api/alerts/{alert['id']}", headers=_auth(tokens["reader"])).status_code == 403
    assert client.delete(f"/api/alerts/{alert['id']}", headers=_auth(tokens["admin"])).json()["removed"] == alert["id"]
    r = client.delete(f"/api/alerts/{alert['id']}", headers=_auth(tokens["admin"]))
    assert r.status_code == 404 and r.json()["code"] == "E703"
    assert client.get("/api/alerts").json()["alerts"] == []


@pytest.mark.parametrize(("change", "reason"), [
    ({"bbox": "40,50,30,45"}, "reversed"), ({"type": "PICNIC"}, "PICNIC"), ({"to": "file:///etc/x"}, "http"),
    ({"status": "rumoured"}, "rumoured"), ({"min_killed": -1}, "min_killed"),
])
def test_bad_alerts_are_a_422(setup, change: dict[str, Any], reason: str) -> None:  # noqa: ANN001
    client, tokens = setup
    r = client.post("/api/alerts", json={**ALERT, **change}, headers=_auth(tokens["admin"]))
    assert r.status_code == 422 and reason in r.json()["error"], r.json()


def test_changes_since_a_cursor(setup) -> None:  # noqa: ANN001
    client, _ = setup
    first = client.get("/api/changes").json()
    assert first["ok"] and first["since"] is None and first["new"] == {"events": 0, "incidents": 0,
                                                                        "control_changes": 0}
    cursor = first["cursor"]
    assert client.get("/api/changes", params={"since": cursor}).json()["new"]["events"] == 0
    store = client.app.state.store
    article, extraction = build(sequence_specs()[0])  # Snihurivka captured: one event, one control change
    store.add_article(article)
    store.save_extraction(extraction)
    Runner(store).after_run()
    body = client.get("/api/changes", params={"since": cursor}).json()
    assert body["new"]["events"] == 1 and body["new"]["control_changes"] == 1 and body["new"]["incidents"] >= 1
    assert body["cursor"] != cursor and body["since"] == cursor
    assert client.get("/api/changes", params={"since": body["cursor"]}).json()["new"]["events"] == 0
    bad = client.get("/api/changes", params={"since": "yesterday"})
    assert bad.status_code == 422 and bad.json()["code"] == "E902"
