"""The Store protocol: importable without SQLAlchemy, and SqlStore provides all of it."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

from frontlines.store.protocol import Store
from frontlines.store.store import SqlStore

ROOT = Path(__file__).resolve().parents[2]


def test_protocol_and_filters_import_without_sqlalchemy() -> None:
    code = ("import sys; import frontlines.store.protocol, frontlines.store.filters, frontlines.store; "
            "from frontlines.store import Store, EventFilter; "
            "sys.exit(1 if 'sqlalchemy' in sys.modules else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")},
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr or "frontlines.store.protocol imported SQLAlchemy"


def _members(cls: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(cls) if not name.startswith("_")}


def test_sql_store_implements_every_protocol_method_with_the_same_parameters() -> None:
    wanted = _members(Store)
    assert wanted <= _members(SqlStore), wanted - _members(SqlStore)
    for name in wanted:
        proto, impl = getattr(Store, name), getattr(SqlStore, name)
        if callable(proto):
            assert list(inspect.signature(proto).parameters) == list(inspect.signature(impl).parameters), name


def test_open_store_gives_a_store(sqlite_store) -> None:  # noqa: ANN001
    assert isinstance(sqlite_store, SqlStore) and sqlite_store.dialect == "sqlite"
