"""Time scorer (TempEval-3 style) on hand-made pairs with known scores."""

import pytest

from frontlines.eval.time import TimeDocPair, TimePrediction, score_time

TEXT = "Russian troops left on Wednesday, three days after the order."
WEDNESDAY = {"start": 20, "end": 32, "text": "on Wednesday", "type": "DATE", "value": "2022-11-09"}
THREE_DAYS = {"start": 34, "end": 44, "text": "three days", "type": "DURATION", "value": "P3D"}


def pair(gold, pred):
    return TimeDocPair(doc_id="d", text=TEXT, gold=gold, pred=pred)


def test_date_off_by_one_day_is_a_span_match_with_a_wrong_value():
    pred = [TimePrediction(start=20, end=32, type="DATE", value="2022-11-10")]
    m = score_time([pair([WEDNESDAY], pred)]).metrics
    assert m["strict_f1"] == 1.0 and m["relaxed_f1"] == 1.0
    assert m["type_accuracy"] == 1.0
    assert m["value_accuracy"] == 0.0 and m["value_f1"] == 0.0


def test_partial_overlap_is_relaxed_not_strict():
    pred = [TimePrediction(start=23, end=32, type="DATE", value="2022-11-09")]  # "Wednesday" without "on"
    m = score_time([pair([WEDNESDAY], pred)]).metrics
    assert m["strict_f1"] == 0.0
    assert m["relaxed_f1"] == 1.0 and m["value_f1"] == 1.0 and m["value_accuracy"] == 1.0


def test_mixed_document_known_scores():
    pred = [
        TimePrediction(start=20, end=32, type="DATE", value="2022-11-09"),  # right
        TimePrediction(start=34, end=44, type="DATE", value="P3D"),  # wrong type, right value
        TimePrediction(start=0, end=7, type="DATE", value="2022"),  # spurious
    ]
    m = score_time([pair([WEDNESDAY, THREE_DAYS], pred)]).metrics
    assert m["strict_precision"] == pytest.approx(2 / 3) and m["strict_recall"] == 1.0
    assert m["type_accuracy"] == 0.5 and m["value_accuracy"] == 1.0
    assert m["value_precision"] == pytest.approx(2 / 3) and m["value_recall"] == 1.0
    assert m["value_f1"] == pytest.approx(0.8)


def test_one_prediction_covering_two_gold_is_matched_once():
    pred = [TimePrediction(start=20, end=44, type="DATE", value="2022-11-09")]
    m = score_time([pair([WEDNESDAY, THREE_DAYS], pred)]).metrics
    assert m["relaxed_recall"] == 1.0  # any overlap, as TempEval-3 counts it
    assert m["value_recall"] == 0.5  # but a value is judged against one gold only


def test_edge_cases_empty_no_predictions_no_gold():
    assert score_time([pair([], [])]).metrics["relaxed_f1"] is None
    m = score_time([pair([WEDNESDAY], [])]).metrics
    assert m["relaxed_recall"] == 0.0 and m["value_f1"] == 0.0 and m["type_accuracy"] is None
    m = score_time([pair([], [TimePrediction(start=0, end=7, type="DATE", value="X")])]).metrics
    assert m["relaxed_precision"] == 0.0 and m["relaxed_recall"] is None
