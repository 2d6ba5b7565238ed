"""API latency: bbox + date queries over 100,000 generated events in SQLite.

    .venv/bin/python bench/api.py [--events 100000] [--queries 300] [--db bench/out/api-100k.db] [--reviews 10000]

Builds (once, then reuses) a SQLite store of N synthetic events spread over Ukraine and two years, stored
through Store.save_extraction like real ones, then times random bbox (about 1.5° square) + date window
(7 to 30 days) queries through the app in-process (FastAPI TestClient: routing, validation, SQL, JSON) for
/api/events (a page of 100 plus the total) and /api/events.geojson (every match), and the store query
alone. Prints wall-clock p50/p95/p99 and CPU-time p50/p95 in milliseconds (CPU time, because wall
clock on the shared 2-core machine swings with other jobs' load). Target: p95 < 100 ms for /api/events.
No timing is asserted.

``--reviews N`` (issue 19) first reviews N random events through Store.add_review (a fifth rejected,
two fifths corrected: toll, and for some the type and date, two fifths confirmed), in a copy of the
store kept as bench/out/api-100k-rN.db, so that every read goes through the reviewed view with both
halves in play.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontlines.config import Settings  # noqa: E402
from frontlines.records import (  # noqa: E402
    Actor,
    Article,
    ArticleStatus,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Sector,
    TimeValue,
)
from frontlines.store import EventFilter, open_store  # noqa: E402

TYPES = [("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("FIGHT", "Battles", "Armed clash"), ("RETREAT", "Strategic developments", "Non-violent transfer of territory"),
         ("COERCE", "Violence against civilians", "Attack")]
STATUSES = [EventStatus.HAPPENED] * 6 + [EventStatus.CLAIMED, EventStatus.DENIED]
START = dt.date(2022, 2, 24)
DAYS = 730
PER_ARTICLE = 100


def build(db: str, n_events: int, seed: int = 7) -> None:
    """Store n_events synthetic events, PER_ARTICLE per article."""
    rng = random.Random(seed)
    store = open_store(db)
    for a in range(n_events // PER_ARTICLE):
        aid = f"{a:016x}"
        text = f"Synthetic article {a}. " * 4
        ev_sent = Evidence(article_id=aid, start=0, end=20, text=text[:20])
        events = []
        for _ in range(PER_ARTICLE):
            lat, lon = rng.uniform(44.5, 52.3), rng.uniform(22.2, 40.2)
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            ptype, acled, sub = rng.choice(TYPES)
            place = Place(text="X", evidence=ev_sent, name=f"Place {rng.randrange(5000)}", kind=PlaceKind.SETTLEMENT,
                          lat=lat, lon=lon, admin1="Oblast", country="UKR", precision=Precision.EXACT)
            time_ = TimeValue(text="on day", evidence=ev_sent, value=day.isoformat(), start=day, end=day,
                              granularity="day")
            actor = Actor(text="forces", evidence=ev_sent, name=rng.choice(["Russian Armed Forces",
                                                                            "Ukrainian Armed Forces"]),
                          country=rng.choice(["RUS", "UKR"]), sector=Sector.MILITARY)
            qs = (Quantity(text="n", evidence=ev_sent, kind="killed", value=rng.randrange(1, 50)),) \
                if rng.random() < 0.3 else ()
            events.append(Event(evidence=ev_sent, trigger="shelled", plover_type=ptype, acled_event_type=acled,
                                acled_sub_event_type=sub, sources=(actor,), place=place, time=time_, quantities=qs,
                                status=rng.choice(STATUSES), confidence=rng.random()))
        store.add_article(Article(id=aid, text=text, title=f"Article {a}", source="Bench Wire",
                                  published=START + dt.timedelta(days=rng.randrange(DAYS)), language="en",
                                  status=ArticleStatus.PENDING))
        store.save_extraction(Extraction(article_id=aid, events=tuple(events)))
    store.close()


def add_reviews(db: str, n: int, seed: int = 13) -> None:
    """Review n random events of the store at ``db`` (see the module docstring), then empty the update
    queue (the synthetic store has no incidents to re-merge; the bench measures reads)."""
    from frontlines.records import EventChanges, Review, Verdict

    rng = random.Random(seed)
    store = open_store(db)
    keys = [se.key for se in store.iter_events(batch=5000)]
    at = dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc)
    for i, key in enumerate(rng.sample(keys, n)):
        roll = rng.random()
        if roll < 0.2:
            verdict, changes = Verdict.REJECTED, EventChanges()
        elif roll < 0.6:
            shifted = START + dt.timedelta(days=rng.randrange(DAYS))
            changes = EventChanges(fatalities=rng.randrange(0, 40), plover_type="FIGHT" if roll < 0.3 else None,
                                   date=shifted if roll < 0.4 else None)
            verdict = Verdict.CORRECTED
        else:
            verdict, changes = Verdict.CONFIRMED, EventChanges()
        store.add_review(Review(event_key=key, article_id="", verdict=verdict, user=f"analyst{i % 7}",
                                at=at + dt.timedelta(seconds=i), changes=changes))
    store.clear_pending_updates(store.pending_update_ids())
    store.close()


def queries(n: int, seed: int = 11) -> list[dict[str, str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        west, south = rng.uniform(22.2, 38.5), rng.uniform(44.5, 50.8)
        since = START + dt.timedelta(days=rng.randrange(DAYS - 30))
        until = since + dt.timedelta(days=rng.randrange(7, 31))
        out.append({"bbox": f"{west:.3f},{south:.3f},{west + 1.5:.3f},{south + 1.5:.3f}",
                    "since": since.isoformat(), "until": until.isoformat()})
    return out


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def report(name: str, ms: list[float], cpu: list[float], rows: list[int]) -> None:
    print(f"{name:<38} wall p50 {pct(ms, 50):6.1f}  p95 {pct(ms, 95):6.1f}  p99 {pct(ms, 99):6.1f} ms | "
          f"cpu p50 {pct(cpu, 50):6.1f}  p95 {pct(cpu, 95):6.1f} ms | mean matches {statistics.mean(rows):6.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--db", default=str(ROOT / "bench" / "out" / "api-100k.db"))
    ap.add_argument("--reviews", type=int, default=0, help="Review this many random events first (in a copy).")
    args = ap.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(str(db))
    have = store.count_events()
    store.close()
    if have != args.events:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(str(db), args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - t0:.0f} s: {db}")
    if args.reviews:
        reviewed = db.with_name(f"{db.stem}-r{args.reviews}{db.suffix}")
        store = open_store(str(reviewed))
        have_reviews = store.count_reviews()
        store.close()
        if have_reviews != args.reviews:
            import shutil

            for suffix in ("", "-wal", "-shm"):
                Path(str(reviewed) + suffix).unlink(missing_ok=True)
            store = open_store(str(db))
            store.close()  # checkpointed: the copy is whole
            shutil.copyfile(db, reviewed)
            t0 = time.perf_counter()
            add_reviews(str(reviewed), args.reviews)
            print(f"reviewed {args.reviews:,} events in {time.perf_counter() - t0:.0f} s: {reviewed}")
        db = reviewed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from frontlines.api import create_app

    app = create_app(Settings(db=str(db)))
    qs = queries(args.queries)
    with TestClient(app) as client:
        for q in qs[:20]:  # warm the page cache and the app
            client.get("/api/events", params=q)
        for path, extra in (("/api/events", {"limit": "100"}), ("/api/events.geojson", {"limit": "10000"})):
            ms, cpu, rows = [], [], []
            for q in qs:
                t0, c0 = time.perf_counter(), time.process_time()
                r = client.get(path, params={**q, **extra})
                ms.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                body = r.json()
                rows.append(body["total"] if "total" in body else body["properties"]["total"])
                if r.status_code != 200:
                    raise SystemExit(f"{path} {q}: {r.status_code} {r.text[:200]}")
            report(f"GET {path}", ms, cpu, rows)
    store = app.state.store
    ms, cpu, rows = [], [], []
    for q in qs:
        west, south, east, north = (float(v) for v in q["bbox"].split(","))
        f = EventFilter(bbox=(west, south, east, north), since=dt.date.fromisoformat(q["since"]),
                        until=dt.date.fromisoformat(q["until"]), limit=100)
        t0, c0 = time.perf_counter(), time.process_time()
        store.list_events(f)
        total = store.count_events(f)
        ms.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        rows.append(total)
    report("store list_events + count_events", ms, cpu, rows)
    print(f"{args.events:,} events, {args.reviews:,} reviews, {args.queries} queries, "
          f"SQLite {db.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
