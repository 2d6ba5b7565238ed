"""kill -9 at any point of a long run, then run again: is the store what a clean run gives?

    .venv/bin/python bench/crash.py [--n 2000] [--kills 3] [--seed 5] [--batch-size 64] [--json OUT.json]

Builds a synthetic corpus (bench/corpus.py), ingests it into two stores, and
runs ``frontlines run`` on the first to completion (the reference, timed). On
the second it starts ``frontlines run``, kills it with SIGKILL after a random
delay (a fifth to all of the reference's duration divided by ``--kills``, so
that each kill lands while batches are being stored or while incidents and
control are being merged), ``--kills`` times in a row, then lets a last run finish. It then compares the two stores:
incidents (type, dates and member event keys), control changes (settlement,
date, side, evidence), events, processed articles, and duplicate event keys.
Where each kill landed (articles processed, updates pending) is reported.
Nothing is asserted; the figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CLI = str(Path(sys.executable).parent / "frontlines")


def _state(db: Path) -> dict[str, Any]:
    from sqlalchemy import func, select

    from frontlines.store import IncidentFilter, open_store
    from frontlines.store import schema as t

    store = open_store(str(db))
    try:
        incidents = sorted((i.plover_type, str(i.start), str(i.end), tuple(sorted(r.event_key for r in i.reports)))
                           for i in store.list_incidents(IncidentFilter(limit=10**9)))
        control = sorted((c.settlement.name, str(c.date), c.to_side, tuple(c.basis))
                         for c in store.list_control_changes())
        stats = store.stats()
        with store.engine.connect() as conn:
            keys = conn.execute(select(func.count(func.distinct(t.events.c.key)))).scalar()
        return {"incidents": incidents, "control": control, "events": stats["events"], "event_keys": keys,
                "processed": stats["articles_by_status"].get("processed", 0),
                "pending_update": stats["cross_article_pending"]}
    finally:
        store.close()


def _run(db: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([CLI, "--db", str(db), "--quiet", "run"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    from corpus import write_shards

    from frontlines.ingest import Ingestor
    from frontlines.store import open_store

    rng = random.Random(args.seed)
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("FRONTLINES_")},
           "FRONTLINES_BATCH_SIZE": str(args.batch_size)}
    with tempfile.TemporaryDirectory(prefix="frontlines-crash-") as tmp:
        root = Path(tmp)
        shards = write_shards(root / "corpus", args.n, shard_size=500)
        dbs = {name: root / f"{name}.db" for name in ("clean", "killed")}
        for db in dbs.values():
            store = open_store(str(db))
            Ingestor(store).ingest([str(p) for p in shards])
            store.close()

        start = time.perf_counter()
        proc = _run(dbs["clean"], env)
        proc.wait()
        clean_s = time.perf_counter() - start
        reference = _state(dbs["clean"])

        kills = []
        for _ in range(args.kills):
            delay = rng.uniform(0.2, 1.0) * clean_s / args.kills  # so that each kill lands in a run
            proc = _run(dbs["killed"], env)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            proc.wait()
            at = _state(dbs["killed"])
            kills.append({"after_s": round(delay, 1), "killed": proc.returncode == -signal.SIGKILL,
                          "processed": at["processed"], "pending_update": at["pending_update"],
                          "incidents": len(at["incidents"])})
        start = time.perf_counter()
        proc = _run(dbs["killed"], env)
        proc.wait()
        final_s = time.perf_counter() - start
        final = _state(dbs["killed"])

    same = {k: final[k] == reference[k] for k in reference}
    out = {"articles": args.n, "pending_articles": reference["processed"], "clean_run_s": round(clean_s, 1),
           "final_run_s": round(final_s, 1), "kills": kills,
           "incidents": [len(reference["incidents"]), len(final["incidents"])],
           "control_changes": [len(reference["control"]), len(final["control"])],
           "events": [reference["events"], final["events"]],
           "duplicate_event_keys": final["events"] - final["event_keys"],
           "identical": same, "all_identical": all(same.values())}
    print(json.dumps(out, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
