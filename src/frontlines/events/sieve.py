"""The sieve: a small learned keep/drop decision over the STRUCTURE of each drafted event.

Every rule before it decides from what a sentence says; the sieve decides from how the draft came to be:
its PLOVER type and status, the trigger's part of speech and clause, its lexicon class (the trigger's
``refine`` entry, never the word itself), the realis cues (modal, frame), whether it is quoted or
attributed, which roles were found (doers, undergoers, place, date, quantities, deaths), how far its date
lies from the publication, where in the article it is told (sentence and paragraph, relative; the lead),
how many drafts share its sentence and article, how many earlier drafts of its type (with its place, with its
day) the article holds, the ranking's confidence, whether its place was borrowed (a dateline, a seat), how many
tellings were merged into it, and whether it hangs on another trigger. Beside the structure, the article around the
draft (:data:`CONTEXT`: paragraph, position, a quoted sentence, the sentence's own date, place and number, the tense
and aspect of its verb, a clause of saying above it) and the parse's own token vectors (:data:`TENSOR`: ``doc.tensor``
at the trigger and its means over the sentence and the article), each a named group of :data:`GROUPS`.

A Sieve is a logistic regression over these rows, each feature standardised by its training rows' mean and
spread; a draft whose probability of being an event the annotators coded falls under the threshold is
dropped, its reason naming the features that pulled it down most (:meth:`Sieve.decide`). The stage runs one
only when it is injected as ``Resources.event_sieve``: ``corpus/events/train_sieve.py`` measures one by
article-grouped cross-validation on the tune half of the events corpus (and only that half), writes its
weights and scores with them. Neither the seventeenth session (structure) nor the eighteenth (with the context
and the token vectors, and boosted stumps or a small perceptron) measured a gain of 1.5 points of F1 on the tune
folds, so none is packaged (docs/accuracy.md, "Seventeenth session, branch sieve", "Eighteenth session, branch
sieve2").
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from frontlines.errors import SieveError
from frontlines.events.draft import Draft, live
from frontlines.events.lexicon import SPEECH_TYPES
from frontlines.records import EventStatus

FORMAT = "frontlines.events.sieve/1"

PLOVER = ("ASSAULT", "COERCE", "REQUEST", "THREATEN", "PROTEST", "MOBILIZE", "AGREE", "CONCEDE", "CONSULT",
          "AID", "RETREAT", "REJECT", "ACCUSE", "SANCTION", "SUPPORT")
STATUS = tuple(s.value for s in EventStatus)
# the lexicon's classes of triggers (triggers.yaml, ``refine``): how a trigger is refined, not which word it is
REFINE = ("weapon", "violence", "protest", "riot", "take", "territory", "agree", "people", "strike", "crowd",
          "consequence", "conflict", "munition", "comms", "halt")
POS = ("VERB", "NOUN", "PROPN")
CLAUSE = ("ROOT", "conj", "advcl", "relcl", "xcomp", "ccomp", "acl", "pobj", "dobj", "nsubj", "nsubjpass",
          "compound", "appos")
MODAL = ("future", "would", "must", "modal", "if")
# the how of a borrowed place (Place.reason): the report's dateline, a release's dateline, a seat of power
_DATELINE = ("(dateline)", "the release's dateline")
_SEAT = ("seat of power", "the speaker's seat", "capital")


def _names() -> tuple[str, ...]:
    names = [f"plover={p}" for p in PLOVER] + [f"status={s}" for s in STATUS] + [f"class={r}" for r in REFINE]
    names += [f"pos={p}" for p in POS] + [f"clause={c}" for c in CLAUSE] + [f"modal={m}" for m in MODAL]
    names += [
        "retyped", "has_sub_type", "trigger_weight", "multiword_trigger", "framed", "shared_modal",
        "in_quote", "attributed", "has_doer", "doer_has_side", "has_undergoer", "has_place", "place_borrowed",
        "place_dateline", "place_seat", "place_country_only", "place_metonymic", "has_date", "date_default",
        "log_days_before", "date_after_publication", "date_undated", "has_quantities", "has_deaths",
        "sentence_rel", "paragraph_rel", "lead_sentence", "first_paragraph", "log_in_sentence", "log_in_article",
        "log_earlier_same_type", "log_earlier_type_place", "log_earlier_type_day", "confidence",
        "log_tellings_absorbed", "governor_is_trigger", "governor_is_speech", "log_depth", "log_sentence_tokens",
        "not_happened", "speech_type", "speech_attributed", "violent_not_happened",
    ]
    return tuple(names)


# the article's structure around the draft (eighteenth session): cheap reads of the parse and the other stages
CONTEXT: tuple[str, ...] = (
    "log_paragraph", "char_rel", "sentence_quoted", "sentence_quote_mark", "sentence_own_date",
    "sentence_own_place", "sentence_number", "date_over_month", "verb_past", "verb_present", "verb_perfect",
    "verb_progressive", "verb_passive", "verb_after_modal", "verb_is_noun_clause", "under_ccomp", "under_speech",
    "sentence_first_person", "sentence_question",
)
TENSOR_WIDTH = 96  # en_core_web_sm's tok2vec output (doc.tensor), read where the parse left it
TENSOR_PARTS = ("trigger", "sentence", "article")
TENSOR: tuple[str, ...] = tuple(f"tensor_{part}_{k}" for part in TENSOR_PARTS for k in range(TENSOR_WIDTH))
# the groups the training script ablates; a Sieve may use any union of them (the names it was fitted on)
GROUPS: dict[str, tuple[str, ...]] = {
    "structure": _names(), "context": CONTEXT,
    **{f"tensor_{part}": tuple(n for n in TENSOR if n.startswith(f"tensor_{part}_")) for part in TENSOR_PARTS},
}
FEATURES: tuple[str, ...] = _names() + CONTEXT + TENSOR
_AT = {name: i for i, name in enumerate(FEATURES)}
_STRUCT_AT = {name: i for i, name in enumerate(GROUPS["structure"])}
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


@dataclass(frozen=True, slots=True)
class Article:
    """What the features read of the article as a whole."""

    published: dt.date | None
    sentences: int
    paragraphs: int
    quotes: Sequence[tuple[int, int]] = ()  # character spans of the quotations
    trigger_heads: Mapping[int, str] = field(default_factory=dict)  # every draft's trigger head -> its type
    drafts: Sequence[Draft] = ()  # every draft, merged ones too (a merged one names the draft it joined)
    text_length: int = 0  # the article's characters
    dates: Sequence[int] = ()  # start characters of the times the time stage found, sorted
    places: Sequence[int] = ()  # start characters of the places the places stage found, sorted
    speech: frozenset[str] = frozenset()  # the lexicon's verbs of saying (lemmas)


def features(kept: Sequence[Draft], article: Article, confidences: Sequence[float],
             doc: Any = None) -> np.ndarray:
    """One row of :data:`FEATURES` per draft, in order (drafts x features): the structure of each draft, the
    article around it (:data:`CONTEXT`) and, when ``doc`` carries the tagger's token vectors, those at the trigger
    and their means over its sentence and over the article (:data:`TENSOR`; zeros when the parse kept none)."""
    out = np.zeros((len(kept), len(FEATURES)))
    if not kept:
        return out
    n_struct = len(GROUPS["structure"])
    out[:, :n_struct] = structure(kept, article, confidences)
    out[:, n_struct:n_struct + len(CONTEXT)] = context(kept, article, doc)
    out[:, n_struct + len(CONTEXT):] = tensor(kept, doc)
    return out


def tensor(kept: Sequence[Draft], doc: Any) -> np.ndarray:
    """The token vectors (``doc.tensor``) at each draft's trigger head, their mean over its sentence and over the
    article: one numpy pass per article. Zeros when the parse kept no vectors of the expected width."""
    out = np.zeros((len(kept), len(TENSOR)))
    t = getattr(doc, "tensor", None)
    if t is None or getattr(t, "ndim", 0) != 2 or t.shape[1] != TENSOR_WIDTH or t.shape[0] != len(doc):
        return out
    heads = np.fromiter((d.trigger.head.i for d in kept), dtype=int, count=len(kept))
    starts = np.fromiter((d.sent.start for d in kept), dtype=int, count=len(kept))
    ends = np.fromiter((d.sent.end for d in kept), dtype=int, count=len(kept))
    cum = np.vstack([np.zeros((1, TENSOR_WIDTH)), np.cumsum(t, axis=0, dtype=float)])
    w = TENSOR_WIDTH
    out[:, :w] = t[heads]
    out[:, w:2 * w] = (cum[ends] - cum[starts]) / np.maximum(1, ends - starts)[:, None]
    out[:, 2 * w:] = cum[-1] / max(1, t.shape[0])
    return out


def _clause_verb(head: Any) -> Any:
    """The verb whose tense tells the draft's: the trigger itself when it is a verb, else the verb it hangs on."""
    tok, steps = head, 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok if tok.pos_ in ("VERB", "AUX") else None


