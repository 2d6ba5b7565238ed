"""The stage chain replayed over Docs parsed once: CPU seconds per stage, and a sampling profile of one stage.

    PYTHONPATH=src .venv/bin/python bench/replay.py --k 1                  # as the bench's full phase: first pass
    PYTHONPATH=src .venv/bin/python bench/replay.py --k 3 --profile places  # steady state, and where the time goes

Parses the bench corpus (bench/corpus.py, ``--n`` articles) once with the pipeline's model and keeps the Docs in
a DocBin (``--cache``, reused by later runs, so that base and branch replay the same Docs), then runs the default
chain ``--k`` times over fresh copies of them, loading as ``frontlines run`` does (``batch.local.load_frozen``).
Prints one JSON line: each stage's CPU seconds per pass, the parse's CPU seconds (from the run that filled the
cache), the places and events shares of the parse, and each of the two against the four stages this work leaves
alone (times + quantities + actors + quotes: the steadier yardstick on a shared machine). With ``--profile
STAGE``, a SIGPROF sampler (every 1 ms of CPU) counts, inclusively, the functions on the stack while that stage
runs (py-spy is not installed; cProfile overstates spaCy's Token creation).
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

UNTOUCHED = ("times", "quantities", "actors", "quotes")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=1, help="passes over the Docs (default 1)")
    ap.add_argument("--n", type=int, default=300, help="bench corpus articles (default 300)")
    ap.add_argument("--cache", type=Path, default=None, help="the DocBin (default /tmp/frontlines-replay-N.spacy)")
    ap.add_argument("--profile", default="", help="a stage's output name (places, events, ...) to sample")
    ap.add_argument("--top", type=int, default=60, help="functions the profile prints")
    args = ap.parse_args(argv)

    import corpus as corpus_mod
    from pipeline import _articles
    from spacy.tokens import DocBin

    from frontlines.batch.local import load_frozen
    from frontlines.config import load_settings
    from frontlines.pipeline import build_pipeline, chain_infos, default_stages
    from frontlines.stages import StageInput

    articles = _articles(list(corpus_mod.generate(args.n)))
    resources = load_frozen(load_settings(env={}))
    nlp = resources.nlp
    cache = args.cache or Path(f"/tmp/frontlines-replay-{args.n}.spacy")
    meta = cache.with_suffix(".json")
    if cache.exists() and meta.exists():
        db = DocBin().from_disk(cache)
        parse_cpu = json.loads(meta.read_text())["parse_cpu_s"]
    else:
        c = time.process_time()
        docs = list(nlp.pipe((a.text for a in articles), batch_size=64))
        parse_cpu = time.process_time() - c
        db = DocBin(store_user_data=True, docs=docs)
        db.to_disk(cache)
        meta.write_text(json.dumps({"parse_cpu_s": parse_cpu}))
    chain = build_pipeline(default_stages())
    versions = {i.name: i.version for i in chain_infos(chain)}

    samples: Counter[str] = Counter()
    running: list[str | None] = [None]

    def sample(signum: int, frame: Any) -> None:
        if running[0] != args.profile:
            return
        seen = set()
        while frame is not None:
            code = frame.f_code
            key = f"{code.co_filename.split('/src/')[-1]}:{code.co_name}"
            if key not in seen:
                seen.add(key)
                samples[key] += 1
            frame = frame.f_back
        samples[""] += 1

    if args.profile:
        signal.signal(signal.SIGPROF, sample)
        signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    cpu: dict[str, float] = defaultdict(float)
    for _ in range(args.k):
        for doc, article in zip(db.get_docs(nlp.vocab), articles):  # fresh Docs: no stage's per-Doc memo carries over
            outputs: dict[str, tuple[Any, ...]] = {}
            for stage in chain:
                running[0] = stage.writes
                c = time.process_time()
                outputs[stage.writes] = tuple(stage.run(StageInput(doc, article, resources, outputs, versions)))
                cpu[stage.writes] += time.process_time() - c
                running[0] = None
        gc.collect()
    if args.profile:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    untouched = sum(cpu[s] for s in UNTOUCHED)
    out: dict[str, Any] = {s: round(v / args.k, 3) for s, v in cpu.items()}
    out["parse"] = round(parse_cpu, 3)
    for stage in ("places", "events"):
        out[f"{stage}_share"] = round(100 * cpu[stage] / args.k / parse_cpu, 2)
        out[f"{stage}_over_untouched"] = round(cpu[stage] / untouched, 3)
    print(json.dumps(out))
    if args.profile:
        total = samples.pop("") or 1
        for key, n in samples.most_common(args.top):
            print(f"{100 * n / total:5.1f}% {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
