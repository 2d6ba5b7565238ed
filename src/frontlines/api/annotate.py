"""Turn an article's extraction into highlight spans: where each record sits in the text and what it became.

A span is {kind, start, end, label, details, ref}; offsets are Python string
indices (code points), which the web page honours by slicing code points.
"""

from __future__ import annotations

from typing import Any

from frontlines.records import Actor, Event, Extraction, Place, Quantity, Quote, TimeValue
from frontlines.store.mapping import event_key


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _kv(**items: Any) -> list[str]:
    return [f"{k.replace('_', ' ')}: {_fmt(v)}" for k, v in items.items() if v not in (None, "", (), [])]


def _place(p: Place) -> tuple[str, list[str]]:
    label = f"place → {p.name or 'unresolved'}"
    coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else None
    return label, _kv(kind=p.kind.value if p.kind else None, gazetteer=p.gazetteer_id, admin1=p.admin1,
                      country=p.country, coordinates=coords,
                      precision=p.precision.value if p.precision else None,
                      metonymic="yes" if p.metonymic else None, reason=p.reason)


def _time(t: TimeValue) -> tuple[str, list[str]]:
    span = f"{t.start} … {t.end}" if t.start and t.end and t.start != t.end else (str(t.start) if t.start else None)
    return f"time → {t.value or 'unresolved'}", _kv(type=t.type.value, interval=span, granularity=t.granularity,
                                                     resolution=t.resolution.value, anchor=t.anchor)


def _quantity(q: Quantity) -> tuple[str, list[str]]:
    if q.value is not None:
        amount = _fmt(q.value)
    elif q.low is not None or q.high is not None:
        amount = f"{_fmt(q.low) if q.low is not None else '?'}–{_fmt(q.high) if q.high is not None else '?'}"
    else:
        amount = "?"
    return f"quantity → {amount} {q.kind}", _kv(qualifier=q.qualifier, claimed_by=q.claimed_by)


def _actor(a: Actor) -> tuple[str, list[str]]:
    return f"actor → {a.name}", _kv(kind=a.kind, role=a.role, sector=a.sector.value, country=a.country,
                                    side=a.side, registry=a.registry_id, refers_to=a.coref)


def _quote(q: Quote) -> tuple[str, list[str]]:
    speaker = q.speaker.name if q.speaker else (q.speaker_text or "unknown speaker")
    return f"{'direct' if q.direct else 'indirect'} quote by {speaker}", _kv(cue=q.cue, medium=q.medium)


def _event(e: Event) -> tuple[str, list[str]]:
    acled = " / ".join(x for x in (e.acled_event_type, e.acled_sub_event_type) if x)
    return f"event → {e.plover_type} ({e.status.value})", _kv(
        mode=e.plover_mode, acled=acled or None,
        sources=", ".join(a.name for a in e.sources) or None,
        targets=", ".join(a.name for a in e.targets) or None,
        place=(e.place.name or e.place.text) if e.place else None,
        time=e.time.value if e.time else None,
        quantities=", ".join(_quantity(q)[0].removeprefix("quantity → ") for q in e.quantities) or None,
        attributed_to=e.attributed_to, confidence=round(e.confidence, 2),
    )


def _span(kind: str, ev: Any, label: str, details: list[str], ref: str) -> dict[str, Any]:
    return {"kind": kind, "start": ev.start, "end": ev.end, "label": label, "details": details, "ref": ref}


def article_spans(extraction: Extraction) -> list[dict[str, Any]]:
    """Every highlightable span of an article, sorted by start (longest first on ties)."""
    spans: list[dict[str, Any]] = []
    for i, p in enumerate(extraction.places):
        spans.append(_span("place", p.evidence, *_place(p), ref=f"places/{i}"))
    for i, t in enumerate(extraction.times):
        spans.append(_span("time", t.evidence, *_time(t), ref=f"times/{i}"))
    for i, q in enumerate(extraction.quantities):
        spans.append(_span("quantity", q.evidence, *_quantity(q), ref=f"quantities/{i}"))
    for i, a in enumerate(extraction.actors):
        spans.append(_span("actor", a.evidence, *_actor(a), ref=f"actors/{i}"))
    for i, quote in enumerate(extraction.quotes):
        label, details = _quote(quote)
        spans.append(_span("quote", quote.evidence, label, details, ref=f"quotes/{i}"))
        if quote.speaker_evidence is not None:
            spans.append(_span("speaker", quote.speaker_evidence, f"speaker of quote {i + 1}", [label], f"quotes/{i}"))
        if quote.cue_evidence is not None:
            spans.append(_span("cue", quote.cue_evidence, f"cue of quote {i + 1}: {quote.cue or ''}".strip(), [label],
                               f"quotes/{i}"))
    for i, e in enumerate(extraction.events):
        label, details = _event(e)
        key = event_key(extraction.article_id, i, e)
        ev = e.trigger_evidence or e.evidence
        spans.append({**_span("event", ev, label, details, ref=f"events/{i}"), "event_key": key})
    spans = [s for s in spans if 0 <= s["start"] < s["end"]]
    spans.sort(key=lambda s: (s["start"], -(s["end"] - s["start"])))
    return spans
