"""The per-article stage chain: parse once, then places, times, quantities,
actors, quotes and events over the same Doc.

Each stage declares what it reads and what it writes; :func:`build_pipeline`
checks the chain when it is built. Stage functions are pure: they take the
Doc, the Article, the injected :class:`Resources` and the outputs of earlier
stages, and return a tuple of records. The engine (one process, a process
pool, Dask) only decides where :func:`process_batch` runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from frontlines.config import Settings
from frontlines.errors import ArticleTooLarge, FrontlinesError, NlpError
from frontlines.nlp.casing import parse_input
from frontlines.pieces import Limits, check_size, extract_in_pieces
from frontlines.records import Article, Extraction, StageInfo
from frontlines.stages import Resources, Stage, StageFn, StageInput, current_versions

# Stage, StageInput and Resources live in frontlines.stages (below the stage packages);
# they are named here too for callers that build chains.
__all__ = [
    "Failure", "Resources", "Stage", "StageFn", "StageInput", "build_pipeline", "chain_infos", "current_versions",
    "default_stages", "extract", "load_resources", "process_article", "process_batch", "warm_up",
]

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


def chain_infos(chain: Iterable[Stage]) -> tuple[StageInfo, ...]:
    """Each stage's name and version as it stands now. A version hashes the stage's data files (a walk of
    the data folders and a ``stat`` per file), so a batch works them out once, not once per article: 7% of
    the time spent after the parse on the bench's articles."""
    return tuple(s.info for s in chain)


def extract(doc: Any, article: Article, resources: Resources, chain: tuple[Stage, ...],
            infos: tuple[StageInfo, ...] | None = None) -> Extraction:
    """Run the chain over one parsed article; ``infos``: :func:`chain_infos` of the chain, when the caller
    has them (a batch works them out once)."""
    outputs: dict[str, tuple[Any, ...]] = {}
    infos = infos if infos is not None else chain_infos(chain)
    versions = {i.name: i.version for i in infos}
    for stage in chain:
        outputs[stage.writes] = tuple(stage.run(StageInput(doc, article, resources, outputs, versions)))
    return Extraction(article_id=article.id, stages=infos, **outputs)


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
    limits: Limits | None = None,
) -> Iterator[tuple[Article, Extraction | Failure]]:
    """Parse articles with ``nlp.pipe`` and extract from each; one failure never stops the batch.

    Before any work, an article over ``limits.max_bytes`` is refused (a Failure, E204); one over
    ``limits.piece_chars`` characters is processed in pieces (:mod:`frontlines.pieces`).
    """
    chain = chain if chain is not None else build_pipeline(default_stages())
    limits = limits if limits is not None else Limits()
    items = list(articles)
    refused = [_refusal(a, limits) for a in items]
    alone = [r is not None or len(a.text) > limits.piece_chars for a, r in zip(items, refused)]
    done = 0
    nlp = resources.nlp
    infos = chain_infos(chain)  # once for the batch (see chain_infos)
    try:
        # refused and long articles are handled on their own below; "" holds their place in the stream
        texts = ("" if own else parse_input(nlp, resources.gazetteer, a.text) for a, own in zip(items, alone))
        for article, doc in zip(items, nlp.pipe(texts, batch_size=batch_size)):
            k, done = done, done + 1
            if alone[k]:
                yield article, refused[k] or _extract_alone(article, resources, chain, limits)
            else:
                yield article, _extract_safely(doc, article, resources, chain, infos)
    except Exception:  # noqa: BLE001 - a spaCy component failed mid-batch: isolate the article below
        # nlp.pipe cannot say which text broke it; parse the rest one by one so that only
        # the bad article fails and the others are processed as usual.
        for k in range(done, len(items)):
            article = items[k]
            if alone[k]:
                yield article, refused[k] or _extract_alone(article, resources, chain, limits)
                continue
            try:
                doc = nlp(parse_input(nlp, resources.gazetteer, article.text))
            except Exception as exc:  # noqa: BLE001 - kept as a failure with its reason
                yield article, Failure(article.id, "E202", f"parse failed: {type(exc).__name__}: {exc}")
                continue
            yield article, _extract_safely(doc, article, resources, chain, infos)


def _refusal(article: Article, limits: Limits) -> Failure | None:
    try:
        check_size(article, limits)
    except ArticleTooLarge as exc:
        return Failure(article.id, exc.code, str(exc))
    return None


def _extract_alone(article: Article, resources: Resources, chain: tuple[Stage, ...], limits: Limits) -> Extraction | Failure:
    """A long article, in pieces: one piece's Doc at a time."""
    try:
        return _in_pieces(article, resources, chain, limits)
    except FrontlinesError as exc:
        return Failure(article.id, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch; kept with its reason
        return Failure(article.id, "E202", f"{type(exc).__name__}: {exc}")


def _in_pieces(article: Article, resources: Resources, chain: tuple[Stage, ...], limits: Limits) -> Extraction:
    def extract_piece(piece: Article) -> Extraction:
        return extract(resources.nlp(piece.text), piece, resources, chain)  # the Doc dies on return

    return extract_in_pieces(article, limits, extract_piece)


def _extract_safely(doc: Any, article: Article, resources: Resources, chain: tuple[Stage, ...],
                    infos: tuple[StageInfo, ...]) -> Extraction | Failure:
    try:
        return extract(doc, article, resources, chain, infos)
    except FrontlinesError as exc:
        return Failure(article.id, exc.code, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch; kept with its reason
        return Failure(article.id, "E202", f"{type(exc).__name__}: {exc}")


def process_article(
    article: Article, resources: Resources, chain: tuple[Stage, ...] | None = None, *, limits: Limits | None = None
) -> Extraction:
    """Parse and extract one article (in pieces when long); raises on failure, E204 for an
    article over the size limit (for tests and the eval runner)."""
    chain = chain if chain is not None else build_pipeline(default_stages())
    limits = limits if limits is not None else Limits()
    check_size(article, limits)
    if len(article.text) > limits.piece_chars:
        return _in_pieces(article, resources, chain, limits)
    return extract(resources.nlp(parse_input(resources.nlp, resources.gazetteer, article.text)), article, resources, chain)


def warm_up(resources: Resources) -> None:
    """Build now the per-process indexes the stages otherwise build on first use (the places stage's
    sound-alike index of the countries whose names are romanised from Cyrillic). Called by the processes
    that exist to run the pipeline (``batch.local.load_frozen`` and the pool and Dask workers), before
    ``gc.freeze()``: a long run needs them anyway, and so no article is charged for building them."""
    if resources.gazetteer is not None:
        from frontlines.geo import prepare_places

        prepare_places(resources.gazetteer)


def load_resources(settings: Settings) -> Resources:
    """Load the model, gazetteer, actor registry, lexicons and time tagger named by ``settings``."""
    from frontlines.actors.registry import load_actor_registry
    from frontlines.geo.builder import load_gazetteer
    from frontlines.nlp.model import load_nlp

    gazetteer = load_gazetteer(settings.gazetteer_path)
    nlp = load_nlp(settings.model, gazetteer=gazetteer)
    actors = load_actor_registry(settings.actors_file or None)
    if nlp is None:
        raise NlpError(settings.model)
    from frontlines.events import load_event_lexicon
    from frontlines.quantities import load_quantity_lexicon
    from frontlines.time import build_tagger

    return Resources(nlp=nlp, gazetteer=gazetteer, actors=actors, event_lexicon=load_event_lexicon(),
                     quantity_lexicon=load_quantity_lexicon(), time_tagger=build_tagger())
