"""The CLI end to end on small real inputs: ingest, list, show, stats, export."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.store import IncidentFilter

runner = CliRunner()

ARTICLE = """---
title: Drones hit Odesa port
published: 2023-07-19
source: Test Wire
---
Russian drones struck grain terminals in the port of Odesa overnight, injuring two workers, the regional
governor said on Wednesday.
"""


def _cli(db: str, *args: str, input: str | None = None):  # noqa: A002, ANN202
    return runner.invoke(app, ["--db", db, "--quiet", *args], input=input)


@pytest.fixture
def db(tmp_path) -> str:  # noqa: ANN001
    src = tmp_path / "in"
    src.mkdir()
    (src / "odesa.md").write_text(ARTICLE)
    (src / "feed.jsonl").write_text('{"text": "Protesters gathered in Tbilisi on Sunday.", "published": "2024-05-12"}\n{oops\n')
    path = str(tmp_path / "t.db")
    result = _cli(path, "ingest", str(src))
    assert result.exit_code == 2, result.output  # one rejected line: non-zero exit, the rest stored
    return path


def test_ingest_reports_and_is_idempotent(db: str) -> None:
    result = _cli(db, "ingest", "--json", str(db).rsplit("/", 1)[0] + "/in")
    assert json.loads(result.stdout)["stored"] == 0
    assert json.loads(result.stdout)["duplicates"] == 2


def test_articles_show_stats(db: str) -> None:
    rows = json.loads(_cli(db, "articles", "--json").stdout)
    assert {r["title"] for r in rows} == {"Drones hit Odesa port", None}
    odesa = next(r for r in rows if r["title"])
    assert "text" not in odesa and odesa["published"] == "2023-07-19"
    shown = json.loads(_cli(db, "show", odesa["id"][:10], "--json").stdout)
    assert shown["article"]["source"] == "Test Wire" and shown["extraction"] is None
    assert _cli(db, "show", "ffffffffff").exit_code == 1
    stats = json.loads(_cli(db, "stats", "--json").stdout)
    assert stats["articles"] == 2 and stats["rejections_by_code"] == {"E104": 1}
    assert json.loads(_cli(db, "articles", "--json", "--since", "2024-01-01").stdout)[0]["published"] == "2024-05-12"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_articles(db: str, fmt: str, tmp_path) -> None:  # noqa: ANN001
    out = tmp_path / f"a.{fmt}"
    result = _cli(db, "export", "--what", "articles", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        assert len(out.read_text().splitlines()) == 2
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out.read_text())))) == 2
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 2


def test_export_events_csv_has_acled_columns_when_empty(db: str) -> None:
    result = _cli(db, "export", "--what", "events", "--format", "csv")
    header = result.stdout.splitlines()[0].split(",")
    assert header[:4] == ["event_id", "event_date", "event_type", "sub_event_type"]


def test_bad_arguments_are_clear_errors(db: str) -> None:
    assert _cli(db, "export", "--what", "bananas").exit_code == 1
    bad = _cli(db, "events", "--bbox", "40,50,30,45")
    assert bad.exit_code == 1 and "reversed" in bad.output


def test_every_command_is_documented() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"command {name} has no help text"
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("help",):
                assert getattr(param, "help", None), f"{name} --{param.name} has no help"


@pytest.mark.parametrize(("args", "named"), [
    (("events", "--type", "NOPE"), "type 'NOPE' is not one of: AGREE, CONSULT,"),
    (("events", "--acled", "Shelling"), "acled 'Shelling' is not one of: 'Battles',"),
    (("events", "--status", "exploded"), "status 'exploded' is not one of: happened, ordered,"),
    (("incidents", "--type", "NOPE"), "type 'NOPE' is not one of: AGREE,"),
    (("incidents", "--corroboration", "rumour"), "corroboration 'rumour' is not one of: single-source,"),
    (("articles", "--status", "done"), "status 'done' is not one of: pending, processed, skipped, failed"),
])
def test_an_unknown_enumerated_value_is_an_error_naming_the_allowed_ones(db: str, args, named) -> None:  # noqa: ANN001
    result = _cli(db, *args)
    assert result.exit_code == 1
    assert "[E902]" in result.output and named in " ".join(result.output.split())


def test_enumerated_values_ignore_case(db: str) -> None:
    result = _cli(db, "articles", "--json", "--status", "PENDING")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 2
    assert _cli(db, "events", "--json", "--type", "assault").exit_code == 0


def test_stats_count_incidents_and_control_changes(tmp_path) -> None:  # noqa: ANN001
    from frontlines.control import update_after_run
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill, sequence_specs

    path = str(tmp_path / "merged.db")
    store = open_store(path)
    built = fill(store, [*demo_specs(), *sequence_specs()])
    update_after_run(store, [a.id for a, _ in built])
    incidents, changes = len(store.list_incidents(IncidentFilter(limit=1000))), len(store.list_control_changes())
    store.close()
    assert incidents > 0 and changes > 0
    data = json.loads(_cli(path, "stats", "--json").stdout)
    assert (data["incidents"], data["control_changes"]) == (incidents, changes)
    table = _cli(path, "stats").stdout
    assert re.search(rf"^\s*incidents\s+{incidents}\s*$", table, re.M)
    assert re.search(rf"^\s*control changes\s+{changes}\s*$", table, re.M)


def test_run_stale_reprocesses_exactly_the_articles_of_older_stage_versions(db: str) -> None:
    import dataclasses

    from frontlines.records import StageInfo
    from frontlines.store import open_store

    first = json.loads(_cli(db, "run", "--json").stdout)
    assert first["processed"] == 2 and first["stale"] == 0
    store = open_store(db)
    aid = store.list_articles()[0].id
    ex = store.get_extraction(aid)
    old = tuple(StageInfo(name=s.name, version="0") if s.name == "events.coder" else s for s in ex.stages)
    assert old != ex.stages
    store.save_extractions_bulk([dataclasses.replace(ex, stages=old)])  # as an older events stage left it
    store.close()
    assert json.loads(_cli(db, "run", "--json").stdout)["processed"] == 0  # nothing pending
    again = json.loads(_cli(db, "run", "--stale", "--json").stdout)
    assert (again["stale"], again["processed"]) == (1, 1)
    assert json.loads(_cli(db, "run", "--stale", "--json").stdout)["stale"] == 0


def test_stats_show_the_pending_cross_article_update(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill

    path = str(tmp_path / "queued.db")
    store = open_store(path)
    fill(store, demo_specs())  # extractions stored, incidents and control not yet merged
    queued = store.count_pending_updates()
    store.close()
    assert queued == len(demo_specs())
    assert json.loads(_cli(path, "stats", "--json").stdout)["cross_article_pending"] == queued
    assert re.search(rf"cross-article update pending\s+{queued}", _cli(path, "stats").stdout)


def test_the_events_table_says_a_coarse_date_at_its_own_precision(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store
    from tests.api.builders import demo_specs, fill, honest_specs

    path = str(tmp_path / "coarse.db")
    store = open_store(path)
    fill(store, [*demo_specs(), *honest_specs()])
    store.close()
    rows = {line.split()[0] for line in _cli(path, "events", "--place", "Izium").stdout.splitlines()[1:] if line.strip()}
    assert "2022" in rows and "2022-01-01" not in rows  # "in 2022": the year, not its first day
    months = {line.split()[0] for line in _cli(path, "events", "--place", "Kupiansk").stdout.splitlines()[1:] if line.strip()}
    assert months == {"2022-04"}
    days = {line.split()[0] for line in _cli(path, "events", "--place", "Mykolaiv").stdout.splitlines()[1:] if line.strip()}
    assert days and all(len(d) == 10 for d in days)  # negative: a day stays a day
