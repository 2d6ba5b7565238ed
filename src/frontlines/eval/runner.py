"""Run the real pipeline over gold documents and score what it extracts.

Each gold document becomes an :class:`Article` (its ``published`` date is the
reference date); the articles go through :func:`frontlines.pipeline.process_batch`
(``nlp.pipe`` batching) with the stage chain cut after the stage that writes what
the task scores: stages only read earlier stages' outputs, so the cut chain gives
the same records as the full one, faster. The Extractions are turned into each
scorer's small prediction records and scored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import EvalError
from frontlines.eval.common import Case, Score, rounded
from frontlines.eval.event_type import NO_EVENT, LabelPair, score_event_type
from frontlines.eval.events import EventDocPair, EventPrediction, score_events
from frontlines.eval.geo import GeoDocPair, GeoPrediction, score_geo
from frontlines.eval.quotes import QuoteDocPair, QuotePrediction, score_quotes
from frontlines.eval.reader import GoldDoc, read_gold
from frontlines.eval.time import TimeDocPair, TimePrediction, score_time
from frontlines.pipeline import (
    Failure,
    Resources,
    Stage,
    StageInput,
    build_pipeline,
    default_stages,
    process_batch,
)
from frontlines.records import Article, Event, Extraction, Place

# The Extraction field each task scores: the chain runs up to the stage that writes it.
TASK_FIELD = {"geo": "places", "time": "times", "quotes": "quotes", "events": "events", "event_type": "events"}

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalResult:
    """The scores of one gold file."""

    file: str
    task: str
    docs: int
    metrics: dict[str, float | int | None]
    cases: tuple[Case, ...] = ()
    setting: str = "end_to_end"  # or "gold_spans" (geo)
    failures: int = 0  # documents the pipeline failed on (scored as predicting nothing)
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The JSON form `frontlines eval --json` prints: one object per file."""
        return {"file": self.file, "task": self.task, "setting": self.setting, "docs": self.docs,
                "failures": self.failures, "metrics": rounded(self.metrics)}

    def worst(self, n: int) -> list[Case]:
        """The n cases with the largest loss (ties in corpus order); perfect cases never."""
        ranked = sorted((c for c in self.cases if c.loss > 0), key=lambda c: -c.loss)
        return ranked[:n]


def article_for(doc: GoldDoc) -> Article:
    """The Article a gold document stands for: its id, text, title, source and reference date."""
    return Article(id=doc.id, text=doc.text, title=doc.title, source=doc.source, published=doc.published,
                   language="en", origin=doc.origin)


def chain_for(task: str, stages: Sequence[Stage] | None = None) -> tuple[Stage, ...]:
    """The stage chain, cut after the stage that writes the task's field."""
    stages = list(stages if stages is not None else default_stages())
    target = TASK_FIELD[task]
    for i, stage in enumerate(stages):
        if stage.writes == target:
            return build_pipeline(stages[: i + 1])
    raise EvalError(f"no stage writes {target!r}, which task {task!r} scores", code="E802")


