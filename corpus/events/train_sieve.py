"""Measure, build and try the events sieve (frontlines.events.sieve) from the TUNE half of the events corpus only.

    .venv/bin/python corpus/events/train_sieve.py                        # grouped CV on the tune half
    .venv/bin/python corpus/events/train_sieve.py --out /tmp/sieve.json  # ... and write the weights chosen
    .venv/bin/python corpus/events/train_sieve.py --sieve /tmp/sieve.json --score corpus/events/events-tune.jsonl

It runs the events chain over corpus/events/events-tune.jsonl with a recorder injected as the sieve (every draft
kept, its structural row noted: frontlines.events.sieve.features), labels each predicted event by the scorer's own
pairing (frontlines.eval.events.match_events: paired with a gold event or not), and fits an L2-regularised
logistic regression (numpy, Newton's method) on the standardised rows. The regularisation and the drop threshold
are chosen by article-grouped cross-validation on the tune half (5 folds by article, 3 shufflings): the largest
event F1 of the out-of-fold decisions whose recall stays within RECALL_SLACK of the chain's recall without the
sieve. Training reads the tune half only, never the check half nor ../shared/eval; the same inputs give the same
file (fixed seeds). ``--score`` runs the chain with a written sieve injected and prints each file's aggregate
metrics only (as ``frontlines eval --json`` does). ``--ablate`` measures each union of feature groups in ABLATION
(AUC and out-of-fold F1), ``--nonlinear`` adds boosted stumps and a one-hidden-layer perceptron (measured only; a
weights file holds a logistic), ``--groups`` chooses the groups ``--out`` fits. Neither the seventeenth session nor
the eighteenth measured the 1.5 points of F1 that would earn a packaged sieve, so the stage runs none unless one is
injected (docs/accuracy.md, branches sieve and sieve2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
TUNE = ROOT / "corpus" / "events" / "events-tune.jsonl"
RECALL_SLACK = 0.01  # the sieve may cost at most a point of recall on the tune folds
LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0)
# the feature groups measured one against another (--ablate), each a union of frontlines.events.sieve.GROUPS
ABLATION = (
    ("structure",),
    ("structure", "context"),
    ("structure", "tensor_trigger"),
    ("structure", "tensor_sentence"),
    ("structure", "tensor_article"),
    ("structure", "context", "tensor_trigger", "tensor_sentence"),
    ("structure", "context", "tensor_trigger", "tensor_sentence", "tensor_article"),
    ("context", "tensor_trigger", "tensor_sentence"),
)
DEFAULT_GROUPS = ("structure",)
NONLINEAR = (ABLATION[0], ABLATION[1], ABLATION[5])  # the groups the non-linear models are measured on
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 14))  # 0.05 .. 0.65
FOLDS, REPEATS, SEED = 5, 3, 17


class Recorder:
    """A stand-in for the sieve that keeps every draft and notes each article's rows."""

    def __init__(self) -> None:
        self.rows: dict[str, np.ndarray] = {}

    def decide(self, rows: Any, *, article_id: str = "") -> list[Any]:
        from frontlines.events.sieve import Verdict

        self.rows[article_id] = np.array(rows, dtype=float)
        return [Verdict(True, 1.0) for _ in range(len(self.rows[article_id]))]


