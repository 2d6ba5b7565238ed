"""The stage contract: the chain is checked when built, one failure never stops a batch."""

import re

import pytest

from frontlines.errors import FrontlinesError
from frontlines.pipeline import Failure, Resources, Stage, build_pipeline, extract, process_batch
from frontlines.records import Evidence, Place
from tests.conftest import make_article


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text


class _FakeNlp:
    """Stands in for spaCy: the contract under test is the chain, not the parse."""

    def pipe(self, texts, batch_size=32):  # noqa: ANN001, ANN201
        return (_Doc(t) for t in texts)


def _places(inp):  # noqa: ANN001, ANN202
    if "boom" in inp.article.text:
        raise ValueError("stage blew up")
    i = inp.doc.text.find("Kharkiv")
    ev = Evidence(article_id=inp.article.id, start=i, end=i + 7, text="Kharkiv")
    return (Place(text="Kharkiv", evidence=ev),) if i >= 0 else ()


def _events(inp):  # noqa: ANN001, ANN202
    assert "places" in inp.outputs  # reads what the earlier stage wrote
    return ()


PLACES = Stage(name="t.places", code_version="1", writes="places", reads=(), run=_places)
EVENTS = Stage(name="t.events", code_version="1", writes="events", reads=("places",), run=_events)


def test_build_checks_reads_and_writes() -> None:
    assert build_pipeline([PLACES, EVENTS]) == (PLACES, EVENTS)
    with pytest.raises(FrontlinesError, match="reads"):
        build_pipeline([EVENTS, PLACES])
    with pytest.raises(FrontlinesError, match="unknown field"):
        build_pipeline([Stage(name="x", code_version="1", writes="nope", reads=(), run=_places)])


def test_extract_records_stage_versions() -> None:
    a = make_article()
    ex = extract(_Doc(a.text), a, Resources(nlp=None), build_pipeline([PLACES, EVENTS]))
    assert [p.text for p in ex.places] == ["Kharkiv"]
    assert [(s.name, s.version) for s in ex.stages] == [("t.places", "1"), ("t.events", "1")]


def test_one_failure_does_not_stop_the_batch() -> None:
    arts = [make_article("Shelling in Kharkiv."), make_article("boom goes the stage"), make_article("Quiet day.")]
    results = list(process_batch(arts, Resources(nlp=_FakeNlp()), build_pipeline([PLACES, EVENTS])))
    kinds = [type(r).__name__ for _, r in results]
    assert kinds == ["Extraction", "Failure", "Extraction"]
    failure = results[1][1]
    assert isinstance(failure, Failure) and failure.code == "E202" and "stage blew up" in failure.message


class _BrittleNlp(_FakeNlp):
    """A parser that fails on one text, as a broken spaCy component would, mid-batch."""

    def pipe(self, texts, batch_size=32):  # noqa: ANN001, ANN201
        for t in texts:
            yield self(t)

    def __call__(self, text: str) -> _Doc:
        if "poison" in text:
            raise RuntimeError("component failed")
        return _Doc(text)


def test_a_parser_failure_fails_only_its_article() -> None:
    arts = [make_article("Shelling in Kharkiv."), make_article("poison text"), make_article("Drones over Kharkiv.")]
    results = list(process_batch(arts, Resources(nlp=_BrittleNlp()), build_pipeline([PLACES, EVENTS])))
    assert [a.text for a, _ in results] == [a.text for a in arts]
    assert [type(r).__name__ for _, r in results] == ["Extraction", "Failure", "Extraction"]
    assert "parse failed" in results[1][1].message


def test_long_articles_are_processed_in_pieces_with_offsets_kept() -> None:
    import spacy

    from frontlines.pieces import Limits

    def every_kharkiv(inp):  # noqa: ANN001, ANN202
        return tuple(Place(text="Kharkiv", evidence=Evidence(article_id=inp.article.id, start=m.start(),
                                                             end=m.end(), text="Kharkiv"))
                     for m in re.finditer("Kharkiv", inp.doc.text))

    nlp = spacy.blank("en")
    text = "\n\n".join(f"Paragraph {i}: shelling hit Kharkiv overnight, officials said." for i in range(40))
    arts = [make_article(text), make_article("Shelling in Kharkiv.")]
    chain = build_pipeline([Stage(name="t.places", code_version="1", writes="places", reads=(), run=every_kharkiv)])
    results = list(process_batch(arts, Resources(nlp=nlp), chain, limits=Limits(piece_chars=200)))
    assert [type(r).__name__ for _, r in results] == ["Extraction", "Extraction"]
    # each piece is processed behind the article's lead: the lead's place is kept once
    assert [p.evidence.start for p in results[0][1].places] == [m.start() for m in re.finditer("Kharkiv", text)]
    assert [p.evidence.start for p in results[1][1].places] == [12]


def test_an_article_over_the_limit_is_refused_before_any_work() -> None:
    from frontlines.pieces import Limits

    class _Recording(_BrittleNlp):
        seen: list[str] = []

        def __call__(self, text: str) -> _Doc:
            self.seen.append(text)
            return _Doc(text)

    nlp = _Recording()
    big = "Shelling in Kharkiv. " * 10
    arts = [make_article("Shelling in Kharkiv."), make_article(big), make_article("Drones over Kharkiv.")]
    results = list(process_batch(arts, Resources(nlp=nlp), build_pipeline([PLACES, EVENTS]),
                                 limits=Limits(max_bytes=100)))
    assert [type(r).__name__ for _, r in results] == ["Extraction", "Failure", "Extraction"]
    assert results[1][1].code == "E204" and "limit" in results[1][1].message
    assert big not in nlp.seen


def test_process_article_refuses_an_article_over_the_limit() -> None:
    from frontlines.errors import ArticleTooLarge
    from frontlines.pieces import Limits
    from frontlines.pipeline import process_article

    nlp = _BrittleNlp()
    with pytest.raises(ArticleTooLarge) as err:
        process_article(make_article("poison " * 20), Resources(nlp=nlp), build_pipeline([PLACES, EVENTS]),
                        limits=Limits(max_bytes=100))
    assert err.value.code == "E204"  # refused before the parser saw it (it would have raised RuntimeError)
