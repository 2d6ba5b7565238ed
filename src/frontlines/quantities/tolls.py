"""Tolls: the casualty figure a map marker may show, decided once for the API.

Only the dead and the wounded size or number a marker. Population, area,
distance, money, troop and equipment counts never do: "a city of 1,800,000"
is not a toll. A vague amount ("dozens", "tens of thousands") keeps its words
and its range; it sizes the marker by its lower bound but puts no number on
it, so the marker never shows a number its popup does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# The kinds that count people killed or wounded, in the order a marker prefers them.
CASUALTY_KINDS = ("killed", "injured", "casualties")
_LABEL = {"killed": "killed", "injured": "injured", "casualties": "killed or injured"}


def short_number(n: float) -> str:
    """A number short enough for a marker: 9, 240, 1.2k, 12k, 1.5M."""
    if n >= 1e6:
        return f"{n / 1e6:.{0 if n >= 1e7 else 1}f}M"
    if n >= 1e3:
        return f"{n / 1e3:.{0 if n >= 1e4 else 1}f}k"
    return str(int(round(n)))


def _number_text(n: float) -> str:
    return f"{int(n):,}" if float(n).is_integer() else f"{n:,}"


def _exact(q: Mapping[str, Any]) -> float | None:
    value = q.get("value")
    return float(value) if isinstance(value, (int, float)) else None


def casualty_figure(quantities: Iterable[Mapping[str, Any]] | None) -> dict[str, Any] | None:
    """The casualty figure of an event's quantities (as stored dicts), or None when it has none.

    Returns ``{"kind", "value", "low", "high", "vague", "marker", "size", "label", "parts"}``:
    ``kind`` and ``value`` are the figure the marker stands for (killed before injured; the largest
    exact figure of that kind, else the first vague one); ``marker`` is the text drawn on the marker
    ("24", or "" for a vague amount); ``size`` the number that sizes it; ``label`` the words the popup
    shows ("24 killed, 50 injured" or "dozens killed or injured (24 to 99)"), which always contain
    ``marker``; ``parts`` one entry per casualty kind.
    """
    by_kind: dict[str, list[Mapping[str, Any]]] = {}
    for q in quantities or ():
        if q.get("kind") in CASUALTY_KINDS:
            by_kind.setdefault(q["kind"], []).append(q)
    parts: list[dict[str, Any]] = []
    for kind in CASUALTY_KINDS:
        qs = by_kind.get(kind)
        if not qs:
            continue
        exact = [v for v in (_exact(q) for q in qs) if v is not None]
        if exact:
            value = max(exact)
            short, full = short_number(value), _number_text(value)
            number = full if short == full else f"{full} ({short})"  # the marker's own text is in the popup
            parts.append({"kind": kind, "value": value, "low": value, "high": value, "vague": False,
                          "marker": short, "text": f"{number} {_LABEL[kind]}"})
            continue
        q = qs[0]
        low, high = q.get("low"), q.get("high")
        words = " ".join(str(q.get("text") or "").split()) or "an unknown number"
        bounds = f" ({_number_text(low)} to {_number_text(high)})" if low is not None and high is not None else ""
        parts.append({"kind": kind, "value": None, "low": low, "high": high, "vague": True, "marker": "",
                      "text": f"{words} {_LABEL[kind]}{bounds}" if kind not in words.lower() else f"{words}{bounds}"})
    if not parts:
        return None
    first = parts[0]
    size = first["value"] if first["value"] is not None else first["low"]
    return {"kind": first["kind"], "value": first["value"], "low": first["low"], "high": first["high"],
            "vague": first["vague"], "marker": first["marker"], "size": size,
            "label": ", ".join(p["text"] for p in parts), "parts": parts}


def casualty_range_figure(ranges: Mapping[str, Iterable[float]] | None) -> dict[str, Any] | None:
    """The casualty figure of an incident's per-kind ranges across its reports (same shape as above).

    The marker of an incident shows its number of reports, never this; the popup shows ``label``.
    """
    parts: list[dict[str, Any]] = []
    for kind in CASUALTY_KINDS:
        bounds = [float(b) for b in (ranges or {}).get(kind) or ()]
        if not bounds:
            continue
        lo, hi = min(bounds), max(bounds)
        text = _number_text(lo) if lo == hi else f"{_number_text(lo)} to {_number_text(hi)}"
        parts.append({"kind": kind, "value": hi if lo == hi else None, "low": lo, "high": hi, "vague": lo != hi,
                      "marker": short_number(hi) if lo == hi else "", "text": f"{text} {_LABEL[kind]}"})
    if not parts:
        return None
    first = parts[0]
    return {"kind": first["kind"], "value": first["value"], "low": first["low"], "high": first["high"],
            "vague": first["vague"], "marker": first["marker"], "size": first["high"],
            "label": ", ".join(p["text"] for p in parts), "parts": parts}