def _sentence_marks(sent: Any, article: Article, numbers: np.ndarray, firsts: np.ndarray) -> list[float]:
    """What a sentence holds whatever its draft: quoted, a quotation mark, its own date, place and number, a
    first person, a question (``numbers`` and ``firsts``: running counts over the Doc's tokens)."""
    lo, hi = sent.start_char, sent.end_char
    text = sent.text
    covered = sum(max(0, min(e, hi) - max(s, lo)) for s, e in article.quotes)

    def within(starts: Sequence[int]) -> bool:
        k = bisect.bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    return [min(1.0, covered / max(1, hi - lo)), float(any(m in text for m in _QUOTE_MARKS)),
            float(within(article.dates)), float(within(article.places)),
            float(numbers[sent.end] > numbers[sent.start]), float(firsts[sent.end] > firsts[sent.start]),
            float(text.rstrip().endswith("?"))]


_SENTENCE_MARKS = ("sentence_quoted", "sentence_quote_mark", "sentence_own_date", "sentence_own_place",
                   "sentence_number", "sentence_first_person", "sentence_question")


def context(kept: Sequence[Draft], article: Article, doc: Any = None) -> np.ndarray:
    """The :data:`CONTEXT` row of each draft: where in the article it is told, whether its sentence is quoted or
    has its own date, place or number, the tense and aspect of its verb, and whether a clause of saying governs it.
    ``article.dates`` and ``article.places`` are sorted start characters."""
    out = np.zeros((len(kept), len(CONTEXT)))
    if not kept:
        return out
    at = {name: i for i, name in enumerate(CONTEXT)}
    marks = [at[n] for n in _SENTENCE_MARKS]
    doc = doc if doc is not None else kept[0].sent.doc
    # running counts of numbers and first persons over the Doc's tokens: a sentence's own is a difference of two
    attrs = doc.to_array(["LIKE_NUM", "LOWER"])
    first_person = np.array([doc.vocab.strings[w] for w in _FIRST_PERSON], dtype=attrs.dtype)
    numbers = np.concatenate([[0], np.cumsum(attrs[:, 0] != 0)])
    firsts = np.concatenate([[0], np.cumsum(np.isin(attrs[:, 1], first_person))])
    by_sentence: dict[int, list[float]] = {}
    for r, d in enumerate(kept):
        row = out[r]
        head, sent = d.trigger.head, d.sent
        if sent.start not in by_sentence:
            by_sentence[sent.start] = _sentence_marks(sent, article, numbers, firsts)
        row[marks] = by_sentence[sent.start]
        row[at["log_paragraph"]] = math.log1p(d.paragraph)
        row[at["char_rel"]] = head.idx / max(1, article.text_length)
        t = d.time
        if t is not None and t.start is not None and article.published is not None:
            row[at["date_over_month"]] = abs((article.published - t.start).days) > 31
        verb = _clause_verb(head)
        row[at["verb_is_noun_clause"]] = verb is not None and verb.i != head.i
        if verb is not None:
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            tags = {verb.tag_, *(c.tag_ for c in aux)}
            lemmas = {c.lemma_.lower() for c in aux}
            row[at["verb_past"]] = bool(tags & {"VBD"})
            row[at["verb_present"]] = bool(tags & {"VBZ", "VBP"})
            row[at["verb_perfect"]] = "have" in lemmas and verb.tag_ == "VBN"
            row[at["verb_progressive"]] = "be" in lemmas and verb.tag_ == "VBG"
            row[at["verb_passive"]] = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
            row[at["verb_after_modal"]] = any(c.tag_ == "MD" for c in aux)
        tok, steps, ccomp, speech = head, 0, False, False
        while tok.head.i != tok.i and steps < 6:
            ccomp = ccomp or tok.dep_ in ("ccomp", "parataxis")
            tok, steps = tok.head, steps + 1
            speech = speech or (ccomp and tok.lemma_.lower() in article.speech)
        row[at["under_ccomp"]] = ccomp
        row[at["under_speech"]] = speech
    return out


