"""The gazetteer's toponym recogniser (``geo.recognise.find_toponyms``, run inside the parse as the
``frontlines_places`` component) against another version of it, in one process over the same Docs.

    PYTHONPATH=src .venv/bin/python bench/recogniser.py --base /tmp/base/src/frontlines/geo/recognise.py [--k 6]

Parses the bench corpus (bench/corpus.py, ``--n`` articles) once with the pipeline's model less the recogniser
and keeps the Docs in a DocBin (``--cache``, reused by later runs), checks that both versions find the same
mentions in every Doc, then times the two in alternation (``--k`` passes each, CPU seconds per pass): on a
shared machine the load moves both alike. The base file is loaded under another module name; it must import
what this checkout still has.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base", type=Path, required=True, help="the other version's geo/recognise.py")
    ap.add_argument("--k", type=int, default=6, help="passes of each version (default 6)")
    ap.add_argument("--n", type=int, default=300, help="bench corpus articles (default 300)")
    ap.add_argument("--cache", type=Path, default=None, help="the DocBin (default /tmp/frontlines-prerec-N.spacy)")
    args = ap.parse_args(argv)

    import corpus as corpus_mod
    from pipeline import _articles
    from spacy.tokens import DocBin

    import frontlines.geo.recognise as branch
    from frontlines.batch.local import load_frozen
    from frontlines.config import load_settings

    spec = importlib.util.spec_from_file_location("base_recognise", args.base)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {args.base}")
    base = importlib.util.module_from_spec(spec)
    sys.modules["base_recognise"] = base  # (dataclasses look their module up)
    spec.loader.exec_module(base)
    nlp = load_frozen(load_settings(env={})).nlp
    comp = nlp.get_pipe("frontlines_places")
    cache = args.cache or Path(f"/tmp/frontlines-prerec-{args.n}.spacy")
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        texts = [a.text for a in _articles(list(corpus_mod.generate(args.n)))]
        docs = list(nlp.pipe(texts, disable=["frontlines_places"]))
        DocBin(docs=docs).to_disk(cache)
    gazetteer, lexicon = comp.gazetteer, comp.lexicon

    def found(mod: object, doc: object) -> list[tuple[int, int, str, str]]:
        return [(m.start, m.end, m.source, m.label) for m in mod.find_toponyms(doc, gazetteer, lexicon)]  # type: ignore[attr-defined]

    differ = 0
    for doc in docs:
        differ += found(base, doc) != found(branch, doc)
        doc.user_data.clear()
    cpu = {"base": 0.0, "branch": 0.0}
    for k in range(args.k):
        order = (("base", base), ("branch", branch)) if k % 2 == 0 else (("branch", branch), ("base", base))
        for name, mod in order:
            for doc in docs:
                doc.user_data.clear()  # no Doc keeps the text worked out by the pass before
            gc.collect()
            c = time.process_time()
            for doc in docs:
                mod.find_toponyms(doc, gazetteer, lexicon)  # type: ignore[attr-defined]
            cpu[name] += time.process_time() - c
    print(json.dumps({"docs": len(docs), "docs_differing": differ,
                      **{f"{n}_cpu_s": round(v / args.k, 3) for n, v in cpu.items()},
                      "branch_over_base": round(cpu["branch"] / cpu["base"], 3)}))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
