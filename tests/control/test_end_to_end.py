"""From articles to control: the real pipeline over project-written articles, ingested out of order.

Needs the NLP stages (places, actors, events) to extract captures, retakings,
withdrawals and denials with their actors; the pure logic is covered by
test_timeline.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from frontlines.store import IncidentFilter
from tests.incidents.helpers import FIXTURES

ARTICLES = FIXTURES / "control" / "articles"
MODEL_ARTICLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "kherson-withdrawal-2022-11-09.md"


@pytest.fixture(scope="module")
def resources():  # noqa: ANN201 - frontlines.pipeline.Resources
    from frontlines.config import load_settings
    from frontlines.errors import FrontlinesError
    from frontlines.pipeline import load_resources

    try:
        return load_resources(load_settings(env={}, config_file=Path(os.devnull)))
    except FrontlinesError as exc:  # a missing or outdated gazetteer/model is the environment, not this code
        pytest.skip(f"pipeline resources unavailable: {exc}")


def _run(tmp_path: Path, resources, paths: list[Path]):  # noqa: ANN001, ANN202
    from frontlines.batch.local import run_pending
    from frontlines.config import load_settings
    from frontlines.ingest import Ingestor
    from frontlines.store import open_store

    store = open_store(str(tmp_path / "e2e.db"))
    settings = load_settings(env={}, config_file=Path(os.devnull))
    for path in paths:  # one run per article: out-of-order, incremental ingestion
        Ingestor(store).ingest([str(path)])
        run_pending(store, settings, resources=resources)
    return store


def _named(place, name: str) -> bool:  # noqa: ANN001
    """The settlement as the article spells it or by its gazetteer name (Izium / Izyum)."""
    return place is not None and name in (place.name, place.text)


def _side(store, name: str, date: str) -> tuple[str, str] | None:  # noqa: ANN001
    from frontlines.control import state_on

    for c in state_on(store, dt.date.fromisoformat(date)):
        if _named(c.settlement, name):
            return c.to_side, c.status.value
    return None


def test_izium_captured_contested_retaken_out_of_order(tmp_path: Path, resources) -> None:  # noqa: ANN001
    paths = sorted(ARTICLES.glob("*izium*.md"), reverse=True)  # the retaking arrives before the capture
    store = _run(tmp_path, resources, paths)
    assert _side(store, "Izium", "2022-06-01") == ("RUS", "claimed")  # the ministry's word; the clash changes nothing
    assert _side(store, "Izium", "2022-09-12") == ("UKR", "confirmed")  # two outlets saw it, a denial notwithstanding
    incidents = store.list_incidents(IncidentFilter(min_reports=2))
    assert any(_named(i.place, "Izium") and len(i.reports) >= 2 for i in incidents)


def test_an_order_to_withdraw_changes_nothing(tmp_path: Path, resources) -> None:  # noqa: ANN001
    store = _run(tmp_path, resources, [ARTICLES / "06-lyman-order.md"])
    assert store.list_events(), "no events extracted"
    assert _side(store, "Lyman", "2022-10-01") is None


def test_model_article_kherson(tmp_path: Path, resources) -> None:  # noqa: ANN001
    if not MODEL_ARTICLE.exists():
        pytest.skip(f"{MODEL_ARTICLE} is absent (always-run twin: test_an_order_to_withdraw_changes_nothing)")
    store = _run(tmp_path, resources, [MODEL_ARTICLE])
    assert _side(store, "Kherson", "2022-04-01") == ("RUS", "claimed")  # captured in March
    assert _side(store, "Kherson", "2022-11-10") == ("RUS", "claimed")  # ordered to leave: not yet a transfer


def test_every_period_shows_sentences_that_name_its_settlement(tmp_path: Path, resources) -> None:  # noqa: ANN001
    from frontlines.control import timelines
    from frontlines.control.timeline import names_settlement

    store = _run(tmp_path, resources, sorted(ARTICLES.glob("*.md")))
    periods = [p for periods in timelines(store).values() for p in periods]
    assert periods
    for period in periods:
        for evidence in period.evidence:
            assert names_settlement(evidence.text, period.settlement), (period.settlement.name, evidence.text)
