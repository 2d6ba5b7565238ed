"""`frontlines ingest URL`, `frontlines watch` and `frontlines feeds` against a local server (loopback allowed)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from frontlines.cli.main import app
from tests.fetch.site import Response, local_site
from tests.fetch.stories import page, rss

runner = CliRunner()
RSS = "application/rss+xml"


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("FRONTLINES_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("FRONTLINES_FETCH_HOST_DELAY", "0")
    monkeypatch.setenv("FRONTLINES_FETCH_RETRIES", "0")
    monkeypatch.setenv("FRONTLINES_FETCH_TIMEOUT", "5")  # generous: CI machines are loaded


def _cli(db: str, *args: str):  # noqa: ANN202
    return runner.invoke(app, ["--db", db, "--quiet", *args])


def test_ingest_takes_urls_beside_files(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv on Monday, the governor said. " * 5)
    with local_site() as site:
        site.routes["/page"] = Response(page(51, site.url("/page")))
        site.routes["/feed"] = Response(rss("F", [(52, site.url("/f/1")), (53, site.url("/f/2"))]), content_type=RSS)
        site.routes["/img"] = Response(b"\x89PNG", content_type="image/png")
        db = str(tmp_path / "t.db")
        done = _cli(db, "ingest", str(tmp_path / "a.txt"), site.url("/page"), site.url("/feed"), site.url("/img"),
                    "--json")
        assert done.exit_code == 2, done.output  # the image is rejected, the rest stored
        report = json.loads(done.stdout)
        assert (report["stored"], report["rejected"]) == (4, 1)
        from frontlines.store import open_store

        assert [(r.origin, r.code) for r in open_store(db).list_rejections()] == [(site.url("/img"), "E120")]


def test_feeds_commands_and_a_watch_once(tmp_path) -> None:  # noqa: ANN001
    with local_site() as site:
        site.routes["/feed"] = Response(rss("F", [(61, site.url("/f/1")), (62, site.url("/f/2"))]), content_type=RSS)
        site.routes["/dead"] = Response(b"oops", 500, "text/plain")
        opml = tmp_path / "feeds.opml"
        opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                        f'<outline text="Dead" type="rss" xmlUrl="{site.url("/dead")}"/></outline></body></opml>')
        db = str(tmp_path / "t.db")
        assert _cli(db, "feeds", "add", site.url("/feed")).exit_code == 0
        assert _cli(db, "feeds", "add", "file:///etc/passwd").exit_code == 1  # E116
        assert _cli(db, "feeds", "import", str(opml)).exit_code == 0
        done = _cli(db, "watch", "--once", "--no-process")
        assert done.exit_code == 2, done.output  # one feed failed: shown, recorded, not fatal
        assert "2 feeds polled (0 not modified, 1 failed), 2 new articles" in done.output
        assert "[E118]" in done.output
        feeds = {f["url"]: f for f in json.loads(_cli(db, "feeds", "list", "--json").stdout)}
        assert feeds[site.url("/dead")]["error_code"] == "E118" and feeds[site.url("/dead")]["title"] == "Dead"
        assert feeds[site.url("/feed")]["articles"] == 2
        assert _cli(db, "feeds", "remove", site.url("/dead")).exit_code == 0
        again = _cli(db, "watch", "--once", "--no-process")
        assert again.exit_code == 0 and "1 feeds polled" in again.output and "0 new articles" in again.output


def test_watch_without_feeds_is_a_clear_error(tmp_path) -> None:  # noqa: ANN001
    done = _cli(str(tmp_path / "t.db"), "watch", "--once")
    assert done.exit_code == 1 and "no feeds to watch" in done.output
