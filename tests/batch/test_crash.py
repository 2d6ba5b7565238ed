"""kill -9 of a real `frontlines run`, then `frontlines run` again: incidents and control end exactly as
after a clean run, nothing is processed twice, and `stats` shows the pending update in between."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontlines.ingest import Ingestor
from frontlines.store import IncidentFilter, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
CLI = str(Path(sys.executable).parent / "frontlines")
ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("FRONTLINES_")}, "FRONTLINES_BATCH_SIZE": "1"}


def _ingested(path: Path) -> int:
    """Ingest the samples; returns how many are pending (the rest are near-duplicates or not English)."""
    store = open_store(str(path))
    Ingestor(store).ingest([str(SAMPLES)])
    n = len(store.pending_ids())
    store.close()
    return n


def _state(path: Path) -> dict:
    store = open_store(str(path))
    try:
        incidents = sorted((i.plover_type, str(i.start), str(i.end), tuple(sorted(r.event_key for r in i.reports)))
                           for i in store.list_incidents(IncidentFilter(limit=10**9)))
        control = sorted((c.settlement.name, str(c.date), c.to_side, c.basis) for c in store.list_control_changes())
        stats = store.stats()
        return {"incidents": incidents, "control": control, "events": stats["events"],
                "processed": stats["articles_by_status"].get("processed", 0),
                "pending_update": stats["cross_article_pending"]}
    finally:
        store.close()


def _processed(path: Path) -> int:
    store = open_store(str(path))
    try:
        return store.stats()["articles_by_status"].get("processed", 0)
    finally:
        store.close()


@pytest.mark.slow
def test_kill_9_mid_run_then_run_again_equals_a_clean_run(tmp_path: Path) -> None:
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    n = _ingested(clean)
    assert _ingested(killed) == n > 4
    subprocess.run([CLI, "--db", str(clean), "--quiet", "run"], env=ENV, check=True, capture_output=True,
                   timeout=600)
    reference = _state(clean)
    assert reference["processed"] == n and reference["incidents"] and reference["pending_update"] == 0

    proc = subprocess.Popen([CLI, "--db", str(killed), "--quiet", "run"], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 600
        while _processed(killed) < 2:  # some batches stored, most still to come
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    interrupted = _state(killed)
    assert 2 <= interrupted["processed"] < n
    assert interrupted["pending_update"] == interrupted["processed"]  # recorded, not lost

    shown = subprocess.run([CLI, "--db", str(killed), "stats"], env={**ENV, "COLUMNS": "200"},
                           check=True, capture_output=True, text=True, timeout=120).stdout
    shown_pending = re.search(r"cross-article update pending\s+(\d+)", shown)
    assert shown_pending and int(shown_pending.group(1)) == interrupted["pending_update"]

    again = subprocess.run([CLI, "--db", str(killed), "run"], env=ENV, check=True, capture_output=True,
                           text=True, timeout=600)
    assert "left by an earlier run that stopped" in " ".join((again.stdout + again.stderr).split())
    assert _state(killed) == reference  # same incidents, control, events; nothing processed twice
