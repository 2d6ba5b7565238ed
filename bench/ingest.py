"""Ingest throughput per input format, and peak memory.

    .venv/bin/python bench/ingest.py [--n 5000]

Generates N distinct synthetic articles in each format (txt files with front matter, HTML pages,
one JSONL file, RSS feeds of 100 entries, one WARC.gz), ingests each format into a fresh SQLite
store in its own subprocess, and prints articles per CPU-second (robust to other load on the
machine), wall time, and peak RSS. No timing is asserted.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Kharkiv", "Izium", "Bakhmut", "Kherson", "Odesa", "Mykolaiv", "Nikopol", "Avdiivka", "Kupiansk", "Lyman"]
VERBS = ["shelled", "struck", "attacked", "bombed", "advanced towards", "withdrew from", "retook"]
ACTORS = ["Russian forces", "Ukrainian troops", "Russian drones", "the Ukrainian army", "separatist units"]


def article(i: int, rng: random.Random) -> tuple[str, str]:
    sents = []
    for _ in range(rng.randint(8, 20)):
        sents.append(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(PLACES)} on day {rng.randint(1, 28)}, "
                     f"killing {rng.randint(0, 40)} people, officials said in report {i}-{rng.randint(0, 10**9)}.")
    return f"Report {i} from {rng.choice(PLACES)}", " ".join(sents)


def generate(fmt: str, n: int, root: Path) -> Path:
    rng = random.Random(42)
    out = root / fmt
    out.mkdir()
    docs = [article(i, rng) for i in range(n)]
    if fmt == "txt":
        for i, (title, text) in enumerate(docs):
            (out / f"{i:05d}.md").write_text(f"---\ntitle: {title}\npublished: 2023-05-{1 + i % 28:02d}\n"
                                             f"source: Bench Wire\n---\n{text}\n")
    elif fmt == "html":
        for i, (title, text) in enumerate(docs):
            (out / f"{i:05d}.html").write_text(
                f"<html><head><title>{title}</title><meta property='article:published_time' content='2023-05-01'>"
                f"</head><body><nav>Home | World</nav><article><h1>{title}</h1><p>{text}</p></article>"
                f"<footer>Copyright</footer></body></html>")
    elif fmt == "jsonl":
        with (out / "all.jsonl").open("w") as fh:
            for title, text in docs:
                fh.write(json.dumps({"title": title, "text": text, "published": "2023-05-01"}) + "\n")
    elif fmt == "rss":
        for start in range(0, n, 100):
            items = "".join(f"<item><title>{t}</title><link>https://bench.test/{start + j}</link>"
                            f"<pubDate>Mon, 01 May 2023 10:00:00 GMT</pubDate><description>{x}</description></item>"
                            for j, (t, x) in enumerate(docs[start:start + 100]))
            (out / f"feed{start:05d}.rss").write_text(f"<?xml version='1.0'?><rss version='2.0'><channel>"
                                                    f"<title>Bench</title>{items}</channel></rss>")
    elif fmt == "warc":
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        with (out / "all.warc.gz").open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i, (title, text) in enumerate(docs):
                body = f"<html><head><title>{title}</title></head><body><article><p>{text}</p></article></body></html>"
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://bench.test/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    return out


def run_one(path: str, db: str) -> None:
    """Child process: ingest and print JSON with count, seconds and peak RSS."""
    from frontlines.ingest import Ingestor
    from frontlines.store import open_store

    store = open_store(db)
    u0 = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = u0.ru_utime + u0.ru_stime
    t0 = time.perf_counter()
    report = Ingestor(store, max_bytes=10**9).ingest([path])
    seconds = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu0
    print(json.dumps({"stored": report.stored, "rejected": report.rejected, "seconds": seconds, "cpu": cpu,
                      "peak_mb": usage.ru_maxrss / 1024}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--formats", default="txt,html,jsonl,rss,warc")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_one(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        print(f"{'format':8} {'articles':>8} {'wall s':>8} {'CPU s':>8} {'articles/CPU-s':>14} {'peak MB':>8}")
        for fmt in args.formats.split(","):
            src = generate(fmt, args.n, root)
            out = subprocess.run([sys.executable, __file__, "--child", str(src), str(root / f"{fmt}.db")],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{fmt:8} {r['stored']:>8} {r['seconds']:>8.1f} {r['cpu']:>8.1f} {r['stored'] / r['cpu']:>14.0f} "
                  f"{r['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
