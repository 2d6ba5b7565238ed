"""A doer named inside a free relative of saying (events.free_relatives): "hit by what Russian officials said were
Ukrainian sea drones" is the drones' deed on the officials' word. Real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.pipeline import Resources
from frontlines.records import EventStatus
from tests.events.conftest import RunArticle, article_runner


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "free-relatives", dt.date(2023, 7, 17))


# (text, trigger, the doer's side, status, attributed to)
CASES = [
    # the free relative names the doer; the sayer, of the other side, reports it
    ("The Kerch bridge was hit by what Russian officials said were Ukrainian sea drones.", "hit", "UKR",
     EventStatus.HAPPENED, "Russian officials"),
    ("Three civilians were killed in Kharkiv by what Kyiv called Russian missiles.", "killed", "RUS",
     EventStatus.HAPPENED, "Kyiv"),
    ("Three civilians were killed in Kharkiv by what Kyiv described as Russian missiles.", "killed", "RUS",
     EventStatus.HAPPENED, "Kyiv"),
    # the deed the free relative names is told in another clause: the doer and the sayer carry to it
    ("Two people were killed when the bridge was hit by what Russian officials said were Ukrainian sea drones.",
     "killed", "UKR", EventStatus.HAPPENED, "Russian officials"),
    # a verb that marks a claim keeps it one, as "claimed that Ukrainian drones hit" does
    ("The Kerch bridge was hit by what Russian officials claimed were Ukrainian sea drones.", "hit", "UKR",
     EventStatus.CLAIMED, "Russian officials"),
    # negatives: a plain doer after "by" is told as fact; a report with the sayer outside "by" is as it was
    ("The Kerch bridge was hit by Ukrainian sea drones.", "hit", "UKR", EventStatus.HAPPENED, None),
    ("Three civilians were killed in Kharkiv by Russian missiles, Kyiv said.", "killed", "RUS",
     EventStatus.HAPPENED, "Kyiv"),
]


@pytest.mark.parametrize(("text", "trigger", "side", "status", "said_by"), CASES, ids=[c[0][:45] for c in CASES])
def test_a_doer_named_in_a_free_relative(run, text: str, trigger: str, side: str, status: EventStatus,  # noqa: ANN001
                                         said_by: str | None) -> None:
    events = {e.trigger: e for e in run(text)}
    assert trigger in events, sorted(events)
    event = events[trigger]
    assert [a.side for a in event.sources] == [side], event.sources
    assert not any("officials" in a.text or a.text == "Kyiv" for a in event.sources)  # the sayer did nothing
    assert event.status == status
    assert event.attributed_to == said_by


def test_a_partys_word_on_its_own_drones_is_its_claim(run) -> None:  # noqa: ANN001
    """The sayer naming its own side's weapons claims the deed, as "said its drones hit" would."""
    events = {e.trigger: e for e in run("The depot was hit by what Ukraine's military said were its own drones.")}
    assert "hit" in events, sorted(events)
    assert events["hit"].status == EventStatus.CLAIMED
    assert events["hit"].attributed_to == "Ukraine's military"
