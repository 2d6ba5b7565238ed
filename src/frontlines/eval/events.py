"""Event scorer: ACLED-style coded events (FORMAT.md task "events").

Within each document the system's events are paired one to one with the gold
events: first pairs on the same date (within 1 day; for an imprecise gold date,
within 1 day of its date..date_end range) and location within 25 km, then the
remaining gold events take the remaining prediction with the best type match
(same sub_event_type, else same event_type, else any). Over the pairs:

- event_type / sub_event_type accuracy, where the gold types its events;
- date accuracy: exact day where ``date_prec`` is 1 (or absent), else the
  predicted date within ``date``..``date_end``;
- location acc@10km and acc@25km where ``where_prec`` is at most 2 (or absent);
- admin1 accuracy where ``where_prec`` is at most 4 (names compared without
  generic words such as "oblast", "region", "province", case-insensitive);
- actor1_country accuracy unless ``actor1_certain`` is false (a null gold
  country counts, and is right only when the prediction has none either);
- fatalities exact accuracy (a prediction that reports none says 0, as ACLED does);
- event recall (gold events with a pair) and precision (predictions with a pair);
- where the gold gives them (the project's own corpora): PLOVER type, status (happened, claimed,
  denied, ...) and attributed_to accuracy (both unattributed, or sources sharing a significant
  word). Such gold also names its evidence (``evidence_start``/``evidence_end``): a prediction
  read from overlapping words with the same PLOVER type is paired first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.eval.common import Case, Score, ascii_letters, great_circle_km, prf, ratio

MATCH_DAYS = 1
MATCH_KM = 25.0
_GENERIC = re.compile(
    r"\b(oblast|oblast'|region|province|governorate|state|krai|kray|raion|district|republic|of|the)\b"
)


# Ukrainian/Russian adjectival endings of oblast names ("Donetska", "Khersonska"): the same division.
_ADJECTIVAL = frozenset({"a", "ka", "ska", "skaya", "aya", "skyi", "kyi", "skiy"})  # "Kursk" ~ "Kurskaya"


@dataclass(frozen=True, slots=True, kw_only=True)
class EventPrediction:
    """The fields of a predicted event that the scorer compares."""

    event_type: str | None = None
    sub_event_type: str | None = None
    date: dt.date | None = None
    lat: float | None = None
    lon: float | None = None
    location: str | None = None
    admin1: str | None = None
    actor1: str | None = None
    actor1_country: str | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    plover_type: str | None = None
    status: str | None = None
    attributed_to: str | None = None
    evidence_start: int | None = None  # the sentence the event was read from
    evidence_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDocPair:
    doc_id: str
    text: str
    gold: Sequence[dict]
    pred: Sequence[EventPrediction]


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _date_range(g: dict) -> tuple[dt.date, dt.date] | None:
    start = _date(g.get("date"))
    if start is None:
        return None
    end = _date(g.get("date_end")) or start
    return start, max(start, end)


def _near_in_time(g: dict, p: EventPrediction) -> bool:
    rng = _date_range(g)
    if rng is None or p.date is None:
        return False
    slack = dt.timedelta(days=MATCH_DAYS)
    return rng[0] - slack <= p.date <= rng[1] + slack


def distance_km(g: dict, p: EventPrediction) -> float | None:
    """Great-circle distance between gold and predicted location, None if either lacks coordinates."""
    if g.get("lat") is None or g.get("lon") is None or p.lat is None or p.lon is None:
        return None
    return great_circle_km(g["lat"], g["lon"], p.lat, p.lon)


def _type_rank(g: dict, p: EventPrediction) -> int:
    if g.get("sub_event_type") and g.get("sub_event_type") == p.sub_event_type:
        return 2
    if g.get("event_type") and g.get("event_type") == p.event_type:
        return 1
    if not g.get("event_type") and g.get("plover_type") and g.get("plover_type") == p.plover_type:
        return 1  # an event ACLED does not code (a meeting, a statement): its PLOVER type
    return 0


def match_events(gold: Sequence[dict], pred: Sequence[EventPrediction]) -> list[tuple[int, int]]:
    """Pair gold and predicted events of one document (see the module docstring)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    # gold that says which words support it (the project's own corpora): the prediction read
    # from those words, of the same PLOVER type, first
    same_words = []
    for gi, g in enumerate(gold):
        gs, ge = g.get("evidence_start"), g.get("evidence_end")
        if gs is None or ge is None:
            continue
        for pi, p in enumerate(pred):
            if p.evidence_start is None or p.evidence_end is None:
                continue
            overlap = min(ge, p.evidence_end) - max(gs, p.evidence_start)
            if overlap > 0 and g.get("plover_type") and g.get("plover_type") == p.plover_type:
                same_words.append((-_type_rank(g, p), -overlap, gi, pi))
    for _t, _o, gi, pi in sorted(same_words):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    close = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi in used_p:
                continue
            km = distance_km(g, p)
            if km is not None and km <= MATCH_KM and _near_in_time(g, p):
                close.append((km, gi, pi))
    for _km, gi, pi in sorted(close):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    rest = []
    for gi, g in enumerate(gold):
        if gi in used_g:
            continue
        for pi, p in enumerate(pred):
            if pi not in used_p and _may_pair(g, p):
                # Best type first, then the more confident prediction, then order.
                rest.append((-_type_rank(g, p), -p.confidence, gi, pi))
    for _t, _c, gi, pi in sorted(rest):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _may_pair(g: dict, p: EventPrediction) -> bool:
    """Gold that names its evidence pairs only with a prediction read from overlapping words."""
    gs, ge = g.get("evidence_start"), g.get("evidence_end")
    if gs is None or ge is None or p.evidence_start is None or p.evidence_end is None:
        return True
    return min(ge, p.evidence_end) > max(gs, p.evidence_start)


