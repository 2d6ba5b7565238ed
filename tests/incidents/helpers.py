"""Hand-built reported events for incident and control tests, from a compact YAML form.

A report names its article, outlet, publication date, event type, place (a key
into the file's ``places``), date or date range, acting and target sides,
numbers, status and attribution; the helper turns it into the records the
events stage would produce (Event with Place, TimeValue, Actor, Quantity).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from frontlines.incidents import ReportedEvent
from frontlines.records import (
    Actor,
    Event,
    EventStatus,
    Evidence,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Resolution,
    Sector,
    TimeValue,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

_SIDE_NAMES = {"RUS": "Russian Armed Forces", "UKR": "Armed Forces of Ukraine"}


def evidence(article: str, text: str) -> Evidence:
    return Evidence(article_id=article, start=0, end=len(text), text=text)


def place(article: str, spec: dict[str, Any]) -> Place:
    """A resolved Place from a places entry: name, gid, lat, lon, admin1, kind, precision, anchor."""
    return Place(
        text=spec.get("text", spec["name"]),
        evidence=evidence(article, spec.get("text", spec["name"])),
        name=spec["name"],
        gazetteer_id=spec.get("gid"),
        kind=PlaceKind(spec.get("kind", "settlement")),
        lat=spec.get("lat"),
        lon=spec.get("lon"),
        admin1=spec.get("admin1"),
        country=spec.get("country", "UKR"),
        precision=Precision(spec.get("precision", "exact")),
        anchor=spec.get("anchor"),
    )


def actor(article: str, side: str, sector: str = "military") -> Actor:
    name = _SIDE_NAMES.get(side, side)
    return Actor(text=name, evidence=evidence(article, name), name=name, kind="group", country=side,
                 sector=Sector(sector), side=side)


def time_value(article: str, when: Any) -> TimeValue | None:
    """A date ("2022-04-08"), a month ("2022-03"), or a [start, end] pair."""
    if when is None:
        return None
    if isinstance(when, list):
        start, end = (dt.date.fromisoformat(str(w)) for w in when)
        return TimeValue(text=f"{start}..{end}", evidence=evidence(article, "between"), value=None,
                         start=start, end=end, granularity="day")
    text = str(when)
    if len(text) == 7:
        start = dt.date.fromisoformat(text + "-01")
        nxt = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return TimeValue(text=text, evidence=evidence(article, text), value=text, start=start,
                         end=nxt - dt.timedelta(days=1), granularity="month")
    day = dt.date.fromisoformat(text)
    return TimeValue(text=text, evidence=evidence(article, text), value=text, start=day, end=day,
                     granularity="day", resolution=Resolution.EXPLICIT)


def quantities(article: str, spec: dict[str, Any]) -> tuple[Quantity, ...]:
    out = []
    for kind in ("killed", "injured", "settlements"):
        if kind not in spec:
            continue
        v = spec[kind]
        low, high = (v if isinstance(v, list) else (v, v))
        out.append(Quantity(text=str(v), evidence=evidence(article, str(v)), kind=kind,
                            value=None if isinstance(v, list) else float(v), low=float(low), high=float(high)))
    return tuple(out)


def build_event(spec: dict[str, Any], places: dict[str, Any]) -> Event:
    article = spec["article"]
    acled = spec.get("acled") or [None, None]
    return Event(
        evidence=evidence(article, spec.get("text", "")),
        trigger=spec.get("trigger", ""),
        plover_type=spec["type"],
        plover_mode=spec.get("mode"),
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        sources=tuple(actor(article, s) for s in spec.get("by", [])),
        targets=tuple(actor(article, s) for s in spec.get("against", [])),
        place=place(article, places[spec["place"]]) if spec.get("place") else None,
        time=time_value(article, spec.get("when")),
        quantities=quantities(article, spec),
        status=EventStatus(spec.get("status", "happened")),
        attributed_to=spec.get("attributed"),
        confidence=float(spec.get("confidence", 0.8)),
    )


def build_report(spec: dict[str, Any], places: dict[str, Any]) -> ReportedEvent:
    return ReportedEvent(
        key=spec["key"],
        article_id=spec["article"],
        source=spec.get("source"),
        published=dt.date.fromisoformat(str(spec["published"])),
        event=build_event(spec, places),
    )


def load_reports(path: Path) -> tuple[list[ReportedEvent], dict[str, str]]:
    """The reports of a fixture file and their gold incident labels (key -> label)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    places = data["places"]
    reports = [build_report(r, places) for r in data["reports"]]
    gold = {r["key"]: r["gold"] for r in data["reports"] if "gold" in r}
    return reports, gold


def save_reports(store: Any, reports: list[ReportedEvent]) -> dict[str, str]:
    """Store the reports as articles with extractions (as `frontlines run` would); returns store key -> report key.

    Articles are saved in the order their first report appears in ``reports``.
    """
    from frontlines.records import Article, ArticleStatus, Extraction
    from frontlines.store.mapping import event_key

    by_article: dict[str, list[ReportedEvent]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    mapping: dict[str, str] = {}
    for aid, items in by_article.items():
        items = sorted(items, key=lambda i: i.key)
        text = " ".join(i.event.evidence.text for i in items) or aid
        if not store.has_article(aid):
            store.add_article(Article(id=aid, text=text, source=items[0].source, published=items[0].published,
                                      language="en", status=ArticleStatus.PENDING))
        events = tuple(i.event for i in items)
        store.save_extraction(Extraction(article_id=aid, events=events))
        for seq, i in enumerate(items):
            mapping[event_key(aid, seq, i.event)] = i.key
    return mapping
