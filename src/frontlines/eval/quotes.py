"""Quote scorer: content spans and speakers (FORMAT.md task "quotes").

- content P/R/F1: a predicted content span matches a gold one when they overlap
  by at least half of the shorter span; pairs are one to one, largest overlap first;
- speaker accuracy over matched quotes whose gold gives a speaker: right when the
  predicted speaker's name (canonical or as written) and the gold speaker share the
  whole name or a surname, case-insensitive. A pronoun resolved to the right person
  counts: gold keeps pronouns as written, so a predicted speaker mention whose span
  overlaps the gold speaker span is right too (it is the same mention);
- the same figures split by the gold ``direct`` flag (PolNeAR's: content at least
  90% inside double quotes). An unmatched prediction falls in the split its own
  ``direct`` flag says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.eval.common import Case, Score, match_one_to_one, overlap, prf, ratio

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Words that never make a surname on their own: honorifics and possessive endings.
_NOT_NAMES = frozenset({"mr", "mrs", "ms", "dr", "sir", "the", "s", "jr", "sr", "president", "minister"})


@dataclass(frozen=True, slots=True, kw_only=True)
class QuotePrediction:
    """A predicted quote: content span, direct flag and speaker (name and/or mention span)."""

    start: int
    end: int
    direct: bool = False
    speaker_name: str | None = None  # canonical name, when the speaker was identified
    speaker_text: str | None = None  # the speaker as written
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteDocPair:
    doc_id: str
    text: str
    gold: Sequence[dict]
    pred: Sequence[QuotePrediction]


def content_weight(g: dict, p: QuotePrediction) -> float:
    """Overlap in characters when it is at least half of the shorter span, else 0."""
    ov = overlap(g["start"], g["end"], p.start, p.end)
    shorter = min(g["end"] - g["start"], p.end - p.start)
    return float(ov) if ov > 0 and 2 * ov >= shorter else 0.0


def _words(name: str) -> list[str]:
    return [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(name)]


def same_speaker(gold_name: str, candidates: Sequence[str | None]) -> bool:
    """True when a candidate and the gold name are the same whole name, or share a surname.

    A surname is a name's last word (honorifics aside); it is shared when it
    appears among the other name's words ("Trump" ~ "Donald J. Trump").
    """
    gold_words = [w for w in _words(gold_name) if w not in _NOT_NAMES]
    if not gold_words:
        gold_words = _words(gold_name)
    for cand in candidates:
        if not cand:
            continue
        if cand.strip().lower() == gold_name.strip().lower():
            return True
        cand_words = [w for w in _words(cand) if w not in _NOT_NAMES]
        if not cand_words or not gold_words:
            continue
        if cand_words[-1] in gold_words or gold_words[-1] in cand_words:
            return True
    return False


def speaker_correct(g: dict, p: QuotePrediction) -> bool:
    """Is the predicted speaker the gold speaker (by name, or by the same mention)?"""
    gs, ge = g.get("speaker_start"), g.get("speaker_end")
    if gs is not None and ge is not None and p.speaker_start is not None and p.speaker_end is not None:
        if overlap(gs, ge, p.speaker_start, p.speaker_end) > 0:
            return True
    return same_speaker(g["speaker"], (p.speaker_name, p.speaker_text))


def score_quotes(docs: Sequence[QuoteDocPair]) -> Score:
    """Score a quotes corpus; see the module docstring."""
    splits = ("all", "direct", "indirect")
    n_gold = dict.fromkeys(splits, 0)
    n_pred = dict.fromkeys(splits, 0)
    matched = dict.fromkeys(splits, 0)
    spk_judged = dict.fromkeys(splits, 0)
    spk_right = dict.fromkeys(splits, 0)
    cases = []
    for d in docs:
        pairs = match_one_to_one(d.gold, d.pred, content_weight)
        gold_of = {pi: gi for gi, pi in pairs}
        for g in d.gold:
            for s in ("all", _split(bool(g.get("direct")))):
                n_gold[s] += 1
        for pi, p in enumerate(d.pred):
            # A matched prediction is judged in its gold's split, an unmatched one in its own.
            is_direct = bool(d.gold[gold_of[pi]].get("direct")) if pi in gold_of else p.direct
            for s in ("all", _split(is_direct)):
                n_pred[s] += 1
        doc_wrong_speaker = 0
        verdicts: dict[int, str] = {}
        for gi, pi in pairs:
            g = d.gold[gi]
            keys = ("all", _split(bool(g.get("direct"))))
            for s in keys:
                matched[s] += 1
            if g.get("speaker"):
                ok = speaker_correct(g, d.pred[pi])
                for s in keys:
                    spk_judged[s] += 1
                    spk_right[s] += ok
                doc_wrong_speaker += not ok
                verdicts[pi] = "speaker ok" if ok else "speaker WRONG"
            else:
                verdicts[pi] = "no gold speaker"
        loss = (len(d.gold) - len(pairs)) + (len(d.pred) - len(pairs)) + doc_wrong_speaker
        cases.append(Case(
            doc_id=d.doc_id, loss=float(loss), text=d.text,
            gold=[f"{g['start']}-{g['end']} {_clip(g.get('text', ''))!r} <- {g.get('speaker')!r}"
                  + (" [direct]" if g.get("direct") else "") for g in d.gold],
            prediction=[f"{p.start}-{p.end} {_clip(d.text[p.start:p.end])!r} <- "
                        f"{p.speaker_name or p.speaker_text!r} ({verdicts.get(i, 'unmatched')})"
                        for i, p in enumerate(d.pred)],
        ))
    metrics: dict[str, float | int | None] = {}
    for s in splits:
        suffix = "" if s == "all" else f"_{s}"
        precision, recall, f1 = prf(matched[s], n_pred[s], matched[s], n_gold[s])
        metrics[f"content_precision{suffix}"] = precision
        metrics[f"content_recall{suffix}"] = recall
        metrics[f"content_f1{suffix}"] = f1
        metrics[f"speaker_accuracy{suffix}"] = ratio(spk_right[s], spk_judged[s])
    metrics.update(gold_quotes=n_gold["all"], gold_direct=n_gold["direct"], predicted=n_pred["all"])
    return Score(metrics=metrics, cases=tuple(cases))


def _split(direct: bool) -> str:
    return "direct" if direct else "indirect"


def _clip(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
