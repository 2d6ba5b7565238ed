"""The watcher polling many feeds: 500 feeds x 20 entries on a local server, processing apart.

    .venv/bin/python bench/feeds.py [--feeds 500] [--entries 20] [--hosts 50] [--json OUT.json]

A child process serves the feeds on ``--hosts`` loopback addresses (127.0.0.1,
127.0.0.2, ...: as many sites, so the per-host politeness limits apply as they
would on the web: 2 requests in flight and 1 s between requests per host, the
packaged defaults) with ETags. The watcher (this process) polls every feed
once with the packaged fetch settings (loopback allowed), parses the feeds and
stores every entry as an article through the Ingestor (exact and near-
duplicate checks) into a fresh SQLite store, without processing them; then
polls a second time, when every feed answers 304. Reported: wall time of each
poll, articles stored, requests, and the watcher's peak RSS (the server apart).
Nothing is asserted; the figures go to docs/performance.md (target: the first
poll < 60 s, peak RSS < 600 MB).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/fetch/stories.py: the same distinct stories as the tests


def _feeds(n_feeds: int, n_entries: int, hosts: int, port: int) -> dict[tuple[str, str], bytes]:
    from tests.fetch.stories import rss

    out = {}
    for f in range(n_feeds):
        host = f"127.0.0.{1 + f % hosts}"
        items = [(f * n_entries + e, f"http://{host}:{port}/f{f}/e{e}") for e in range(n_entries)]
        out[(host, f"/f{f}.xml")] = rss(f"Feed {f}", items)
    return out


def serve(n_feeds: int, n_entries: int, hosts: int, port: int, ready: Any) -> None:
    """The feeds, over plain HTTP/1.1 with keep-alive, on each loopback address (child process)."""
    feeds = _feeds(n_feeds, n_entries, hosts, port)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1]
                headers = {k.lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
                body = feeds.get((host, path))
                etag = f'"{path}"'
                if body is None:
                    writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                elif headers.get("if-none-match") == etag:
                    writer.write(f"HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nContent-Length: 0\r\n\r\n".encode())
                else:
                    writer.write(f"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {etag}\r\n"
                                 f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, f"127.0.0.{1 + h}", port, backlog=512) for h in range(hosts)]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bench(n_feeds: int, n_entries: int, hosts: int) -> dict[str, Any]:
    port = _free_port()
    ready = mp.get_context("fork").Event()
    server = mp.get_context("fork").Process(target=serve, args=(n_feeds, n_entries, hosts, port, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(120):
            raise RuntimeError("the feed server did not start")
        return _poll(n_feeds, n_entries, hosts, port)
    finally:
        server.terminate()
        server.join(10)


def _poll(n_feeds: int, n_entries: int, hosts: int, port: int) -> dict[str, Any]:
    from frontlines.config import load_settings
    from frontlines.fetch import Fetcher, FetchOptions
    from frontlines.store import open_store
    from frontlines.watch import Watcher, add_feeds

    settings = load_settings({"fetch_allow_networks": "127.0.0.0/8"}, env={})
    out: dict[str, Any] = {"feeds": n_feeds, "entries_per_feed": n_entries, "hosts": hosts,
                           "per_host": settings.fetch_per_host, "host_delay": settings.fetch_host_delay,
                           "concurrency": settings.fetch_concurrency}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "feeds.db"))
        add_feeds(store, [f"http://127.0.0.{1 + f % hosts}:{port}/f{f}.xml" for f in range(n_feeds)])

        async def polls() -> None:
            async with Fetcher(FetchOptions.from_settings(settings)) as fetcher:
                watcher = Watcher(store, fetcher)
                for name in ("first", "second"):
                    start = time.perf_counter()
                    report = await watcher.poll()
                    out[name] = {"seconds": round(time.perf_counter() - start, 2), "articles": report.articles,
                                 "not_modified": report.not_modified, "failed": report.failed,
                                 "requests": fetcher.stats.requests}
                    print(f"{name} poll: {report.line()}", file=sys.stderr)

        asyncio.run(polls())
        out["stored_articles"] = store.stats()["articles"]
        store.close()
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--entries", type=int, default=20)
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = bench(args.feeds, args.entries, args.hosts)
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
