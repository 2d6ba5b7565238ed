"""`frontlines eval` end to end on a project fixture: JSON shape, table, --errors, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontlines.cli.main import app

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "eval" / "event_type-plover.jsonl"


def test_json_one_object_per_file(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray frontlines.toml
    result = CliRunner().invoke(app, ["--quiet", "eval", str(FIXTURE), str(FIXTURE), "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 2
    assert set(lines[0]) >= {"file", "task", "docs", "metrics"}
    assert lines[0]["task"] == "event_type" and lines[0]["docs"] == 3
    assert set(lines[0]["metrics"]) >= {"accuracy", "macro_f1"}


def test_table_and_worst_cases(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--quiet", "eval", str(FIXTURE), "--limit", "2", "--errors", "1"])
    assert result.exit_code == 0, result.output
    assert "macro_f1" in result.stdout and "accuracy" in result.stdout
    # Unless the pipeline labels both snippets right, the worst case shows text, gold and prediction.
    assert "worst of" in result.stdout


def test_bad_gold_file_is_a_clean_error(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "task": "geo"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(bad)])
    assert result.exit_code == 1
    assert "E801" in result.output and "bad.jsonl:1" in result.output
