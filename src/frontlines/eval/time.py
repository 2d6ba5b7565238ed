"""Time scorer: TIMEX3 spans, types and values, as in TempEval-3 (FORMAT.md task "time").

- strict span P/R/F1: exact offsets;
- relaxed span P/R/F1: any overlap;
- type and value accuracy over relaxed matches (gold and prediction paired one
  to one, largest overlap first);
- value F1: a prediction is correct when it is relaxed-matched to a gold timex
  and its value equals the gold value (P over predictions, R over gold).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.eval.common import Case, Score, match_one_to_one, overlap, prf, ratio


@dataclass(frozen=True, slots=True, kw_only=True)
class TimePrediction:
    """A predicted temporal expression: span, TIMEX3 type and value."""

    start: int
    end: int
    text: str = ""
    type: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeDocPair:
    doc_id: str
    text: str
    gold: Sequence[dict]
    pred: Sequence[TimePrediction]


def _span_weight(g: dict, p: TimePrediction) -> float:
    return overlap(g["start"], g["end"], p.start, p.end)


def _same_value(gold_value: object, pred_value: str | None) -> bool:
    return gold_value is not None and pred_value is not None and str(gold_value) == pred_value


def score_time(docs: Sequence[TimeDocPair]) -> Score:
    """Score a time corpus; see the module docstring for the metrics."""
    n_gold = n_pred = 0
    strict = 0
    relaxed_gold = relaxed_pred = 0
    matched = type_ok = value_ok = 0
    cases = []
    for d in docs:
        n_gold += len(d.gold)
        n_pred += len(d.pred)
        gold_spans = {(g["start"], g["end"]) for g in d.gold}
        strict += sum(1 for p in d.pred if (p.start, p.end) in gold_spans)
        relaxed_gold += sum(1 for g in d.gold if any(_span_weight(g, p) for p in d.pred))
        relaxed_pred += sum(1 for p in d.pred if any(_span_weight(g, p) for g in d.gold))
        pairs = match_one_to_one(d.gold, d.pred, _span_weight)
        doc_type = doc_value = 0
        for gi, pi in pairs:
            g, p = d.gold[gi], d.pred[pi]
            doc_type += g.get("type") == p.type
            doc_value += _same_value(g.get("value"), p.value)
        matched += len(pairs)
        type_ok += doc_type
        value_ok += doc_value
        # Loss: gold timexes without a correctly valued match, plus predictions that are not one.
        loss = (len(d.gold) - doc_value) + (len(d.pred) - doc_value)
        paired = {pi: gi for gi, pi in pairs}
        cases.append(Case(
            doc_id=d.doc_id, loss=float(loss), text=d.text,
            gold=[f"{g['start']}-{g['end']} {g.get('text', '')!r} {g.get('type')} {g.get('value')}" for g in d.gold],
            prediction=[
                f"{p.start}-{p.end} {p.text!r} {p.type} {p.value}" + ("" if i in paired else " (unmatched)")
                for i, p in enumerate(d.pred)
            ],
        ))
    # Strict matches are exact spans, so they pair one gold with one prediction: P and R share the count.
    sp, sr, sf = prf(strict, n_pred, strict, n_gold)
    rp, rr, rf = prf(relaxed_pred, n_pred, relaxed_gold, n_gold)
    vp, vr, vf = prf(value_ok, n_pred, value_ok, n_gold)
    metrics: dict[str, float | int | None] = {
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "type_accuracy": ratio(type_ok, matched),
        "value_accuracy": ratio(value_ok, matched),
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
        "gold_timexes": n_gold, "predicted": n_pred,
    }
    return Score(metrics=metrics, cases=tuple(cases))
