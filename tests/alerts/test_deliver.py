"""Delivery: a JSON line to a stream and to a file, and POSTs to real local webhook servers (loopback, allowed
on purpose) that fail then succeed, always fail, or sit on a refused address."""

from __future__ import annotations

import io
import json

import pytest

from frontlines.alerts.deliver import DeliveryOptions, check_sink, deliver, sink_kind
from frontlines.errors import FrontlinesError
from frontlines.fetch import parse_networks
from tests.fetch.site import Response, local_site

LOOPBACK = DeliveryOptions(timeout=2.0, retries=2, backoff=0.01, allow_networks=parse_networks("127.0.0.0/8"))
OBJ = {"alert": {"id": 1, "name": "kherson"}, "change": "new", "kind": "incident", "incident": {"id": "x"}}


def test_stdout_is_one_json_line() -> None:
    out = io.StringIO()
    assert deliver("stdout", OBJ, LOOPBACK, stream=out).ok
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and json.loads(lines[0]) == OBJ


def test_a_file_gets_one_line_appended_per_object(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "alerts.jsonl"
    assert deliver(str(path), OBJ, LOOPBACK).ok
    assert deliver(str(path), {**OBJ, "change": "changed"}, LOOPBACK).ok
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [r["change"] for r in rows] == ["new", "changed"]


def test_an_unwritable_file_is_a_coded_failure(tmp_path) -> None:  # noqa: ANN001
    outcome = deliver(str(tmp_path / "missing" / "alerts.jsonl"), OBJ, LOOPBACK)
    assert not outcome.ok and outcome.code == "E123"


def test_a_webhook_failing_twice_then_answering_gets_three_posts() -> None:
    answers = iter([Response(b"", 503), Response(b"", 500), Response(b"ok", 200, "text/plain")])
    with local_site({"/hook": lambda _h: next(answers)}) as site:
        outcome = deliver(site.url("/hook"), OBJ, LOOPBACK)
        posts = [r for r in site.requests if r.method == "POST"]
    assert outcome.ok and outcome.tries == 3
    assert len(posts) == 3 and all(json.loads(p.body) == OBJ for p in posts)
    assert posts[0].headers["content-type"] == "application/json"


def test_a_webhook_that_always_fails_is_tried_a_bounded_number_of_times() -> None:
    with local_site({"/hook": Response(b"down", 500, "text/plain")}) as site:
        outcome = deliver(site.url("/hook"), OBJ, LOOPBACK)
        assert site.hits("/hook") == 3  # the first try and two retries, no more
    assert not outcome.ok and outcome.code == "E118" and outcome.tries == 3 and "500" in (outcome.message or "")


def test_a_client_error_is_not_retried() -> None:
    with local_site({"/hook": Response(b"no", 404, "text/plain")}) as site:
        outcome = deliver(site.url("/hook"), OBJ, LOOPBACK)
        assert site.hits("/hook") == 1
    assert not outcome.ok and outcome.code == "E118"


def test_a_slow_webhook_times_out() -> None:
    quick = DeliveryOptions(timeout=0.3, retries=1, backoff=0.01, allow_networks=parse_networks("127.0.0.0/8"))
    with local_site({"/hook": Response(b"late", 200, "text/plain", delay=1.5)}) as site:
        outcome = deliver(site.url("/hook"), OBJ, quick)
    assert not outcome.ok and outcome.code == "E114" and outcome.tries == 2


def test_loopback_webhooks_are_refused_unless_allowed() -> None:
    with local_site({"/hook": Response(b"ok", 200, "text/plain")}) as site:
        outcome = deliver(site.url("/hook"), OBJ, DeliveryOptions(timeout=2.0, retries=2, backoff=0.01))
        assert site.hits("/hook") == 0  # never connected
    assert not outcome.ok and outcome.code == "E116" and outcome.tries == 1


@pytest.mark.parametrize(("sink", "kind"), [("stdout", "stdout"), ("-", "stdout"), ("https://h.example/x", "webhook"),
                                            ("HTTP://h.example/x", "webhook"), ("alerts.jsonl", "file")])
def test_sink_kind(sink: str, kind: str) -> None:
    assert sink_kind(sink) == kind


@pytest.mark.parametrize("sink", ["", "ftp://h.example/x", "/no/such/folder/alerts.jsonl", "http://"])
def test_bad_sinks_are_refused(sink: str) -> None:
    with pytest.raises(FrontlinesError) as info:
        check_sink(sink)
    assert info.value.code == "E907"