def structure(kept: Sequence[Draft], article: Article, confidences: Sequence[float]) -> list[list[float]]:
    """One row of the structural features (:data:`GROUPS` ``structure``) per draft, in order."""
    per_sentence = Counter(d.sent_idx for d in kept)
    absorbed = Counter(id(live(g)) for g in article.drafts if g.merged_into is not None)
    seen_type: Counter[str] = Counter()
    seen_place: Counter[tuple[str, str]] = Counter()
    seen_day: Counter[tuple[str, Any]] = Counter()
    rows = []
    for d, conf in zip(kept, confidences):
        row = [0.0] * len(_STRUCT_AT)

        def put(name: str, value: float = 1.0) -> None:
            i = _STRUCT_AT.get(name)
            if i is not None:
                row[i] = float(value)

        head = d.trigger.head
        plover = d.typing.plover
        put(f"plover={plover}")
        put(f"status={d.realis.status.value}")
        put(f"class={d.trigger.spec.refine}")
        put(f"pos={head.pos_}")
        put(f"clause={head.dep_}")
        put(f"modal={d.realis.modal}")
        put("retyped", plover != d.trigger.spec.plover)
        put("has_sub_type", d.typing.acled_sub is not None)
        put("trigger_weight", d.trigger.spec.weight)
        put("multiword_trigger", len(d.trigger.tokens) > 1)
        put("framed", d.realis.frame is not None)
        put("shared_modal", d.realis.shared_modal is not None)
        put("in_quote", any(s <= head.idx < e for s, e in article.quotes))
        put("attributed", d.realis.attributed_to is not None)
        put("has_doer", bool(d.sources))
        put("doer_has_side", any(a.side for a in d.sources))
        put("has_undergoer", bool(d.targets))
        place = d.place
        place_key = ""
        if place is not None:
            place_key = place.gazetteer_id or (place.name or place.text).lower()
            reason = place.reason or ""
            put("has_place")
            put("place_borrowed", "place" in d.inherited or ";" in reason)
            put("place_dateline", any(r in reason for r in _DATELINE))
            put("place_seat", any(r in reason for r in _SEAT))
            put("place_country_only", place.precision is not None and place.precision.value in ("country", "region"))
            put("place_metonymic", place.metonymic)
        day = None
        t = d.time
        if t is None or t.start is None:
            put("date_undated")
        else:
            put("has_date")
            put("date_default", t.resolution.value == "default")
            day = t.start
            if article.published is not None:
                days = (article.published - t.start).days
                put("log_days_before", math.log1p(max(0, days)))
                put("date_after_publication", days < 0)
        put("has_quantities", bool(d.quantities))
        put("has_deaths", any(q.kind == "killed" for q in d.quantities))
        put("sentence_rel", d.sent_idx / max(1, article.sentences - 1))
        put("paragraph_rel", d.paragraph / max(1, article.paragraphs - 1))
        put("lead_sentence", d.sent_idx == 0)
        put("first_paragraph", d.paragraph == 0)
        put("log_in_sentence", math.log(per_sentence[d.sent_idx]))
        put("log_in_article", math.log(len(kept)))
        put("log_earlier_same_type", math.log1p(seen_type[plover]))
        put("log_earlier_type_place", math.log1p(seen_place[(plover, place_key)]) if place_key else 0.0)
        put("log_earlier_type_day", math.log1p(seen_day[(plover, day)]) if day is not None else 0.0)
        put("confidence", conf)
        put("log_tellings_absorbed", math.log1p(absorbed[id(d)]))
        governor = head.head.head if head.head.pos_ == "ADP" else head.head
        gov_type = article.trigger_heads.get(governor.i) if governor.i != head.i else None
        put("governor_is_trigger", gov_type is not None)
        put("governor_is_speech", gov_type in SPEECH_TYPES)
        depth, tok = 0, head
        while tok.head.i != tok.i and depth < 8:
            depth, tok = depth + 1, tok.head
        put("log_depth", math.log1p(depth))
        put("log_sentence_tokens", math.log(max(1, len(d.sent))))
        happened = d.realis.status is EventStatus.HAPPENED
        put("not_happened", not happened)
        put("speech_type", plover in SPEECH_TYPES)
        put("speech_attributed", plover in SPEECH_TYPES and d.realis.attributed_to is not None)
        put("violent_not_happened", plover == "ASSAULT" and not happened)
        seen_type[plover] += 1
        if place_key:
            seen_place[(plover, place_key)] += 1
        if day is not None:
            seen_day[(plover, day)] += 1
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class Verdict:
    """The sieve's word on one draft: keep or drop, its probability and, for a drop, why."""

    keep: bool
    probability: float
    reason: str = ""


