"""A strike told with no means of its own takes the means the article's other attacks from afar agree on
(events.barrages, events v351). Own sentences."""

from __future__ import annotations

import pytest

SHELLING, AIR = "Shelling/artillery/missile attack", "Air/drone strike"

ARTICLES = [
    # the article's barrage is missiles: the bare strike is a missile attack
    ("Overnight Russia launched 40 missiles at Ukraine. The mayor of Kharkiv reported a series of strikes on an "
     "industrial facility.", SHELLING),
    ("Rockets hit the centre of Belgorod on Saturday. Later a massive strike hit the port of the city.", SHELLING),
    # negative: the article names no other means: the bare strike keeps its default
    ("The mayor of Kharkiv reported a series of strikes on an industrial facility overnight.", AIR),
    # negative: the article's attacks disagree (rockets and an air strike): the strike keeps its reading
    ("Rockets hit the centre of Belgorod on Saturday. Warplanes bombed a village nearby. Later a massive strike hit "
     "the port of the city.", AIR),
    # negative: the strike's own sentence names its means
    ("Overnight Russia launched 40 missiles at Ukraine. A drone strike hit an industrial facility in Kharkiv.", AIR),
]


@pytest.mark.parametrize(("text", "sub"), ARTICLES, ids=[a[0][-50:] for a in ARTICLES])
def test_a_bare_strike_takes_the_articles_means(run_events, text: str, sub: str) -> None:
    strikes = [e for e in run_events(text) if e.trigger.lower().endswith(("strike", "strikes"))]
    assert strikes, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
    assert strikes[-1].acled_sub_event_type == sub, [(e.trigger, e.acled_sub_event_type) for e in run_events(text)]
