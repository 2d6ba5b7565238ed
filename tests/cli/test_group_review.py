"""`frontlines review-control`, `merge-incidents`, `split-incident` and `reviews --kind` end to end."""

from __future__ import annotations

import json

from tests.cli.test_review import _cli, db  # noqa: F401 - the fixture, shared


def _state(db: str) -> dict[str, dict]:  # noqa: F811
    out = _cli(db, "control", "--date", "2022-11-12", "--format", "json")
    assert out.exit_code == 0, out.output
    return {c["settlement"]["name"]: c for c in json.loads(out.stdout)}


def _incidents(db: str, place: str) -> list[dict]:  # noqa: F811
    out = _cli(db, "incidents", "--json", "--limit", "100")
    assert out.exit_code == 0, out.output
    return [i for i in json.loads(out.stdout) if (i.get("place") or {}).get("name") == place]


def test_review_a_change_of_control_from_the_cli(db: str) -> None:  # noqa: F811
    state = _state(db)
    assert {"Kherson", "Nova Kakhovka"} <= set(state)
    r = _cli(db, "review-control", state["Kherson"]["id"], "--verdict", "rejected", "--note", "a claim", "--as", "ann")
    assert r.exit_code == 0, r.output
    r = _cli(db, "review-control", state["Nova Kakhovka"]["id"], "--verdict", "corrected", "--side", "RUS",
             "--date", "2022-11-09", "--as", "ann", "--json")
    assert r.exit_code == 0, r.output
    assert [(c["to_side"], c["date"]) for c in json.loads(r.stdout)["timeline"]] == [("RUS", "2022-11-09")]
    after = _state(db)
    assert "Kherson" not in after and after["Nova Kakhovka"]["review"] == "corrected"
    listed = json.loads(_cli(db, "reviews", "--kind", "control", "--json").stdout)
    assert [r["verdict"] for r in listed] == ["corrected", "rejected"]
    assert "rejected" in _cli(db, "reviews", "--kind", "control").stdout
    bad = _cli(db, "review-control", after["Nova Kakhovka"]["id"], "--verdict", "corrected")
    assert bad.exit_code == 1 and "E906" in bad.output
    assert _cli(db, "reviews", "--kind", "nope").exit_code == 1


def test_merge_and_split_incidents_from_the_cli(db: str) -> None:  # noqa: F811
    bakhmut = _incidents(db, "Bakhmut")
    assert [len(i["reports"]) for i in bakhmut] == [1, 1]
    r = _cli(db, "merge-incidents", *(i["id"] for i in bakhmut), "--note", "one battle", "--as", "ann", "--json")
    assert r.exit_code == 0, r.output
    (merged,) = json.loads(r.stdout)["incidents"]
    assert len(merged["reports"]) == 2 and [len(i["reports"]) for i in _incidents(db, "Bakhmut")] == [2]
    r = _cli(db, "split-incident", merged["id"], merged["reports"][1]["event_key"], "--as", "ann")
    assert r.exit_code == 0, r.output
    assert [len(i["reports"]) for i in _incidents(db, "Bakhmut")] == [1, 1]
    listed = json.loads(_cli(db, "reviews", "--kind", "incident", "--json").stdout)
    assert [r["action"] for r in listed] == ["split", "merge"]
    bad = _cli(db, "split-incident", merged["id"], "no-such-key")
    assert bad.exit_code == 1