def extract_all(
    docs: Sequence[GoldDoc],
    resources: Resources,
    chain: tuple[Stage, ...],
    *,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> tuple[list[Extraction], int]:
    """Run the chain over the documents, in order; a failed document yields an empty Extraction."""
    extractions: list[Extraction] = []
    failures = 0
    for article, result in process_batch((article_for(d) for d in docs), resources, chain, batch_size=batch_size):
        if isinstance(result, Failure):
            failures += 1
            result = Extraction(article_id=article.id)
        extractions.append(result)
        if progress is not None:
            progress(1)
    return extractions, failures


# --------------------------------------------------------------------------
# Extraction -> scorer predictions
# --------------------------------------------------------------------------

def geo_predictions(places: Sequence[Place | None]) -> list[GeoPrediction]:
    """Every place counts for recognition (metonymic ones too: they are toponyms), except a story
    place named by a common noun ("the town": no toponym); coordinates as resolved."""
    from frontlines.geo.anaphora import is_anaphor

    return [
        GeoPrediction(start=p.evidence.start, end=p.evidence.end, text=p.text, lat=p.lat, lon=p.lon, name=p.name)
        for p in places
        if p is not None and not is_anaphor(p)
    ]


def time_predictions(extraction: Extraction) -> list[TimePrediction]:
    return [
        TimePrediction(start=t.evidence.start, end=t.evidence.end, text=t.text,
                       type=getattr(t.type, "value", t.type), value=t.value)
        for t in extraction.times
    ]


def quote_predictions(extraction: Extraction) -> list[QuotePrediction]:
    out = []
    for q in extraction.quotes:
        spk = q.speaker_evidence
        out.append(QuotePrediction(
            start=q.evidence.start, end=q.evidence.end, direct=q.direct,
            speaker_name=q.speaker.name if q.speaker is not None else None,
            speaker_text=q.speaker_text if q.speaker_text is not None else (q.speaker.text if q.speaker else None),
            speaker_start=spk.start if spk is not None else (q.speaker.evidence.start if q.speaker else None),
            speaker_end=spk.end if spk is not None else (q.speaker.evidence.end if q.speaker else None),
        ))
    return out


def _iso3(value: str | None) -> str | None:
    """A side that is a state's ISO 3166-1 alpha-3 code, else None (FORMAT.md): a non-state side is named by its
    group, and a group's short name may look like a code ("PKK", "CSP") without being one."""
    if not (value and len(value) == 3 and value.isalpha() and value.isupper()):
        return None
    import pycountry

    return value if pycountry.countries.get(alpha_3=value) is not None else None


def event_date(event: Event) -> dt.date | None:
    """The day an event happened: its time's interval start, else a day-precise value."""
    t = event.time
    if t is None:
        return None
    if t.start is not None and (t.end is None or t.end == t.start):
        return t.start
    if t.value and len(t.value) >= 10:
        try:
            return dt.date.fromisoformat(t.value[:10])
        except ValueError:
            pass  # a week's or a weekend's value ("2023-W31-WE"): its interval's start
    return t.start


def event_fatalities(event: Event) -> int | None:
    """Deaths the event reports: the largest "killed" figure (several mentions usually repeat one toll)."""
    figures = [q.value if q.value is not None else q.low for q in event.quantities if q.kind == "killed"]
    values = [v for v in figures if v is not None]
    return int(max(values)) if values else None


def event_predictions(extraction: Extraction) -> list[EventPrediction]:
    out = []
    for e in extraction.events:
        actor = e.sources[0] if e.sources else None
        place = e.place
        out.append(EventPrediction(
            event_type=e.acled_event_type, sub_event_type=e.acled_sub_event_type, date=event_date(e),
            lat=place.lat if place else None, lon=place.lon if place else None,
            location=(place.name or place.text) if place else None, admin1=place.admin1 if place else None,
            actor1=actor.name if actor else None,
            actor1_country=_iso3(actor.side) if actor else None,  # FORMAT.md: the state whose side it is on
            fatalities=event_fatalities(e), confidence=e.confidence,
            plover_type=e.plover_type, status=e.status.value, attributed_to=e.attributed_to,
            evidence_start=e.evidence.start, evidence_end=e.evidence.end,
        ))
    return out


def event_label(extraction: Extraction, scheme: str) -> str:
    """The snippet's label: the most confident event's ACLED sub-type (acled) or PLOVER type (plover)."""
    if not extraction.events:
        return NO_EVENT
    best = max(extraction.events, key=lambda e: e.confidence)  # max keeps the first of equals
    label = best.acled_sub_event_type if scheme == "acled" else best.plover_type
    return label or NO_EVENT


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------

def score(docs: Sequence[GoldDoc], extractions: Sequence[Extraction]) -> Score:
    """Score extractions (in document order) against their gold documents."""
    if len(docs) != len(extractions):
        raise EvalError(f"{len(docs)} gold documents but {len(extractions)} extractions")
    if not docs:
        raise EvalError("no documents to score")
    task = docs[0].task
    pairs = list(zip(docs, extractions))
    if task == "geo":
        return score_geo([GeoDocPair(doc_id=d.id, text=d.text, gold=d.gold["toponyms"],
                                     pred=geo_predictions(x.places)) for d, x in pairs])
    if task == "time":
        return score_time([TimeDocPair(doc_id=d.id, text=d.text, gold=d.gold["timexes"],
                                       pred=time_predictions(x)) for d, x in pairs])
    if task == "quotes":
        return score_quotes([QuoteDocPair(doc_id=d.id, text=d.text, gold=d.gold["quotes"],
                                          pred=quote_predictions(x)) for d, x in pairs])
    if task == "events":
        return score_events([EventDocPair(doc_id=d.id, text=d.text, gold=d.gold["events"],
                                          pred=event_predictions(x)) for d, x in pairs])
    if task == "event_type":
        return score_event_type([LabelPair(doc_id=d.id, text=d.text, gold=d.gold["label"],
                                           pred=event_label(x, d.gold["scheme"])) for d, x in pairs])
    raise EvalError(f"unknown task {task!r}", code="E802")


def resolve_gold_spans(
    docs: Sequence[GoldDoc],
    resources: Resources,
    *,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> Score:
    """Geo with gold spans handed in: ``frontlines.geo.resolve_spans`` resolves each gold toponym."""
    try:
        from frontlines.geo import resolve_spans
    except ImportError as exc:
        raise EvalError("--gold-spans needs frontlines.geo.resolve_spans, which this build lacks") from exc
    pairs = []
    for d, parsed in zip(docs, resources.nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        spans = [(g["start"], g["end"]) for g in d.gold["toponyms"]]
        inp = StageInput(doc=parsed, article=article_for(d), resources=resources, outputs={})
        resolved = resolve_spans(inp, spans) if spans else ()
        pairs.append(GeoDocPair(doc_id=d.id, text=d.text, gold=d.gold["toponyms"],
                                pred=geo_predictions(list(resolved))))
        if progress is not None:
            progress(1)
    return score_geo(pairs, recognition=False)


def evaluate_docs(
    docs: Sequence[GoldDoc],
    resources: Resources,
    *,
    file: str = "",
    gold_spans: bool = False,
    batch_size: int = 64,
    progress: Progress | None = None,
    stages: Sequence[Stage] | None = None,
) -> EvalResult:
    """Run the pipeline on gold documents of one task and score them.

    ``gold_spans`` applies to geo only (the gold toponym spans are resolved
    instead of the system's own); other tasks always run end to end.
    """
    if not docs:
        raise EvalError(f"{file or 'input'}: no documents")
    task = docs[0].task
    if task == "control":
        return _evaluate_control(docs, resources, file=file, batch_size=batch_size, progress=progress)
    if gold_spans and task == "geo":
        result = resolve_gold_spans(docs, resources, batch_size=batch_size, progress=progress)
        return EvalResult(file=file, task=task, docs=len(docs), metrics=result.metrics, cases=result.cases,
                          setting="gold_spans")
    extractions, failures = extract_all(docs, resources, chain_for(task, stages), batch_size=batch_size,
                                        progress=progress)
    result = score(docs, extractions)
    return EvalResult(file=file, task=task, docs=len(docs), metrics=result.metrics, cases=result.cases,
                      failures=failures)


def _evaluate_control(docs: Sequence[GoldDoc], resources: Resources, *, file: str, batch_size: int,
                      progress: Progress | None) -> EvalResult:
    """Control: every article through the whole pipeline into a fresh store, then the state on each fact's date."""
    from frontlines.eval.control import evaluate_control, gold_parts

    articles = [article_for(d) for d in docs if d.gold.get("kind") == "article"]
    settlements, facts = gold_parts((d.id, d.gold) for d in docs)
    if not facts:
        raise EvalError(f"{file or 'input'}: no control facts to score")
    result, failures = evaluate_control(articles, settlements, facts, resources, batch_size=batch_size,
                                        progress=progress)
    return EvalResult(file=file, task="control", docs=len(articles), metrics=result.metrics, cases=result.cases,
                      failures=failures)


def evaluate_file(
    path: str | Path,
    resources: Resources,
    *,
    gold_spans: bool = False,
    limit: int | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> EvalResult:
    """Read a gold file and evaluate the pipeline on it."""
    docs = read_gold(path, limit=limit)
    return evaluate_docs(docs, resources, file=str(path), gold_spans=gold_spans, batch_size=batch_size,
                         progress=progress)
