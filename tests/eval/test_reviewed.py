"""eval/reviewed.py: the current events scored against the store's own reviews, before and after a re-run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from typer.testing import CliRunner

from frontlines.cli.main import app
from frontlines.eval.reviewed import score_reviewed
from frontlines.records import EventChanges, Review, Verdict
from frontlines.runner import Runner
from frontlines.store import EventFilter
from tests.api.builders import build, demo_specs
from tests.test_runner import Prebuilt

AT = dt.datetime(2026, 12, 6, tzinfo=dt.timezone.utc)


def _review(key: str, verdict: Verdict, **changes) -> Review:  # noqa: ANN003
    return Review(event_key=key, article_id="", verdict=verdict, user="ann", at=AT, changes=EventChanges(**changes))


def test_precision_from_rejections_and_accuracy_from_corrections(sqlite_store, tmp_path) -> None:  # noqa: ANN001
    store = sqlite_store
    built = {}
    for spec in demo_specs():
        article, extraction = build(spec)
        store.add_article(article)
        built[article.id] = extraction
    Runner(store, Prebuilt(built)).run()
    events = store.list_events(EventFilter(limit=100))
    by_place = {e.location: e for e in events}
    Runner(store).review(_review(by_place["Kharkiv"].key, Verdict.REJECTED))
    Runner(store).review(_review(by_place["Mykolaiv"].key, Verdict.CORRECTED, fatalities=3))
    Runner(store).review(_review(by_place["Snihurivka"].key, Verdict.CONFIRMED))
    scores = score_reviewed(store)
    assert (scores["reviewed_events"], scores["produced"], scores["precision"]) == (3, 3, 0.6667)
    assert scores["field_accuracy"]["fatalities"] == 0.5 and scores["field_accuracy"]["plover_type"] == 1.0
    # an upgrade that drops the rejected event and gets the toll right
    kharkiv = by_place["Kharkiv"]
    ex = built[kharkiv.article_id]
    built[kharkiv.article_id] = dataclasses.replace(ex, events=tuple(e for i, e in enumerate(ex.events)
                                                                     if i != kharkiv.seq))
    myk = by_place["Mykolaiv"]
    ex = built[myk.article_id]
    evs = list(ex.events)
    evs[myk.seq] = dataclasses.replace(evs[myk.seq], quantities=tuple(
        dataclasses.replace(q, value=3) for q in evs[myk.seq].quantities))
    built[myk.article_id] = dataclasses.replace(ex, events=tuple(evs))
    store.reset_status()
    Runner(store, Prebuilt(built)).run()
    after = score_reviewed(store)
    assert (after["precision"], after["rejected_gone"], after["lost"]) == (1.0, 1, 0)
    assert after["field_accuracy"]["fatalities"] == 1.0
    out = CliRunner().invoke(app, ["--db", str(store.engine.url.database), "--quiet", "eval", "--reviewed", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["precision"] == 1.0
