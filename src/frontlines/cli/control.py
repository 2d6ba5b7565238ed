"""`frontlines control`: who controls each settlement on a date (table, JSON or GeoJSON)."""

from __future__ import annotations

import datetime as dt
import json
import sys

import typer
from rich.table import Table

from frontlines.cli import common


def control(
    ctx: typer.Context,
    date: dt.datetime = typer.Option(..., "--date", formats=["%Y-%m-%d"], help="The state of control on this day."),
    region: str = typer.Option(None, "--region", help="Oblast/admin1 name (contains), or ISO3 country."),
    fmt: str = typer.Option("table", "--format", help="table, json or geojson."),
) -> None:
    """Print or export the state of territorial control on a date, per settlement, with status and evidence."""
    from frontlines.control import change_id, change_json, state_geojson, state_on
    from frontlines.errors import FrontlinesError
    from frontlines.store import open_store

    with common.errors_to_exit():
        if fmt not in ("table", "json", "geojson"):
            raise FrontlinesError(f"--format {fmt!r}: want table, json or geojson", code="E902")
        store = open_store(common.settings(ctx).db)
        state = state_on(store, date.date(), region=region)
        if fmt == "json":
            common.print_json([change_json(c) for c in state])
            return
        if fmt == "geojson":
            sys.stdout.write(json.dumps(state_geojson(state, date.date()), ensure_ascii=False, indent=1) + "\n")
            return
        table = Table("id", "settlement", "admin1", "side", "since", "status", "claimed by", "sources", "area",
                      "evidence", box=None)
        for c in state:
            table.add_row(change_id(c), c.settlement.name or c.settlement.text, c.settlement.admin1 or "-", c.to_side,
                          str(c.date or "-"), c.status.value + (f" ({c.review})" if c.review else ""),
                          c.claimed_by or "-",
                          f"{len(c.sources)} ({c.independent_sources} indep.)", "yes" if c.area else "",
                          (c.evidence[0].text if c.evidence else "")[:70].replace("\n", " "))
        common.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("control")(control)
