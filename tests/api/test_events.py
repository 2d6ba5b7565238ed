"""/api/events, /api/events.geojson, /api/events/{key}: filters, sorting, pagination, bad parameters."""

from __future__ import annotations

import pytest


def _events(client, **params):  # noqa: ANN001, ANN003, ANN202
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True
    return body


def test_list_all_events_sorted_by_date(client) -> None:  # noqa: ANN001
    body = _events(client)
    assert body["total"] == 10 and len(body["events"]) == 10
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates)
    newest_first = [e["date"] for e in _events(client, sort="-date")["events"]]
    assert newest_first == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, 3),
        ({"type": "assault"}, 3),
        ({"type": "RETREAT"}, 3),
        ({"acled": "Armed clash"}, 3),
        ({"acled": "Battles"}, 3),
        ({"actor": "Ukrainian"}, 3),
        ({"actor": "Shoigu"}, 0),
        ({"country": "UKR"}, 10),
        ({"country": "rus"}, 0),
        ({"side": "RUS"}, 7),
        ({"status": "claimed"}, 2),
        ({"status": "denied"}, 1),
        ({"status": "happened"}, 6),
        ({"since": "2022-11-11"}, 4),
        ({"until": "2022-11-07"}, 2),
        ({"since": "2022-11-09", "until": "2022-11-09"}, 2),
        ({"bbox": "32,46,34,47"}, 5),  # Kherson and Nova Kakhovka
        ({"bbox": "32,46,34,47", "since": "2022-11-11"}, 3),
        ({"bbox": "-10,-10,0,0"}, 0),
        ({"text": "Dnipro"}, 1),
        ({"place": "kherson"}, 3),
        ({"text": "'; DROP TABLE events; --"}, 0),
        ({"actor": "x' OR '1'='1"}, 0),
        ({"text": "%"}, 0),  # LIKE wildcards are escaped
        ({"text": "_"}, 0),
    ],
)
def test_filters(client, params, expected) -> None:  # noqa: ANN001
    assert _events(client, **params)["total"] == expected


def test_pagination(client) -> None:  # noqa: ANN001
    first = _events(client, limit=4, offset=0)
    second = _events(client, limit=4, offset=4)
    third = _events(client, limit=4, offset=8)
    keys = [e["key"] for page in (first, second, third) for e in page["events"]]
    assert len(keys) == 10 and len(set(keys)) == 10
    assert first["total"] == 10 and len(third["events"]) == 2
    assert _events(client, offset=1000)["events"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2022-13-01"},
        {"since": "yesterday"},
        {"until": "2022-02-30"},
        {"since": "2022-11-10", "until": "2022-11-01"},
        {"bbox": "34,47,32,46"},  # reversed west/east
        {"bbox": "32,47,34,46"},  # reversed south/north
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,0,200,10"},
        {"bbox": "nan,0,1,1"},
        {"limit": 100000},
        {"limit": 0},
        {"limit": -1},
        {"limit": "1e9"},
        {"offset": -5},
        {"offset": 10**30},
        {"sort": "date; DROP TABLE events"},
        {"status": "exploded"},
        {"type": "ASSAULT' OR 1=1 --"},
        {"country": "UKRAINE"},
        {"text": "x" * 500},
    ],
)
def test_bad_parameters_are_clear_422s(client, params) -> None:  # noqa: ANN001
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body == {"ok": False, "error": body["error"], "status": 422, "code": "E902"}
    assert body["error"] and "Traceback" not in body["error"]
    # The same filters fail the same way on every event route.
    assert client.get("/api/events.geojson", params=params).status_code == 422 or "limit" in params
    assert client.get("/api/map/events", params=params).status_code == 422 or {"limit", "sort"} & set(params)


@pytest.mark.parametrize("value", ["0", "1667952000", "-1", "2022-11", "2022", "2022-11-9", "09.11.2022",
                                   "2022-11-09T10:00", "{x}"])
@pytest.mark.parametrize(("path", "name"), [
    ("/api/events", "until"), ("/api/events", "since"), ("/api/events.geojson", "until"), ("/api/incidents", "until"),
    ("/api/stats/events", "since"), ("/api/articles", "until"), ("/api/control", "date"),
    ("/api/control.geojson", "date"), ("/api/map/events", "since"), ("/api/map/incidents", "until"),
])
def test_a_date_is_yyyy_mm_dd_or_a_422_never_1970(client, path, name, value) -> None:  # noqa: ANN001
    # Pydantic alone reads '0' and '1667952000' as Unix times: until=0 silently meant 1970-01-01.
    r = client.get(path, params={name: value})
    assert r.status_code == 422, r.text
    assert r.json() == {"ok": False, "error": f"{name}: want a date as YYYY-MM-DD, got '{value}'", "status": 422,
                        "code": "E902"}


