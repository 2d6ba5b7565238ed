"""The app as a whole: one error shape for every error, security headers, the web page, the CSP."""

from __future__ import annotations

import pytest

from frontlines.api.app import VENDOR_DIR, content_security_policy, tile_origin
from frontlines.config import Settings
from tests.api.conftest import _client


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/api/nothing", 404), ("GET", "/nothing.html", 404), ("DELETE", "/api/events", 405),
     ("PUT", "/api/articles", 405), ("POST", "/api/events", 405),
     ("GET", "/static/nothing.js", 404), ("GET", "/api/events/x/y", 404)],
)
def test_http_errors_have_the_one_shape(client, method, path, status) -> None:  # noqa: ANN001
    r = client.request(method, path)
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and body["status"] == status and body["error"] and body["code"]


@pytest.mark.parametrize("path", ["/", "/api/events", "/api/events?type=ASSAULT&limit=2", "/api/events.geojson",
                                  "/api/stats", "/api/openapi.json", "/static/app.js", "/api/nothing",
                                  "/api/events?limit=0"])
def test_head_answers_like_get_without_a_body(client, path) -> None:  # noqa: ANN001
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code != 405
    assert head.content == b""
    for name in ("content-type", "content-length", "content-security-policy"):
        assert head.headers.get(name) == get.headers.get(name), name


class _BrokenStore:
    """A store whose every query fails unexpectedly (a bug, a lost connection)."""

    def __getattr__(self, name: str):  # noqa: ANN204
        def fail(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
            raise RuntimeError("SELECT secret FROM internals")

        return fail


def test_unexpected_errors_are_500s_without_internals(fresh_db) -> None:  # noqa: ANN001
    gen = _client(Settings(db=fresh_db), store=_BrokenStore())
    c = next(gen)
    for path in ("/api/events", "/api/articles", "/api/stats", "/api/places"):
        r = c.get(path)
        assert r.status_code == 500
        assert r.json() == {"ok": False, "error": "internal error", "status": 500, "code": "E000"}
        assert "secret" not in r.text
    # Validation still runs first: a bad parameter is the client's error, not a 500.
    assert c.get("/api/events", params={"limit": 0}).status_code == 422


def test_security_headers_on_every_response(client) -> None:  # noqa: ANN001
    for path in ("/", "/api/events", "/api/nothing", "/static/app.js"):
        h = client.get(path).headers
        assert "script-src 'self'" in h["content-security-policy"], path
        assert "'unsafe-inline'" not in h["content-security-policy"]
        assert h["x-content-type-options"] == "nosniff"


@pytest.mark.skipif(not (VENDOR_DIR / "leaflet" / "leaflet.js").is_file(),
                    reason="front-end libraries not built: run `make web`")
def test_index_serves_the_map_page(client) -> None:  # noqa: ANN001
    r = client.get("/")
    assert r.status_code == 200 and 'id="map"' in r.text and 'src="/static/app.js"' in r.text
    assert "<script>" not in r.text  # no inline script: the CSP forbids it
    for path in ("/static/app.js", "/static/style.css", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/markercluster/leaflet.markercluster.js"):
        assert client.get(path).status_code == 200, path


def test_index_explains_missing_libraries(client, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    import frontlines.api.app as app_module

    monkeypatch.setattr(app_module, "VENDOR_DIR", tmp_path / "nothing")
    r = client.get("/")
    assert r.status_code == 503 and "make web" in r.text


@pytest.mark.parametrize(
    ("url", "origin"),
    [("", None), ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
     ("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080"), ("javascript:alert(1)", None),
     ("tiles/{z}/{x}/{y}.png", None)],
)
def test_tile_origin(url, origin) -> None:  # noqa: ANN001
    assert tile_origin(url) == origin


def test_csp_is_strict() -> None:
    csp = content_security_policy(Settings())
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
