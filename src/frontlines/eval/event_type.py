"""Event-type scorer: one label per snippet (FORMAT.md task "event_type").

Accuracy, and macro-F1 over the labels that occur in the gold or the
predictions (as scikit-learn's default does: a label the system invents but
the gold never uses counts as a class with F1 0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.eval.common import Case, Score, ratio

NO_EVENT = "OTHER"  # FORMAT.md: the label for text with no political-violence event


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelPair:
    doc_id: str
    text: str
    gold: str
    pred: str


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Unweighted mean of per-label F1 over every label seen in gold or predictions."""
    if not pairs:
        return None
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in pairs:
        n_gold[g] += 1
        n_pred[p] += 1
        if g == p:
            tp[g] += 1
    labels = set(n_gold) | set(n_pred)
    total = 0.0
    for label in labels:
        denom = n_gold[label] + n_pred[label]
        total += 2 * tp[label] / denom if denom else 0.0
    return total / len(labels)


def score_event_type(docs: Sequence[LabelPair]) -> Score:
    """Accuracy and macro-F1 of predicted labels against gold labels."""
    pairs = [(d.gold, d.pred) for d in docs]
    correct = sum(1 for g, p in pairs if g == p)
    metrics: dict[str, float | int | None] = {
        "accuracy": ratio(correct, len(pairs)),
        "macro_f1": macro_f1(pairs),
        "labels": len({g for g, _ in pairs}),
        "predicted_other": sum(1 for _, p in pairs if p == NO_EVENT),
    }
    cases = tuple(
        Case(doc_id=d.doc_id, loss=float(d.gold != d.pred), text=d.text, gold=d.gold, prediction=d.pred)
        for d in docs
    )
    return Score(metrics=metrics, cases=cases)
