"""The control task: its lines, the tune/check split, and state accuracy over dated facts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontlines.errors import EvalError
from frontlines.eval import evaluate_file, read_gold
from frontlines.eval.control import GoldFact, GoldSettlement, score_control, split_of
from frontlines.records import ControlChange, Evidence, Place, PlaceKind


def _place(name: str, lat: float = 48.0, lon: float = 38.0) -> Place:
    return Place(text=name, evidence=Evidence(article_id="a", start=0, end=len(name), text=name), name=name,
                 kind=PlaceKind.SETTLEMENT, lat=lat, lon=lon)


def _period(name: str, side: str, day: str, **place: float) -> ControlChange:
    return ControlChange(settlement=_place(name, **place), to_side=side, date=dt.date.fromisoformat(day))


SETTLEMENTS = {
    "bakhmut": GoldSettlement(id="bakhmut", name="Bakhmut", aliases=("Artemivsk",), lat=48.595, lon=38.0,
                              held_before="UKR"),
    "izium": GoldSettlement(id="izium", name="Izium", lat=49.21, lon=37.257, held_before="UKR"),
}


def _fact(settlement: str, day: str, side: str, rule: str = "capture") -> GoldFact:
    return GoldFact(id=f"{settlement}@{day}", settlement=settlement, date=dt.date.fromisoformat(day), side=side,
                    rule=rule)


def test_state_is_the_period_in_force_else_the_holder_before() -> None:
    timelines = {"g:1": (_period("Artemivsk", "RUS", "2023-05-20"),),  # matched by alias
                 "g:2": (_period("Izyum", "RUS", "2022-04-01", lat=49.2, lon=37.26),)}  # matched by coordinates
    facts = [_fact("bakhmut", "2023-04-04", "UKR", "premature"), _fact("bakhmut", "2023-05-22", "RUS"),
             _fact("izium", "2022-04-10", "RUS"), _fact("izium", "2022-03-29", "RUS", "towards")]
    score = score_control(facts, SETTLEMENTS, timelines)
    assert score.metrics["state_accuracy"] == 0.75
    assert score.metrics["rule:capture"] == 1.0 and score.metrics["rule:towards"] == 0.0
    assert score.metrics["facts"] == 4
    (wrong,) = [c for c in score.cases if c.loss]
    assert wrong.doc_id == "izium@2022-03-29" and wrong.gold == "side RUS"


def test_a_spurious_change_is_wrong() -> None:
    timelines = {"g:1": (_period("Bakhmut", "RUS", "2023-01-18"),)}  # "the approaches to Bakhmut" read as a capture
    score = score_control([_fact("bakhmut", "2023-01-20", "UKR", "towards")], SETTLEMENTS, timelines)
    assert score.metrics["state_accuracy"] == 0.0


def test_split_is_stable_and_three_in_five() -> None:
    ids = [f"f{i}" for i in range(2000)]
    tune = sum(split_of(i) == "tune" for i in ids)
    assert 0.55 < tune / len(ids) < 0.65
    assert split_of("kherson@2022-11-12") == split_of("kherson@2022-11-12")


def _write(tmp_path: Path, lines: list[dict]) -> Path:
    path = tmp_path / "control.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "message"), [
    ({"id": "x", "task": "control"}, "kind"),
    ({"id": "x", "task": "control", "kind": "article"}, "text"),
    ({"id": "x", "task": "control", "kind": "fact", "settlement": "s", "date": "2022-13-01", "side": "UKR"}, "date"),
    ({"id": "x", "task": "control", "kind": "fact", "settlement": "s", "date": "2022-01-01"}, "side"),
])
def test_bad_lines(tmp_path: Path, line: dict, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        read_gold(_write(tmp_path, [line]))


ARTICLES = [
    {"id": "a2", "task": "control", "kind": "article", "published": "2022-09-10", "source": "Harbour Post",
     "text": "Ukrainian forces recaptured Izium on Saturday after Russian troops abandoned the city."},
    {"id": "a1", "task": "control", "kind": "article", "published": "2022-04-01", "source": "Capital Times",
     "text": "The Russian defence ministry said on Friday its forces had taken full control of Izium."},
    {"id": "a0", "task": "control", "kind": "article", "published": "2022-03-28", "source": "Eastern Dispatch",
     "text": "Heavy fighting continued on the outskirts of Izium as Russian forces pushed towards the city."},
]


def test_end_to_end_on_a_small_file(tmp_path: Path, resources) -> None:  # noqa: ANN001
    lines = [*ARTICLES,
             {"id": "izium", "task": "control", "kind": "settlement", "name": "Izium", "aliases": ["Izyum"],
              "lat": 49.21, "lon": 37.257, "held_before": "UKR"},
             {"id": "izium@2022-03-29", "task": "control", "kind": "fact", "settlement": "izium",
              "date": "2022-03-29", "side": "UKR", "rule": "towards"},
             {"id": "izium@2022-04-10", "task": "control", "kind": "fact", "settlement": "izium",
              "date": "2022-04-10", "side": "RUS", "rule": "capture"},
             {"id": "izium@2022-09-12", "task": "control", "kind": "fact", "settlement": "izium",
              "date": "2022-09-12", "side": "UKR", "rule": "recapture"}]
    result = evaluate_file(_write(tmp_path, lines), resources)
    assert result.task == "control" and result.docs == 3 and result.failures == 0
    assert result.metrics["state_accuracy"] == 1.0, [c for c in result.cases if c.loss]