def normalise_admin1(name: str) -> str:
    """Lower-case, drop generic words and everything but letters ("Donetsk oblast" -> "donetsk"); letters
    outside English are spelled in it first (:func:`ascii_letters`: "Bakı" -> "baki", not "bak")."""
    plain = ascii_letters(name)
    return re.sub(r"[^a-z]", "", _GENERIC.sub(" ", plain.lower().replace("’", "'")))


_Y_BEFORE_VOWEL = re.compile(r"y(?=[aeiou])")
_DOUBLED = re.compile(r"(.)\1+")


def spelling_key(name: str) -> str:
    """One key for the romanisations of one Cyrillic name: y before a vowel as i (ya/ia, yi/i,
    ye/ie) and doubled letters once ("Mykolayiv" ~ "Mykolaiv", "Zaporizhzhya" ~ "Zaporizhzhia",
    "Odessa" ~ "Odesa"); applied to an already normalised name."""
    return _DOUBLED.sub(r"\1", _Y_BEFORE_VOWEL.sub("i", name))


def same_admin1(gold: str, pred: str | None) -> bool:
    """Same first-order division, allowing adjectival forms ("Donetska" ~ "Donetsk") and other
    romanisations of the same name ("Mykolayiv" ~ "Mykolaiv"), not "Kyiv" ~ "Kyiv City"."""
    if not pred:
        return False
    a, b = normalise_admin1(gold), normalise_admin1(pred)
    if not a or not b:
        return False
    if a == b or spelling_key(a) == spelling_key(b):
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and long_[len(short):] in _ADJECTIVAL


def _prec(g: dict, key: str) -> int:
    value = g.get(key)
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 1


def date_correct(g: dict, p: EventPrediction) -> bool:
    """Exact day for a precise gold date, inside date..date_end for an imprecise one."""
    rng = _date_range(g)
    if rng is None or p.date is None:
        return False
    if _prec(g, "date_prec") <= 1:
        return p.date == rng[0]
    return rng[0] <= p.date <= rng[1]


_METRICS = ("event_type", "sub_event_type", "date", "location_10km", "location_25km",
            "admin1", "actor1_country", "fatalities", "plover_type", "status", "attributed_to")
_KEYS = {
    "event_type": "event_type_accuracy", "sub_event_type": "sub_event_type_accuracy",
    "date": "date_exact_accuracy", "location_10km": "location_acc_at_10km",
    "location_25km": "location_acc_at_25km", "admin1": "admin1_accuracy",
    "actor1_country": "actor1_country_accuracy", "fatalities": "fatalities_exact_accuracy",
    "plover_type": "plover_type_accuracy", "status": "status_accuracy", "attributed_to": "attributed_to_accuracy",
}
# words that say nothing about who a source is ("the", "ministry" in "the defence ministry")
_SOURCE_STOP = frozenset("the of a an s said says ministry spokesman spokeswoman spokesperson official officials".split())


