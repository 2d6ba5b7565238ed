"""Where the parse's CPU goes, component by component: bare ``nlp.pipe`` against the pipeline's parse.

    PYTHONPATH=src .venv/bin/python bench/parse_parts.py [--n 300] [--k 2]

bench/pipeline.py's ``bare-1`` parses with ``load_nlp(model)`` and its ``full`` phase with the pipeline's model
(``load_frozen``: the same, plus the gazetteer's place recogniser after the NER). Over the bench corpus
(bench/corpus.py, ``--n`` articles, batch size 64) this runs each model's components one after another, each over
the whole batch (``proc.pipe``), and prints one JSON line per model and pass: CPU seconds per component, their sum,
and the CPU of the same model's plain ``nlp.pipe`` over the same texts. Both models are loaded in this one process
and frozen out of the collector as the bench's phases do, then timed in alternation (``--k`` passes each).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=300, help="bench corpus articles (default 300)")
    ap.add_argument("--k", type=int, default=2, help="passes per model (default 2)")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args(argv)

    import corpus as corpus_mod
    from pipeline import _articles

    from frontlines.batch.local import load_frozen
    from frontlines.config import load_settings
    from frontlines.nlp.model import load_nlp

    texts = [a.text for a in _articles(list(corpus_mod.generate(args.n)))]
    settings = load_settings(env={})
    models = {"bare": load_nlp(settings.model), "pipeline": load_frozen(settings).nlp}
    gc.freeze()
    for nlp in models.values():
        list(nlp.pipe(texts[:8]))  # warm up
    for k in range(args.k):
        for name, nlp in models.items():
            cpu: dict[str, float] = defaultdict(float)
            c = time.process_time()
            docs = [nlp.make_doc(t) for t in texts]
            cpu["tokenizer"] = time.process_time() - c
            for comp, proc in nlp.pipeline:
                c = time.process_time()
                docs = list(proc.pipe(docs, batch_size=args.batch_size)) if hasattr(proc, "pipe") else [
                    proc(d) for d in docs]
                cpu[comp] = time.process_time() - c
            del docs
            gc.collect()
            c = time.process_time()
            for _ in nlp.pipe(texts, batch_size=args.batch_size):
                pass
            whole = time.process_time() - c
            gc.collect()
            print(json.dumps({"model": name, "pass": k + 1, "nlp_pipe_cpu_s": round(whole, 3),
                              "components_cpu_s": round(sum(cpu.values()), 3),
                              **{c: round(v, 3) for c, v in cpu.items()}}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
