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
        stop = _start_watcher(ctx, settings) if watch else None
        try:
            uvicorn.run(app, host=host, port=port, log_level="warning" if common.options(ctx).quiet else "info",
                        timeout_graceful_shutdown=5)
        finally:
            if stop is not None:
                stop.set()


def _start_watcher(ctx: typer.Context, settings: Settings) -> threading.Event:
    """The watcher in a thread of its own (its own event loop and store); returns the event that stops it."""
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

    threading.Thread(target=run, name="frontlines-watch", daemon=True).start()
    return stop


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
