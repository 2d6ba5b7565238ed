"""Pairwise merge scores."""

from __future__ import annotations

from frontlines.incidents.score import pairwise_scores
from frontlines.records import Incident, Report


def _inc(keys: list[str]) -> Incident:
    return Incident(id="-".join(keys), plover_type="ASSAULT", acled_sub_event_type=None, place=None, start=None,
                    end=None, reports=tuple(Report(article_id=k, event_key=k, source=None, independent=True) for k in keys))


def test_pairwise_scores() -> None:
    gold = {"a": "1", "b": "1", "c": "1", "d": "2", "e": "3"}
    s = pairwise_scores([_inc(["a", "b"]), _inc(["c", "d"]), _inc(["e"])], gold)
    # predicted pairs: ab, cd; gold pairs: ab, ac, bc
    assert (s.predicted, s.gold, s.correct) == (2, 3, 1)
    assert s.precision == 0.5
    assert abs(s.recall - 1 / 3) < 1e-9


def test_no_pairs_is_perfect_not_a_division_by_zero() -> None:
    s = pairwise_scores([_inc(["a"])], {"a": "1"})
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
