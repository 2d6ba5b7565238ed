"""The sayer as the doer its own words take up (events.sayers_deeds): "the police said they had arrested".
Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "sayers-deeds", dt.date(2024, 7, 17))


# (text, trigger, the doer's name or None for no doer, its side)
CASES = [
    # a body with its nation: itself
    ("The Haitian National Police said it had sent reinforcements to Saint-Marc on Thursday.", "sent",
     "The Haitian National Police", "HTI"),
    # a body named by its kind: the land's forces; "they" takes up a collective body
    ("The police said on Thursday that they had arrested several suspects in Makurdi, Benue state.", "arrested",
     "police", "NGA"),
    ("By Thursday, the armed forces said they had detained 329 people in Guayaquil.", "detained",
     "armed forces", "ECU"),
    # negatives: a pronoun that disagrees with the sayer, a doer named, a witness who tells another's deed
    ("The ministry said they had shelled Kharkiv on Thursday.", "shelled", None, None),
    ("The police said gunmen had abducted 20 people in Makurdi, Benue state.", "abducted", "gunmen", None),
    ("A resident said they had arrested several men in Makurdi, Benue state.", "arrested", None, None),
]


@pytest.mark.parametrize(("text", "trigger", "doer", "side"), CASES, ids=[c[0][:45] for c in CASES])
def test_the_sayer_taken_up_by_a_pronoun_did_it(run, text: str, trigger: str, doer: str | None,  # noqa: ANN001
                                                side: str | None) -> None:
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    doers = events[trigger].sources
    if doer is None:
        assert not doers, doers
        return
    assert [(a.name.lower(), a.side) for a in doers] == [(doer.lower(), side)], doers
