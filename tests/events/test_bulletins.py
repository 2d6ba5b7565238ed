"""events.bulletins: a line with no verb that names an attack, in an entry a clock time opens, is a bulletin
of the nearest telling of that attack in the article; a line with a verb, another place, or no telling of
its kind keeps its own event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.events.bulletins import timed_entry, verbless

LIVE = ("KYIV LIVE | 24.04.2025\n\n"
        "01:12 Explosions in the capital. Stay in shelters!\n\n"
        "01:40 Ballistic missiles.\n\n"
        "06:30 Tkachenko, head of the city military administration: a missile hit a residential building in "
        "Sviatoshynskyi district and two floors collapsed.\n\n"
        "09:15 UPDATE: nine dead and more than 70 injured in Kyiv, among them six children.")

CASES = [
    # the bulletins and the update join the telling
    (LIVE, 1),
    ("YEMEN MONITOR | 18 April 2025\n\nBREAKING 00:40 - Series of heavy strikes on Ras Isa fuel port.\n\n"
     "07:15 - US warplanes struck Ras Isa fuel port overnight, the health ministry said.", 1),
    # another place of its own; no telling of its kind
    ("ODESA LIVE | 24.04.2025\n\n01:12 Explosions in Odesa.\n\n06:30 A missile hit a residential building in Kharkiv, "
     "the regional governor said.", 2),
    ("KYIV LIVE | 24.04.2025\n\n01:12 Explosions in the capital. Stay in shelters!", 1),
    # events v191: a bulletin its own entry tells below its line is told there, not elsewhere
    ("KYIV LIVE | 24.04.2025\n\n06:30 Missiles hit the Kyiv region overnight, the governor said.\n\n"
     "09:40 A missile attack on Bucha. A car was damaged and the driver was injured.", 2),
    # the same line with nothing told below it joins the telling
    ("KYIV LIVE | 24.04.2025\n\n06:30 Missiles hit the Kyiv region overnight, the governor said.\n\n"
     "09:40 A missile attack on Bucha. Stay in shelters!", 1),
    # events v197: nor does a telling of the same means at a place around it absorb it (a same-happening merge); with
    # nothing told below its line it joins that telling
    ("KYIV LIVE | 24.04.2025\n\n06:30 Russian missiles hit the Kyiv region overnight, the governor said.\n\n"
     "09:40 A missile attack on Bucha. A car was damaged and the driver was injured.", 2),
    ("KYIV LIVE | 24.04.2025\n\n06:30 Russian missiles hit the Kyiv region overnight, the governor said.\n\n"
     "09:40 A missile attack on Bucha. Stay in shelters!", 1),
]


@pytest.mark.parametrize(("text", "n"), CASES, ids=[f"{c[0][12:40]}-{c[1]}" for c in CASES])
def test_a_bulletin_is_the_telling_of_its_attack(pipeline_resources: Any, text: str, n: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 4, 24)), pipeline_resources)
    events = [e for e in extraction.events if e.plover_type == "ASSAULT"]
    assert len(events) == n, [(e.trigger, e.place and e.place.name) for e in events]


LINES = [
    ("01:12 Explosions in the capital.", True, True),
    ("09:15 UPDATE: nine dead and more than 70 injured in Kyiv, among them six children.", True, True),
    ("BREAKING 00:40 - Series of heavy strikes on Ras Isa fuel port.", True, True),
    # a verb at the root, a finite verb, a verb with its subject under a dateline; no clock time
    ("07:15 - 58 killed, 126 injured in US strikes on Ras Isa port last night.", False, True),
    ("06:30 A missile hit a residential building.", False, True),
    ("GENEVA (12 May 2023) - Malian troops and foreign military personnel summarily executed at least 500 people.",
     False, False),
    ("Explosions in the capital.", True, False),
    # events v192: the clock time on a line of its own over the entry opens the paragraph the line is in
    ("KYIV LIVE | 24.04.2025\n\n01:12\nExplosions in the capital.", True, True),
    ("KYIV LIVE | 24.04.2025\n\n01:12\nStay in shelters.\nExplosions in the capital.", True, True),
    # a clock time in another paragraph, or inside the line's text, opens nothing
    ("01:12\n\nExplosions in the capital.", True, False),
    ("Sirens at 01:12.\nExplosions in the capital.", True, False),
]


@pytest.mark.parametrize(("text", "no_verb", "timed"), LINES)
def test_verbless_and_timed_entry(pipeline_resources: Any, text: str, no_verb: bool, timed: bool) -> None:
    doc = pipeline_resources.nlp(text)
    sent = next(s for s in doc.sents if any(t.lower_ in ("explosions", "dead", "strikes", "killed", "hit", "executed")
                                           for t in s))
    assert (verbless(sent), timed_entry(sent)) == (no_verb, timed)
