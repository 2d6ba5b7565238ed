"""/api/quotes, /api/places, /api/actors: filters, grouping, pagination, bad parameters."""

from __future__ import annotations

import pytest


def test_quotes(client) -> None:  # noqa: ANN001
    body = client.get("/api/quotes").json()
    assert body["ok"] is True and body["total"] == 1
    q = body["quotes"][0]
    assert q["speaker"] == "Sergei Shoigu" and q["direct"] is True and q["medium"] == "televised statement"
    assert q["data"]["content"] == "the move would save the lives of servicemen"
    assert q["title"] == "Russia orders withdrawal from Kherson" and q["published"] == "2022-11-09"


@pytest.mark.parametrize(
    ("params", "total"),
    [({"speaker": "shoigu"}, 1), ({"speaker": "Zelensky"}, 0), ({"direct": "false"}, 0),
     ({"medium": "Telegram"}, 0), ({"speaker": "'; DROP TABLE quotes; --"}, 0)],
)
def test_quote_filters(client, params, total) -> None:  # noqa: ANN001
    assert client.get("/api/quotes", params=params).json()["total"] == total


def test_places_grouped_by_gazetteer_entry(client) -> None:  # noqa: ANN001
    body = client.get("/api/places").json()
    by_name = {p["name"]: p for p in body["places"]}
    assert body["total"] == 6 == len(by_name)
    assert by_name["Kherson"]["mentions"] == 3 and by_name["Kherson"]["articles"] == 3
    assert body["places"][0]["name"] == "Kherson"  # most mentioned first
    assert by_name["Bakhmut"]["admin1"] == "Donetsk Oblast" and by_name["Bakhmut"]["lat"] == pytest.approx(48.5953)


@pytest.mark.parametrize(
    ("params", "total"),
    [({"name": "kha"}, 1), ({"country": "ukr"}, 6), ({"kind": "settlement"}, 6), ({"kind": "river"}, 0),
     ({"admin1": "Kherson Oblast"}, 2), ({"group": "false"}, 10), ({"group": "false", "name": "Kherson"}, 3)],
)
def test_place_filters(client, params, total) -> None:  # noqa: ANN001
    r = client.get("/api/places", params=params)
    assert r.status_code == 200 and r.json()["total"] == total


def test_place_mentions_carry_their_span(client) -> None:  # noqa: ANN001
    row = client.get("/api/places", params={"group": "false", "name": "Mykolaiv"}).json()["places"][0]
    assert row["data"]["evidence"]["text"] == "Mykolaiv" and row["end"] - row["start"] == len("Mykolaiv")


def test_actors(client) -> None:  # noqa: ANN001
    body = client.get("/api/actors").json()
    names = [a["name"] for a in body["actors"]]
    assert names[0] == "Russian Armed Forces"
    assert {"Ukrainian Armed Forces", "Sergei Shoigu", "Russia", "Civilians"} <= set(names)
    assert client.get("/api/actors", params={"sector": "civilian"}).json()["total"] == 1
    assert client.get("/api/actors", params={"side": "RUS", "name": "shoigu"}).json()["total"] == 1
    mentions = client.get("/api/actors", params={"group": "false", "name": "Russian Armed"}).json()
    assert mentions["total"] == 6 and all(m["text"] == "Russian forces" for m in mentions["actors"])


def test_pagination_of_groups(client) -> None:  # noqa: ANN001
    a = client.get("/api/places", params={"limit": 4}).json()
    b = client.get("/api/places", params={"limit": 4, "offset": 4}).json()
    assert len(a["places"]) == 4 and len(b["places"]) == 2 and a["total"] == b["total"] == 6
    assert not {p["name"] for p in a["places"]} & {p["name"] for p in b["places"]}


@pytest.mark.parametrize(
    ("path", "params"),
    [("/api/quotes", {"direct": "maybe"}), ("/api/quotes", {"limit": 10**6}), ("/api/places", {"kind": "moon"}),
     ("/api/places", {"country": "1=1"}), ("/api/actors", {"sector": "wizards"}), ("/api/actors", {"offset": -1}),
     ("/api/places", {"group": "perhaps"})],
)
def test_bad_parameters(client, path, params) -> None:  # noqa: ANN001
    r = client.get(path, params=params)
    assert r.status_code == 422 and r.json()["ok"] is False and r.json()["status"] == 422
