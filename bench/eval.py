"""Benchmark: `frontlines eval` against the pipeline itself on the same documents, in one run.

Usage: python bench/eval.py [--docs N] [--repeat R] [GOLD.jsonl ...]

With no file, the project's own gold sets in tests/fixtures/eval/ are used, each
cycled up to N documents (default 500, ids made unique). For each file it times:

- pipeline: `process_batch` over the same Articles with the same stage chain
  (what `frontlines run` costs for these documents, parse included);
- eval: reading the gold file + running that chain + scoring (`evaluate_file`).

The target is eval <= pipeline * 1.10. Times are this process's CPU seconds
(time.process_time: the machine may be shared, and wall-clock time then measures
the neighbours), best of R runs each (default 4, alternating which runs first), after a warm-up, to keep
one-off start-up costs out of both.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval"


def _cycled(path: Path, n: int) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        doc = dict(lines[i % len(lines)])
        doc["id"] = f"{doc['id']}#{i}"
        out.append(doc)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=4)
    args = parser.parse_args()

    from frontlines.config import load_settings
    from frontlines.eval.reader import read_gold
    from frontlines.eval.runner import article_for, chain_for, evaluate_file, extract_all, score
    from frontlines.pipeline import process_batch

    settings = load_settings()  # as `frontlines eval` does: config file and FRONTLINES_* apply
    t0 = time.process_time()
    from frontlines.pipeline import load_resources

    resources = load_resources(settings)
    print(f"resources loaded in {time.process_time() - t0:.1f} CPU s; batch size {settings.batch_size}")
    files = args.files or sorted(FIXTURES.glob("*.jsonl"))
    print(f"{'file':32} {'docs':>5} {'words':>7} {'pipeline s':>10} {'eval s':>8} {'eval/pipeline':>13} "
          f"{'read+score s':>12} {'overhead':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            docs = _cycled(path, args.docs)
            gold_path = Path(tmp) / path.name
            gold_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
            gold = read_gold(gold_path)
            chain = chain_for(gold[0].task)
            articles = [article_for(d) for d in gold]
            list(process_batch(articles[:32], resources, chain, batch_size=settings.batch_size))  # warm-up
            pipe_times, eval_times = [], []
            for rep in range(args.repeat):
                # Alternate which goes first, so that neither always runs on a warmer cache.
                for which in (("pipeline", "eval") if rep % 2 == 0 else ("eval", "pipeline")):
                    t = time.process_time()
                    if which == "pipeline":
                        for _item in process_batch(articles, resources, chain, batch_size=settings.batch_size):
                            pass
                        pipe_times.append(time.process_time() - t)
                    else:
                        evaluate_file(gold_path, resources, batch_size=settings.batch_size)
                        eval_times.append(time.process_time() - t)
            # What eval adds to the pipeline, timed on its own: reading the gold file and scoring.
            extractions, _ = extract_all(gold, resources, chain, batch_size=settings.batch_size)
            t = time.process_time()
            score(read_gold(gold_path), extractions)
            extra = time.process_time() - t
            words = sum(len(d["text"].split()) for d in docs)
            p, e = min(pipe_times), min(eval_times)
            print(f"{path.name:32} {len(docs):>5} {words:>7} {p:>10.2f} {e:>8.2f} {e / p:>12.2f}x "
                  f"{extra:>12.3f} {extra / p:>7.1%}")


if __name__ == "__main__":
    main()
