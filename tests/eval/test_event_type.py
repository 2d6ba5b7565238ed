"""Event-type scorer: accuracy and macro-F1."""

import pytest

from frontlines.eval.event_type import LabelPair, macro_f1, score_event_type


def test_known_macro_f1():
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("C", "B")]
    # A: P 1, R 0.5 -> 2/3; B: P 1/3, R 1 -> 0.5; C: 0 -> mean 7/18
    assert macro_f1(pairs) == pytest.approx((2 / 3 + 0.5 + 0) / 3)


def test_invented_label_counts_as_a_class():
    assert macro_f1([("A", "A"), ("A", "OTHER")]) == pytest.approx((2 / 3 + 0) / 2)


def test_score_event_type():
    docs = [LabelPair(doc_id=str(i), text="t", gold=g, pred=p)
            for i, (g, p) in enumerate([("Armed clash", "Armed clash"), ("Air/drone strike", "OTHER")])]
    s = score_event_type(docs)
    assert s.metrics["accuracy"] == 0.5
    assert s.metrics["predicted_other"] == 1
    assert [c.loss for c in s.cases] == [0.0, 1.0]


def test_empty():
    assert score_event_type([]).metrics["accuracy"] is None
    assert macro_f1([]) is None
