"""The quantity lexicon: number words, vague amounts, qualifiers and counted-noun kinds
(``data/events/quantities.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources as importlib_resources

import yaml

from frontlines.errors import FrontlinesError


@dataclass(frozen=True, slots=True)
class QuantityLexicon:
    """Number words, vague amounts, qualifiers and counted-noun kinds."""

    numbers: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]]  # first word -> longest first
    qualifiers: dict[str, list[tuple[tuple[str, ...], str]]]  # last word -> longest first
    nouns: dict[str, str]
    outcomes: dict[str, str]


def load_quantity_lexicon() -> QuantityLexicon:
    """Load the packaged quantity lexicon (data/events/quantities.yaml)."""
    path = importlib_resources.files("frontlines") / "data" / "events" / "quantities.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrontlinesError(f"{path}: {exc}", code="E601") from exc
    vague: dict[str, list[tuple[tuple[str, ...], tuple[float, float]]]] = {}
    for phrase, (low, high) in data["vague"].items():
        words = tuple(phrase.split())
        vague.setdefault(words[0], []).append((words, (float(low), float(high))))
    for vague_entries in vague.values():
        vague_entries.sort(key=lambda e: -len(e[0]))
    qualifiers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, qual in data["qualifiers"].items():
        words = tuple(phrase.split())
        qualifiers.setdefault(words[-1], []).append((words, qual))
    for qualifier_entries in qualifiers.values():
        qualifier_entries.sort(key=lambda e: -len(e[0]))
    return QuantityLexicon(
        numbers={str(k): float(v) for k, v in data["numbers"].items()},
        multipliers={str(k): float(v) for k, v in data["multipliers"].items()},
        vague=vague,
        qualifiers=qualifiers,
        nouns={str(k): str(v) for k, v in data["nouns"].items()},
        outcomes={str(k): str(v) for k, v in data["outcomes"].items()},
    )
