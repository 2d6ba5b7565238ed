"""Fixtures for API tests: a demo-like store built from records, and TestClients over it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from frontlines.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx vs httpx2 in its TestClient
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite file holding the demo articles and their extractions."""
    from frontlines.store import open_store
    from tests.api.builders import fill

    path = tmp_path_factory.mktemp("api") / "demo.db"
    store = open_store(str(path))
    fill(store)
    store.close()
    return str(path)


def _client(settings: Settings, **kw: Any) -> Iterator[TestClient]:
    from frontlines.api import create_app

    app = create_app(settings, **kw)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client
    app.state.store.close()


@pytest.fixture(scope="module")
def client(demo_db: str) -> Iterator[TestClient]:
    """Read-only client (no token configured)."""
    yield from _client(Settings(db=demo_db))


@pytest.fixture
def fresh_db(tmp_path: Any) -> str:
    return str(tmp_path / "fresh.db")
