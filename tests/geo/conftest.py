"""Session fixtures for the places tests: the gazetteer (built once, reused) and the model."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from frontlines.config import default_data_dir
from frontlines.errors import GeoError
from frontlines.geo.builder import build_gazetteer, load_gazetteer
from frontlines.geo.gazetteer import Gazetteer
from frontlines.pipeline import Resources, StageInput
from frontlines.records import Article, Place


def session_gazetteer() -> Gazetteer:
    """The default gazetteer (built on first use, ~30 s) or FRONTLINES_TEST_GAZETTEER."""
    path = Path(os.environ.get("FRONTLINES_TEST_GAZETTEER") or default_data_dir() / "gazetteer.sqlite")
    try:
        return load_gazetteer(path)
    except GeoError:  # an older schema: rebuild, as `frontlines gazetteer build --force` would
        build_gazetteer(path)
        return load_gazetteer(path)


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return session_gazetteer()


@pytest.fixture(scope="session")
def nlp(gazetteer: Gazetteer):
    from frontlines.nlp.model import load_nlp

    return load_nlp("en_core_web_sm", gazetteer=gazetteer)


@pytest.fixture(scope="session")
def resources(nlp, gazetteer: Gazetteer) -> Resources:
    return Resources(nlp=nlp, gazetteer=gazetteer)


@pytest.fixture(scope="session")
def places(nlp, resources: Resources) -> Callable[[str], tuple[Place, ...]]:
    """Run the places stage over a text."""
    from frontlines.geo import extract_places

    def run(text: str) -> tuple[Place, ...]:
        doc = nlp(text)
        return extract_places(StageInput(doc, Article(id="t", text=text), resources, {}))

    return run
