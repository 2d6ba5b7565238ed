"""Benchmark: what the quantities and events stages cost next to the spaCy parse.

    FRONTLINES_DATA_DIR=... .venv/bin/python bench/events.py [--repeat 40] [--corpus DIR]

Parses a corpus once with ``nlp.pipe`` (timed: bare words/s), runs the full default
chain over the same Docs (timed per stage), and prints the words/s of parse + chain
as a share of the bare parse. The issue's target for the whole pipeline is >= 0.75,
i.e. all stages together <= 1/3 of the parse time; this shows the events share.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import defaultdict
from pathlib import Path

from frontlines.config import load_settings
from frontlines.pipeline import StageInput, build_pipeline, default_stages, load_resources
from frontlines.records import Article

ROOT = Path(__file__).resolve().parent.parent


def _texts(corpus: Path | None) -> list[str]:
    paths = sorted(corpus.rglob("*.md")) + sorted(corpus.rglob("*.txt")) if corpus else []
    if not paths:
        paths = sorted((ROOT / "tests" / "fixtures" / "events").glob("*.md"))
        example = ROOT.parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"
        if example.is_file():
            paths.append(example)
    texts = []
    for p in paths:
        raw = p.read_text(encoding="utf-8")
        texts.append(raw.split("---", 2)[2].strip() if raw.startswith("---") else raw)
    notes = ROOT / "tests" / "fixtures" / "events" / "acled_notes.jsonl"
    import json

    texts.extend(json.loads(line)["text"] for line in notes.read_text(encoding="utf-8").splitlines() if line.strip())
    return texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=40, help="copies of the corpus (default 40)")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    resources = load_resources(load_settings())
    chain = build_pipeline(default_stages())
    texts = _texts(args.corpus) * args.repeat
    nlp = resources.nlp
    list(nlp.pipe(texts[:5]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - t0
    words = sum(len(d) for d in docs)
    per_stage: dict[str, float] = defaultdict(float)
    for i, (text, doc) in enumerate(zip(texts, docs)):
        article = Article(id=str(i), text=text, published=dt.date(2022, 11, 9))
        outputs: dict[str, tuple] = {}
        for stage in chain:
            s0 = time.perf_counter()
            outputs[stage.writes] = tuple(stage.run(StageInput(doc, article, resources, outputs)))
            per_stage[stage.name] += time.perf_counter() - s0
    stages = sum(per_stage.values())
    print(f"docs={len(texts)} words={words}")
    print(f"bare nlp.pipe: {words / parse:,.0f} words/s ({parse:.2f} s)")
    for name, secs in per_stage.items():
        print(f"  {name:22s} {secs:7.3f} s  = {secs / parse:6.1%} of parse")
    print(f"parse + all stages: {words / (parse + stages):,.0f} words/s = {parse / (parse + stages):.3f} of bare")
    mine = per_stage.get("events.coder", 0.0) + per_stage.get("quantities.numbers", 0.0)
    print(f"quantities + events alone: {mine / parse:.1%} of parse")


if __name__ == "__main__":
    main()
