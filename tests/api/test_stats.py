"""/api/stats: totals, and event counts by day/type/admin1/status under filters (the timeline's data)."""

from __future__ import annotations

import pytest


def test_totals(client) -> None:  # noqa: ANN001
    body = client.get("/api/stats").json()
    assert body["totals"]["articles"] == 4 and body["totals"]["events"] == 10
    assert body["events_by_type"] == [{"key": "ASSAULT", "count": 3}, {"key": "COERCE", "count": 1},
                                      {"key": "FIGHT", "count": 3}, {"key": "RETREAT", "count": 3}]
    assert [d["key"] for d in body["events_by_day"]] == [f"2022-11-{d:02d}" for d in range(6, 13)]
    assert {"key": "Kherson Oblast", "count": 5} in body["events_by_admin1"]


def test_counts_per_day_under_filters(client) -> None:  # noqa: ANN001
    body = client.get("/api/stats/events", params={"by": "date", "type": "ASSAULT"}).json()
    assert body["by"] == "date" and body["total"] == 3
    assert body["counts"] == [{"key": "2022-11-06", "count": 1}, {"key": "2022-11-08", "count": 1},
                              {"key": "2022-11-11", "count": 1}]


@pytest.mark.parametrize(("by", "n"), [("plover_type", 4), ("status", 4), ("admin1", 4), ("country", 1),
                                       ("acled_sub_event_type", 4)])
def test_group_by(client, by, n) -> None:  # noqa: ANN001
    body = client.get("/api/stats/events", params={"by": by}).json()
    assert len(body["counts"]) == n and body["total"] == 10


@pytest.mark.parametrize("params", [{"by": "text"}, {"by": "date; --"}, {"since": "2022-11-31"},
                                    {"bbox": "10,0,0,10"}])
def test_bad_parameters(client, params) -> None:  # noqa: ANN001
    r = client.get("/api/stats/events", params=params)
    assert r.status_code == 422 and r.json()["ok"] is False
