"""The time stage over a parsed article."""

from __future__ import annotations

import datetime as dt

from frontlines.pipeline import Resources, StageInput, build_pipeline
from frontlines.records import Article, Resolution
from frontlines.time import STAGE


def test_stage_contract() -> None:
    assert STAGE.writes == "times" and STAGE.reads == ()
    build_pipeline([STAGE])


def test_stage_runs_over_doc(nlp) -> None:  # noqa: ANN001
    text = "Kyiv said on Wednesday that Russian troops left the city in March."
    article = Article(id="t1", text=text, published=dt.date(2022, 11, 9))
    out = STAGE.run(StageInput(nlp(text), article, Resources(nlp=nlp), {}))
    assert [(t.text, t.value) for t in out] == [("Wednesday", "2022-11-09"), ("March", "2022-03")]
    assert all(t.evidence.article_id == "t1" for t in out)


def test_stage_without_publication_date(nlp) -> None:  # noqa: ANN001
    text = "The decree was signed on 30 September 2022 and took effect the next week."
    article = Article(id="t2", text=text, published=None)
    out = STAGE.run(StageInput(nlp(text), article, Resources(nlp=nlp), {}))
    assert out[0].value == "2022-09-30" and out[0].resolution is Resolution.EXPLICIT
