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
from frontlines.errors import FrontlinesError, NlpError
from frontlines.records import Article, Extraction
from frontlines.stages import Resources, Stage, StageFn, StageInput, current_versions

# Stage, StageInput and Resources live in frontlines.stages (below the stage packages);
# they are named here too for callers that build chains.
__all__ = [
    "LONG_TEXT", "Failure", "Resources", "Stage", "StageFn", "StageInput", "build_pipeline", "current_versions",
    "default_stages", "extract", "load_resources", "parse", "process_article", "process_batch", "split_text",
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


def extract(doc: Any, article: Article, resources: Resources, chain: tuple[Stage, ...]) -> Extraction:
    """Run the chain over one parsed article."""
    outputs: dict[str, tuple[Any, ...]] = {}
    for stage in chain:
        outputs[stage.writes] = tuple(stage.run(StageInput(doc, article, resources, outputs)))
    return Extraction(article_id=article.id, stages=tuple(s.info for s in chain), **outputs)


# spaCy's parser and NER need about 1 GB of working memory per 100,000 characters, and refuse
# texts over nlp.max_length (1,000,000): longer articles are parsed in pieces and joined.
LONG_TEXT = 100_000
_CUTS = ("\n\n", "\n", ". ", " ")


def split_text(text: str, limit: int) -> list[str]:
    """Consecutive pieces of ``text``, each at most ``limit`` characters where a cut allows it,
    cut just after a paragraph break, else a line break, a full stop, a space. Their
    concatenation is exactly ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in _CUTS:
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        if cut <= 0:  # one unbroken run of characters: cut where the limit falls
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Any, text: str, *, long_text: int = LONG_TEXT) -> Any:
    """``nlp(text)``, or for a text over ``long_text`` characters, its pieces parsed and joined
    into one Doc whose text (and so every character offset) is the original text."""
    if len(text) <= long_text:
        return nlp(text)
    from spacy.tokens import Doc

    pieces = split_text(text, long_text)
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    if doc.text != text:
        raise NlpError(f"joined parse of a {len(text)}-character text does not match it", code="E202")
    return doc


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
    long_text: int = LONG_TEXT,
) -> Iterator[tuple[Article, Extraction | Failure]]:
    """Parse articles with ``nlp.pipe`` and extract from each; one failure never stops the batch.

    Articles longer than ``long_text`` characters are parsed in pieces (see :func:`parse`).
    """
    chain = chain if chain is not None else build_pipeline(default_stages())
    items = list(articles)
    done = 0
    nlp = resources.nlp
    try:
        # long texts are parsed on their own below; "" holds their place in the stream
        texts = (a.text if len(a.text) <= long_text else "" for a in items)
        for article, doc in zip(items, nlp.pipe(texts, batch_size=batch_size)):
            if len(article.text) > long_text:
                doc = parse(nlp, article.text, long_text=long_text)
            done += 1
            yield article, _extract_safely(doc, article, resources, chain)
    except Exception:  # noqa: BLE001 - a spaCy component failed mid-batch: isolate the article below
        # nlp.pipe cannot say which text broke it; parse the rest one by one so that only
        # the bad article fails and the others are processed as usual.
        for article in items[done:]:
            try:
                doc = parse(nlp, article.text, long_text=long_text)
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
    doc = parse(resources.nlp, article.text)
    return extract(doc, article, resources, chain)


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
