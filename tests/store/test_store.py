"""store/store.py (SqlStore, open_store) against SQLite and PostgreSQL (a real connection to 127.0.0.1:5432).

Each resource has its own test module: test_articles, test_extractions, test_events,
test_incidents, test_control; test_mapping covers the record<->row mapper.
"""

from __future__ import annotations

import pytest

from frontlines.errors import StoreError
from frontlines.store import open_store, resolve_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("frontlines.db", "sqlite:///frontlines.db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ],
)
def test_resolve_url(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_migrations_create_schema(store) -> None:  # noqa: ANN001
    assert store.schema_version() is not None
    assert store.stats()["articles"] == 0
    store.migrate()  # at head already: a no-op


def test_stats_count_incidents_and_control_changes(store) -> None:  # noqa: ANN001
    from frontlines.control import update_after_run
    from frontlines.store import IncidentFilter
    from tests.api.builders import demo_specs, fill, sequence_specs

    built = fill(store, [*demo_specs(), *sequence_specs()])
    update_after_run(store, [a.id for a, _ in built])
    stats = store.stats()
    assert stats["incidents"] == len(store.list_incidents(IncidentFilter(limit=1000))) > 0
    assert stats["control_changes"] == len(store.list_control_changes()) > 0
    assert stats["articles"] == len(built) and stats["events"] == sum(len(ex.events) for _, ex in built)


def test_unreachable_database_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody@127.0.0.1:1/nothing")
    assert "E701" in str(err.value)
