"""The API's queries on PostgreSQL (a real server on 127.0.0.1:5432; skipped, saying why, without one).

The SQLite twin of every check here runs in the other test modules.
"""

from __future__ import annotations

import pytest

from frontlines.config import Settings
from tests.api.conftest import _client
from tests.conftest import _truncate

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_client(pg_url: str):  # noqa: ANN201
    from frontlines.store import open_store
    from tests.api.builders import fill

    store = open_store(pg_url)
    _truncate(store)
    fill(store)
    yield from _client(Settings(db=pg_url), store=store)
    _truncate(store)


@pytest.mark.parametrize(
    ("path", "params", "key", "expected"),
    [
        ("/api/events", {"bbox": "32,46,34,47", "since": "2022-11-11"}, "total", 3),
        ("/api/events", {"actor": "x' OR '1'='1"}, "total", 0),
        ("/api/places", {"name": "kh"}, "total", 4),
        ("/api/quotes", {"direct": "true", "speaker": "shoigu"}, "total", 1),
        ("/api/actors", {"side": "RUS"}, "total", 3),
        ("/api/stats/events", {"by": "date", "since": "2022-11-10"}, "total", 5),
    ],
)
def test_queries_on_postgresql(pg_client, path, params, key, expected) -> None:  # noqa: ANN001
    r = pg_client.get(path, params=params)
    assert r.status_code == 200, r.text
    assert r.json()[key] == expected


def test_geojson_and_article_on_postgresql(pg_client) -> None:  # noqa: ANN001
    fc = pg_client.get("/api/events.geojson", params={"type": "ASSAULT"}).json()
    assert len(fc["features"]) == 3
    aid = pg_client.get("/api/articles", params={"source": "Kyiv Daily"}).json()["articles"][0]["id"]
    body = pg_client.get(f"/api/articles/{aid}").json()
    assert len(body["extraction"]["events"]) == 3 and body["spans"]