def same_source(gold: str | None, pred: str | None) -> bool:
    """Both unattributed, or both attributed to sources sharing a significant word
    ("Russian Defence Ministry" ~ "Russia's defence ministry": "russia*" shared by prefix)."""
    if not gold or not pred:
        return not gold and not pred
    def words(x: str) -> set[str]:
        return {w[:5] for w in re.findall(r"[a-z0-9]+", x.lower()) if w not in _SOURCE_STOP}
    a, b = words(gold), words(pred)
    if not a or not b:
        return gold.strip().lower() == pred.strip().lower()
    return bool(a & b)


def judge_pair(g: dict, p: EventPrediction) -> dict[str, bool]:
    """The fields of one pair that the gold's precision allows to be scored, each right or wrong."""
    out: dict[str, bool] = {}
    if g.get("event_type") is not None:
        out["event_type"] = g["event_type"] == p.event_type
    if g.get("sub_event_type") is not None:
        out["sub_event_type"] = g["sub_event_type"] == p.sub_event_type
    if g.get("date") is not None:
        out["date"] = date_correct(g, p)
    where = _prec(g, "where_prec")
    if g.get("lat") is not None and g.get("lon") is not None and where <= 2:
        km = distance_km(g, p)
        out["location_10km"] = km is not None and km <= 10.0
        out["location_25km"] = km is not None and km <= 25.0
    if g.get("admin1") and where <= 4:
        out["admin1"] = same_admin1(g["admin1"], p.admin1)
    if g.get("actor1_certain", True) is not False and "actor1_country" in g and g.get("actor1") is not None:
        out["actor1_country"] = (g.get("actor1_country") or None) == (p.actor1_country or None)
    if g.get("fatalities") is not None:
        out["fatalities"] = int(g["fatalities"]) == (p.fatalities or 0)
    if g.get("plover_type"):
        out["plover_type"] = g["plover_type"] == p.plover_type
    if g.get("status"):
        out["status"] = g["status"] == p.status
    if "attributed_to" in g:
        out["attributed_to"] = same_source(g.get("attributed_to"), p.attributed_to)
    return out


def score_events(docs: Sequence[EventDocPair]) -> Score:
    """Score an events corpus; see the module docstring."""
    judged = dict.fromkeys(_METRICS, 0)
    right = dict.fromkeys(_METRICS, 0)
    n_gold = n_pred = n_pairs = 0
    cases = []
    for d in docs:
        pairs = match_events(d.gold, d.pred)
        n_gold += len(d.gold)
        n_pred += len(d.pred)
        n_pairs += len(pairs)
        wrong = 0
        verdicts = {}
        for gi, pi in pairs:
            v = judge_pair(d.gold[gi], d.pred[pi])
            verdicts[pi] = v
            for name, ok in v.items():
                judged[name] += 1
                right[name] += ok
                wrong += not ok
        loss = (len(d.gold) - len(pairs)) * len(_METRICS) + (len(d.pred) - len(pairs)) + wrong
        cases.append(Case(
            doc_id=d.doc_id, loss=float(loss), text=d.text,
            gold=[_gold_summary(g) for g in d.gold],
            prediction=[_pred_summary(p, verdicts.get(i)) for i, p in enumerate(d.pred)],
        ))
    metrics: dict[str, float | int | None] = {}
    for name in _METRICS:
        metrics[_KEYS[name]] = ratio(right[name], judged[name])
    p, r, f = prf(n_pairs, n_pred, n_pairs, n_gold)
    metrics.update(event_recall=r, event_precision=p, event_f1=f, gold_events=n_gold, predicted=n_pred)
    return Score(metrics=metrics, cases=tuple(cases))


def _gold_summary(g: dict) -> str:
    return (f"{g.get('plover_type') or ''} {g.get('event_type')}/{g.get('sub_event_type')} "
            f"{g.get('status') or ''} {g.get('date')}"
            f"{'..' + str(g.get('date_end')) if g.get('date_end') else ''} (prec {g.get('date_prec', 1)}) "
            f"@{g.get('location')} [{g.get('admin1')}] (prec {g.get('where_prec', 1)}) "
            f"{g.get('actor1')} ({g.get('actor1_country')}) vs {g.get('actor2')} killed={g.get('fatalities')}")


def _pred_summary(p: EventPrediction, verdict: dict[str, bool] | None) -> str:
    head = (f"{p.plover_type} {p.event_type}/{p.sub_event_type} {p.status} {p.date} @{p.location} [{p.admin1}] "
            f"{p.actor1} ({p.actor1_country}) attr={p.attributed_to} killed={p.fatalities}")
    if verdict is None:
        return head + " (unmatched)"
    wrong = [k for k, ok in verdict.items() if not ok]
    return head + (f" (wrong: {', '.join(wrong)})" if wrong else " (all right)")
