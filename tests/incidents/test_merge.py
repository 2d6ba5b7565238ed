"""Merging reports into incidents: the project's test set, order independence, corroboration, ranges."""

from __future__ import annotations

import random
from typing import Any

import pytest

from frontlines.incidents import merge_incidents, pairwise_scores
from frontlines.records import to_dict
from tests.incidents.helpers import FIXTURES, build_report, load_reports

TEST_SET = FIXTURES / "incidents" / "reports.yaml"


@pytest.fixture(scope="module")
def reports() -> tuple[list, dict[str, str]]:
    return load_reports(TEST_SET)


def test_pairwise_precision_and_recall_on_the_test_set(reports: tuple[list, dict[str, str]]) -> None:
    items, gold = reports
    scores = pairwise_scores(merge_incidents(items), gold)
    assert scores.gold >= 40  # the set is not trivially small
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.9, scores


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_any_order_gives_the_same_incidents(reports: tuple[list, dict[str, str]], seed: int) -> None:
    items, _ = reports
    reference = to_dict(merge_incidents(items))
    shuffled = list(items)
    random.Random(seed).shuffle(shuffled)
    assert to_dict(merge_incidents(shuffled)) == reference
    assert to_dict(merge_incidents(reversed(shuffled))) == reference


def test_blocked_sweep_finds_the_same_components_as_every_pair(reports: tuple[list, dict[str, str]]) -> None:
    """components() compares events only within blocks and overlapping dates; comparing every pair agrees."""
    from frontlines.incidents.match import blocks
    from frontlines.incidents.merge import components, linked

    items, _ = reports
    parent = {i.key: i.key for i in items}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    pairs = 0
    for n, a in enumerate(items):
        for b in items[n + 1:]:
            if a.interval is not None and b.interval is not None and linked(a, b):
                pairs += 1
                assert set(blocks(a.event)) & set(blocks(b.event)), (a.key, b.key)  # blocking never splits a link
                parent[find(a.key)] = find(b.key)
    assert pairs >= 40
    brute: dict[str, set[str]] = {}
    for i in items:
        brute.setdefault(find(i.key), set()).add(i.key)
    assert sorted(map(sorted, brute.values())) == sorted(sorted(i.key for i in c) for c in components(items))


def test_incremental_equals_all_at_once(reports: tuple[list, dict[str, str]]) -> None:
    """Merging the component of each new report (what the store update does) ends where a full merge does."""
    from frontlines.incidents.merge import linked

    items, _ = reports
    order = list(items)
    random.Random(7).shuffle(order)
    seen: list = []
    state: dict[str, Any] = {}
    for item in order:
        seen.append(item)
        component = {item.key: item}
        frontier = [item]
        while frontier:
            nxt = [o for o in seen if o.key not in component and any(linked(o, f) for f in frontier)]
            component.update((o.key, o) for o in nxt)
            frontier = nxt
        for inc in list(state.values()):
            if any(r.event_key in component for r in inc.reports):
                del state[inc.id]
        for inc in merge_incidents(component.values()):
            state[inc.id] = inc
    assert sorted(to_dict(list(state.values())), key=lambda d: d["id"]) == sorted(
        to_dict(list(merge_incidents(items))), key=lambda d: d["id"])


def _incident(specs: list[dict[str, Any]]) -> Any:
    places = {"hroza": {"name": "Hroza", "gid": "fx:hroza", "lat": 49.62, "lon": 37.77, "admin1": "Kharkiv Oblast"}}
    base = {"type": "ASSAULT", "mode": "artillery", "place": "hroza", "when": "2023-10-05", "by": ["RUS"],
            "published": "2023-10-05", "acled": ["Explosions/Remote violence", "Shelling/artillery/missile attack"]}
    items = [build_report({**base, "key": f"e{i}", "article": f"A{i}", **s}, places) for i, s in enumerate(specs)]
    incidents = merge_incidents(items)
    assert len(incidents) == 1, incidents
    return incidents[0]


CORROBORATION = [
    ("one outlet", [{"source": "Reuters"}], "single-source", ()),
    ("one outlet twice", [{"source": "Reuters"}, {"source": "Reuters"}], "single-source", ()),
    ("a party's own claim", [{"source": "Reuters", "attributed": "Ukrainian military"}], "claimed-by-party", ()),
    ("three outlets relay one ministry", [{"source": s, "attributed": "Russian Defence Ministry"}
                                          for s in ("Reuters", "AP", "BBC News")], "claimed-by-party", ()),
    ("two outlets", [{"source": "Reuters"}, {"source": "AP"}], "independent", ()),
    ("two outlets and a claim", [{"source": "Reuters"}, {"source": "AP"}, {"source": "TASS", "attributed": "Russian Defence Ministry"}],
     "independent", ()),
    ("a denial", [{"source": "Reuters"}, {"source": "AP"}, {"source": "TASS", "status": "denied", "attributed": "Kremlin spokesman"}],
     "disputed", ("denial",)),
    ("another side blamed", [{"source": "Reuters"}, {"source": "RIA", "by": ["UKR"], "attributed": "Russian Defence Ministry"}],
     "disputed", ("different actor",)),
    ("incompatible numbers, same day", [{"source": "Reuters", "killed": 3}, {"source": "TASS", "killed": 60}],
     "disputed", ("incompatible killed",)),
    ("a toll rising over days", [{"source": "Reuters", "killed": 3}, {"source": "AP", "killed": 20, "published": "2023-10-09"}],
     "independent", ()),
]


