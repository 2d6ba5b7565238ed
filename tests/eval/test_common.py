"""Shared scoring helpers: overlap, P/R/F1, distance, one-to-one matching."""

import math

import pytest

from frontlines.eval.common import EARTH_RADIUS_KM, ascii_letters, great_circle_km, match_one_to_one, overlap, prf


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 5), (3, 8), 2), ((0, 5), (5, 8), 0), ((2, 4), (0, 10), 2), ((0, 0), (0, 3), 0)],
)
def test_overlap(a, b, expected):
    assert overlap(*a, *b) == expected


def test_prf_cases():
    assert prf(1, 2, 1, 4) == pytest.approx((0.5, 0.25, 1 / 3))
    assert prf(0, 0, 0, 0) == (None, None, None)  # nothing predicted, nothing to find
    assert prf(0, 0, 0, 3) == (None, 0.0, 0.0)  # no predictions: recall 0, precision undefined
    assert prf(0, 2, 0, 0) == (0.0, None, 0.0)  # predictions but no gold: precision 0


def test_great_circle_one_degree_of_latitude():
    assert great_circle_km(0, 0, 1, 0) == pytest.approx(math.radians(1) * EARTH_RADIUS_KM)
    assert great_circle_km(50.45, 30.52, 50.45, 30.52) == 0.0
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(math.pi * EARTH_RADIUS_KM)


def test_match_one_to_one_prefers_largest_weight():
    gold = [(0, 10), (20, 30)]
    pred = [(5, 25), (0, 9)]
    pairs = match_one_to_one(gold, pred, lambda g, p: overlap(*g, *p))
    assert pairs == [(0, 1), (1, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bakı", "Baki"),  # dotless i, which NFKD keeps whole, is mapped, not dropped
        ("Diyarbakır", "Diyarbakir"),
        ("İzmir", "Izmir"),  # dotted capital I decomposes to I and a combining dot
        ("Lənkəran", "Lankaran"),  # schwa
        ("Şəki", "Saki"),
        ("Nørrebro", "Norrebro"),
        ("Łódź", "Lodz"),
        ("Tamil Nādu", "Tamil Nadu"),  # an accent only: NFKD alone
        ("Donetsk Oblast", "Donetsk Oblast"),  # plain text unchanged
        ("Tul'skaya", "Tul'skaya"),  # punctuation is left to the caller
    ],
)
def test_ascii_letters(text, expected):
    assert ascii_letters(text) == expected