def test_a_date_that_is_not_on_the_calendar_says_so(client) -> None:  # noqa: ANN001
    assert client.get("/api/events", params={"until": "2022-02-30"}).json()["error"] == \
        "until: '2022-02-30' is not a calendar date"


@pytest.mark.parametrize("path", ["/api/events", "/api/events.geojson", "/api/incidents", "/api/incidents.geojson",
                                  "/api/stats/events", "/api/map/events", "/api/map/incidents"])
@pytest.mark.parametrize(("params", "named"), [
    ({"type": "NOPE"}, "type 'NOPE' is not one of: AGREE, CONSULT, "),
    ({"acled": "Shelling"}, "acled 'Shelling' is not one of: 'Battles', "),
    ({"status": "exploded"}, "status: Input should be 'happened', 'ordered', "),
])
def test_an_unknown_enumerated_value_is_a_422_naming_the_allowed_ones(client, path, params, named) -> None:  # noqa: ANN001
    # It used to match nothing: an empty list that reads as "no such events".
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"].startswith(named) and (body["status"], body["code"]) == (422, "E902")


def test_every_allowed_value_is_named(client) -> None:  # noqa: ANN001
    from frontlines.vocabulary import acled_types, plover_types

    error = client.get("/api/events", params={"type": "NOPE"}).json()["error"]
    # The packaged vocabulary, then what the store's events carry besides (this fixture's FIGHT).
    assert error == f"type 'NOPE' is not one of: {', '.join(plover_types())}, FIGHT"
    assert all(repr(a) in client.get("/api/events", params={"acled": "x"}).json()["error"] for a in acled_types())


@pytest.mark.parametrize(("params", "expected"), [({"type": "fight"}, 3), ({"acled": "armed CLASH"}, 3),
                                                  ({"acled": "battles"}, 3)])
def test_enumerated_values_ignore_case(client, params, expected) -> None:  # noqa: ANN001
    assert _events(client, **params)["total"] == expected


def test_geojson_has_every_located_event(client) -> None:  # noqa: ANN001
    r = client.get("/api/events.geojson", params={"type": "ASSAULT"})
    assert r.status_code == 200
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    f = next(f for f in fc["features"] if f["properties"]["location"] == "Mykolaiv")
    assert f["geometry"] == {"type": "Point", "coordinates": [31.9946, 46.975]}
    props = f["properties"]
    assert props["event_type"] == "Explosions/Remote violence" and props["fatalities"] == 7
    assert props["quantity"] == 7 and props["quantity_kind"] == "killed" and props["key"] == f["id"]
    assert fc["properties"]["total"] == 3


def test_geojson_allows_bigger_pages_but_not_huge_ones(client) -> None:  # noqa: ANN001
    assert client.get("/api/events.geojson", params={"limit": 10000}).status_code == 200
    assert client.get("/api/events.geojson", params={"limit": 10001}).status_code == 422


def test_one_event_with_evidence_and_article(client) -> None:  # noqa: ANN001
    key = _events(client, place="Mykolaiv")["events"][0]["key"]
    r = client.get(f"/api/events/{key}")
    assert r.status_code == 200
    body = r.json()
    assert body["event"]["key"] == key and body["event"]["plover_type"] == "ASSAULT"
    assert body["evidence"]["text"] == "Russian forces shelled Mykolaiv on November 8, killing 7 people."
    trig = body["evidence"]["trigger"]
    assert trig["text"] == "shelled"
    assert body["evidence"]["before"].endswith("officials said. ")
    assert body["article"]["title"] == "Russia orders withdrawal from Kherson"
    assert body["article"]["source"] == "Test Wire" and "text" not in body["article"]


@pytest.mark.parametrize("key", ["0" * 40, "nothere", "' OR 1=1 --"])
def test_unknown_event_is_404(client, key) -> None:  # noqa: ANN001
    r = client.get(f"/api/events/{key}")
    assert r.status_code == 404
    assert r.json()["ok"] is False and r.json()["status"] == 404
