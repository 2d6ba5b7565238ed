"""Accuracy floors: the least each metric may score on the project's own gold sets.

The floors file (``floors.toml`` beside this module) pins, per corpus (a file of
tests/fixtures/eval, or ``path`` from the repository root), the corpus's sha256, a noise margin, ``floors`` for metrics where higher is better
and ``ceilings`` for those where lower is better (error km, AUC). A metric fails
when it drops below ``floor - margin`` or rises above ``ceiling * (1 + margin)``.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import EvalError

FLOORS_FILE = Path(__file__).with_name("floors.toml")


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusFloors:
    """The pinned floors of one corpus."""

    name: str  # file name, relative to the fixtures folder
    sha256: str
    path: str | None = None  # a corpus kept elsewhere in the repository (corpus/control/...), from its root
    margin: float
    floors: dict[str, float] = field(default_factory=dict)
    ceilings: dict[str, float] = field(default_factory=dict)


def sha256_file(path: str | Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_floors(path: str | Path = FLOORS_FILE) -> list[CorpusFloors]:
    """Read the floors file; raises EvalError (E801) when it is missing or malformed."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EvalError(f"{path}: {exc}") from exc
    default_margin = float(data.get("margin", 0.0))
    out = []
    for name, entry in data.get("corpus", {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
            raise EvalError(f"{path}: corpus {name!r} needs a sha256")
        out.append(CorpusFloors(
            name=name,
            sha256=entry["sha256"],
            path=str(entry["path"]) if entry.get("path") else None,
            margin=float(entry.get("margin", default_margin)),
            floors={k: float(v) for k, v in entry.get("floors", {}).items()},
            ceilings={k: float(v) for k, v in entry.get("ceilings", {}).items()},
        ))
    return out


def violations(metrics: dict[str, Any], pinned: CorpusFloors) -> list[str]:
    """Every metric of ``metrics`` outside its floor or ceiling (with the margin), as readable lines.

    A pinned metric that is missing or undefined (None) counts as 0 against a floor
    and as failing a ceiling, so that a stage that stops producing output is caught.
    """
    out = []
    for name, floor in pinned.floors.items():
        value = metrics.get(name)
        got = 0.0 if value is None else float(value)
        if got < floor - pinned.margin:
            out.append(f"{pinned.name}: {name} = {got:.4f} < floor {floor:.4f} - margin {pinned.margin}")
    for name, ceiling in pinned.ceilings.items():
        value = metrics.get(name)
        if value is None or float(value) > ceiling * (1 + pinned.margin):
            out.append(f"{pinned.name}: {name} = {value} > ceiling {ceiling} (+{pinned.margin:.0%})")
    return out
