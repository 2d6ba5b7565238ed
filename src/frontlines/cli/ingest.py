"""`frontlines ingest PATH...`: files, folders (recursively), '-' for stdin, and http(s) URLs of pages and feeds."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from frontlines.cli import common


def ingest(
    ctx: typer.Context,
    paths: list[str] = typer.Argument(..., help="Files, folders, - for stdin, or http(s) URLs of web pages and "
                                      "feeds (RSS, Atom, JSON Feed; an entry with only a summary has its page "
                                      "fetched)."),
    max_bytes: int = typer.Option(None, "--max-bytes", help="Reject inputs larger than this."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Read articles (txt/md, html, jsonl/json, RSS/Atom/JSON Feed, WARC, web pages by URL) into the store."""
    from frontlines.fetch import FetchOptions
    from frontlines.ingest import Ingestor
    from frontlines.store import open_store

    with common.errors_to_exit():
        s = common.settings(ctx, max_bytes=max_bytes)
        store = open_store(s.db)
        ingestor = Ingestor(store, max_bytes=s.max_bytes)
        err = common.console(ctx)
        with Progress(
            SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(bar_width=None),
            TextColumn("{task.completed} items"), TextColumn("{task.fields[rate]:.0f}/s"),
            TimeElapsedColumn(), console=err, transient=True, disable=common.options(ctx).quiet,
        ) as progress:
            task = progress.add_task("ingest", total=None, rate=0.0)

            def on_item(outcome: str, item: object) -> None:
                elapsed = progress.tasks[0].elapsed or 1e-9
                progress.update(task, advance=1, rate=progress.tasks[0].completed / elapsed)
                if outcome == "rejected":
                    err.print(f"[yellow]rejected[/yellow] {item.origin}: [{item.code}] {item.message}",  # type: ignore[attr-defined]
                              highlight=False, markup=True)

            report = ingestor.ingest(paths, on_item=on_item, fetch=FetchOptions.from_settings(s))
        summary = {
            "stored": report.stored, "duplicates": report.duplicates,
            "near_duplicates": report.near_duplicates, "skipped_language": report.skipped_language,
            "rejected": report.rejected, "db": s.db,
        }
        if json_out:
            common.print_json(summary)
        else:
            msg = (f"stored {report.stored} articles ({report.near_duplicates} near-duplicates linked, "
                   f"{report.skipped_language} not English), {report.duplicates} already stored, "
                   f"{report.rejected} rejected")
            if report.seen and report.stored == 0 and report.duplicates and not report.rejected:
                msg += " - nothing new: every article was already in the store"
            common.console().print(msg, highlight=False)
        if report.rejected:
            raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
