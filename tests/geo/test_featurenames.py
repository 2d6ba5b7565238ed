"""geo.featurenames: a feature's name a village elsewhere bears is the feature of the story's city."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from frontlines.geo.context import feature_name
from frontlines.geo.featurenames import village_features
from frontlines.geo.gazetteer import Candidate
from frontlines.records import PlaceKind


def _c(gid: str, name: str, pop: int, lat: float, lon: float, kind: PlaceKind = PlaceKind.SETTLEMENT) -> Candidate:
    return Candidate(rowid=0, gid=gid, name=name, kind=kind, lat=lat, lon=lon, country="USA", admin1=None,
                     admin1_gid=None, admin2_gid=None, population=pop, capital=False, metonym=False, main=True)


def _it(text: str, best: Candidate, **kw) -> SimpleNamespace:  # noqa: ANN003
    base = dict(text=text, best=best, override=None, partial=False, note="", demonym=False, hint=None)
    base.update(kw)
    return SimpleNamespace(**base)


_CHICAGO = _it("Chicago", _c("chi", "Chicago", 2_700_000, 41.85, -87.65))
_GRANT_PARK = _c("gp", "Grant Park", 1_300, 41.24, -87.65)  # a village 68 km south


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        ((_CHICAGO, _it("Grant Park", _GRANT_PARK)), {"Grant Park"}),
        # negatives: no city in the story; a suburb within the city's reach; a town large enough to be meant;
        # a name with no feature's head; a kind word or a container next to the name
        ((_it("Joliet", _c("j", "Joliet", 90_000, 41.53, -88.08)), _it("Grant Park", _GRANT_PARK)), set()),
        ((_CHICAGO, _it("Forest Park", _c("fp", "Forest Park", 8_000, 41.88, -87.81))), set()),
        ((_CHICAGO, _it("Highland Park", _c("hp", "Highland Park", 30_000, 42.18, -87.80))), set()),
        ((_CHICAGO, _it("Grant", _c("g", "Grant", 1_300, 41.24, -87.65))), set()),
        ((_CHICAGO, _it("Grant Park", _GRANT_PARK, hint=PlaceKind.SETTLEMENT)), set()),
        ((_CHICAGO, _it("Grant Park", _GRANT_PARK, note="inside Illinois, written next to it")), set()),
    ],
)
def test_a_village_bearing_a_features_name(story, expected) -> None:
    out = village_features(story)
    assert {it.text for it in story if id(it) in out} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Grant Park", True), ("Queen Street", True), ("St. Giles Cathedral", True),
    ("Park", False), ("Parkville", False), ("Park City", False),
])
def test_feature_name(text: str, expected: bool) -> None:
    assert feature_name(text) is expected
