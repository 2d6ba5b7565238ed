"""The FastAPI app: one router per resource under /api, the web map at /, one error shape, strict headers.

    app = create_app(load_settings())

The store is opened once per app; the NLP resources only on the first POST.
Every response carries a Content-Security-Policy that allows scripts, styles
and data from this origin only (plus the configured tile server's images), so
that article text, which is untrusted, can never run as code even if a bug
ever put it into markup.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from frontlines import __version__
from frontlines.api import (actors, alerts, articles, basemap, changes, control, events, group_reviews, incidents, jobs,
                            markers, places, quotes, reviews, stats, users)
from frontlines.api.basemap import VENDOR_DIR, WEB_DIR
from frontlines.api.errors import error_response, install_error_handlers
from frontlines.api.processing import Processor
from frontlines.config import Settings

if TYPE_CHECKING:
    from frontlines.store.protocol import Store

log = logging.getLogger("frontlines.api")

DESCRIPTION = """Read the events, articles, quotes, places, actors, incidents and territorial control that
frontlines extracted, as JSON or GeoJSON, and post new articles (with an API token). Every error has one shape:
`{"ok": false, "error": "...", "status": N, "code": "E..."}`. Dates are `YYYY-MM-DD` and nothing else: `until=0`,
a Unix time or `2022-11` is a 422, never a guess such as 1970-01-01. Every GET route also answers HEAD: the same
status and headers, no body."""


def tile_origin(tile_url: str) -> str | None:
    """The CSP source for a tile URL template ('https://{s}.tile.x.org/...' -> 'https://*.tile.x.org')."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "*"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(settings: Settings) -> str:
    """Scripts, styles and fetches from this origin only; images also from the tile server."""
    img = ["'self'", "data:"]
    origin = tile_origin(settings.tile_url)
    if origin:
        img.append(origin)
    return "; ".join([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {' '.join(img)}",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


class SecurityHeaders:
    """Pure ASGI middleware adding fixed headers to every response (cheaper than @app.middleware)."""

    def __init__(self, app: Any, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadLikeGet:
    """Pure ASGI middleware: HEAD answers as GET would, with the same status and headers and no body.

    HTTP requires HEAD wherever GET is allowed (RFC 9110, 9.3.2) and uptime checks, crawlers and
    `curl -I` use it; FastAPI routes declare GET alone, so one layer here covers every route and
    static file (which keeps the OpenAPI document to the methods that carry data).
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Any) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


class BodyLimit:
    """Pure ASGI middleware: a request body over ``limit`` bytes is refused with 413 before it is read whole.

    A declared Content-Length over the limit is refused before any of the body is read; a body
    sent without one (chunked) is read up to the limit and refused as soon as it passes it.
    """

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        if declared is not None:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = [False]

        async def replay() -> Any:
            if not sent[0]:
                sent[0] = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Any, receive: Any, send: Any) -> None:
        response = error_response(413, f"request body over the limit of {self.limit:,} bytes", "E903",
                                  headers={"Connection": "close"})
        await response(scope, receive, send)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # A run or job that stopped (killed, crashed) left its incidents and control update queued: finish
    # it before serving. A store that cannot do it still serves reads; the next run finishes it.
    try:
        n = app.state.processor.recover(app.state.store)
    except Exception:  # noqa: BLE001 - logged with its traceback; reads are still served
        log.exception("the queued incidents and control update could not be finished")
    else:
        if n:
            log.warning("finished the incidents and control update of %d articles left by a stopped run", n)
    yield
    app.state.processor.close()  # a job in progress stops after its batch; its thread never holds the exit


def create_app(
    settings: Settings,
    *,
    store: Store | None = None,
    resources_loader: Callable[[Any], Any] | None = None,
    stages: Callable[[], Sequence[Any]] | None = None,
) -> FastAPI:
    """Build the app over ``settings.db`` (or a given Store); ``resources_loader``/``stages`` are for tests."""
    from frontlines.store import open_store

    app = FastAPI(
        title="frontlines",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads scripts from a CDN: not offline, and against the CSP
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.store = store if store is not None else open_store(settings.db)
    processor_kw: dict[str, Any] = {}
    if resources_loader is not None:
        processor_kw["loader"] = resources_loader
    if stages is not None:
        processor_kw["stages"] = stages
    app.state.processor = Processor(settings, **processor_kw)
    app.state.cache_lock = threading.Lock()
    app.state.labels_lock = threading.Lock()  # the place-label index (api/basemap.py)
    app.state.borders = None

    install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=6)  # 9 took 3x as long for 4% fewer bytes
    app.add_middleware(SecurityHeaders, headers={
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    })
    app.add_middleware(HeadLikeGet)  # HEAD gets exactly GET's headers (gzip's included)
    app.add_middleware(BodyLimit, limit=settings.api_max_body)  # outermost: refuse before reading

    for module in (reviews, group_reviews, events, articles, quotes, places, actors, stats, incidents, markers, control,
                   basemap, jobs, users, alerts, changes):
        app.include_router(module.router)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        if not (VENDOR_DIR / "leaflet" / "leaflet.js").is_file():
            return HTMLResponse(
                "<!doctype html><title>frontlines</title><p>The map's libraries are not installed: run "
                "<code>make web</code> (npm ci, then copies them to src/frontlines/web/static/vendor).</p>"
                "<p>The API is at <a href=\"/api/openapi.json\">/api/openapi.json</a>.</p>",
                status_code=503,
            )
        return FileResponse(WEB_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=WEB_DIR, check_dir=False), name="static")
    return app
