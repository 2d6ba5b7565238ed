"""Benchmark: gazetteer load and lookup speed, and the places work against the spaCy parse.

Usage: python bench/gazetteer.py [--gazetteer PATH] [FILE ...]
FILE is a text/markdown file or a JSON Lines file with a "text" field; with no
argument the project's samples/articles and tests/fixtures/geo are used.
Times are CPU time of this process (time.process_time), so a busy machine does not skew them.
Targets: warm load < 2 s; >= 50,000 name lookups/s; the place component plus
the places stage a small fraction of the parse time.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(paths: list[str]) -> list[str]:
    files = [Path(p) for p in paths] or sorted((ROOT / "samples" / "articles").glob("*")) + sorted(
        (ROOT / "tests" / "fixtures" / "geo").glob("*.md"))
    out: list[str] = []
    for path in files:
        if path.suffix == ".jsonl":
            out.extend(json.loads(line)["text"] for line in path.read_text("utf-8").splitlines() if line.strip())
        elif path.suffix in (".md", ".txt"):
            text = path.read_text("utf-8")
            out.append(text.split("---", 2)[2] if text.startswith("---") else text)
    return out


def main() -> None:
    from frontlines.config import load_settings
    from frontlines.geo import extract_places
    from frontlines.geo.builder import load_gazetteer
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.nlp.model import load_nlp
    from frontlines.pipeline import Resources, StageInput
    from frontlines.records import Article

    ap = argparse.ArgumentParser()
    ap.add_argument("--gazetteer", default=None)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    path = Path(args.gazetteer) if args.gazetteer else load_settings().gazetteer_path

    t = time.process_time()
    load_gazetteer(path)  # builds it when missing (cold)
    cold = time.process_time() - t
    t = time.process_time()
    gaz = load_gazetteer(path)
    warm = time.process_time() - t
    print(f"load: first {cold:.2f} s, warm {warm:.2f} s ({len(gaz.keys):,} name keys)")

    rng = random.Random(7)
    names = rng.sample(sorted(gaz.keys), 20_000) + [f"nosuchplace{i}" for i in range(5_000)]
    rng.shuffle(names)
    fresh = Gazetteer(path)
    t = time.process_time()
    for n in names:
        fresh.lookup(n)
    uncached = len(names) / (time.process_time() - t)
    t = time.process_time()
    for _ in range(4):
        for n in names:
            fresh.lookup(n)
    cached = 4 * len(names) / (time.process_time() - t)
    t = time.process_time()
    for n in names:
        gaz.keys.get(n)
    keyed = len(names) / (time.process_time() - t)
    print(f"lookup: {uncached:,.0f}/s first time (packed index), {cached:,.0f}/s repeated, "
          f"{keyed:,.0f}/s key test (recogniser)")

    texts = _texts(args.files)
    nlp = load_nlp("en_core_web_sm", gazetteer=gaz)
    res = Resources(nlp=nlp, gazetteer=gaz)
    with nlp.select_pipes(disable=["frontlines_places"]):
        list(nlp.pipe(texts[:5]))  # warm up
        t = time.process_time()
        docs = list(nlp.pipe(texts, batch_size=32))
        parse = time.process_time() - t
    words = sum(len(d) for d in docs)
    comp = nlp.get_pipe("frontlines_places")
    t = time.process_time()
    for d in docs:
        comp(d)
    recognise = time.process_time() - t
    t = time.process_time()
    n_places = 0
    for text, d in zip(texts, docs):
        n_places += len(extract_places(StageInput(d, Article(id="b", text=text), res, {})))
    stage = time.process_time() - t
    print(f"corpus: {len(texts)} texts, {words:,} tokens, {n_places} places")
    print(f"parse {words / parse:,.0f} tok/s; component {words / recognise:,.0f} tok/s "
          f"({recognise / parse:.1%} of parse); stage {words / stage:,.0f} tok/s ({stage / parse:.1%} of parse)")


if __name__ == "__main__":
    main()
