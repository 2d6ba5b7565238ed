"""Pairwise precision and recall of merging, against gold groupings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from frontlines.records import Incident


@dataclass(frozen=True, slots=True)
class PairScores:
    """Pairs of reports put together: by the merge (predicted), by the gold (true), by both."""

    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for g in groups:
        out.update(combinations(sorted(set(g)), 2))
    return out


def pairwise_scores(incidents: Iterable[Incident], gold: Mapping[str, str]) -> PairScores:
    """Score incidents against ``gold`` (event key -> gold incident label); keys outside gold are ignored."""
    predicted = _pairs([r.event_key for r in inc.reports if r.event_key in gold] for inc in incidents)
    by_label: dict[str, list[str]] = {}
    for key, label in gold.items():
        by_label.setdefault(label, []).append(key)
    true = _pairs(by_label.values())
    return PairScores(predicted=len(predicted), gold=len(true), correct=len(predicted & true))
