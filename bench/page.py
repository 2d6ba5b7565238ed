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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=None, help="the store to serve (default: bench/out/page-<N>.db with --events)")
    ap.add_argument("--events", type=int, default=0, help="build this many synthetic events first")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--view", choices=("incidents", "events"), default="incidents")
    ap.add_argument("--gazetteer", default="", help="gazetteer for the place labels (default: the configured one)")
    args = ap.parse_args()
    if args.db is None:
        if not args.events:
            raise SystemExit("give --db, or --events N to build a synthetic store")
        args.db = str(ROOT / "bench" / "out" / f"page-{args.events // 1000}k.db")
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.events:
        ensure_store(db, args.events)
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
