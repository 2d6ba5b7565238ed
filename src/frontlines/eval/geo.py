"""Geo scorer: toponym recognition and resolution, as FORMAT.md defines them.

- recognition: precision/recall/F1 of predicted place spans against gold spans,
  a match being any character overlap (a prediction counts as right when it
  overlaps some gold toponym, a gold toponym as found when some prediction
  overlaps it);
- resolution: for each gold toponym with coordinates, the great-circle error
  to the predicted place whose span overlaps it most; no overlapping prediction,
  or one without coordinates, counts as 20,039 km. acc@161, median and mean
  error, and AUC as in Gritta et al. 2019 (area under the sorted curve of
  log(1+error)/log(20039), normalised to [0, 1], lower is better).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.eval.common import MAX_ERROR_KM, Case, Score, great_circle_km, overlap, prf

ACC_KM = 161.0  # 100 miles, the usual geocoding threshold
_LOG_MAX = math.log(MAX_ERROR_KM)  # FORMAT.md: log(1+error)/log(20039)


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoPrediction:
    """A predicted place span with its coordinates (None when unresolved)."""

    start: int
    end: int
    text: str = ""
    lat: float | None = None
    lon: float | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoDocPair:
    """Gold toponyms (FORMAT.md dicts) and the predictions for one document."""

    doc_id: str
    text: str
    gold: Sequence[dict]
    pred: Sequence[GeoPrediction]


def toponym_errors(gold: Sequence[dict], pred: Sequence[GeoPrediction]) -> list[float | None]:
    """Per gold toponym: error in km, MAX_ERROR_KM when unresolved, None when gold has no coordinates."""
    errors: list[float | None] = []
    for g in gold:
        if g.get("lat") is None or g.get("lon") is None:
            errors.append(None)
            continue
        best: GeoPrediction | None = None
        best_ov = 0
        for p in pred:
            ov = overlap(g["start"], g["end"], p.start, p.end)
            if ov > best_ov:  # strict: ties keep the earlier prediction
                best, best_ov = p, ov
        if best is None or best.lat is None or best.lon is None:
            errors.append(MAX_ERROR_KM)
        else:
            errors.append(min(MAX_ERROR_KM, great_circle_km(g["lat"], g["lon"], best.lat, best.lon)))
    return errors


def auc(errors: Sequence[float]) -> float | None:
    """Gritta et al.'s AUC: trapezoid area under sorted log(1+error)/log(20039), over n-1 unit steps.

    One error gives its own scaled log error (a single point has no width).
    """
    if not errors:
        return None
    ys = sorted(min(1.0, math.log1p(e) / _LOG_MAX) for e in errors)  # 20,039 km scores exactly 1
    if len(ys) == 1:
        return ys[0]
    area = sum((a + b) / 2 for a, b in zip(ys, ys[1:]))
    return area / (len(ys) - 1)


def resolution_metrics(errors: Sequence[float]) -> dict[str, float | int | None]:
    """acc@161, median/mean error km and AUC over the gold toponyms that have coordinates."""
    if not errors:
        return {"acc_at_161": None, "median_error_km": None, "mean_error_km": None, "auc": None,
                "resolvable": 0}
    return {
        # The epsilon keeps an error of exactly 161 km (as computed in floating point) inside.
        "acc_at_161": sum(1 for e in errors if e <= ACC_KM + 1e-6) / len(errors),
        "median_error_km": statistics.median(errors),
        "mean_error_km": statistics.fmean(errors),
        "auc": auc(errors),
        "resolvable": len(errors),
    }


def score_geo(docs: Sequence[GeoDocPair], *, recognition: bool = True) -> Score:
    """Score a corpus. ``recognition=False`` (gold spans handed in) reports resolution only."""
    n_gold = n_pred = found_gold = right_pred = 0
    all_errors: list[float] = []
    cases = []
    for d in docs:
        gold_found = sum(1 for g in d.gold if any(overlap(g["start"], g["end"], p.start, p.end) for p in d.pred))
        pred_right = sum(1 for p in d.pred if any(overlap(g["start"], g["end"], p.start, p.end) for g in d.gold))
        n_gold += len(d.gold)
        n_pred += len(d.pred)
        found_gold += gold_found
        right_pred += pred_right
        errs = toponym_errors(d.gold, d.pred)
        doc_errors = [e for e in errs if e is not None]
        all_errors.extend(doc_errors)
        # Loss: mean scaled log error of the doc's toponyms plus its spurious predictions.
        spurious = len(d.pred) - pred_right
        log_err = sum(math.log1p(e) / _LOG_MAX for e in doc_errors)
        missed_unresolvable = sum(1 for g, e in zip(d.gold, errs) if e is None and not any(
            overlap(g["start"], g["end"], p.start, p.end) for p in d.pred))
        loss = log_err + spurious + missed_unresolvable
        cases.append(Case(
            doc_id=d.doc_id, loss=loss, text=d.text,
            gold=[_gold_summary(g, e) for g, e in zip(d.gold, errs)],
            prediction=[_pred_summary(p) for p in d.pred],
        ))
    metrics: dict[str, float | int | None] = {}
    if recognition:
        p, r, f = prf(right_pred, n_pred, found_gold, n_gold)
        metrics.update(recognition_precision=p, recognition_recall=r, recognition_f1=f)
    metrics.update(resolution_metrics(all_errors))
    metrics.update(gold_toponyms=n_gold, predicted=n_pred)
    return Score(metrics=metrics, cases=tuple(cases))


def _gold_summary(g: dict, err: float | None) -> str:
    where = f"({g['lat']:.2f},{g['lon']:.2f})" if g.get("lat") is not None else "(no coords)"
    miss = "" if err is None else f" err={err:.0f}km"
    return f"{g['start']}-{g['end']} {g.get('text', '')!r} {where}{miss}"


def _pred_summary(p: GeoPrediction) -> str:
    where = f"({p.lat:.2f},{p.lon:.2f})" if p.lat is not None and p.lon is not None else "(unresolved)"
    return f"{p.start}-{p.end} {p.text!r} {p.name or ''} {where}".replace("  ", " ")
