"""Settings: packaged defaults < TOML file < FRONTLINES_* environment < CLI flags.

The TOML file is ``./frontlines.toml`` or the path in ``FRONTLINES_CONFIG``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from frontlines.errors import ConfigError


def default_data_dir() -> Path:
    """Where built artefacts (the gazetteer) live: $XDG_DATA_HOME/frontlines."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "frontlines"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: str = "frontlines.db"  # a path or a SQLAlchemy URL
    model: str = "en_core_web_sm"
    gazetteer: str = ""  # path to the gazetteer SQLite file; "" = <data_dir>/gazetteer.sqlite
    data_dir: str = ""
    actors_file: str = ""  # user's extra actor registry (YAML)
    api_token: str = ""  # writes through the API are refused without one
    tile_url: str = ""  # e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
    max_bytes: int = 5_000_000  # larger inputs are rejected at ingest (E106), larger articles at processing (E204)
    api_max_body: int = 12_000_000  # larger request bodies are refused with 413 (E903) before being read
    piece_chars: int = 50_000  # longer articles are processed in pieces of at most this many characters
    batch_size: int = 64
    workers: int = 1
    # fetching web pages and feeds (frontlines.fetch; docs/guide/watching.md says what is sent)
    user_agent: str = "frontlines/0.1 (conflict-news event extraction; set user_agent to add a contact)"
    fetch_timeout: float = 20.0  # seconds for one attempt, headers and body together (E114)
    fetch_retries: int = 2  # more attempts after a timeout, a refused connection, 429 or 5xx
    fetch_backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    fetch_max_redirects: int = 5  # more, or a loop, is E119
    fetch_concurrency: int = 16  # requests in flight at once, over all hosts
    fetch_per_host: int = 2  # requests in flight at once to one host
    fetch_host_delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay raises it)
    fetch_allow_networks: str = ""  # comma-separated CIDRs fetched although private/loopback/link-local
    watch_every: float = 900.0  # seconds between two polls of the feeds
    # alerts (frontlines.alerts; docs/guide/watching.md#alerts): webhooks obey fetch_allow_networks too
    alert_timeout: float = 10.0  # seconds for one webhook POST
    alert_retries: int = 2  # more attempts after a timeout, a refused connection, 429 or 5xx
    alert_backoff: float = 1.0  # seconds before the first retry, doubled for each next one

    @property
    def gazetteer_path(self) -> Path:
        if self.gazetteer:
            return Path(self.gazetteer)
        return Path(self.data_dir or default_data_dir()) / "gazetteer.sqlite"


_FIELDS = {f.name: f for f in dataclasses.fields(Settings)}


def _coerce(name: str, value: Any) -> Any:
    kind = _FIELDS[name].type
    try:
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            return float(value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}={value!r}: {exc}") from exc


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Merge the four layers into one Settings. ``None`` overrides are ignored."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = config_file or Path(env.get("FRONTLINES_CONFIG", "frontlines.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: {exc}") from exc
        section = data.get("frontlines", data)
        for key, value in section.items():
            if key not in _FIELDS:
                raise ConfigError(f"{path}: unknown setting {key!r}")
            values[key] = _coerce(key, value)
    for name in _FIELDS:
        env_value = env.get(f"FRONTLINES_{name.upper()}")
        if env_value is not None and env_value != "":
            values[name] = _coerce(name, env_value)
    for key, value in (overrides or {}).items():
        if value is not None:
            if key not in _FIELDS:
                raise ConfigError(f"unknown setting {key!r}")
            values[key] = _coerce(key, value)
    return Settings(**values)
