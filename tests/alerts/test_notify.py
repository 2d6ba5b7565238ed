"""Alerts sent from the Runner's after-run step over a real store: one POST per new matching incident to a
local receiver, a failing webhook retried then recorded while the run goes on, a material change sent again,
control changes once, and nothing twice after a restart."""

from __future__ import annotations

import io
import json
from typing import Any

from frontlines.alerts import alerting_runner
from frontlines.alerts.notify import alert_step
from frontlines.config import Settings
from frontlines.records import Alert
from frontlines.runner import Runner
from frontlines.store import open_store
from tests.api.builders import build, demo_specs, sequence_specs
from tests.fetch.site import Response, local_site


def _settings(db: str) -> Settings:
    return Settings(db=db, fetch_allow_networks="127.0.0.0/8", alert_backoff=0.01, alert_timeout=3.0)


def _add(store: Any, specs: list[Any]) -> None:
    """Store these articles' extractions (queued for the after-run step), as a run would."""
    for article, extraction in (build(s) for s in specs):
        store.add_article(article)
        store.save_extraction(extraction)


def _posts(site: Any) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in site.requests if r.method == "POST"]


MYKOLAIV_BOX = (31.9, 46.9, 32.1, 47.1)


def test_a_new_matching_incident_is_posted_once_and_never_again_after_a_restart(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "a.db")
    settings = _settings(db)
    with local_site({"/hook": Response(b"ok", 200, "text/plain")}) as site:
        store = open_store(db)
        store.add_alert(Alert(name="mykolaiv", sink=site.url("/hook"), bbox=MYKOLAIV_BOX, plover_type="ASSAULT"))
        _add(store, demo_specs())
        report = alerting_runner(store, None, settings).run([])
        assert report.updated == 4 and report.alerts == 1
        posts = _posts(site)
        assert len(posts) == 1
        sent = posts[0]
        assert sent["alert"]["name"] == "mykolaiv" and sent["change"] == "new" and sent["kind"] == "incident"
        assert sent["incident"]["place"]["name"] == "Mykolaiv" and sent["incident"]["plover_type"] == "ASSAULT"
        store.close()
        # A restart: the same articles queued again (re-processed), a new store handle and Runner.
        store = open_store(db)
        _add(store, demo_specs())
        again = alerting_runner(store, None, settings).run([])
        assert again.updated == 4 and again.alerts == 0
        assert len(_posts(site)) == 1
        alert = store.list_alerts()[0]
        assert alert.delivered == 1 and alert.failed == 0
        store.close()


def test_a_failing_webhook_is_retried_then_recorded_and_the_run_goes_on(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "b.db")
    out = tmp_path / "alerts.jsonl"
    with local_site({"/down": Response(b"down", 503, "text/plain")}) as site:
        store = open_store(db)
        store.add_alert(Alert(name="down", sink=site.url("/down"), plover_type="ASSAULT", min_killed=5))
        store.add_alert(Alert(name="file", sink=str(out), plover_type="ASSAULT", min_killed=5))
        _add(store, demo_specs())
        report = alerting_runner(store, None, _settings(db)).run([])
        assert site.hits("/down") == 3  # one try and two retries
    assert report.updated == 4 and store.count_pending_updates() == 0  # the update finished regardless
    down, file_alert = store.list_alerts()
    assert down.delivered == 0 and down.failed == 1 and down.last_error_code == "E118"
    [delivery] = store.list_alert_deliveries(down.id or 0)
    assert delivery.state == "failed" and delivery.tries == 3 and delivery.error_code == "E118"
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert file_alert.delivered == 1 and len(rows) == 1 and rows[0]["incident"]["place"]["name"] == "Mykolaiv"
    store.close()


def test_an_incident_is_sent_again_only_when_it_changes_materially(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "c.db")
    store = open_store(db)
    store.add_alert(Alert(name="mykolaiv", sink="stdout", bbox=MYKOLAIV_BOX))
    stream = io.StringIO()
    runner = Runner(store, None, after_step=alert_step(store, _settings(db), stream=stream))
    _add(store, demo_specs()[:1])  # the shelling of Mykolaiv, 7 killed, one outlet
    runner.run([])
    _add(store, demo_specs()[1:])  # other places: nothing for this alert
    runner.run([])
    # Another outlet reports it with 9 killed: independent sources and a higher toll.
    _add(store, [s for s in sequence_specs() if s.title == "Deadly shelling in Mykolaiv"])
    runner.run([])
    sent = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [s["change"] for s in sent] == ["new", "changed"]
    assert sent[0]["incident"]["corroboration"] != sent[1]["incident"]["corroboration"]
    assert len(sent[1]["incident"]["reports"]) == 2
    store.close()


def test_control_changes_are_sent_once_per_settlement_side_and_date(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "d.db")
    store = open_store(db)
    store.add_alert(Alert(name="control", sink="stdout", plover_type="CONTROL", side="UKR"))
    stream = io.StringIO()
    runner = Runner(store, None, after_step=alert_step(store, _settings(db), stream=stream))
    _add(store, sequence_specs())
    runner.run([])
    sent = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert sent and all(s["kind"] == "control_change" for s in sent)
    subjects = [s["subject"] for s in sent]
    assert len(subjects) == len(set(subjects))  # two outlets reporting the retaking: one object
    assert any("UKR|2022-11-10" in s for s in subjects)
    _add(store, sequence_specs())  # processed again
    runner.run([])
    assert len(stream.getvalue().splitlines()) == len(sent)
    store.close()


def test_no_alerts_costs_nothing_and_sends_nothing(tmp_path) -> None:  # noqa: ANN001
    db = str(tmp_path / "e.db")
    store = open_store(db)
    stream = io.StringIO()
    _add(store, demo_specs())
    report = Runner(store, None, after_step=alert_step(store, _settings(db), stream=stream)).run([])
    assert report.updated == 4 and report.alerts == 0 and stream.getvalue() == ""
    store.close()
