"""What every scorer shares: the score record, span overlap, P/R/F1, great-circle distance.

Scorers are pure functions: gold items and predicted items in, a :class:`Score` out.
They never touch spaCy or the pipeline; the runner turns Extractions into the
small prediction records each scorer defines.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

# Latin letters that NFKD leaves whole (no base letter plus a combining mark), as English text writes
# them: Turkish and Azerbaijani dotless i and schwa (ə as "a": Lənkəran -> Lankaran, Şəki -> Shaki),
# Nordic, Polish, Croatian and Maltese letters, the Icelandic thorn and eth
_LETTERS_NFKD_KEEPS = str.maketrans({
    "ı": "i", "ə": "a", "Ə": "A", "ǝ": "a", "ɨ": "i", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe",
    "Œ": "Oe", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "Ng",
})


def ascii_letters(text: str) -> str:
    """``text`` in plain Latin letters: accents dropped (NFKD, combining marks removed) and the letters
    NFKD does not decompose mapped to their usual English spelling ("Bakı" -> "Baki", "Şəmkir" ->
    "Samkir", "Nørrebro" -> "Norrebro"); other characters stay as they are."""
    plain = unicodedata.normalize("NFKD", text.translate(_LETTERS_NFKD_KEEPS))
    return "".join(c for c in plain if not unicodedata.combining(c))


EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), as geopy's great_circle uses
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error a missing answer counts as


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """One document's outcome, kept so that ``--errors N`` can show the worst ones."""

    doc_id: str
    loss: float  # 0 = perfect; larger = worse; comparable within one task
    text: str
    gold: Any
    prediction: Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """Metrics of one corpus (name -> value; None where undefined, e.g. no gold) and per-doc cases."""

    metrics: dict[str, float | int | None]
    cases: tuple[Case, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share (0 when disjoint)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def ratio(num: float, den: float) -> float | None:
    """num/den, or None when the denominator is 0 (a metric with nothing to judge)."""
    return num / den if den else None


def prf(matched_pred: int, n_pred: int, matched_gold: int, n_gold: int) -> tuple[float | None, ...]:
    """Precision, recall and F1. No predictions and no gold gives None (nothing to judge);
    predictions against no gold gives precision 0; F1 is 0 when P+R is 0."""
    p = ratio(matched_pred, n_pred)
    r = ratio(matched_gold, n_gold)
    if p is None and r is None:
        return None, None, None
    pv = p if p is not None else 0.0
    rv = r if r is not None else 0.0
    f = 2 * pv * rv / (pv + rv) if pv + rv else 0.0
    return p, r, f


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine on a sphere of mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


G = TypeVar("G")
P = TypeVar("P")


def match_one_to_one(
    gold: Sequence[G],
    pred: Sequence[P],
    weight: Callable[[G, P], float],
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: pairs with the largest positive weight first.

    Returns (gold index, prediction index) pairs. Greedy by weight is what the
    TempEval and quote scorers do in practice, and it is deterministic: ties go
    to the earlier gold, then the earlier prediction.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            w = weight(g, p)
            if w > 0:
                candidates.append((-w, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _w, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def rounded(metrics: dict[str, float | int | None], digits: int = 4) -> dict[str, float | int | None]:
    """Round float metrics for display and JSON; ints and None stay as they are."""
    return {k: (round(v, digits) if isinstance(v, float) else v) for k, v in metrics.items()}
