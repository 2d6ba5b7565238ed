"""The pipeline's speed, side by side in one run: bare spaCy vs frontlines, 1 and 2 processes.

    .venv/bin/python bench/pipeline.py [--n 5000] [--batch-size 64] [--pg postgresql://postgres@127.0.0.1:5432/test]
                                       [--skip dask,pg,np2] [--json OUT.json]

On one synthetic conflict-news corpus (bench/corpus.py: sample sentences
recombined, >= 5,000 articles by default) it measures, each phase in its own
subprocess so that peak RSS is per process:

- ``bare-1``: ``nlp.pipe`` of en_core_web_sm (same batch size), one process;
- ``bare-2``: the same with ``n_process=2``;
- ``full``: the whole frontlines pipeline in one process (parse with the gazetteer
  ruler, every stage, the store writes to SQLite in one transaction per batch as
  ``frontlines run`` does), with the CPU time of each stage (every ``Stage.run``
  is wrapped) and of the parse and the store; then, timed apart, the incidents
  and control update that ends a run (``update_*``);
  it also measures the triage analysis (sentences with no trigger word and no
  entity of interest, and the events such sentences hold);
- ``dask-1`` / ``dask-2``: the whole pipeline through ``run_shards`` on a local
  Dask cluster with 1 and 2 worker processes (shards of 250 articles, results
  stored in SQLite in bulk), model loading excluded; the incidents and control
  update after the run is timed apart (``update_*``), as in ``full``;
- ``pg``: inserts/s into PostgreSQL (a throwaway database, created and dropped):
  articles with their extractions, per-article transactions vs bulk.

Both one-process phases load as ``frontlines run`` does (``batch.local.load_frozen``): the loaded
model and resources are frozen out of the garbage collector (``gc.freeze()``). The triage
analysis of the full phase is timed apart and left out of its CPU and wall time.

Wall-clock figures depend on what else runs on the machine, so every phase
also reports CPU seconds (user+sys of the processes doing the work) and the
load average before and after. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STAGE_ORDER = ("parse", "places", "times", "quantities", "actors", "quotes", "events", "store")


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def _read_corpus(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _articles(rows: list[dict[str, str]]) -> list[Any]:
    from frontlines.ingest import to_article
    from frontlines.ingest.normalise import parse_published
    from frontlines.ingest.readers import RawDoc

    return [to_article(RawDoc(origin=f"bench#{i}", text=r["text"], title=r["title"], url=r["url"],
                              source=r["source"], published=parse_published(r["published"]), language="en"))
            for i, r in enumerate(rows)]


# -- phases (each runs in its own subprocess) ------------------------------------------------
def phase_bare(corpus: Path, batch_size: int, n_process: int) -> dict[str, Any]:
    from frontlines.nlp.model import load_nlp

    texts = [r["text"] for r in _read_corpus(corpus)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp("en_core_web_sm")
    gc.freeze()  # as in the full phase (batch.local.load_frozen), so that both phases collect alike
    list(nlp.pipe(texts[:8]))  # warm up
    cpu0, cpu0c, t0 = _cpu_self(), _cpu_children(), time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        tokens += len(doc)
    wall = time.perf_counter() - t0
    cpu = (_cpu_self() - cpu0) + (_cpu_children() - cpu0c)
    return {"words": words, "tokens": tokens, "wall_s": wall, "cpu_s": cpu, "words_per_s": words / wall,
            "words_per_cpu_s": words / cpu, "peak_rss_mb": _peak_rss_mb(),
            "peak_rss_child_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN)}


def _timed_chain(chain: tuple[Any, ...], cpu: dict[str, float], wall: dict[str, float]) -> tuple[Any, ...]:
    """The same stages, each ``run`` wrapped to add its CPU and wall time to the totals."""
    import dataclasses

    def wrap(stage: Any) -> Any:
        run = stage.run

        def timed(inp: Any) -> Any:
            c, w = time.process_time(), time.perf_counter()
            out = run(inp)
            cpu[stage.writes] += time.process_time() - c
            wall[stage.writes] += time.perf_counter() - w
            return out

        return dataclasses.replace(stage, run=timed)

    return tuple(wrap(s) for s in chain)


def _triage_check(lex: Any) -> Any:
    """The cheap per-sentence test a triage would run before the parser: tokenizer output only."""
    words = set(lex.single) | set(lex.surface) | set(lex.phrasal)
    interesting = {"GPE", "LOC", "NORP", "ORG", "FAC"}

    def has_trigger(sent: Any) -> bool:
        return any(tok.lower_ in words for tok in sent)

    def passes(sent: Any) -> bool:
        # entities of interest come from the NER (or the gazetteer ruler), which the
        # triage would keep: it only skips the tagger/parser.
        return has_trigger(sent) or any(ent.label_ in interesting for ent in sent.ents)

    return passes, has_trigger


def phase_full(corpus: Path, batch_size: int, dump: Path | None, dump_n: int) -> dict[str, Any]:
    from collections import defaultdict

    from frontlines.batch.local import load_frozen
    from frontlines.config import load_settings
    from frontlines.events.lexicon import lexicon_from
    from frontlines.pipeline import Failure, build_pipeline, chain_infos, default_stages, extract
    from frontlines.store import open_store

    articles = _articles(_read_corpus(corpus))
    words = sum(len(a.text.split()) for a in articles)
    settings = load_settings(env={})
    resources = load_frozen(settings)  # as `frontlines run` and the workers load: gc.freeze() after loading
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    chain = _timed_chain(build_pipeline(default_stages()), cpu, wall)
    lex = lexicon_from(resources)
    passes, has_trigger = _triage_check(lex)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        for a in articles:
            store.add_article(a)
        list(resources.nlp.pipe([a.text for a in articles[:8]]))  # warm up
        cpu0, t0 = time.process_time(), time.perf_counter()
        infos = chain_infos(chain)  # once, as process_batch does for its batch
        docs = resources.nlp.pipe((a.text for a in articles), batch_size=batch_size)
        extractions = []
        unsaved: list[Any] = []
        failed = 0
        triage_cpu = triage_wall = 0.0
        tri = {"sentences": 0, "sentences_pass": 0, "tokens": 0, "tokens_pass": 0, "events": 0,
               "events_in_pass": 0, "sentences_trigger": 0, "tokens_trigger": 0, "events_in_trigger": 0}
        for article in articles:
            c, w = time.process_time(), time.perf_counter()
            doc = next(docs)
            cpu["parse"] += time.process_time() - c
            wall["parse"] += time.perf_counter() - w
            try:
                ex = extract(doc, article, resources, chain, infos)
            except Exception as exc:  # noqa: BLE001 - counted, as the engines do
                failed += 1
                extractions.append(Failure(article.id, "E202", str(exc)))
                continue
            extractions.append(ex)
            unsaved.append(ex)
            if len(unsaved) >= batch_size:  # as `frontlines run` does: one transaction per batch
                c, w = time.process_time(), time.perf_counter()
                store.save_extractions_bulk(unsaved)
                cpu["store"] += time.process_time() - c
                wall["store"] += time.perf_counter() - w
                unsaved = []
            # triage analysis, outside the timed parts and taken off the run's CPU (it is no part of the pipeline)
            c, w = time.process_time(), time.perf_counter()
            passing = []
            triggering = []
            for sent in doc.sents:
                if has_trigger(sent):
                    tri["sentences_trigger"] += 1
                    tri["tokens_trigger"] += len(sent)
                    triggering.append((sent.start_char, sent.end_char))
                ok = passes(sent)
                tri["sentences"] += 1
                tri["tokens"] += len(sent)
                if ok:
                    tri["sentences_pass"] += 1
                    tri["tokens_pass"] += len(sent)
                    passing.append((sent.start_char, sent.end_char))
            for ev in ex.events:
                tri["events"] += 1
                if any(s <= ev.evidence.start < e for s, e in passing):
                    tri["events_in_pass"] += 1
                if any(s <= ev.evidence.start < e for s, e in triggering):
                    tri["events_in_trigger"] += 1
            triage_cpu += time.process_time() - c
            triage_wall += time.perf_counter() - w
        c, w = time.process_time(), time.perf_counter()
        store.save_extractions_bulk(unsaved)
        cpu["store"] += time.process_time() - c
        wall["store"] += time.perf_counter() - w
        total_wall = time.perf_counter() - t0 - triage_wall
        total_cpu = time.process_time() - cpu0 - triage_cpu
        from frontlines.control import update_after_run

        c, w = time.process_time(), time.perf_counter()  # the cross-article step `frontlines run` ends with
        update_after_run(store, [x.article_id for x in extractions if not isinstance(x, Failure)])
        update_cpu, update_wall = time.process_time() - c, time.perf_counter() - w
    if dump is not None:
        with dump.open("wb") as fh:
            pickle.dump([(a, x) for a, x in zip(articles, extractions) if not isinstance(x, Failure)][:dump_n], fh)
    timed_cpu = sum(cpu.values())
    return {
        "words": words, "articles": len(articles), "failed": failed,
        "events": sum(len(x.events) for x in extractions if not isinstance(x, Failure)),
        "wall_s": total_wall, "cpu_s": total_cpu, "words_per_s": words / total_wall,
        "words_per_cpu_s": words / total_cpu, "peak_rss_mb": _peak_rss_mb(),
        "stage_cpu_s": {k: round(cpu[k], 2) for k in STAGE_ORDER},
        "stage_wall_s": {k: round(wall[k], 2) for k in STAGE_ORDER},
        "stage_share": {k: round(cpu[k] / timed_cpu, 4) for k in STAGE_ORDER},
        "after_parse_over_parse": round(sum(cpu[k] for k in STAGE_ORDER[1:7]) / cpu["parse"], 3),
        "triage": tri, "triage_cpu_s": round(triage_cpu, 2),
        "update_cpu_s": round(update_cpu, 2), "update_wall_s": round(update_wall, 2),
    }


def phase_dask(corpus: Path, batch_size: int, workers: int, shard_size: int) -> dict[str, Any]:
    import psutil
    from distributed import Client, LocalCluster

    from frontlines.batch.dask import run_shards
    from frontlines.config import load_settings
    from frontlines.store import open_store

    rows = _read_corpus(corpus)
    with tempfile.TemporaryDirectory() as tmp:
        shards = []
        for k, lo in enumerate(range(0, len(rows), shard_size)):
            p = Path(tmp) / f"shard-{k:04d}.jsonl"
            p.write_text("".join(json.dumps(r) + "\n" for r in rows[lo : lo + shard_size]), encoding="utf-8")
            shards.append(p)
        settings = load_settings({"batch_size": batch_size}, env={})
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                               memory_limit="3GiB", silence_logs=40)
        client = Client(cluster)
        store = open_store(str(Path(tmp) / "bench.db"))
        from frontlines.batch.dask import PLUGIN_NAME, ResourcesPlugin

        client.register_plugin(ResourcesPlugin(settings), name=PLUGIN_NAME)  # load models before timing
        pids = list(client.run(os.getpid).values())
        procs = [psutil.Process(p) for p in pids] + [psutil.Process()]

        def cpu_now() -> float:
            return sum(p.cpu_times().user + p.cpu_times().system for p in procs)

        from frontlines.runner import Runner

        update_cpu = [0.0]
        real_update = Runner.after_run

        def timed_update(self: Runner, *args: Any) -> int:  # the client's CPU for incidents and control, apart
            c = time.process_time()
            n = real_update(self, *args)
            update_cpu[0] += time.process_time() - c
            return n

        Runner.after_run = timed_update  # type: ignore[method-assign]
        cpu0 = cpu_now()
        report = run_shards(store, settings, shards, client=client)
        cpu = cpu_now() - cpu0 - update_cpu[0]
        rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        client.close()
        cluster.close()
    return {"workers": workers, "articles": report.processed, "failed": report.failed, "words": report.words,
            "events": report.events, "wall_s": report.seconds, "cpu_s": cpu,
            "update_wall_s": report.update_seconds, "update_cpu_s": update_cpu[0],
            "words_per_s": report.words_per_second, "words_per_cpu_s": report.words / cpu,
            "peak_rss_worker_mb": round(max(rss.values()), 1), "peak_rss_client_mb": _peak_rss_mb()}


def phase_pg(dump: Path, pg_admin: str, batch: int) -> dict[str, Any]:
    import uuid

    import psycopg

    from frontlines.store import open_store

    with dump.open("rb") as fh:
        pairs = pickle.load(fh)
    name = f"frontlines_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    out: dict[str, Any] = {"articles": len(pairs)}
    try:
        store = open_store(pg_admin.rsplit("/", 1)[0] + "/" + name)
        rows = sum(len(getattr(x, k)) for _, x in pairs
                   for k in ("places", "times", "quantities", "actors", "quotes", "events"))
        out["extraction_rows"] = rows
        t0 = time.perf_counter()
        for a, _ in pairs:
            store.add_article(a)
        out["article_inserts_per_s"] = len(pairs) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _, x in pairs:
            store.save_extraction(x)
        dt_single = time.perf_counter() - t0
        out["per_article"] = {"articles_per_s": len(pairs) / dt_single, "rows_per_s": rows / dt_single}
        t0 = time.perf_counter()
        for lo in range(0, len(pairs), batch):
            store.save_extractions_bulk([x for _, x in pairs[lo : lo + batch]])
        dt_bulk = time.perf_counter() - t0
        out["bulk"] = {"batch": batch, "articles_per_s": len(pairs) / dt_bulk, "rows_per_s": rows / dt_bulk}
        store.close()
    finally:
        with psycopg.connect(pg_admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return out


# -- driver --------------------------------------------------------------------------------
def _sub(args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    env.pop("FRONTLINES_DB", None)
    before = _load()
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-5:] if proc.stderr else f"exit {proc.returncode}"}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["load_before"], data["load_after"] = before, _load()
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--shard-size", type=int, default=250)
    ap.add_argument("--pg", default=os.environ.get("FRONTLINES_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"))
    ap.add_argument("--pg-articles", type=int, default=500)
    ap.add_argument("--skip", default="", help="comma-separated phases to skip: np2,full,dask,pg")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        if args.phase.startswith("bare"):
            result = phase_bare(args.corpus, args.batch_size, int(args.phase.split("-")[1]))
        elif args.phase == "full":
            result = phase_full(args.corpus, args.batch_size, args.dump, args.pg_articles)
        elif args.phase == "dask":
            result = phase_dask(args.corpus, args.batch_size, args.workers, args.shard_size)
        else:
            result = phase_pg(args.dump, args.pg, args.batch_size)
        sys.stdout.write(json.dumps(result, default=str) + "\n")
        return 0

    import corpus as corpus_mod

    skip = set(filter(None, args.skip.split(",")))
    figures: dict[str, Any] = {"n": args.n, "batch_size": args.batch_size, "cpus": os.cpu_count(),
                               "load_start": _load()}
    with tempfile.TemporaryDirectory() as tmp:
        cpath = Path(tmp) / "corpus.jsonl"
        dump = Path(tmp) / "extractions.pkl"
        rows = list(corpus_mod.generate(args.n))
        cpath.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        figures["words"] = sum(len(r["text"].split()) for r in rows)
        common = ["--corpus", str(cpath), "--batch-size", str(args.batch_size)]
        phases: list[tuple[str, list[str]]] = [("bare-1", ["--phase", "bare-1", *common])]
        if "np2" not in skip:
            phases.append(("bare-2", ["--phase", "bare-2", *common]))
        if "full" not in skip:
            phases.append(("full", ["--phase", "full", *common, "--dump", str(dump),
                                    "--pg-articles", str(args.pg_articles)]))
        if "dask" not in skip:
            for w in (1, 2):
                phases.append((f"dask-{w}", ["--phase", "dask", *common, "--workers", str(w),
                                             "--shard-size", str(args.shard_size)]))
        for name, sub in phases:
            sys.stderr.write(f"{name} ...\n")
            figures[name] = _sub(sub)
            sys.stderr.write(f"{name}: {json.dumps(figures[name], default=str)}\n")
        if "pg" not in skip and "full" not in skip:
            sys.stderr.write("pg ...\n")
            figures["pg"] = _sub(["--phase", "pg", "--dump", str(dump), "--pg", args.pg, "--batch-size", "100"])
    figures["load_end"] = _load()
    _derive(figures)
    text = json.dumps(figures, indent=1, default=str)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


def _derive(f: dict[str, Any]) -> None:
    """Ratios and the cluster-size projection from the measured figures."""
    d: dict[str, Any] = {}
    b1, b2, full = f.get("bare-1", {}), f.get("bare-2", {}), f.get("full", {})
    k1, k2 = f.get("dask-1", {}), f.get("dask-2", {})
    if "words_per_s" in k1 and "words_per_s" in k2:
        d["dask_scaling_efficiency_1_to_2"] = round(k2["words_per_s"] / (2 * k1["words_per_s"]), 3)
    if "words_per_s" in b1 and "words_per_s" in b2:
        d["nlp_pipe_scaling_efficiency_1_to_2"] = round(b2["words_per_s"] / (2 * b1["words_per_s"]), 3)
    if "words_per_cpu_s" in b1 and "words_per_cpu_s" in full:
        d["full_over_bare_cpu_speed"] = round(full["words_per_cpu_s"] / b1["words_per_cpu_s"], 3)
    if "words_per_cpu_s" in full and f.get("n"):
        words_per_article = f["words"] / f["n"]
        per_day = 300_000 * words_per_article
        per_core_day = full["words_per_cpu_s"] * 86_400
        d["words_per_article"] = round(words_per_article)
        d["cores_for_300k_per_day_at_100pct"] = round(per_day / per_core_day, 2)
    f["derived"] = d


if __name__ == "__main__":
    sys.exit(main())
