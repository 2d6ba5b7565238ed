"""The local engine honours the configured size limits: an article over Settings.max_bytes is
refused with E204 (kept as the article's failure by the Runner) and the rest of the batch goes on."""

from __future__ import annotations

from frontlines.batch.local import InProcess
from frontlines.config import load_settings
from frontlines.pipeline import Resources
from frontlines.records import ArticleStatus, Extraction
from frontlines.runner import Runner
from tests.conftest import make_article
from tests.test_pipeline import EVENTS, PLACES, _FakeNlp


def test_an_article_over_the_configured_limit_is_refused_and_the_batch_goes_on(sqlite_store) -> None:  # noqa: ANN001
    settings = load_settings({"max_bytes": 200}, env={})
    small, big = make_article("Shelling in Kharkiv."), make_article("Shelling in Kharkiv. " * 20)
    for a in (small, big):
        sqlite_store.add_article(a)
    engine = InProcess(settings, resources=Resources(nlp=_FakeNlp()), stages=lambda: [PLACES, EVENTS])
    report = Runner(sqlite_store, engine, batch_size=8).run()
    assert report.processed == 1 and report.failed == 1 and report.failures[0].code == "E204"
    assert sqlite_store.get_article(big.id).status is ArticleStatus.FAILED
    assert "E204" in (sqlite_store.get_article(big.id).skip_reason or "")
    assert sqlite_store.get_article(small.id).status is ArticleStatus.PROCESSED


def test_without_settings_the_default_limits_apply() -> None:
    engine = InProcess(resources=Resources(nlp=_FakeNlp()), stages=lambda: [PLACES, EVENTS])
    ((_, result),) = next(engine.map([[make_article("Shelling in Kharkiv. " * 20)]]))
    assert isinstance(result, Extraction)
