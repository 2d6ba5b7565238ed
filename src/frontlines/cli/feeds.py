"""`frontlines feeds list|add|remove|import`: the feeds `frontlines watch` polls, and their state."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from frontlines.cli import common

feeds_app = typer.Typer(help="Manage the feeds `frontlines watch` polls: list them with their state, add, "
                             "remove, import an OPML file.", no_args_is_help=True)


@feeds_app.command("list")
def list_feeds(
    ctx: typer.Context,
    json_out: bool = typer.Option(False, "--json", help="Print JSON (every field of each feed's state)."),
) -> None:
    """List the watched feeds: last poll, HTTP status, last failure (code and reason), entries and articles."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        feeds = open_store(common.settings(ctx).db).list_feeds()
        if json_out:
            common.print_json(feeds)
            return
        table = Table("url", "title", "polled", "status", "entries", "articles", "failures", "last error", box=None)
        for f in feeds:
            polled = f.polled_at.strftime("%Y-%m-%d %H:%M") if f.polled_at else "-"
            error = f"[{f.error_code}] {f.error}" if f.error_code else "-"
            table.add_row(f.url, f.title or "-", polled, str(f.status or "-"), str(f.entries_seen), str(f.articles),
                          str(f.failures), error)
        common.out.print(table)


@feeds_app.command("add")
def add(
    ctx: typer.Context,
    urls: list[str] = typer.Argument(..., help="Feed URLs (http or https)."),
) -> None:
    """Add feeds to watch (a feed already there is kept as it is)."""
    from frontlines.fetch import check_url
    from frontlines.store import open_store
    from frontlines.watch import add_feeds

    with common.errors_to_exit():
        for url in urls:
            check_url(url)
        added = add_feeds(open_store(common.settings(ctx).db), urls)
        common.console().print(f"added {added} feeds ({len(urls) - added} already watched)", highlight=False)


@feeds_app.command("remove")
def remove(
    ctx: typer.Context,
    urls: list[str] = typer.Argument(..., help="Feed URLs, as `frontlines feeds list` shows them."),
) -> None:
    """Stop watching feeds (the articles they brought stay in the store)."""
    from frontlines.store import open_store

    with common.errors_to_exit():
        store = open_store(common.settings(ctx).db)
        removed = sum(store.remove_feed(u) for u in urls)
        common.console().print(f"removed {removed} feeds", highlight=False)
        if removed < len(urls):
            raise typer.Exit(2)


@feeds_app.command("import")
def import_opml(
    ctx: typer.Context,
    opml: Path = typer.Argument(..., exists=True, dir_okay=False, help="An OPML file (what feed readers export)."),
) -> None:
    """Add every feed of an OPML file (nested outlines too), with its title."""
    from frontlines.ingest.opml import read_opml
    from frontlines.store import open_store
    from frontlines.watch import add_feeds

    with common.errors_to_exit():
        found = read_opml(opml.read_bytes())
        added = add_feeds(open_store(common.settings(ctx).db), [(f.url, f.title) for f in found])
        common.console().print(f"added {added} of {len(found)} feeds in {opml}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(feeds_app, name="feeds")
