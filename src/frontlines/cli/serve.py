"""`frontlines serve`: the REST API and the web map, in one process."""

from __future__ import annotations

import typer

from frontlines.cli import common


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    db: str = typer.Option(None, "--db", help="Database path or URL (overrides the global --db)."),
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
        uvicorn.run(app, host=host, port=port, log_level="warning" if common.options(ctx).quiet else "info",
                    timeout_graceful_shutdown=5)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
