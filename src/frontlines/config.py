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
    max_bytes: int = 5_000_000  # larger inputs are rejected (E106)
    api_max_body: int = 12_000_000  # larger request bodies are refused with 413 (E903) before being read
    batch_size: int = 64
    workers: int = 1

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