class Decides(Protocol):
    """What the stage is handed as ``Resources.event_sieve``: a Sieve, or a stand-in (a test's, the training
    script's recorder, which keeps every draft and notes its row)."""

    def decide(self, rows: Any, *, article_id: str = "") -> list[Verdict]: ...


REBUILD = "python corpus/events/train_sieve.py --out src/frontlines/data/events/sieve.json"


@dataclass(frozen=True, slots=True)
class Sieve:
    """A logistic regression over standardised features (any subset of :data:`FEATURES`, by name): drop a draft
    whose probability falls under ``threshold``."""

    version: str
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    def _z(self, x: np.ndarray) -> np.ndarray:
        """Each standardised feature's pull on each row (rows x the sieve's features)."""
        cols = [_AT[n] for n in self.names]
        return (x[:, cols] - np.asarray(self.mean)) / np.asarray(self.scale) * np.asarray(self.weights)

    def contributions(self, row: Sequence[float]) -> list[float]:
        return [float(v) for v in self._z(np.asarray(row, dtype=float)[None, :])[0]]

    def probability(self, row: Sequence[float]) -> float:
        return float(self.probabilities(np.asarray(row, dtype=float)[None, :])[0])

    def probabilities(self, rows: Any) -> np.ndarray:
        x = np.asarray(rows, dtype=float).reshape(-1, len(FEATURES))
        z = self.bias + self._z(x).sum(axis=1)
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -60.0, 60.0))))

    def decide(self, rows: Any, *, article_id: str = "") -> list[Verdict]:
        x = np.asarray(rows, dtype=float).reshape(-1, len(FEATURES))
        pulls = self._z(x)
        probs = 1.0 / (1.0 + np.exp(-np.clip(self.bias + pulls.sum(axis=1), -60.0, 60.0)))
        out = []
        for p, pull in zip(probs.tolist(), pulls):
            if p >= self.threshold:
                out.append(Verdict(True, p))
                continue
            parts = sorted(zip(pull.tolist(), self.names))[:3]
            why = ", ".join(f"{name} {c:+.2f}" for c, name in parts if c < 0)
            out.append(Verdict(False, p, f"sieve v{self.version}: p={p:.2f} < {self.threshold:.2f}; {why}"))
        return out

    def to_json(self) -> dict[str, Any]:
        data = {"format": FORMAT, "version": self.version, "threshold": self.threshold, "bias": self.bias,
                "features": [{"name": n, "mean": m, "scale": s, "weight": w}
                             for n, m, s, w in zip(self.names, self.mean, self.scale, self.weights)],
                "meta": self.meta}
        data["sha256"] = checksum(data)
        return data


