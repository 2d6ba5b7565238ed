"""`frontlines serve`: builds the app from settings and hands it to uvicorn (not started here)."""

from __future__ import annotations

from typer.testing import CliRunner

from frontlines.cli.main import app


def test_serve_passes_host_port_and_db(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    import uvicorn

    seen = {}

    def fake_run(application, host, port, log_level, timeout_graceful_shutdown):  # noqa: ANN001, ANN202
        seen.update(app=application, host=host, port=port, grace=timeout_graceful_shutdown)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["serve", "--host", "127.0.0.1", "--port", "8765", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8765
    assert seen["grace"] <= 10  # a request in progress never holds a shutdown for long
    assert seen["app"].state.settings.db == str(db) and db.exists()


def test_serve_uses_the_global_db(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(app=application, **kw))
    db = tmp_path / "g.db"
    result = CliRunner().invoke(app, ["--db", str(db), "serve"])
    assert result.exit_code == 0, result.output
    assert seen["app"].state.settings.db == str(db) and seen["port"] == 8000 and seen["host"] == "127.0.0.1"


def test_serve_rejects_bad_port() -> None:
    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code != 0


def test_serve_reports_unopenable_database(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "not-a-dir" / "x" / "y.db"
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{bad}"])
    assert result.exit_code == 1
