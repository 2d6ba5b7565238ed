"""Shared fixtures for the events tests: one spaCy pipeline and one lexicon per session,
and a helper that runs the stage on a text with hand-built place/time/actor records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from frontlines.events import extract_events, load_event_lexicon
from frontlines.pipeline import Resources, StageInput
from frontlines.quantities import extract_quantities, load_quantity_lexicon
from frontlines.records import Actor, Article, Event, Evidence, Place, Precision, Sector, TimeValue


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The small English pipeline as the project loads it (with paragraph breaks), loaded once."""
    pytest.importorskip("spacy")
    from frontlines.errors import NlpError
    from frontlines.nlp.model import load_nlp

    try:
        return load_nlp()
    except NlpError:
        pytest.skip("no en_core_web_sm model installed (run `make install`)")


@pytest.fixture(scope="session")
def resources(nlp: Any) -> Resources:
    return Resources(nlp=nlp, event_lexicon=load_event_lexicon(), quantity_lexicon=load_quantity_lexicon())


@pytest.fixture(scope="session")
def pipeline_resources() -> Resources:
    """The whole pipeline's resources (gazetteer, actor registry, dates), loaded once for the tests that run an
    article through every stage: places, dates and sides tell the happenings apart."""
    from frontlines.config import load_settings
    from frontlines.pipeline import load_resources

    try:
        return load_resources(load_settings())
    except Exception as exc:  # noqa: BLE001 - no resources: skip with the reason
        pytest.skip(f"pipeline resources unavailable: {type(exc).__name__}: {exc}")


def triggered(pipeline_resources: Resources, text: str, trigger: str, *, published: dt.date, source: str | None,
              article_id: str = "t") -> Event:
    """The event whose trigger starts with ``trigger`` when ``text`` runs through the whole pipeline as an article of
    ``source`` published on ``published`` (failing with the triggers found when there is none)."""
    from frontlines.pipeline import process_article

    art = Article(id=article_id, text=text, published=published, source=source)
    events = process_article(art, pipeline_resources).events
    hit = next((e for e in events if e.trigger.startswith(trigger)), None)
    assert hit is not None, [e.trigger for e in events]
    return hit


RunArticle = Callable[..., tuple[Event, ...]]


def article_runner(pipeline_resources: Resources, article_id: str, published: dt.date) -> RunArticle:
    """A function running one text, as an article of ``published``, through the whole pipeline to its events."""
    from frontlines.pipeline import process_article

    def go(text: str, *, source: str | None = "test") -> tuple[Event, ...]:
        art = Article(id=article_id, text=text, published=published, source=source)
        return process_article(art, pipeline_resources).events

    return go


def _ev(text: str, needle: str, article_id: str = "t", nth: int = 0) -> Evidence:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Evidence(article_id=article_id, start=start, end=start + len(needle), text=needle)


def place(text: str, needle: str, *, metonymic: bool = False, lat: float = 0.0, lon: float = 0.0,
          precision: Precision = Precision.EXACT, admin1: str | None = None) -> Place:
    """A resolved Place for the first occurrence of ``needle`` in ``text``."""
    return Place(text=needle, evidence=_ev(text, needle), name=needle, lat=lat, lon=lon,
                 precision=precision, metonymic=metonymic, admin1=admin1, country="UKR")


def timev(text: str, needle: str, value: str) -> TimeValue:
    """A TimeValue for ``needle`` resolved to the ISO day ``value``."""
    day = dt.date.fromisoformat(value) if len(value) == 10 else None
    return TimeValue(text=needle, evidence=_ev(text, needle), value=value, start=day, end=day,
                     granularity="day" if day else "month")


def actor(text: str, needle: str, name: str, country: str | None, sector: Sector = Sector.MILITARY) -> Actor:
    """An Actor for the first occurrence of ``needle`` in ``text``."""
    return Actor(text=needle, evidence=_ev(text, needle), name=name, country=country, sector=sector, side=country)


RunEvents = Callable[..., tuple[Event, ...]]


@pytest.fixture(scope="session")
def run_events(nlp: Any, resources: Resources) -> RunEvents:
    """Parse ``text`` once and run quantities then events, with the given earlier-stage records."""

    def run(text: str, *, places: tuple = (), times: tuple = (), actors: tuple = (), quotes: tuple = (),
            published: dt.date | None = dt.date(2022, 11, 9), title: str | None = None,
            source: str | None = None) -> tuple[Event, ...]:
        doc = nlp(text)
        article = Article(id="t", text=text, published=published, title=title, source=source)
        outputs: dict[str, tuple] = {"places": places, "times": times, "actors": actors, "quotes": quotes}
        outputs["quantities"] = extract_quantities(StageInput(doc, article, resources, outputs))
        return extract_events(StageInput(doc, article, resources, outputs))

    return run


def top(events: tuple[Event, ...]) -> Event | None:
    """The most confident event, as the eval runner picks it."""
    return max(events, key=lambda e: e.confidence) if events else None


def _at(text: str, needle: str, country: str, kind: str) -> Place:
    """A place of ``country`` and ``kind`` at the first ``needle`` of ``text``."""
    from frontlines.records import PlaceKind

    start = text.index(needle)
    return Place(text=needle, evidence=Evidence(article_id="t", start=start, end=start + len(needle), text=needle),
                 name=needle, kind=PlaceKind(kind), lat=5.0, lon=5.0, country=country, precision=Precision.EXACT)
