"""Page readiness: how long the map takes, in a real browser, to draw its first view.

    .venv/bin/python bench/page.py --db frontlines.db [--runs 7] [--view incidents|events]
    .venv/bin/python bench/page.py --events 13000 [--db bench/out/page-13k.db]

Serves the store on a loopback port (uvicorn in a thread, as tests/web does) and opens the page in
Debian's headless Chromium `--runs` times, each in a fresh browser context (no HTTP cache). "Ready" is
the page's own `frontlines-ready` performance mark, set when the first view's markers and list are
drawn, in milliseconds from the start of navigation; the label, border and control layers keep
loading after it. With `--events N` (and no existing store of that size at --db) it first builds N
synthetic events with bench/api.py's generator and merges their incidents as `frontlines run` does.
Prints min / median / max and the size of what the page fetched. No timing is asserted.

With `--routes`, it times instead, in process and one at a time (FastAPI TestClient, no browser), the
API requests the page makes before it is ready, for the view and `--map-route` given ("full": the old
/api/incidents.geojson or /api/events.geojson at 10,000 features; "lean": /api/map/incidents or
/api/map/events at up to 20,000), with each answer's size before and after gzip.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from frontlines.config import Settings  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def ensure_store(db: Path, events: int) -> None:
    """Build ``events`` synthetic events (and their incidents) at ``db`` unless it already holds them."""
    from bench.api import build
    from frontlines.control import update_after_run
    from frontlines.store import open_store

    store = open_store(str(db))
    have = store.count_events()
    store.close()
    if have == events:
        return
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    build(str(db), events)
    store = open_store(str(db))
    update_after_run(store, [a.id for a in store.iter_articles()])
    store.close()
    print(f"built {events:,} events and their incidents in {time.perf_counter() - t0:.0f} s: {db}")


def first_view_urls(view: str, map_route: str) -> list[str]:
    """The API requests the page makes before its first view is ready (the markers and the list)."""
    if view == "incidents":
        geo = "/api/incidents.geojson?limit=10000" if map_route == "full" else "/api/map/incidents?limit=20000"
        return [geo, "/api/incidents?limit=300", "/api/stats/events?by=period"]
    geo = "/api/events.geojson?limit=10000" if map_route == "full" else "/api/map/events?limit=20000"
    return [geo, "/api/events?sort=-date&limit=300", "/api/stats/events?by=period"]


def time_routes(settings: Settings, urls: list[str], runs: int) -> None:
    """Each URL ``runs`` times in process, after one warm-up call: min and median ms, raw and gzipped kB."""
    import gzip
    import warnings

    from frontlines.api import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    app = create_app(settings)
    with TestClient(app) as client:
        for url in urls:
            client.get(url)
            ms = []
            for _ in range(runs):
                t0 = time.perf_counter()
                r = client.get(url)
                ms.append((time.perf_counter() - t0) * 1000)
            print(f"{url}: {r.status_code}, min {min(ms):.0f} ms, median {statistics.median(ms):.0f} ms, "
                  f"{len(r.content) / 1024:,.0f} kB ({len(gzip.compress(r.content, 6)) / 1024:,.0f} kB gzipped)")
    app.state.store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=None, help="the store to serve (default: bench/out/page-<N>.db with --events)")
    ap.add_argument("--events", type=int, default=0, help="build this many synthetic events first")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--view", choices=("incidents", "events"), default="incidents")
    ap.add_argument("--gazetteer", default="", help="gazetteer for the place labels (default: the configured one)")
    ap.add_argument("--routes", action="store_true", help="time the first view's API requests in process instead")
    ap.add_argument("--map-route", choices=("lean", "full"), default="lean", help="with --routes: which marker route")
    args = ap.parse_args()
    if args.db is None:
        if not args.events:
            raise SystemExit("give --db, or --events N to build a synthetic store")
        args.db = str(ROOT / "bench" / "out" / f"page-{args.events // 1000}k.db")
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.events:
        ensure_store(db, args.events)
    if args.routes:
        time_routes(Settings(db=str(db)), first_view_urls(args.view, args.map_route), args.runs)
        return
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make browser-deps`")

    from playwright.sync_api import sync_playwright

    from frontlines.api import create_app
    from tests.web.conftest import CHROMIUM_ARGS, LiveServer

    settings = Settings(db=str(db), **({"gazetteer": args.gazetteer} if args.gazetteer else {}))
    app = create_app(settings)
    path = "/" if args.view == "incidents" else "/?view=events"
    ready, fetched = [], []
    with LiveServer(app) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for i in range(args.runs + 1):  # the first run warms the server (label index, borders)
            context = browser.new_context(viewport={"width": 1400, "height": 860})
            page = context.new_page()
            page.goto(server.url + path)
            page.wait_for_selector("body[data-ready='1']", timeout=60000)
            ms = page.evaluate("() => performance.getEntriesByName('frontlines-ready')[0].startTime")
            kb = page.evaluate("() => performance.getEntriesByType('resource')"
                               ".filter(e => e.responseEnd <= performance.getEntriesByName('frontlines-ready')[0].startTime)"
                               ".reduce((n, e) => n + (e.transferSize || 0), 0) / 1024")
            context.close()
            if i:
                ready.append(ms)
                fetched.append(kb)
        browser.close()
    events = app.state.store.count_events()
    app.state.store.close()
    print(f"{db.name}: {events:,} events, {args.view} view, {args.runs} runs: ready min {min(ready):.0f} ms, "
          f"median {statistics.median(ready):.0f} ms, max {max(ready):.0f} ms; "
          f"fetched before ready {statistics.median(fetched):.0f} kB")


if __name__ == "__main__":
    main()
