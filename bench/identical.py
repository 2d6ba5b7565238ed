"""Whether a change leaves every extraction as it was: the full pipeline's output, one JSON line per article.

    PYTHONPATH=/work/main/src .venv/bin/python bench/identical.py /tmp/before.jsonl
    PYTHONPATH=src            .venv/bin/python bench/identical.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl

Runs the default chain (``process_batch``, as ``frontlines run`` does) over the texts of
corpus/events, corpus/notes and corpus/headlines (both halves) and over the synthetic bench
corpus (bench/corpus.py, ``--n`` articles), and writes each Extraction as sorted-key JSON
without the stages' names and versions (a speed change bumps no version; any other field that
moves is an output change). A failure is written as its code. Takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=300, help="bench corpus articles (default 300)")
    args = ap.parse_args(argv)

    import corpus as corpus_mod
    from pipeline import _articles

    from frontlines.config import load_settings
    from frontlines.eval.reader import read_gold
    from frontlines.eval.runner import article_for
    from frontlines.pipeline import Failure, build_pipeline, default_stages, load_resources, process_batch
    from frontlines.records import to_dict

    articles = []
    for folder in ("events", "notes", "headlines"):
        for path in sorted((ROOT / "corpus" / folder).glob("*.jsonl")):
            articles.extend(article_for(d) for d in read_gold(str(path)))
    articles.extend(_articles(list(corpus_mod.generate(args.n))))
    resources = load_resources(load_settings(env={}))
    chain = build_pipeline(default_stages())
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for article, result in process_batch(articles, resources, chain, batch_size=64):
            if isinstance(result, Failure):
                fh.write(json.dumps({"article_id": article.id, "failure": result.code}) + "\n")
                continue
            data = to_dict(result)
            data.pop("stages", None)
            fh.write(json.dumps(data, sort_keys=True) + "\n")
            n += 1
    sys.stderr.write(f"{n} extractions of {len(articles)} articles -> {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
