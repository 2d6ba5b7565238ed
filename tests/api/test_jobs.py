"""POST /api/articles through the Runner: small posts answered when processed (incidents and control
included), large ones as a job (202, /api/jobs); bodies over the limit refused with 413 before reading."""

from __future__ import annotations

import time

import pytest

from frontlines.config import Settings
from tests.api.conftest import TOKEN, _client
from tests.api.test_articles import POST, blank_resources, fake_stages

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _writer(db: str, **settings: object):  # noqa: ANN202
    return _client(Settings(db=db, api_token=TOKEN, **settings),  # type: ignore[arg-type]
                   resources_loader=blank_resources, stages=fake_stages)


@pytest.fixture
def writer(fresh_db):  # noqa: ANN001, ANN201
    gen = _writer(fresh_db)
    yield next(gen)
    next(gen, None)


def test_a_small_post_is_merged_into_incidents_like_a_run(writer) -> None:  # noqa: ANN001
    r = writer.post("/api/articles", json=POST, headers=AUTH)
    assert r.status_code == 200 and r.json()["processed"] == 1
    totals = writer.get("/api/stats").json()["totals"]
    assert totals["events"] == 1
    assert totals["incidents"] == 1 and totals["cross_article_pending"] == 0  # the after-run step ran
    incident = writer.get("/api/incidents").json()["incidents"][0]
    assert incident["plover_type"] == "ASSAULT"


def _wait(client, job_id: str, timeout: float = 60.0) -> dict:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()["job"]
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['state']} after {timeout} s")


def test_a_large_post_is_a_job_whose_progress_is_reported(writer) -> None:  # noqa: ANN001
    long_text = " ".join(["Russian forces shelled Kharkiv on Monday, officials said."] * 500)  # ~29,000 chars
    r = writer.post("/api/articles", json=[{**POST, "text": long_text}, POST], headers=AUTH)
    assert r.status_code == 202, r.text
    body = r.json()
    job = body["job"]
    assert r.headers["location"] == f"/api/jobs/{job['id']}"
    assert body["stored"] == 2 and body["processed"] == 0 and job["total"] == 2
    assert {a["status"] for a in body["articles"]} <= {"pending", "processed"}  # stored before the answer
    done = _wait(writer, job["id"])
    assert done["state"] == "done" and (done["done"], done["processed"], done["failed"]) == (2, 2, 0)
    assert done["events"] == 501
    assert writer.get("/api/events").json()["total"] == 501
    totals = writer.get("/api/stats").json()["totals"]
    assert totals["incidents"] > 0 and totals["cross_article_pending"] == 0
    assert [j["id"] for j in writer.get("/api/jobs").json()["jobs"]] == [job["id"]]


def test_an_unknown_job_is_404(writer) -> None:  # noqa: ANN001
    r = writer.get("/api/jobs/0123abcd")
    assert r.status_code == 404 and r.json()["code"] == "E703"


def test_a_body_over_the_limit_is_413_before_it_is_read(fresh_db) -> None:  # noqa: ANN001
    gen = _writer(fresh_db, api_max_body=2_000)
    client = next(gen)
    big = {**POST, "text": "Russian forces shelled Kharkiv. " * 100}
    r = client.post("/api/articles", json=big, headers=AUTH)
    assert r.status_code == 413
    assert r.json() == {"ok": False, "error": r.json()["error"], "status": 413, "code": "E903"}

    def chunked():  # no Content-Length: refused once the stream passes the limit
        for _ in range(100):
            yield b"x" * 100

    r = client.post("/api/articles", content=chunked(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "E903"
    assert client.get("/api/articles").json()["articles"] == []  # nothing stored
    r = client.post("/api/articles", json=POST, headers=AUTH)  # under the limit: as usual
    assert r.status_code == 200
    next(gen, None)


def test_processing_runs_in_a_worker_process_that_stops_with_the_server(fresh_db) -> None:  # noqa: ANN001
    import os

    gen = _writer(fresh_db)
    client = next(gen)
    assert client.post("/api/articles", json=POST, headers=AUTH).status_code == 200
    worker = client.app.state.processor.worker
    pid = worker._proc.pid
    assert pid != os.getpid() and worker._proc.is_alive()  # the model is loaded there, not in the server
    next(gen, None)  # shutdown
    assert worker._proc is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _slow_stage():  # noqa: ANN202 - picklable: the worker process builds it
    import time as _time

    from frontlines.pipeline import Stage

    def run(_inp):  # noqa: ANN001, ANN202
        _time.sleep(600)  # a job that would outlive any patience
        return ()

    return Stage("test.slow", "1", "places", (), run)


def slow_stages() -> list:
    return [_slow_stage()]


def test_a_busy_worker_never_holds_the_shutdown(fresh_db) -> None:  # noqa: ANN001
    import os

    gen = _client(Settings(db=fresh_db, api_token=TOKEN), resources_loader=blank_resources, stages=slow_stages)
    client = next(gen)
    long_text = "Russian forces shelled Kharkiv. " * 1000
    job = client.post("/api/articles", json={**POST, "text": long_text}, headers=AUTH).json()["job"]
    deadline = time.monotonic() + 120
    while client.get(f"/api/jobs/{job['id']}").json()["job"]["state"] != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    worker = client.app.state.processor.worker
    pid = worker._proc.pid
    next(gen, None)  # shutdown while the worker sleeps inside a stage: it is stopped, then killed
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    from frontlines.store import open_store

    store = open_store(fresh_db)
    assert [a.status.value for a in store.list_articles()] == ["pending"]  # kept for the next run
    store.close()
