"""`frontlines serve`: the REST API and the web map, in one process."""

from __future__ import annotations

import threading

import typer

from frontlines.cli import common
from frontlines.config import Settings


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: str = typer.Option(None, "--db", help="Database path or URL (overrides the global --db)."),
    watch: bool = typer.Option(False, "--watch", help="Also poll the watched feeds (`frontlines feeds`) every "
                               "watch_every seconds, beside the API; new articles are processed in a worker "
                               "process, never in the server's."),
) -> None:
    """Serve the REST API (/api, documented at /api/openapi.json) and the web map (/)."""
    import uvicorn

    from frontlines.api import create_app

    with common.errors_to_exit():
        settings = common.settings(ctx, **({"db": db} if db else {}))  # else the global --db / FRONTLINES_DB
        app = create_app(settings)
        shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
        common.console(ctx).print(
            f"frontlines: serving {settings.db} on http://{shown}:{port}/ (API: /api/openapi.json); "
            f"writes {'enabled' if settings.api_token else 'disabled (no FRONTLINES_API_TOKEN)'}",
            highlight=False,
        )
        # a request in progress never holds a shutdown for more than a few seconds (large posts run as jobs)
        watcher = _start_watcher(ctx, settings) if watch else None
        try:
            uvicorn.run(app, host=host, port=port, log_level="warning" if common.options(ctx).quiet else "info",
                        timeout_graceful_shutdown=5)
        finally:
            if watcher is not None:
                stop, thread = watcher
                stop.set()
                # a poll in progress finishes and reports its line (its articles are stored one by one, so
                # nothing is lost if it is cut short; the wait is bounded)
                thread.join(timeout=_WATCH_STOP_S)


_WATCH_STOP_S = 60.0  # how long shutdown waits for a poll in progress


def _start_watcher(ctx: typer.Context, settings: Settings) -> tuple[threading.Event, threading.Thread]:
    """The watcher in a thread of its own (its own event loop and store); returns the event that stops it
    and the thread."""
    from frontlines.batch.local import ProcessPool
    from frontlines.store import open_store
    from frontlines.watch import FeedFailure, PollReport, watch_feeds

    err = common.console(ctx)
    stop = threading.Event()

    def on_poll(report: PollReport) -> None:
        err.print(f"watch: {report.line()}", highlight=False)

    def on_failure(f: FeedFailure) -> None:
        err.print(f"[yellow]feed failed[/yellow] {f.url}: [{f.code}] {f.message}", highlight=False)

    def run() -> None:
        store = open_store(settings.db)
        engine = ProcessPool(settings, max(1, settings.workers))
        watch_feeds(store, settings, engine=engine, every=settings.watch_every,
                    on_poll=on_poll, on_failure=on_failure, stop=stop)

    thread = threading.Thread(target=run, name="frontlines-watch", daemon=True)
    thread.start()
    return stop, thread


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
