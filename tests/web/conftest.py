"""Browser fixtures: the app served on 127.0.0.1 over a demo-like database, and Debian's headless chromium.

Tests that need the browser skip, saying why, when /usr/bin/chromium is absent
(`make browser-deps` installs it). Playwright never downloads a browser here.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.api.app import VENDOR_DIR
from frontlines.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread, on a free loopback port, stopped at teardown."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _build_db(path: Path, specs: list[Any]) -> str:
    """Store the specs' articles, then merge incidents and control changes as `frontlines run` does."""
    from frontlines.control import update_after_run
    from frontlines.store import open_store
    from tests.api.builders import fill

    store = open_store(str(path))
    built = fill(store, specs)
    update_after_run(store, [article.id for article, _ in built])
    store.close()
    return str(path)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo articles plus one article full of script payloads."""
    from tests.api.builders import demo_specs, xss_spec

    return _build_db(tmp_path_factory.mktemp("web") / "web.db", [*demo_specs(), xss_spec()])


@pytest.fixture(scope="session")
def analyst_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo articles plus several reports of the same happenings and a capture/contest/retake sequence."""
    from tests.api.builders import demo_specs, sequence_specs

    return _build_db(tmp_path_factory.mktemp("web") / "analyst.db", [*demo_specs(), *sequence_specs()])


@pytest.fixture(scope="session")
def review_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """The demo articles with a reader and a reviewer: the database and each role's token (reviews write to it,
    so no other test shares it)."""
    from frontlines.records import Role
    from frontlines.store import open_store
    from tests.api.builders import demo_specs

    path = _build_db(tmp_path_factory.mktemp("web") / "review.db", demo_specs())
    store = open_store(path)
    tokens = {role.value: store.add_user(f"{role.value}-1", role) for role in (Role.READER, Role.REVIEWER)}
    store.close()
    return path, tokens


@pytest.fixture(scope="session")
def label_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small gazetteer (tests/api/builders.py LABEL_PLACES) for the base map's place labels."""
    from tests.api.builders import write_label_gazetteer

    return str(write_label_gazetteer(tmp_path_factory.mktemp("web") / "gazetteer.sqlite"))


@pytest.fixture(scope="session")
def honest_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo articles plus dates known only to a year or a month, a population, troops, a vague toll
    and an outlier placed on another continent (tests/api/builders.py honest_specs)."""
    from tests.api.builders import demo_specs, honest_specs

    return _build_db(tmp_path_factory.mktemp("web") / "honest.db", [*demo_specs(), *honest_specs()])


def _serve(db: str, gazetteer: str) -> Iterator[LiveServer]:
    from frontlines.api import create_app

    if not (VENDOR_DIR / "leaflet" / "leaflet.js").is_file():
        pytest.skip("the map's libraries are not built: run `make web`")
    app = create_app(Settings(db=db, gazetteer=gazetteer))
    with LiveServer(app) as server:
        yield server
    app.state.store.close()


@pytest.fixture(scope="session")
def live_server(web_db: str, label_gazetteer: str) -> Iterator[LiveServer]:
    yield from _serve(web_db, label_gazetteer)


@pytest.fixture(scope="session")
def analyst_server(analyst_db: str, label_gazetteer: str) -> Iterator[LiveServer]:
    yield from _serve(analyst_db, label_gazetteer)


@pytest.fixture(scope="session")
def honest_server(honest_db: str, label_gazetteer: str) -> Iterator[LiveServer]:
    yield from _serve(honest_db, label_gazetteer)


@pytest.fixture(scope="session")
def review_server(review_db: tuple[str, dict[str, str]], label_gazetteer: str) -> Iterator[LiveServer]:
    """The app over :func:`review_db`; the gazetteer resolves a corrected place's name."""
    yield from _serve(review_db[0], label_gazetteer)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium chromium-driver)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def _open(browser: Any, server: LiveServer, path: str) -> Iterator[Any]:
    """A fresh page at ``path``, with console errors, page errors and CSP reports collected."""
    live_server = server
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda exc: pg.problems.append(f"pageerror: {exc}"))
    pg.on("console", lambda msg: pg.problems.append(f"console.{msg.type}: {msg.text}")
          if msg.type in ("error", "warning") else None)
    # Every request must stay on this machine: the page works offline.
    pg.outside = []  # type: ignore[attr-defined]
    pg.on("request", lambda req: None if req.url.startswith((live_server.url, "data:")) else pg.outside.append(req.url))
    pg.goto(live_server.url + path)
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield pg
    context.close()


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """The map in its raw-events view (?view=events) over the demo database."""
    yield from _open(browser, live_server, "/?view=events")


@pytest.fixture
def incidents_page(browser: Any, analyst_server: LiveServer) -> Iterator[Any]:
    """The map as a user first sees it (incidents, control layer) over the analyst database."""
    yield from _open(browser, analyst_server, "/")


@pytest.fixture
def honest_page(browser: Any, honest_server: LiveServer) -> Iterator[Any]:
    """The raw-events view over the honest database."""
    yield from _open(browser, honest_server, "/?view=events")


@pytest.fixture
def review_page(browser: Any, review_server: LiveServer) -> Iterator[Any]:
    """The raw-events view over the review database, with no token yet."""
    yield from _open(browser, review_server, "/?view=events")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
