"""Session fixtures for the nlp tests: the model with and without the place recogniser."""

from __future__ import annotations

import pytest

from tests.geo.conftest import session_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    return session_gazetteer()


@pytest.fixture(scope="session")
def nlp_places(gazetteer):
    from frontlines.nlp.model import load_nlp

    return load_nlp("en_core_web_sm", gazetteer=gazetteer)