def tune_rows(path: Path = TUNE) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Rows, labels (1: the scorer pairs the event with a gold one), article index per row, gold count."""
    from frontlines.config import load_settings
    from frontlines.eval import read_gold
    from frontlines.eval.events import match_events
    from frontlines.eval.runner import chain_for, event_predictions, extract_all
    from frontlines.pipeline import load_resources

    docs = read_gold(path)
    resources = load_resources(load_settings())
    recorder = Recorder()
    resources.event_sieve = recorder
    extractions, failures = extract_all(docs, resources, chain_for("events"))
    if failures:
        raise SystemExit(f"{failures} tune articles failed")
    rows, labels, groups = [], [], []
    gold_total = 0
    for g, (doc, ex) in enumerate(zip(docs, extractions)):
        preds = event_predictions(ex)
        gold = doc.gold["events"]
        gold_total += len(gold)
        noted = recorder.rows.get(doc.id, np.zeros((0, 0)))
        if len(noted) != len(preds):
            raise SystemExit(f"{doc.id}: {len(noted)} rows for {len(preds)} events")
        paired = {pi for _gi, pi in match_events(gold, preds)}
        for i, row in enumerate(noted):
            rows.append(row)
            labels.append(1.0 if i in paired else 0.0)
            groups.append(g)
    return np.array(rows, dtype=float), np.array(labels), np.array(groups), gold_total


def columns(groups: Sequence[str]) -> list[int]:
    """The FEATURES columns of a union of feature groups (frontlines.events.sieve.GROUPS), in FEATURES order."""
    from frontlines.events.sieve import FEATURES, GROUPS

    wanted = {n for g in groups for n in GROUPS[g]}
    return [i for i, n in enumerate(FEATURES) if n in wanted]


def auc(y: np.ndarray, score: np.ndarray) -> float:
    """The area under the ROC curve (the chance a paired event outscores an unpaired one; ties count half)."""
    order = np.argsort(score, kind="mergesort")
    ranks = np.empty(len(score))
    ranks[order] = np.arange(1, len(score) + 1)
    for v in np.unique(score):  # average ranks over ties
        tie = score == v
        ranks[tie] = ranks[tie].mean()
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:
        return 0.5
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0  # a feature constant on the training rows: it contributes nothing
    return mean, scale


def fit(x: np.ndarray, y: np.ndarray, lam: float, iters: int = 50) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (the bias unpenalised); x already standardised."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, lam)
    penalty[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(a @ w, -60, 60)))
        grad = a.T @ (p - y) + penalty * w
        hess = (a * (p * (1 - p))[:, None]).T @ a + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def predict(x: np.ndarray, mean: np.ndarray, scale: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(((x - mean) / scale) @ w + b, -60, 60)))


def figures(y: np.ndarray, drop: np.ndarray, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 once the dropped events are gone (a dropped paired event is a pair lost)."""
    tp = float(y[~drop].sum())
    n = float((~drop).sum())
    p = tp / n if n else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: np.ndarray, lam: float, seed: int,
                model: tuple[Any, Any] | None = None) -> np.ndarray:
    """Each row's probability from the model fitted on the other folds (the logistic of ``lam``, or ``model``'s
    fit and predict on the standardised rows)."""
    articles = np.unique(groups)
    order = np.random.default_rng(seed).permutation(articles)
    fold_of = {a: i % FOLDS for i, a in enumerate(order)}
    folds = np.array([fold_of[g] for g in groups])
    probs = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = folds != k, folds == k
        mean, scale = standardise(x[train])
        if model is not None:
            fitted = model[0]((x[train] - mean) / scale, y[train])
            probs[test] = model[1](fitted, (x[test] - mean) / scale)
            continue
        w, b = fit((x[train] - mean) / scale, y[train], lam)
        probs[test] = predict(x[test], mean, scale, w, b)
    return probs


def fit_stumps(x: np.ndarray, y: np.ndarray, rounds: int = 300, rate: float = 0.05, bins: int = 16,
               min_leaf: int = 10) -> list[Any]:
    """Gradient-boosted stumps on the logistic loss (Newton leaf values, L2 of 1 on each leaf): the non-linear
    model measured against the logistic one. Splits at ``bins`` quantiles of each feature, one matrix product a
    round for every candidate split."""
    n, _d = x.shape
    cand = [(j, float(t)) for j in range(x.shape[1])
            for t in np.unique(np.quantile(x[:, j], np.linspace(0.05, 0.95, bins)))]
    left = np.stack([x[:, j] <= t for j, t in cand], axis=1).astype(float)
    n_left = left.sum(axis=0)
    ok = (n_left >= min_leaf) & (n - n_left >= min_leaf)
    prior = float(np.clip(y.mean(), 1e-3, 1 - 1e-3))
    f = np.full(n, np.log(prior / (1 - prior)))
    model: list[Any] = [float(f[0])]
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-f))
        g, h = y - p, p * (1 - p)
        gl, hl = g @ left, h @ left
        gr, hr = g.sum() - gl, h.sum() - hl
        k = int(np.argmax(np.where(ok, gl * gl / (hl + 1) + gr * gr / (hr + 1), -1.0)))
        j, t = cand[k]
        vl, vr = rate * gl[k] / (hl[k] + 1), rate * gr[k] / (hr[k] + 1)
        f += np.where(x[:, j] <= t, vl, vr)
        model.append((j, t, float(vl), float(vr)))
    return model


