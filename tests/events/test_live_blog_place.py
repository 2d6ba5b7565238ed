"""events.context.post_starts / preceding_place: each time-stamped post of a live blog is a report of
its own when the blog's heading names its place; the place of one post does not carry to a later
post that names none, unless the sentence says "there". Real pipeline for the places."""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines.events.context import post_starts
from frontlines.pipeline import Resources
from tests.events.conftest import RunArticle, article_runner


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("LIVE | 11 October\n\n01:55\nExplosions in Ganja.\n\n08:30\nThe attack was repelled.", [19, 47]),
        ("01:12 Explosions in the capital.\n\n07:15 - The ministry said five were killed.", [0, 34]),
        # negative: one stamped paragraph is no live blog
        ("Fighting in Ganja.\n\n08:30\nThe attack was repelled.", []),
        # negative: a number with a decimal point or a ratio is no clock time
        ("10.5 million people fled.\n\n12.75 per cent were children.\n\n3:1 was the ratio.", []),
        ("24:10 is no time.\n\n99:00 neither.", []),
    ],
)
def test_post_starts(text: str, starts: list[int]) -> None:
    assert post_starts(text) == starts


@pytest.fixture(scope="module")
def run(pipeline_resources: Resources) -> RunArticle:
    return article_runner(pipeline_resources, "live-blog", dt.date(2020, 10, 11))


_BLOG = ("ARTSAKH WAR LIVE | 11 October 2020\n\n"
         "01:55\nStrong explosions were reported in Ganja, local media say.\n\n"
         "07:40\nA missile hit a residential building in Ganja at about 02:00. Nine people were killed.\n\n")


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a later post that names no place does not take the place of the post before it, but the heading's
        (_BLOG + "08:30\nOvernight the adversary attacked in the southern direction, despite the truce.",
         "attacked", "Nagorno-Karabakh"),
        # negative: a blog whose heading names no place (a digest) keeps the nearest place named before
        (_BLOG.replace("ARTSAKH ", "") + "08:30\nOvernight the adversary attacked in the southern direction.",
         "attacked", "Ganja"),
        # negative: within its own post, the nearest place named before it
        (_BLOG + "08:30\nRockets fell on Tartar. Later the adversary attacked in the southern direction.",
         "attacked", "Tartar"),
        # negative: "there" points back to the place named before
        (_BLOG + "08:30\nFighting went on there overnight, the ministry said.", "Fighting", "Ganja"),
        # negative: no live blog (one stamp): the nearest place named before it
        ("Strong explosions were reported in Ganja on Sunday.\n\n08:30\nOvernight the adversary attacked in "
         "the southern direction, despite the truce.", "attacked", "Ganja"),
    ],
)
def test_a_post_takes_no_place_from_the_post_before(run, text: str, trigger: str, place: str | None) -> None:
    e = next(e for e in run(text) if e.trigger.startswith(trigger))
    got = e.place.name if e.place is not None else None
    assert got == place, e.place


def test_a_post_takes_the_blogs_heading_place(run) -> None:
    text = ("KHARKIV LIVE | 11 October 2020\n\n01:55\nStrong explosions were reported in Ganja.\n\n"
            "08:30\nOvernight the adversary attacked in the southern direction, despite the truce.")
    e = next(e for e in run(text) if e.trigger.startswith("attacked"))
    assert e.place is not None and e.place.name == "Kharkiv" and "heading" in (e.place.reason or ""), e.place
