"""A doer "it"/"they" opening its sentence is the party the sentence before had as its subject
(events.pronoun_doers). Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "pronoun-doers", dt.date(2022, 4, 15))


# (text, trigger, the doer's side or None for no doer)
CASES = [
    ("Early on Friday the Russian Defense Ministry said missiles had struck the Vizar plant near Kyiv. "
     "A day earlier, it had warned that strikes on targets in Kyiv would increase.", "warned", "RUS"),
    # negatives: the subject before is a person; the pronoun disagrees with the subject before
    ("Early on Friday Dmitry Peskov said missiles had struck the Vizar plant near Kyiv. "
     "A day earlier, it had warned that strikes on targets in Kyiv would increase.", "warned", None),
    ("Early on Friday Russian officials said missiles had struck the Vizar plant near Kyiv. "
     "A day earlier, it had warned that strikes on targets in Kyiv would increase.", "warned", None),
]


@pytest.mark.parametrize(("text", "trigger", "side"), CASES, ids=[c[0][15:50] for c in CASES])
def test_it_continues_the_party_told_of_before(run, text: str, trigger: str, side: str | None) -> None:  # noqa: ANN001
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    doers = events[trigger].sources
    if side is None:
        assert not doers, doers
    else:
        assert [a.side for a in doers] == [side], doers