def checksum(data: Mapping[str, Any]) -> str:
    """The SHA-256 of a sieve's JSON form without its own checksum (keys sorted): a file edited or cut short by
    hand no longer matches it."""
    body = {k: v for k, v in data.items() if k != "sha256"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=True).encode("ascii")).hexdigest()


def sieve_from_json(data: Any, where: str = "sieve") -> Sieve:
    """A Sieve from its JSON form; a coded error (E602, naming the command that rebuilds the packaged file) when it
    is not one, its checksum does not match, or it names a feature the extractor does not make."""
    try:
        if data.get("format") != FORMAT:
            raise SieveError(f"{where}: format {data.get('format')!r}, expected {FORMAT!r}; rebuild: {REBUILD}")
        if data.get("sha256") != checksum(data):
            raise SieveError(f"{where}: the checksum does not match its contents; rebuild: {REBUILD}")
        feats = data["features"]
        names = tuple(str(f["name"]) for f in feats)
        sieve = Sieve(version=str(data["version"]), names=names,
                      mean=tuple(float(f["mean"]) for f in feats), scale=tuple(float(f["scale"]) for f in feats),
                      weights=tuple(float(f["weight"]) for f in feats), bias=float(data["bias"]),
                      threshold=float(data["threshold"]), meta=dict(data.get("meta") or {}))
    except SieveError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise SieveError(f"{where}: {exc.__class__.__name__}: {exc}; rebuild: {REBUILD}") from exc
    unknown = [n for n in names if n not in _AT]
    if not names or unknown or len(set(names)) != len(names):
        raise SieveError(f"{where}: its features are not the extractor's ({unknown[:3] or 'none or repeated'}); "
                         f"rebuild: {REBUILD}")
    if any(s <= 0 or not math.isfinite(s) for s in sieve.scale) or not 0.0 <= sieve.threshold <= 1.0:
        raise SieveError(f"{where}: a feature's scale is not positive or the threshold is not a probability; "
                         f"rebuild: {REBUILD}")
    return sieve


