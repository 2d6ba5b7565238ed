"""`frontlines serve --watch` as a real process: the API answers while the watcher polls a feed on a local
server (loopback, allowed on purpose), the feed's article shows in /api/articles, and SIGINT stops it all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.fetch.site import Response, local_site
from tests.fetch.stories import rss
from tests.web.conftest import _free_port

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
RSS = "application/rss+xml"


def _get(url: str) -> dict | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 - our own loopback server
            return json.loads(resp.read())
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_serve_watch_ingests_a_feed_and_stops_cleanly(tmp_path) -> None:  # noqa: ANN001
    from frontlines.store import open_store
    from frontlines.watch import add_feeds

    db = str(tmp_path / "serve.db")
    port = _free_port()
    with local_site() as site:
        site.routes["/feed"] = Response(rss("Local", [(1, site.url("/a/1"))]), content_type=RSS)
        store = open_store(db)
        add_feeds(store, [site.url("/feed")])
        store.close()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")])),
               "FRONTLINES_FETCH_ALLOW_NETWORKS": "127.0.0.0/8", "FRONTLINES_WATCH_EVERY": "1",
               "FRONTLINES_FETCH_HOST_DELAY": "0"}
        proc = subprocess.Popen(
            [sys.executable, "-c", "from frontlines.cli.main import main; main()", "--db", db, "serve", "--watch",
             "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 120
            found = None
            while time.monotonic() < deadline and proc.poll() is None:
                body = _get(f"http://127.0.0.1:{port}/api/articles")
                found = [a for a in (body or {}).get("articles", []) if a.get("url") == site.url("/a/1")]
                if found:
                    break
                time.sleep(0.3)
            assert found, f"the feed's article never appeared; exit {proc.poll()}"
            assert site.hits("/feed") >= 1
            assert site.requests[0].headers["user-agent"].startswith("frontlines")
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                output, _ = proc.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                output, _ = proc.communicate()
                pytest.fail(f"serve --watch did not stop within 120 s after SIGINT:\n{output[-3000:]}")
    assert proc.returncode == 0, output[-3000:]
    assert "serving" in output and "watch: 1 feeds polled" in output
    assert _get(f"http://127.0.0.1:{port}/api/articles") is None  # the port is closed
