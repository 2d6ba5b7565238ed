"""Event scorer: matching rule, precision rules and metrics on hand-made pairs."""

import datetime as dt

import pytest

from frontlines.eval.events import (
    EventDocPair,
    EventPrediction,
    match_events,
    normalise_admin1,
    same_admin1,
    score_events,
)

D = dt.date


def gold_event(**kw):
    base = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
            "date": "2022-11-09", "location": "Kherson", "lat": 46.6354, "lon": 32.6169,
            "admin1": "Kherson oblast", "actor1": "Military Forces of Russia", "actor1_country": "RUS",
            "actor2": "Civilians (Ukraine)", "actor2_country": None, "fatalities": 2}
    base.update(kw)
    return base


def right_prediction(**kw):
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                date=D(2022, 11, 9), lat=46.64, lon=32.62, admin1="Khersonska Oblast",
                actor1="Russian Armed Forces", actor1_country="RUS", fatalities=2)
    base.update(kw)
    return EventPrediction(**base)


def pair(gold, pred):
    return EventDocPair(doc_id="d", text="Russian forces shelled Kherson, killing two.", gold=gold, pred=pred)


def test_all_right():
    m = score_events([pair([gold_event()], [right_prediction()])]).metrics
    for key in ("event_type_accuracy", "sub_event_type_accuracy", "date_exact_accuracy", "location_acc_at_10km",
                "location_acc_at_25km", "admin1_accuracy", "actor1_country_accuracy", "fatalities_exact_accuracy",
                "event_recall", "event_precision"):
        assert m[key] == 1.0, key


def test_date_off_by_one_day_matches_but_is_not_exact():
    m = score_events([pair([gold_event()], [right_prediction(date=D(2022, 11, 10))])]).metrics
    assert m["event_recall"] == 1.0 and m["date_exact_accuracy"] == 0.0


def test_date_and_place_pairing_beats_type():
    gold = [gold_event(), gold_event(date="2022-11-20", lat=47.0971, lon=37.5434, location="Mariupol",
                                     admin1="Donetsk oblast")]
    pred = [right_prediction(lat=47.1, lon=37.55, date=D(2022, 11, 20), sub_event_type="Air/drone strike"),
            right_prediction(sub_event_type="Air/drone strike")]
    assert match_events(gold, pred) == [(0, 1), (1, 0)]


def test_location_within_10_and_25_km():
    # 0.15 degrees of latitude is about 16.7 km: inside 25 km, outside 10 km.
    m = score_events([pair([gold_event()], [right_prediction(lat=46.6354 + 0.15, lon=32.6169)])]).metrics
    assert m["location_acc_at_10km"] == 0.0 and m["location_acc_at_25km"] == 1.0


def test_precision_rules_leave_fields_out():
    g = gold_event(event_type=None, sub_event_type=None, where_prec=4, date_prec=3,
                   date="2022-11-01", date_end="2022-11-30", actor1_certain=False)
    p = right_prediction(date=D(2022, 11, 15), lat=0.0, lon=0.0, actor1_country="UKR")
    m = score_events([pair([g], [p])]).metrics
    assert m["event_type_accuracy"] is None and m["sub_event_type_accuracy"] is None
    assert m["location_acc_at_25km"] is None  # where_prec 4: location not scored
    assert m["admin1_accuracy"] == 1.0  # but admin1 is (up to 4)
    assert m["actor1_country_accuracy"] is None
    assert m["date_exact_accuracy"] == 1.0  # inside date..date_end


def test_where_prec_above_4_leaves_admin1_out_and_date_outside_range_is_wrong():
    g = gold_event(where_prec=5, date_prec=2, date="2022-11-01", date_end="2022-11-07")
    m = score_events([pair([g], [right_prediction(date=D(2022, 11, 9))])]).metrics
    assert m["admin1_accuracy"] is None and m["date_exact_accuracy"] == 0.0


def test_fatalities_missing_prediction_means_zero():
    m = score_events([pair([gold_event(fatalities=0)], [right_prediction(fatalities=None)])]).metrics
    assert m["fatalities_exact_accuracy"] == 1.0
    m = score_events([pair([gold_event(fatalities=3)], [right_prediction(fatalities=None)])]).metrics
    assert m["fatalities_exact_accuracy"] == 0.0


def test_recall_and_precision():
    gold = [gold_event(), gold_event(date="2022-11-12")]
    m = score_events([pair(gold, [right_prediction()])]).metrics
    assert m["event_recall"] == 0.5 and m["event_precision"] == 1.0
    m = score_events([pair([gold_event()], [right_prediction(), right_prediction()])]).metrics
    assert m["event_recall"] == 1.0 and m["event_precision"] == 0.5


def test_edge_cases():
    m = score_events([pair([], [])]).metrics
    assert m["event_recall"] is None and m["date_exact_accuracy"] is None
    m = score_events([pair([gold_event()], [])]).metrics
    assert m["event_recall"] == 0.0 and m["event_precision"] is None and m["event_f1"] == 0.0
    m = score_events([pair([], [right_prediction()])]).metrics
    assert m["event_precision"] == 0.0


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Donetsk oblast", "Donetsk Oblast", True),
        ("Donetsk oblast", "Donetska Oblast", True),
        ("Kherson oblast", "Kharkiv Oblast", False),
        ("Kyiv oblast", "Kyiv City", False),
        ("Kherson oblast", "Khersonska oblast", True),
        ("Zaporizhzhia oblast", None, False),
        # other romanisations of one Cyrillic name (UCDP writes the pre-2010 forms)
        ("Mykolayiv oblast", "Mykolaiv Oblast", True),
        ("Zaporizhzhya oblast", "Zaporizhzhia Oblast", True),
        ("Odessa oblast", "Odesa Oblast", True),
        ("Mykolayiv oblast", "Kherson Oblast", False),
        ("Luhansk oblast", "Lviv Oblast", False),
        # the Russian feminine adjective of a name ending in -sk (GeoNames' "Kurskaya oblast'")
        ("Kursk oblast", "Kurskaya oblast'", True),
        ("Bryansk oblast", "Bryanskaya oblast'", True),
        ("Kursk oblast", "Omskaya oblast'", False),
        ("Baki", "Bakı", True),  # the dotless i is spelled i, not dropped ("bak")
        ("Lankaran", "Lənkəran", True),
        ("Bak", "Bakı", False),
        ("Sanliurfa", "Şanlıurfa", True),
    ],
)
def test_same_admin1(gold, pred, same):
    assert same_admin1(gold, pred) is same


def test_normalise_admin1():
    assert normalise_admin1("Republic of Crimea") == "crimea"
    assert normalise_admin1("Bakı") == "baki"
    assert normalise_admin1("Ağcabədi") == "agcabadi"