def load_sieve(path: Path) -> Sieve:
    """The sieve stored at ``path``; E602 when the file is missing, unreadable or not a sieve."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SieveError(f"{path}: missing; rebuild: {REBUILD}") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SieveError(f"{path}: {exc}; rebuild: {REBUILD}") from exc
    return sieve_from_json(data, str(path))


def sieve_from(resources: Any) -> Decides | None:
    """The sieve injected as ``resources.event_sieve``, if any. None: no sieve (the default). The one the
    tune half was measured with did not beat the chain on its own folds (docs/accuracy.md, seventeenth
    session, branch sieve), so none is packaged; ``corpus/events/train_sieve.py`` builds one and scores with it."""
    return resources.event_sieve


def sift(kept: list[Draft], rows: Any, sieve: Decides, *,
         article_id: str = "") -> list[tuple[Draft, Verdict]]:
    """Mark the drafts the sieve drops as dropped; the drops with their verdicts (a pure step over its inputs)."""
    gone = []
    for d, verdict in zip(kept, sieve.decide(rows, article_id=article_id), strict=True):
        if not verdict.keep:
            d.dropped = True
            gone.append((d, verdict))
    return gone


__all__ = ["Article", "CONTEXT", "Decides", "FEATURES", "GROUPS", "TENSOR", "Sieve", "SieveError", "Verdict", "features", "load_sieve",
           "sieve_from", "sieve_from_json", "sift"]
