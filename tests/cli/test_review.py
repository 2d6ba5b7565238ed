"""`frontlines review`, `frontlines reviews`, `frontlines users` and `export --include rejected` end to end."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.runner import Runner
from tests.api.builders import build, demo_specs
from tests.test_runner import Prebuilt

runner = CliRunner()


def _cli(db: str, *args: str):  # noqa: ANN202
    return runner.invoke(app, ["--db", db, "--quiet", *args])


@pytest.fixture
def db(tmp_path) -> str:  # noqa: ANN001
    from frontlines.store import open_store

    path = str(tmp_path / "t.db")
    store = open_store(path)
    built = {}
    for spec in demo_specs():
        article, extraction = build(spec)
        store.add_article(article)
        built[article.id] = extraction
    Runner(store, Prebuilt(built)).run()
    store.close()
    return path


def _events(db: str) -> list[dict]:
    return json.loads(_cli(db, "events", "--json", "--limit", "100").stdout)


def _export(db: str, *extra: str) -> dict[str, dict[str, str]]:
    out = _cli(db, "export", "--what", "events", "--format", "csv", *extra).stdout
    return {r["event_id"]: r for r in csv.DictReader(io.StringIO(out))}


def test_review_reject_and_correct_then_list(db: str) -> None:
    events = _events(db)
    kharkiv = next(e["key"] for e in events if e["location"] == "Kharkiv")
    mykolaiv = next(e["key"] for e in events if e["location"] == "Mykolaiv")
    r = _cli(db, "review", kharkiv, "--verdict", "rejected", "--note", "not an attack", "--as", "ann")
    assert r.exit_code == 0, r.output
    r = _cli(db, "review", mykolaiv, "--verdict", "corrected", "--set", "fatalities=3", "--set",
             "actor2=Civilians", "--as", "ann", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["event"]["fatalities"] == 3
    assert kharkiv not in {e["key"] for e in _events(db)}
    rows = _export(db)
    assert kharkiv[:16] not in rows and rows[mykolaiv[:16]]["fatalities"] == "3"
    assert rows[mykolaiv[:16]]["review_status"] == "corrected" and rows[mykolaiv[:16]]["reviewer"] == "ann"
    assert _export(db, "--include", "rejected")[kharkiv[:16]]["review_status"] == "rejected"
    listed = json.loads(_cli(db, "reviews", "--json").stdout)
    assert [(r["verdict"], r["orphaned"]) for r in listed] == [("corrected", False), ("rejected", False)]
    assert "rejected" in _cli(db, "reviews").stdout


@pytest.mark.parametrize("args", [
    ("--verdict", "maybe"), ("--verdict", "corrected"), ("--verdict", "corrected", "--set", "fatalities=-1"),
    ("--verdict", "corrected", "--set", "fatalities"),
])
def test_bad_reviews_exit_1_with_the_code(db: str, args: tuple[str, ...]) -> None:
    key = _events(db)[0]["key"]
    r = _cli(db, "review", key, *args)
    assert r.exit_code == 1 and "E906" in r.output


def test_unknown_event_exits_1(db: str) -> None:
    r = _cli(db, "review", "f" * 40, "--verdict", "rejected")
    assert r.exit_code == 1 and "E703" in r.output


def test_users_add_list_revoke(db: str) -> None:
    from frontlines.store import open_store

    r = _cli(db, "users", "add", "ann", "--role", "reviewer")
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[-1]
    store = open_store(db)
    assert store.user_for_token(token).name == "ann"
    assert _cli(db, "users", "add", "ann").exit_code == 1  # exists
    assert _cli(db, "users", "add", "bob", "--role", "boss").exit_code == 1
    assert [u["name"] for u in json.loads(_cli(db, "users", "list", "--json").stdout)] == ["ann"]
    assert token not in _cli(db, "users", "list").stdout
    assert _cli(db, "users", "revoke", "ann").exit_code == 0
    assert store.user_for_token(token) is None
    assert _cli(db, "users", "revoke", "nobody").exit_code == 1
