"""`frontlines stats`: what the store holds."""

from __future__ import annotations

import typer
from rich.table import Table

from frontlines.cli import common


def stats(ctx: typer.Context, json_out: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Counts of articles by status, rejections by code, extractions by kind, incidents and control changes."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        s = common.settings(ctx)
        data = open_store(s.db).stats()
        if json_out:
            common.print_json(data)
            return
        table = Table("what", "count", box=None, title=f"frontlines store {s.db}", title_justify="left")
        table.add_row("articles", str(data["articles"]))
        for status, n in sorted(data["articles_by_status"].items()):
            table.add_row(f"  {status}", str(n))
        table.add_row("  near-duplicates", str(data["near_duplicates"]))
        table.add_row("words", str(data["words"]))
        table.add_row("rejections", str(data["rejections"]))
        for code, n in sorted(data["rejections_by_code"].items()):
            table.add_row(f"  {code}", str(n))
        for kind in ("events", "places", "times", "actors", "quotes", "quantities"):
            table.add_row(kind, str(data[kind]))
        for ptype, n in sorted(data["events_by_type"].items(), key=lambda kv: -kv[1]):
            table.add_row(f"  {ptype}", str(n))
        table.add_row("incidents", str(data["incidents"]))
        table.add_row("control changes", str(data["control_changes"]))
        pending = data["cross_article_pending"]
        table.add_row("cross-article update pending",
                      f"[yellow]{pending}[/yellow] (finished by the next run or serve)" if pending else "0")
        common.out.print(table)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
