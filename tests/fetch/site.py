"""A real HTTP server on 127.0.0.1 for the fetch, ingest and watch tests, always stopped.

Routes map a path to a Response (or a callable giving one, for answers that change
between requests); every request is recorded with its headers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Response:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (a slow server)
    chunks: int = 1  # the body sent in this many pieces, without a Content-Length when > 1
    etag: str | None = None  # answer 304 when the request's If-None-Match matches


Route = Response | Callable[[BaseHTTPRequestHandler], Response]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    method: str = "GET"
    body: bytes = b""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site = self.server.site
        site.requests.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}, self.command,
                                  getattr(self, "posted", b"")))
        route = site.routes.get(self.path)
        if route is None:
            route = site.routes.get(self.path.split("?", 1)[0])
        if route is None:
            route = Response(b"not found", 404, "text/plain")
        resp = route(self) if callable(route) else route
        if resp.delay:
            time.sleep(resp.delay)
        if resp.etag is not None and self.headers.get("If-None-Match") == resp.etag:
            self.send_response(304)
            self.send_header("ETag", resp.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(resp.status)
        if resp.content_type:
            self.send_header("Content-Type", resp.content_type)
        if resp.etag is not None:
            self.send_header("ETag", resp.etag)
        for k, v in resp.headers.items():
            self.send_header(k, v)
        try:
            if resp.chunks > 1:
                self.send_header("Connection", "close")
                self.end_headers()
                step = max(1, len(resp.body) // resp.chunks)
                for i in range(0, len(resp.body), step):
                    self.wfile.write(resp.body[i:i + step])
                self.close_connection = True
                return
            self.send_header("Content-Length", str(len(resp.body)))
            self.end_headers()
            self.wfile.write(resp.body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading on purpose
            self.close_connection = True


    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        """A POST (webhooks): its body is recorded, then it is answered like a GET of its path."""
        self.posted = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: LocalSite


@dataclass
class LocalSite:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)


@contextmanager
def local_site(routes: dict[str, Route] | None = None) -> Iterator[LocalSite]:
    """A LocalSite served on 127.0.0.1 (a free port) for the duration of the block."""
    site = LocalSite(routes=dict(routes or {}))
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = site
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