def predict_stumps(model: list[Any], x: np.ndarray) -> np.ndarray:
    f = np.full(len(x), model[0])
    for j, t, vl, vr in model[1:]:
        f += np.where(x[:, j] <= t, vl, vr)
    return 1.0 / (1.0 + np.exp(-f))


def fit_mlp(x: np.ndarray, y: np.ndarray, hidden: int = 16, lam: float = 0.03, epochs: int = 300,
            rate: float = 0.5, seed: int = SEED) -> tuple[np.ndarray, ...]:
    """A one-hidden-layer perceptron (tanh, L2 ``lam`` on the weights, full-batch gradient descent, fixed seed)."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    w1 = rng.normal(0, 1 / np.sqrt(d), (d, hidden))
    b1 = np.zeros(hidden)
    w2 = rng.normal(0, 1 / np.sqrt(hidden), hidden)
    b2 = np.zeros(1)
    for _ in range(epochs):
        hid = np.tanh(x @ w1 + b1)
        err = (1.0 / (1.0 + np.exp(-(hid @ w2 + b2))) - y) / n
        back = np.outer(err, w2) * (1 - hid ** 2)
        w2 -= rate * (hid.T @ err + lam * w2)
        b2 -= rate * err.sum()
        w1 -= rate * (x.T @ back + lam * w1)
        b1 -= rate * back.sum(axis=0)
    return w1, b1, w2, b2


def predict_mlp(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    w1, b1, w2, b2 = model
    return 1.0 / (1.0 + np.exp(-(np.tanh(x @ w1 + b1) @ w2 + b2)))


def nonlinear(x: np.ndarray, y: np.ndarray, groups: np.ndarray, gold: int, kind: str) -> dict[str, Any]:
    """Out-of-fold AUC and the best F1 within the recall slack of boosted stumps or the perceptron (same folds,
    seeds and thresholds as the logistic CV)."""
    fitter = (fit_stumps, predict_stumps) if kind == "stumps" else (fit_mlp, predict_mlp)
    runs = [out_of_fold(x, y, groups, 0.0, SEED + rep, fitter) for rep in range(REPEATS)]
    base_r = figures(y, np.zeros(len(y), dtype=bool), gold)[1]
    best = None
    for t in THRESHOLDS:
        p, r, f = np.array([figures(y, probs < t, gold) for probs in runs]).mean(axis=0)
        if r >= base_r - RECALL_SLACK and (best is None or f > best["f1"]):
            best = {"threshold": t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return {"auc": round(float(np.mean([auc(y, probs) for probs in runs])), 4), "best": best}


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, gold: int,
                   lambdas: Sequence[float] = LAMBDAS) -> dict[str, Any]:
    base_p, base_r, base_f = figures(y, np.zeros(len(y), dtype=bool), gold)
    table = []
    aucs = {}
    for lam in lambdas:
        runs = [out_of_fold(x, y, groups, lam, SEED + rep) for rep in range(REPEATS)]
        aucs[lam] = round(float(np.mean([auc(y, probs) for probs in runs])), 4)
        for t in THRESHOLDS:
            got = np.array([figures(y, probs < t, gold) for probs in runs])
            p, r, f = got.mean(axis=0)
            table.append({"lambda": lam, "threshold": t, "auc": aucs[lam], "precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(f, 4), "dropped": round(float(np.mean([(pr < t).sum() for pr in runs])), 1),
                          "pairs_lost": round(float(np.mean([y[pr < t].sum() for pr in runs])), 1)})
    allowed = [row for row in table if row["recall"] >= base_r - RECALL_SLACK]
    best = max(allowed, key=lambda row: (row["f1"], -row["lambda"]))
    return {"baseline": {"precision": round(base_p, 4), "recall": round(base_r, 4), "f1": round(base_f, 4),
                         "events": int(len(y)), "paired": int(y.sum()), "gold": gold},
            "best": best, "table": table, "auc": aucs}


def build(x: np.ndarray, y: np.ndarray, lam: float, threshold: float, cv: dict[str, Any],
          groups: Sequence[str] = DEFAULT_GROUPS) -> dict[str, Any]:
    """The weights file of a logistic sieve over ``groups`` fitted on every row of ``x`` (all FEATURES columns)."""
    from frontlines.events.sieve import FEATURES, Sieve
    from frontlines.events.stage import VERSION

    cols = columns(groups) if x.shape[1] == len(FEATURES) else list(range(x.shape[1]))
    x = x[:, cols]
    mean, scale = standardise(x)
    w, b = fit((x - mean) / scale, y, lam)
    sieve = Sieve(version=VERSION, names=tuple(FEATURES[i] for i in cols), mean=tuple(round(float(v), 6) for v in mean),
                  scale=tuple(round(float(v), 6) for v in scale), weights=tuple(round(float(v), 6) for v in w),
                  bias=round(b, 6), threshold=threshold,
                  meta={"built_by": "corpus/events/train_sieve.py", "trained_on": "corpus/events/events-tune.jsonl",
                        "rows": int(len(y)), "paired": int(y.sum()), "lambda": lam, "groups": list(groups),
                        "cv": {"baseline": cv["baseline"], "best": cv["best"]}})
    return sieve.to_json()


def score_with(sieve_path: Path, files: Sequence[Path]) -> None:
    """Each file's aggregate metrics with the sieve at ``sieve_path`` injected (no per-event output)."""
    from frontlines.config import load_settings
    from frontlines.eval import evaluate_docs, read_gold
    from frontlines.events.sieve import load_sieve
    from frontlines.pipeline import load_resources

    resources = load_resources(load_settings())
    resources.event_sieve = load_sieve(sieve_path)
    for path in files:
        result = evaluate_docs(read_gold(path), resources, file=str(path))
        print(json.dumps(result.to_json(), ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write the weights chosen by cross-validation here")
    ap.add_argument("--rows", type=Path, help="a .npz of rows noted by an earlier run (skips the pipeline)")
    ap.add_argument("--save-rows", type=Path, help="keep the noted rows in this .npz")
    ap.add_argument("--sieve", type=Path, help="with --score: the weights file to inject")
    ap.add_argument("--score", type=Path, nargs="+", help="gold files to score with --sieve injected")
    ap.add_argument("--groups", default=",".join(DEFAULT_GROUPS),
                    help="comma-separated feature groups of the sieve (frontlines.events.sieve.GROUPS)")
    ap.add_argument("--ablate", action="store_true", help="print AUC and out-of-fold F1 for each group of ABLATION")
    ap.add_argument("--nonlinear", action="store_true",
                    help="with --ablate: also boosted stumps and a one-hidden-layer perceptron (measurement only)")
    args = ap.parse_args(argv)
    if args.score:
        if not args.sieve:
            ap.error("--score needs --sieve")
        score_with(args.sieve, args.score)
        return 0
    if args.rows:
        z = np.load(args.rows)
        x, y, groups, gold = z["x"], z["y"], z["groups"], int(z["gold"])
    else:
        x, y, groups, gold = tune_rows()
        if args.save_rows:
            np.savez(args.save_rows, x=x, y=y, groups=groups, gold=gold)
    if args.ablate:
        print(json.dumps({"baseline": cross_validate(x[:, :1], y, groups, gold, (LAMBDAS[-1],))["baseline"]}))
        for combo in ABLATION:
            got = cross_validate(x[:, columns(combo)], y, groups, gold)
            print(json.dumps({"groups": "+".join(combo), "features": len(columns(combo)), "auc": got["auc"],
                              "best": got["best"]}))
            for kind in ("stumps", "mlp") if args.nonlinear and combo in NONLINEAR else ():
                print(json.dumps({"groups": "+".join(combo), "model": kind,
                                  **nonlinear(x[:, columns(combo)], y, groups, gold, kind)}))
        return 0
    chosen = tuple(g for g in args.groups.split(",") if g)
    cv = cross_validate(x[:, columns(chosen)], y, groups, gold)
    print(json.dumps({"groups": chosen, "baseline": cv["baseline"], "best": cv["best"], "auc": cv["auc"]}))
    for row in cv["table"]:
        if row["threshold"] in (0.1, 0.2, 0.3, 0.5) or row is cv["best"]:
            print(json.dumps(row))
    if args.out:
        data = build(x, y, cv["best"]["lambda"], cv["best"]["threshold"], cv, chosen)
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
