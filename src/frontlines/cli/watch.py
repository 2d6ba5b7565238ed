"""`frontlines watch [URL...]`: poll the feeds, ingest what is new, process it; keeps going on failures."""

from __future__ import annotations

from pathlib import Path

import typer

from frontlines.cli import common


def watch(
    ctx: typer.Context,
    urls: list[str] = typer.Argument(None, help="Feed URLs to add to the watched feeds first (RSS, Atom, JSON "
                                     "Feed). Every feed in the store is polled (see `frontlines feeds`)."),
    every: float = typer.Option(None, "--every", min=1, help="Seconds between polls (default: the watch_every "
                                "setting, 900)."),
    once: bool = typer.Option(False, "--once", help="Poll once, process, and exit (exit code 2 when a feed "
                              "failed)."),
    opml: Path = typer.Option(None, "--opml", exists=True, dir_okay=False, help="An OPML file of feeds to add "
                              "first (what feed readers export)."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes for processing (default 1)."),
    no_process: bool = typer.Option(False, "--no-process", help="Store new articles without processing them "
                                    "(`frontlines run` does it later)."),
) -> None:
    """Watch feeds: poll on a schedule, ingest only new entries, process them, update incidents and control.

    Each poll prints one line (feeds polled, new articles, new events); a failing feed is shown with its code
    and recorded in its state (`frontlines feeds list`), and the watcher goes on. Stop it with Ctrl-C.
    """
    from frontlines.batch.local import local_engine
    from frontlines.errors import FrontlinesError
    from frontlines.ingest.opml import read_opml
    from frontlines.store import open_store
    from frontlines.watch import FeedFailure, PollReport, add_feeds, watch_feeds

    with common.errors_to_exit():
        s = common.settings(ctx, workers=workers, watch_every=every)
        store = open_store(s.db)
        added = add_feeds(store, urls or [])
        if opml is not None:
            added += add_feeds(store, [(f.url, f.title) for f in read_opml(opml.read_bytes())])
        feeds = store.list_feeds()
        if not feeds:
            raise FrontlinesError("no feeds to watch: give feed URLs, --opml FILE, or `frontlines feeds add URL`",
                                  code="E901")
        err = common.console(ctx)
        err.print(f"watching {len(feeds)} feeds ({added} new) every {s.watch_every:g} s; Ctrl-C stops",
                  highlight=False)
        failed: list[FeedFailure] = []

        def on_failure(f: FeedFailure) -> None:
            failed.append(f)
            common.console().print(f"[yellow]feed failed[/yellow] {f.url}: [{f.code}] {f.message}", highlight=False)

        def on_poll(report: PollReport) -> None:
            common.console().print(f"poll: {report.line()}", highlight=False)

        engine = None if no_process else local_engine(s, s.workers)
        try:
            watch_feeds(store, s, engine=engine, every=s.watch_every, once=once, on_poll=on_poll,
                        on_failure=on_failure)
        except KeyboardInterrupt:
            err.print("stopped", highlight=False)
        if once and failed:
            raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("watch")(watch)
