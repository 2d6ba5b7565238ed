"""CI gate: the pipeline on the project's own gold sets must not score below the pinned floors.

The floors live in src/frontlines/eval/floors.toml with each corpus's sha256: a
changed corpus fails the hash test until the floors are deliberately re-pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.eval import evaluate_file
from frontlines.eval.floors import load_floors, sha256_file, violations


ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "eval"
PINNED = load_floors()
CORPORA = sorted(p.name for p in FIXTURES.glob("*.jsonl"))
# The project's own corpora kept outside the fixtures (their own folder, README and build script);
# a corpus split into tune and check halves is gated on its check half (rules are written on tune).
OWN = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "corpus").glob("*/*.jsonl") if not p.name.endswith("-tune.jsonl"))


def _file(pinned):
    return ROOT / pinned.path if pinned.path else FIXTURES / pinned.name


def test_every_fixture_corpus_has_floors():
    assert sorted(c.name for c in PINNED if c.path is None) == CORPORA
    assert sorted(c.path for c in PINNED if c.path is not None) == OWN


@pytest.mark.parametrize("pinned", PINNED, ids=[c.name for c in PINNED])
def test_corpus_hash_matches(pinned):
    assert sha256_file(_file(pinned)) == pinned.sha256, (
        f"{pinned.name} changed: re-run the eval and update its sha256 and floors in floors.toml, in its own commit"
    )


@pytest.mark.parametrize("pinned", PINNED, ids=[c.name for c in PINNED])
def test_metrics_at_or_above_floors(pinned, resources):
    result = evaluate_file(_file(pinned), resources)
    assert result.failures == 0, f"the pipeline failed on {result.failures} documents"
    assert violations(result.metrics, pinned) == []
