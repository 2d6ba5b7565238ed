"""`frontlines alerts list|add|remove` on a real store: filters checked, the place resolved in the gazetteer,
alerts listed with their counts, removed by name or id."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from frontlines.cli.main import app

runner = CliRunner()


def _cli(db: str, *args: str):  # noqa: ANN202
    return runner.invoke(app, ["--db", db, "--quiet", "alerts", *args])


def test_add_list_remove(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "a.db")
    out = tmp_path / "alerts.jsonl"
    added = _cli(db, "add", "strikes", "--bbox", "32,46,33,47", "--type", "assault", "--side", "RUS",
                 "--min-killed", "5", "--status", "Happened", "--to", str(out))
    assert added.exit_code == 0, added.output
    second = _cli(db, "add", "control", "--type", "control", "--to", "stdout")
    assert second.exit_code == 0, second.output
    listed = json.loads(_cli(db, "list", "--json").stdout)
    assert [a["name"] for a in listed] == ["strikes", "control"]
    first = listed[0]
    assert first["bbox"] == [32.0, 46.0, 33.0, 47.0] and first["plover_type"] == "ASSAULT"
    assert first["status"] == "happened" and first["min_killed"] == 5 and first["sink"] == str(out)
    assert listed[1]["plover_type"] == "CONTROL" and listed[1]["sink"] == "stdout"
    table = _cli(db, "list").stdout
    assert "strikes" in table and "plover_type=ASSAULT" in table
    assert _cli(db, "remove", "strikes", str(listed[1]["id"])).exit_code == 0
    assert json.loads(_cli(db, "list", "--json").stdout) == []
    assert _cli(db, "remove", "strikes").exit_code == 2  # gone already


def test_bad_alerts_are_refused_with_their_reason(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "b.db")
    cases = [
        (["x", "--bbox", "33,46,32,47", "--to", "stdout"], "reversed"),
        (["x", "--type", "PICNIC", "--to", "stdout"], "PICNIC"),
        (["x", "--status", "rumoured", "--to", "stdout"], "rumoured"),
        (["x", "--to", "ftp://h.example/x"], "ftp"),
        (["x", "--radius", "10", "--to", "stdout"], "a radius needs a place"),
    ]
    for args, reason in cases:
        result = _cli(db, "add", *args)
        assert result.exit_code == 1, (args, result.output)
        assert "E907" in result.output and reason in result.output, result.output
    assert _cli(db, "add", "same", "--to", "stdout").exit_code == 0
    dup = _cli(db, "add", "same", "--to", "stdout")
    assert dup.exit_code == 1 and "exists" in dup.output


def test_a_place_is_resolved_in_the_gazetteer(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "c.db")
    result = _cli(db, "add", "kherson", "--place", "Kherson", "--radius", "30", "--to", "stdout")
    assert result.exit_code == 0, result.output
    [alert] = json.loads(_cli(db, "list", "--json").stdout)
    assert alert["place"] == "Kherson" and alert["place_id"].startswith("geonames:")
    assert abs(alert["lat"] - 46.64) < 0.2 and abs(alert["lon"] - 32.61) < 0.2 and alert["radius_km"] == 30
    unknown = _cli(db, "add", "nowhere", "--place", "Qwzxyvillebourg", "--to", "stdout")
    assert unknown.exit_code == 1 and "E907" in unknown.output
