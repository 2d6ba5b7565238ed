"""Geo scorer on hand-made gold/prediction pairs with known scores."""

import math

import pytest

from frontlines.eval.common import EARTH_RADIUS_KM, MAX_ERROR_KM
from frontlines.eval.geo import GeoDocPair, GeoPrediction, auc, score_geo, toponym_errors

KYIV = {"start": 0, "end": 4, "text": "Kyiv", "lat": 50.45, "lon": 30.52, "geonameid": 703448}
TEXT = "Kyiv and Kherson Oblast were hit."
KHERSON_OBLAST = {"start": 9, "end": 23, "text": "Kherson Oblast", "lat": 46.75, "lon": 33.35, "geonameid": None}


def pair(gold, pred, text=TEXT):
    return GeoDocPair(doc_id="d", text=text, gold=gold, pred=pred)


def test_exactly_161_km_counts_as_right():
    lat = math.degrees(161.0 / EARTH_RADIUS_KM)  # 161 km due north of (0, 0)
    gold = [{"start": 0, "end": 4, "text": "Kyiv", "lat": 0.0, "lon": 0.0}]
    pred = [GeoPrediction(start=0, end=4, lat=lat, lon=0.0)]
    score = score_geo([pair(gold, pred)])
    assert score.metrics["median_error_km"] == pytest.approx(161.0)
    assert score.metrics["acc_at_161"] == 1.0


def test_just_over_161_km_is_wrong():
    lat = math.degrees(161.5 / EARTH_RADIUS_KM)
    gold = [{"start": 0, "end": 4, "text": "Kyiv", "lat": 0.0, "lon": 0.0}]
    score = score_geo([pair(gold, [GeoPrediction(start=0, end=4, lat=lat, lon=0.0)])])
    assert score.metrics["acc_at_161"] == 0.0


def test_partial_overlap_is_a_recognition_match():
    pred = [GeoPrediction(start=0, end=4, lat=50.45, lon=30.52), GeoPrediction(start=9, end=16, lat=46.75, lon=33.35)]
    score = score_geo([pair([KYIV, KHERSON_OBLAST], pred)])
    m = score.metrics
    assert (m["recognition_precision"], m["recognition_recall"], m["recognition_f1"]) == (1.0, 1.0, 1.0)
    assert m["acc_at_161"] == 1.0
    assert m["median_error_km"] == pytest.approx(0.0)
    assert m["auc"] == pytest.approx(0.0)


def test_missing_and_unresolved_count_as_20039_km():
    pred = [GeoPrediction(start=9, end=23, lat=None, lon=None)]  # found Kherson Oblast but could not place it
    errors = toponym_errors([KYIV, KHERSON_OBLAST], pred)
    assert errors == [MAX_ERROR_KM, MAX_ERROR_KM]
    m = score_geo([pair([KYIV, KHERSON_OBLAST], pred)]).metrics
    assert m["recognition_precision"] == 1.0 and m["recognition_recall"] == 0.5
    assert m["acc_at_161"] == 0.0
    assert m["mean_error_km"] == MAX_ERROR_KM
    assert m["auc"] == pytest.approx(1.0)


def test_spurious_prediction_lowers_precision_only():
    pred = [GeoPrediction(start=0, end=4, lat=50.45, lon=30.52), GeoPrediction(start=28, end=32, lat=1.0, lon=1.0)]
    m = score_geo([pair([KYIV], pred)]).metrics
    assert m["recognition_precision"] == 0.5 and m["recognition_recall"] == 1.0
    assert m["acc_at_161"] == 1.0


def test_gold_without_coordinates_counts_for_recognition_only():
    gold = [dict(KYIV, lat=None, lon=None)]
    m = score_geo([pair(gold, [GeoPrediction(start=0, end=4)])]).metrics
    assert m["recognition_recall"] == 1.0
    assert m["resolvable"] == 0 and m["acc_at_161"] is None and m["auc"] is None


def test_auc_of_perfect_and_worst_halves():
    assert auc([0.0, MAX_ERROR_KM - 1]) == pytest.approx(0.5)
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([]) is None


def test_empty_documents_no_predictions_no_gold():
    empty = score_geo([pair([], [], text="")]).metrics
    assert empty["recognition_f1"] is None and empty["acc_at_161"] is None
    no_pred = score_geo([pair([KYIV], [])]).metrics
    assert no_pred["recognition_recall"] == 0.0 and no_pred["recognition_precision"] is None
    assert no_pred["recognition_f1"] == 0.0 and no_pred["acc_at_161"] == 0.0
    no_gold = score_geo([pair([], [GeoPrediction(start=0, end=4)])]).metrics
    assert no_gold["recognition_precision"] == 0.0 and no_gold["recognition_recall"] is None
    assert score_geo([]).metrics["recognition_f1"] is None


def test_gold_spans_setting_reports_resolution_only():
    m = score_geo([pair([KYIV], [GeoPrediction(start=0, end=4, lat=50.45, lon=30.52)])], recognition=False).metrics
    assert "recognition_f1" not in m and m["acc_at_161"] == 1.0


def test_worst_case_has_the_largest_loss():
    good = GeoDocPair(doc_id="good", text=TEXT, gold=[KYIV], pred=[GeoPrediction(start=0, end=4, lat=50.45, lon=30.52)])
    bad = GeoDocPair(doc_id="bad", text=TEXT, gold=[KYIV], pred=[])
    cases = score_geo([good, bad]).cases
    assert max(cases, key=lambda c: c.loss).doc_id == "bad"
    assert min(c.loss for c in cases) == 0.0
