"""The per-article stage chain: parse once, then places, times, quantities,
actors, quotes and events over the same Doc.

Each stage declares what it reads and what it writes; :func:`build_pipeline`
checks the chain when it is built. Stage functions are pure: they take the
Doc, the Article, the injected :class:`Resources` and the outputs of earlier
stages, and return a tuple of records. The engine (one process, a process
pool, Dask) only decides where :func:`process_batch` runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from frontlines.errors import FrontlinesError, NlpError
from frontlines.records import Article, Extraction, StageInfo

StageFn = Callable[["StageInput"], tuple[Any, ...]]


@dataclass(slots=True)
class Resources:
    """Models, gazetteers and lexicons, loaded once per process and passed in."""

    nlp: Any  # spacy.language.Language
    gazetteer: Any = None  # frontlines.geo.gazetteer.Gazetteer
    actors: Any = None  # frontlines.actors.registry.ActorRegistry
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StageInput:
    """What a stage sees: the parsed article and the outputs of earlier stages."""

    doc: Any  # spacy.tokens.Doc
    article: Article
    resources: Resources
    outputs: Mapping[str, tuple[Any, ...]]

    @property
    def reference_date(self) -> dt.date | None:
        return self.article.published


@dataclass(frozen=True, slots=True)
class Stage:
    name: str  # "geo.places"
    version: str
    writes: str  # one field of Extraction
    reads: tuple[str, ...]
    run: StageFn

    @property
    def info(self) -> StageInfo:
        return StageInfo(name=self.name, version=self.version)


_EXTRACTION_FIELDS = ("places", "times", "quantities", "actors", "quotes", "events")


def default_stages() -> list[Stage]:
    """The standard chain. Imports are local so that loading this module stays cheap."""
    from frontlines.actors import STAGE as actors
    from frontlines.events import STAGE as events
    from frontlines.geo import STAGE as places
    from frontlines.quantities import STAGE as quantities
    from frontlines.quotes import STAGE as quotes
    from frontlines.time import STAGE as times

    return [places, times, quantities, actors, quotes, events]


def build_pipeline(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """Check that every stage reads only what an earlier stage wrote."""
    written: set[str] = set()
    chain = tuple(stages)
    for stage in chain:
        if stage.writes not in _EXTRACTION_FIELDS:
            raise FrontlinesError(f"stage {stage.name} writes unknown field {stage.writes!r}", code="E202")
        missing = [r for r in stage.reads if r not in written]
        if missing:
            raise FrontlinesError(
                f"stage {stage.name} reads {missing} before any stage writes them", code="E202"
            )
        written.add(stage.writes)
    return chain


def extract(doc: Any, article: Article, resources: Resources, chain: tuple[Stage, ...]) -> Extraction:
    """Run the chain over one parsed article."""
    outputs: dict[str, tuple[Any, ...]] = {}
    for stage in chain:
        outputs[stage.writes] = tuple(stage.run(StageInput(doc, article, resources, outputs)))
    return Extraction(article_id=article.id, stages=tuple(s.info for s in chain), **outputs)


@dataclass(frozen=True, slots=True)
class Failure:
    article_id: str
    code: str
    message: str


def process_batch(
    articles: Iterable[Article],
    resources: Resources,
    chain: tuple[Stage, ...] | None = None,
    *,
    batch_size: int = 32,
) -> Iterator[tuple[Article, Extraction | Failure]]:
    """Parse articles with ``nlp.pipe`` and extract from each; one failure never stops the batch."""
    chain = chain if chain is not None else build_pipeline(default_stages())
    items = list(articles)
    done = 0
    try:
        for article, doc in zip(items, resources.nlp.pipe((a.text for a in items), batch_size=batch_size)):
            done += 1
            yield article, _extract_safely(doc, article, resources, chain)
    except Exception:  # noqa: BLE001 - a spaCy component failed mid-batch: isolate the article below
        # nlp.pipe cannot say which text broke it; parse the rest one by one so that only
        # the bad article fails and the others are processed as usual.
        for article in items[done:]:
            try:
                doc = resources.nlp(article.text)
            except Exception as exc:  # noqa: BLE001 - kept as a failure with its reason
                yield article, Failure(article.id, "E202", f"parse failed: {type(exc).__name__}: {exc}")
                continue
            yield article, _extract_safely(doc, article, resources, chain)


def _extract_safely(doc: Any, article: Article, resources: Resources, chain: tuple[Stage, ...]) -> Extraction | Failure:
    try:
        return extract(doc, article, resources, chain)
    except FrontlinesError as exc:
        return Failure(article.id, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch; kept with its reason
        return Failure(article.id, "E202", f"{type(exc).__name__}: {exc}")


def process_article(article: Article, resources: Resources, chain: tuple[Stage, ...] | None = None) -> Extraction:
    """Parse and extract one article; raises on failure (for tests and the eval runner)."""
    chain = chain if chain is not None else build_pipeline(default_stages())
    doc = resources.nlp(article.text)
    return extract(doc, article, resources, chain)


def load_resources(settings: Any) -> Resources:
    """Load the model, gazetteer and actor registry named by ``settings`` (a config.Settings)."""
    from frontlines.actors.registry import load_actor_registry
    from frontlines.geo.gazetteer import load_gazetteer
    from frontlines.nlp.model import load_nlp

    gazetteer = load_gazetteer(settings.gazetteer_path)
    nlp = load_nlp(settings.model, gazetteer=gazetteer)
    actors = load_actor_registry(settings.actors_file or None)
    if nlp is None:
        raise NlpError(settings.model)
    from frontlines.events import LEXICON_KEY as EVENTS_KEY
    from frontlines.events import load_event_lexicon
    from frontlines.quantities import LEXICON_KEY as QUANTITIES_KEY
    from frontlines.quantities import load_quantity_lexicon

    extra = {EVENTS_KEY: load_event_lexicon(), QUANTITIES_KEY: load_quantity_lexicon()}
    return Resources(nlp=nlp, gazetteer=gazetteer, actors=actors, extra=extra)
