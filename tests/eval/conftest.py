"""Eval test fixtures: the real pipeline's resources, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


@pytest.fixture(scope="session")
def resources():  # noqa: ANN201 - frontlines.pipeline.Resources
    """Model, gazetteer and actor registry as `frontlines eval` loads them (packaged defaults only:
    no user config file, no FRONTLINES_* environment)."""
    from frontlines.config import load_settings
    from frontlines.pipeline import load_resources

    return load_resources(load_settings(env={}, config_file=Path(os.devnull)))
