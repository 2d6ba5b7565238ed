"""Peak memory of one worker processing one long article (issue 17: bounded memory).

    .venv/bin/python bench/memory.py [--sizes 100000,1000000,5000000] [--cap-mb 4000] [--max-seconds 3600]
                                     [--piece-chars N] [--data-dir DIR] [--json OUT.json]

For each size, a fresh subprocess (one worker) loads the resources as ``frontlines run`` does
(model with the gazetteer ruler, gazetteer, actor registry, lexicons), builds one article of
that many characters and runs :func:`frontlines.pipeline.process_batch` over it. The article is
synthetic but realistic: a dateline, then the paragraphs of bench/corpus.py articles (sentences
of ``samples/articles`` recombined, with places, people, numbers, weekdays and dates varied)
until the size is reached.

Reported per size: the child's peak RSS (``ru_maxrss`` from ``os.wait4``, so the whole life of
that process, loading included), its RSS once the resources are loaded (the floor any article
pays), wall and CPU seconds of the processing, and what it found. The parent also samples the
child's RSS (psutil) and stops it above ``--cap-mb`` or after ``--max-seconds`` so that an
unbounded run cannot take the shared machine; such a row says where it was stopped. No timing is
asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DATELINE = "KYIV, June 6 (Eastern Europe Wire) - "


def long_text(chars: int, *, seed: int = 17) -> str:
    """A ``chars``-character article: a dateline, then paragraphs of synthetic conflict news."""
    import corpus

    paragraphs: list[str] = []
    size = len(DATELINE)
    for row in corpus.generate(10**9, seed=seed):
        for para in row["text"].split("\n\n"):
            paragraphs.append(para)
            size += len(para) + 2
            if size >= chars:
                return (DATELINE + "\n\n".join(paragraphs))[:chars]
    raise AssertionError("unreachable: the generator is unbounded")


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def phase_worker(chars: int, piece_chars: int | None, data_dir: str | None) -> dict[str, Any]:
    """One worker: load, build the article, process it; figures as a dict."""
    from frontlines.config import load_settings
    from frontlines.ingest.normalise import article_id
    from frontlines.pipeline import build_pipeline, default_stages, load_resources, process_batch
    from frontlines.records import Article

    settings = load_settings({"piece_chars": piece_chars, "data_dir": data_dir}, env={})
    resources = load_resources(settings)
    chain = build_pipeline(default_stages())
    loaded_mb = _rss_mb()
    text = long_text(chars)
    article = Article(id=article_id(text), text=text, title="Russian strikes hit Kyiv and Kharkiv overnight",
                      source="Eastern Europe Wire", published=dt.date(2023, 6, 6), language="en")
    kw: dict[str, Any] = {}
    try:  # the same script measures the code before issue 17, which has no limits
        from frontlines.pieces import Limits

        kw["limits"] = Limits.from_settings(settings)
    except ImportError:
        pass
    cpu0, t0 = time.process_time(), time.perf_counter()
    ((_, result),) = list(process_batch([article], resources, chain, batch_size=settings.batch_size, **kw))
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    out: dict[str, Any] = {"chars": len(text), "bytes": len(text.encode("utf-8")), "words": len(text.split()),
                           "loaded_rss_mb": loaded_mb, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
                           "result": type(result).__name__}
    if hasattr(result, "events"):
        out.update(events=len(result.events), places=len(result.places), times=len(result.times),
                   quotes=len(result.quotes))
    else:
        out["failure"] = f"{result.code}: {result.message}"
    return out


def _run_child(chars: int, piece_chars: int | None, data_dir: str | None, cap_mb: float,
               max_seconds: float) -> dict[str, Any]:
    """The worker in a fresh process: its own peak RSS from wait4, stopped above ``cap_mb`` or
    after ``max_seconds``."""
    import psutil

    args = [sys.executable, __file__, "--phase", str(chars)]
    if piece_chars:
        args += ["--piece-chars", str(piece_chars)]
    if data_dir:
        args += ["--data-dir", data_dir]
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(args, stdout=out, stderr=err, text=True)
        watched = psutil.Process(proc.pid)
        stopped = ""
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            try:
                rss_mb = watched.memory_info().rss / 2**20
            except psutil.NoSuchProcess:
                rss_mb = 0.0
            if not stopped and rss_mb > cap_mb:
                stopped = f"stopped at {rss_mb:,.0f} MB after {time.perf_counter() - t0:,.0f} s"
            elif not stopped and time.perf_counter() - t0 > max_seconds:
                stopped = f"stopped after {max_seconds:,.0f} s at {rss_mb:,.0f} MB"
            if stopped and proc.returncode is None:
                proc.kill()
                proc.returncode = -9
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so that wait4 gives its rusage
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak_mb = round(usage.ru_maxrss / 1024, 1)  # kilobytes on Linux
    total_s = round(time.perf_counter() - t0, 1)
    if stopped:
        return {"chars": chars, "stopped": stopped, "peak_rss_mb": f">= {peak_mb:,.0f}", "total_s": total_s}
    if proc.returncode != 0:
        return {"chars": chars, "error": stderr.strip().splitlines()[-3:], "peak_rss_mb": peak_mb}
    data: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    data.update(peak_rss_mb=peak_mb, total_s=total_s)
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100000,1000000,5000000", help="article sizes in characters")
    ap.add_argument("--cap-mb", type=float, default=4000, help="stop a worker whose RSS passes this")
    ap.add_argument("--max-seconds", type=float, default=3600, help="stop a worker that runs longer")
    ap.add_argument("--piece-chars", type=int, help="Settings.piece_chars (default: the packaged default)")
    ap.add_argument("--data-dir", help="Settings.data_dir: a gazetteer of one's own (built there if missing), so "
                    "that other work rebuilding the shared one does not land in the figures")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--phase", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        result = phase_worker(args.phase, args.piece_chars, args.data_dir)
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    rows = []
    for chars in (int(s) for s in args.sizes.split(",")):
        sys.stderr.write(f"{chars:,} characters ...\n")
        rows.append(_run_child(chars, args.piece_chars, args.data_dir, args.cap_mb, args.max_seconds))
        sys.stderr.write(json.dumps(rows[-1]) + "\n")
    header = "| article | peak RSS MB | RSS after loading MB | wall s | CPU s | events | result |"
    lines = [header, "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['chars']:,} chars | {r.get('peak_rss_mb', '-')} | {r.get('loaded_rss_mb', '-')} | "
                     f"{r.get('wall_s', '-')} | {r.get('cpu_s', '-')} | {r.get('events', '-')} | "
                     f"{r.get('result') or r.get('stopped') or r.get('error')} |")
    sys.stdout.write("\n".join(lines) + "\n")
    if args.json:
        args.json.write_text(json.dumps({"cpus": os.cpu_count(), "rows": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
