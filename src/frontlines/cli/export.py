"""`frontlines export --what KIND --format FMT [-o FILE]`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

from frontlines.cli import common
from frontlines.export import FORMATS, KINDS


def export(
    ctx: typer.Context,
    what: str = typer.Option("events", "--what", help=f"One of: {', '.join(KINDS)}."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    output: Path = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    include: str = typer.Option(None, "--include", help="`rejected`: also export the events an analyst rejected "
                                "(left out by default)."),
) -> None:
    """Export articles or extractions (events as ACLED-style CSV, GeoJSON for maps; reviews applied)."""
    from frontlines import export as ex
    from frontlines.errors import FrontlinesError
    from frontlines.store import open_store

    with common.errors_to_exit():
        if what not in KINDS:
            raise FrontlinesError(f"--what {what!r}: one of {', '.join(KINDS)}", code="E902")
        if include not in (None, "rejected"):
            raise FrontlinesError(f"--include {include!r}: only 'rejected'", code="E902")
        store = open_store(common.settings(ctx).db)
        rows: Iterable[Any]
        if what == "articles":
            rows = ex.article_rows(store.iter_articles())
        elif what == "events":
            # reviewed (rejected events left out unless asked for), with their article's source and date
            rows = store.iter_events(include_rejected=include == "rejected")
        else:
            rows = store.iter_extraction_rows(what)
        if output is None:
            n = ex.write(what, fmt, rows, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            with output.open("wb") as fh:
                n = ex.write(what, fmt, rows, fh)
        common.console(ctx).print(f"exported {n} {what} as {fmt}" + (f" to {output}" if output else ""))


def register(app: typer.Typer) -> None:
    app.command("export")(export)
