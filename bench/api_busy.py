"""Is the API responsive while it processes a large post, and does it stop promptly?

    .venv/bin/python bench/api_busy.py [--db bench/out/api-100k.db] [--kb 1000] [--queries 300]

Starts a real `frontlines serve` (uvicorn, loopback) over a copy of a store (by default the
100,000-event store of bench/api.py, built if missing), POSTs one article of ``--kb`` kilobytes
(sample sentences recombined, bench/corpus.py), which the server answers with 202 and a job, and
while the job runs times GET /api/events (random bbox + date window, a page of 100) from this
process. Reports p50/p95/p99 of those requests during the job and with the server idle, the job's
time, the server's peak RSS, and how long the server takes to exit on SIGTERM with a second large
job in progress. No timing is asserted; the figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CLI = str(Path(sys.executable).parent / "frontlines")
TOKEN = "bench-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _article(kb: int) -> str:
    from corpus import generate

    parts, size = [], 0
    for row in generate(100_000, seed=3):
        parts.append(row["text"])
        size += len(row["text"]) + 2
        if size >= kb * 1000:
            break
    return "\n\n".join(parts)


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(p * len(xs)))], 1) if xs else float("nan")


def _time_gets(client: Any, queries: list[dict[str, str]], until: Any = None) -> list[float]:
    out = []
    for q in queries:
        if until is not None and until():
            break
        t = time.perf_counter()
        r = client.get("/api/events", params=q)
        out.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.text
    return out


def main(argv: list[str] | None = None) -> int:
    import httpx
    import psutil
    from api import build, queries

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(HERE / "out" / "api-100k.db"))
    ap.add_argument("--kb", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args(argv)
    if not Path(args.db).exists():
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        build(args.db, 100_000)
    text = _article(args.kb)
    qs = queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="frontlines-busy-") as tmp:
        db = Path(tmp) / "busy.db"
        shutil.copy(args.db, db)
        from frontlines.store import open_store

        store = open_store(str(db))  # bench/api.py stores synthetic events without merging them: this
        store.clear_pending_updates(store.pending_update_ids())  # bench times reads during a job, not that
        store.close()
        port = _free_port()
        env = {**os.environ, "FRONTLINES_API_TOKEN": TOKEN}
        server = subprocess.Popen([CLI, "--db", str(db), "--quiet", "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        proc = psutil.Process(server.pid)
        peak = [0.0]

        def rss() -> None:
            peak[0] = max(peak[0], proc.memory_info().rss / 2**20)

        try:
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60)
            for _ in range(600):
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            else:
                raise SystemExit("the server did not start")
            idle = _time_gets(client, qs)
            auth = {"Authorization": f"Bearer {TOKEN}"}
            t0 = time.perf_counter()
            r = client.post("/api/articles", json={"text": text, "title": "long", "published": "2024-03-01"},
                            headers=auth)
            post_ms = (time.perf_counter() - t0) * 1000
            job_id = r.json()["job"]["id"]

            def finished() -> bool:
                rss()
                return client.get(f"/api/jobs/{job_id}").json()["job"]["state"] in ("done", "failed")

            busy: list[float] = []
            while not finished():
                busy += _time_gets(client, qs[:20], until=None)
            job = client.get(f"/api/jobs/{job_id}").json()["job"]
            job_s = time.perf_counter() - t0
            # a second large job, then SIGTERM while it runs
            r = client.post("/api/articles", json={"text": text + "\n\nAnother paragraph.", "title": "long 2",
                                                   "published": "2024-03-02"}, headers=auth)
            time.sleep(2.0)
            t1 = time.perf_counter()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=120)
            stop_s = time.perf_counter() - t1
        finally:
            if server.poll() is None:
                server.kill()
    out = {"article_kb": args.kb, "post_answer_ms": round(post_ms, 1), "job_state": job["state"],
           "job_events": job["events"], "job_s": round(job_s, 1),
           "idle_ms": {"p50": _pct(idle, 0.5), "p95": _pct(idle, 0.95), "p99": _pct(idle, 0.99), "n": len(idle)},
           "busy_ms": {"p50": _pct(busy, 0.5), "p95": _pct(busy, 0.95), "p99": _pct(busy, 0.99), "n": len(busy)},
           "server_peak_rss_mb": round(peak[0]), "sigterm_exit_s": round(stop_s, 2)}
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
