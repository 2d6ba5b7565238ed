"""Entry point: `frontlines [--db DB] [--quiet] COMMAND ...`."""

from __future__ import annotations

import typer

from frontlines import __version__
from frontlines.cli import common

app = typer.Typer(
    name="frontlines",
    help="Turn English conflict reporting into a sourced, geolocated, dated event database.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", help="Database path or URL (sqlite:///x.db, postgresql://...). Env: FRONTLINES_DB."),
    config: str = typer.Option(None, "--config", help="TOML settings file (default ./frontlines.toml)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or chatter."),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    if version:
        typer.echo(__version__)
        raise typer.Exit()
    ctx.obj = common.GlobalOptions(db=db, config=config, quiet=quiet)


def _register() -> None:
    # One line per command module; each module exposes `register(app)`.
    from frontlines.cli import articles, eval, events, export, gazetteer, ingest, run, serve, show, stats
    from frontlines.cli import alerts, control, feeds, group_review, incidents, review, users, watch

    for module in (ingest, run, articles, show, events, stats, export, eval, serve, gazetteer, incidents, control,
                   watch, feeds, review, group_review, users, alerts):
        module.register(app)


_register()


def main() -> None:
    app()
