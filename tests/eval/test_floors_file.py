"""The floors checker itself: margins, ceilings, missing metrics, a malformed file."""

import pytest

from frontlines.errors import EvalError
from frontlines.eval.floors import CorpusFloors, load_floors, violations

PINNED = CorpusFloors(name="c.jsonl", sha256="x", margin=0.02, floors={"f1": 0.5}, ceilings={"auc": 0.5})


@pytest.mark.parametrize(
    ("metrics", "failing"),
    [
        ({"f1": 0.5, "auc": 0.5}, []),
        ({"f1": 0.481, "auc": 0.51}, []),  # inside the margin
        ({"f1": 0.47, "auc": 0.5}, ["f1"]),
        ({"f1": 0.6, "auc": 0.52}, ["auc"]),
        ({"f1": None, "auc": None}, ["f1", "auc"]),  # a metric that went missing fails
        ({}, ["f1", "auc"]),
    ],
)
def test_violations(metrics, failing):
    found = violations(metrics, PINNED)
    assert [line.split(": ")[1].split(" ")[0] for line in found] == failing


def test_load_floors(tmp_path):
    path = tmp_path / "floors.toml"
    path.write_text('margin = 0.03\n[corpus."a.jsonl"]\nsha256 = "ab"\n[corpus."a.jsonl".floors]\nf1 = 0.4\n')
    (pinned,) = load_floors(path)
    assert pinned.margin == 0.03 and pinned.floors == {"f1": 0.4} and pinned.ceilings == {}
    path.write_text('[corpus."a.jsonl"]\nfloors = {}\n')
    with pytest.raises(EvalError, match="sha256"):
        load_floors(path)
    with pytest.raises(EvalError, match="E801"):
        load_floors(tmp_path / "missing.toml")
