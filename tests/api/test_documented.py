"""Every API route and every CLI command is documented."""

from __future__ import annotations

import pytest
from fastapi.routing import APIRoute
from typer.main import get_command

from frontlines.cli.main import app as cli_app


def test_every_route_has_summary_and_description(client) -> None:  # noqa: ANN001
    schema = client.get("/api/openapi.json").json()
    ops = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert len(ops) >= 11
    for path, method, op in ops:
        assert op.get("summary"), f"{method.upper()} {path} has no summary"
        assert len(op.get("description", "")) > 20, f"{method.upper()} {path} has no description"
        for p in op.get("parameters", []):
            if p["in"] == "query":
                assert p.get("description"), f"{method.upper()} {path}: parameter {p['name']} undocumented"


def test_every_app_route_is_in_the_schema(client) -> None:  # noqa: ANN001
    paths = client.get("/api/openapi.json").json()["paths"]
    routed = {prefix + r.path for prefix, r in _api_routes(client.app.routes) if r.include_in_schema}
    assert routed == set(paths) and len(routed) >= 11


def _api_routes(routes, prefix: str = ""):  # noqa: ANN001, ANN202
    """Every APIRoute, through included routers (FastAPI nests them in newer versions)."""
    for r in routes:
        if isinstance(r, APIRoute):
            yield prefix, r
        inner = getattr(r, "original_router", None)
        if inner is not None:
            ctx = getattr(r, "include_context", None)
            yield from _api_routes(inner.routes, prefix + (getattr(ctx, "prefix", "") or ""))


def _commands():  # noqa: ANN202
    group = get_command(cli_app)
    return sorted(group.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_cli_command_has_help(name, command) -> None:  # noqa: ANN001
    assert (command.help or "").strip(), f"`frontlines {name}` has no help text"
    for param in command.params:
        if param.name not in ("help",) and getattr(param, "help", None) is not None:
            assert param.help.strip()


def test_serve_is_registered() -> None:
    assert "serve" in dict(_commands())
