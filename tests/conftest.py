"""Fixtures shared by every test package: fresh stores (SQLite, PostgreSQL) and sample records."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

PG_ADMIN_URL = os.environ.get("FRONTLINES_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    """None when the server answers, else the reason it does not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means: skip with this reason
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {type(exc).__name__}: {exc}"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    reason = _pg_reachable()
    if reason:
        pytest.skip(reason)
    import psycopg

    name = f"frontlines_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path) -> Iterator[object]:  # noqa: ANN001
    """An empty store, once on SQLite and once on PostgreSQL."""
    from frontlines.store import open_store

    if request.param == "sqlite":
        s = open_store(str(tmp_path / "t.db"))
        yield s
        s.close()
        return
    url = request.getfixturevalue("pg_url")
    s = open_store(url)
    _truncate(s)
    yield s
    _truncate(s)
    s.close()


def _truncate(s) -> None:  # noqa: ANN001
    from frontlines.store.schema import metadata

    with s.engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def sqlite_store(tmp_path):  # noqa: ANN001, ANN201
    from frontlines.store import open_store

    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


def make_article(text: str = "Russian forces shelled Kharkiv on Monday, officials said.", **kw):  # noqa: ANN201
    from frontlines.ingest.normalise import article_id
    from frontlines.records import Article

    return Article(
        id=kw.pop("id", article_id(text)),
        text=text,
        title=kw.pop("title", "Shelling"),
        source=kw.pop("source", "Test Wire"),
        published=kw.pop("published", dt.date(2022, 11, 9)),
        language="en",
        ingested_at=dt.datetime(2022, 11, 9, 12, tzinfo=dt.timezone.utc),
        **kw,
    )


# -- the actors and quotes stages (tests/actors, tests/quotes); other packages override `nlp` --

@pytest.fixture(scope="session")
def nlp() -> Any:
    """The project's spaCy model, without the place component (load_nlp knows the PyPI module's name)."""
    from frontlines.config import load_settings
    from frontlines.nlp.model import load_nlp

    return load_nlp(load_settings(env={}).model)


@pytest.fixture(scope="session")
def registry() -> Any:
    from frontlines.actors.registry import load_actor_registry

    return load_actor_registry(None)


@pytest.fixture(scope="session")
def run_stages(nlp: Any, registry: Any) -> Callable[..., dict[str, tuple[Any, ...]]]:
    """Parse a text once and run the actors and quotes stages over it."""
    from frontlines.actors import STAGE as actors_stage
    from frontlines.pipeline import Resources, StageInput
    from frontlines.quotes import STAGE as quotes_stage
    from frontlines.records import Article

    resources = Resources(nlp=nlp, actors=registry)

    def run(text: str, published: dt.date | None = dt.date(2022, 11, 9)) -> dict[str, tuple[Any, ...]]:
        doc = nlp(text)
        article = Article(id="test", text=text, published=published)
        outputs: dict[str, tuple[Any, ...]] = {"places": ()}
        for stage in (actors_stage, quotes_stage):
            outputs[stage.writes] = stage.run(StageInput(doc, article, resources, outputs))
        return outputs

    return run