@pytest.mark.parametrize(("case", "specs", "expected", "reasons"), CORROBORATION, ids=[c[0] for c in CORROBORATION])
def test_corroboration(case: str, specs: list[dict[str, Any]], expected: str, reasons: tuple[str, ...]) -> None:
    inc = _incident(specs)
    assert inc.corroboration == expected
    assert inc.reasons == reasons


def test_sources_counted_and_numbers_ranged() -> None:
    inc = _incident([
        {"source": "Reuters", "killed": 3, "published": "2023-10-06"},
        {"source": "AP", "killed": [4, 5]},
        {"source": "Reuters", "killed": 4, "published": "2023-10-07"},
        {"source": "Ukrainian Air Force", "attributed": "Ukrainian Air Force", "injured": 7},
    ])
    assert inc.quantity_ranges == {"injured": (7.0, 7.0), "killed": (3.0, 5.0)}
    assert inc.independent_sources == 2
    assert inc.party_claims == 1
    assert len(inc.reports) == 4
    assert [r.independent for r in inc.reports].count(False) == 1
    assert inc.earliest_report.isoformat() == "2023-10-05"
    assert (inc.start, inc.end) == (inc.start, inc.start)
    assert inc.place.name == "Hroza"


def test_incident_keeps_the_most_precise_place_and_the_common_dates() -> None:
    places = {
        "hroza": {"name": "Hroza", "gid": "fx:hroza", "lat": 49.62, "lon": 37.77, "admin1": "Kharkiv Oblast"},
        "oblast": {"name": "Kharkiv Oblast", "gid": "fx:kh", "kind": "admin1", "lat": 49.5, "lon": 36.6,
                   "admin1": "Kharkiv Oblast", "precision": "admin1"},
    }
    base = {"type": "ASSAULT", "acled": ["Explosions/Remote violence", "Air/drone strike"], "by": ["RUS"]}
    items = [
        build_report({**base, "key": "x1", "article": "A", "place": "oblast", "when": "2023-10", "published": "2023-10-20"}, places),
        build_report({**base, "key": "x2", "article": "B", "place": "hroza", "when": "2023-10-05", "published": "2023-10-05"}, places),
    ]
    (inc,) = merge_incidents(items)
    assert inc.place.name == "Hroza"
    assert inc.start.isoformat() == inc.end.isoformat() == "2023-10-05"


def test_hypothetical_events_form_no_incident() -> None:
    places = {"hroza": {"name": "Hroza", "gid": "fx:hroza", "lat": 49.62, "lon": 37.77}}
    item = build_report({"key": "h", "article": "A", "type": "ASSAULT", "place": "hroza", "when": "2023-10-05",
                         "published": "2023-10-05", "status": "hypothetical"}, places)
    assert merge_incidents([item]) == ()


def _incident_review(action: str, keys: list[str], rest: list[str] = (), at: int = 0) -> Any:
    import datetime as dt

    from frontlines.records import IncidentAction, IncidentReview

    return IncidentReview(action=IncidentAction(action), event_keys=tuple(keys), rest=tuple(rest), user="ann",
                          at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=at))


def _groups(incidents: Any) -> list[set[str]]:
    return sorted(({r.event_key for r in i.reports} for i in incidents), key=lambda g: (len(g), min(g)))


def test_analysts_merges_and_splits_are_honoured(reports: tuple[list, dict[str, str]]) -> None:
    items, _ = reports
    plain = merge_incidents(items)
    big = max(plain, key=lambda i: len(i.reports))
    keys = [r.event_key for r in big.reports]
    assert len(keys) >= 2
    singles = [i for i in plain if len(i.reports) == 1][:2]
    a, b = (i.reports[0].event_key for i in singles)
    merged = merge_incidents(items, [_incident_review("merge", [a, b])])
    assert {a, b} in _groups(merged) and len(merged) == len(plain) - 1
    split = merge_incidents(items, [_incident_review("split", keys[:1], keys[1:])])
    assert {keys[0]} in _groups(split) and set(keys[1:]) in _groups(split) and len(split) == len(plain) + 1
    # the later review stands: merged back after the split
    again = merge_incidents(items, [_incident_review("split", keys[:1], keys[1:]),
                                    _incident_review("merge", keys, at=1)])
    assert set(keys) in _groups(again)
    # honoured in any order of the reports, and a review naming events no longer there changes nothing
    shuffled = list(items)
    random.Random(7).shuffle(shuffled)
    assert to_dict(merge_incidents(shuffled, [_incident_review("merge", [a, b])])) == to_dict(merged)
    assert to_dict(merge_incidents(items, [_incident_review("merge", ["gone-1", "gone-2"])])) == to_dict(plain)
