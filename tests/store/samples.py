"""Small records for the store tests: one shelling report of Kharkiv, and variations of it."""

from __future__ import annotations

import datetime as dt
import hashlib

from frontlines.records import (
    Actor,
    Article,
    ControlChange,
    ControlStatus,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Incident,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Quote,
    Report,
    Sector,
    StageInfo,
    TimeValue,
)

TEXT = "Russian forces shelled Kharkiv on Monday, killing 3, officials said."


def article(text: str = TEXT, *, published: dt.date | None = dt.date(2022, 11, 9), source: str = "Test Wire",
            title: str = "Shelling") -> Article:
    """An article whose id is the hash of its text (as ingest makes it)."""
    return Article(id=hashlib.sha256(text.encode()).hexdigest()[:32], text=text, title=title, source=source,
                   url=f"https://example.org/{title.lower().replace(' ', '-')}", published=published)


def place(aid: str, name: str = "Kharkiv", *, lat: float = 49.98, lon: float = 36.25,
          admin1: str = "Kharkiv Oblast", gazetteer_id: str = "geonames:706483") -> Place:
    return Place(text=name, evidence=Evidence(article_id=aid, start=23, end=30, text=name), name=name,
                 gazetteer_id=gazetteer_id, kind=PlaceKind.SETTLEMENT, lat=lat, lon=lon, admin1=admin1,
                 country="UKR", precision=Precision.EXACT, reason="population")


def extraction(a: Article, *, day: dt.date | None = dt.date(2022, 11, 7), where: Place | None = None,
               plover_type: str = "ASSAULT") -> Extraction:
    """One event (and its place, time, actor, quantity, quote) in article ``a``."""
    aid, text = a.id, a.text
    ev = Evidence(article_id=aid, start=0, end=len(text), text=text)
    p = where or place(aid)
    time = (TimeValue(text="Monday", evidence=Evidence(article_id=aid, start=34, end=40, text="Monday"),
                      value=day.isoformat(), start=day, end=day, granularity="day") if day else None)
    actor = Actor(text="Russian forces", evidence=Evidence(article_id=aid, start=0, end=14, text="Russian forces"),
                  name="Russian Armed Forces", country="RUS", sector=Sector.MILITARY, side="RUS")
    killed = Quantity(text="killing 3", evidence=ev, kind="killed", value=3)
    quote = Quote(content="shelled", evidence=ev, direct=False, speaker_text="officials", medium="statement")
    event = Event(evidence=ev, trigger="shelled", plover_type=plover_type,
                  acled_event_type="Explosions/Remote violence",
                  acled_sub_event_type="Shelling/artillery/missile attack", sources=(actor,), place=p, time=time,
                  quantities=(killed,), status=EventStatus.HAPPENED, confidence=0.8, stages=("events.coder@1",))
    return Extraction(article_id=aid, places=(p,), times=(time,) if time else (), actors=(actor,),
                      quantities=(killed,), quotes=(quote,), events=(event,),
                      stages=(StageInfo(name="geo.places", version="1"),))


def incident(incident_id: str, keys: list[tuple[str, str]], *, where: Place | None = None,
             start: dt.date = dt.date(2022, 11, 7), corroboration: str = "single-source") -> Incident:
    """An incident over (article_id, event_key) reports."""
    reports = tuple(Report(article_id=aid, event_key=key, source="Test Wire", independent=True) for aid, key in keys)
    return Incident(id=incident_id, plover_type="ASSAULT", acled_sub_event_type="Shelling/artillery/missile attack",
                    place=where, start=start, end=start, reports=reports, corroboration=corroboration)


def control_change(where: Place, *, day: dt.date | None, to_side: str = "UKR", area: bool = False) -> ControlChange:
    return ControlChange(settlement=where, to_side=to_side, date=day, status=ControlStatus.CLAIMED, area=area)
