"""events.leads: an attack the lead tells as what its news came after, told again in the body, is the body's
event (events v255); a lead background the body does not tell again, and the lead's own news, stay."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

CASES = [
    ("TUNIS, May 14 (Reuters) - Libya's Tripoli-based government announced a ceasefire on Wednesday after a second "
     "night of heavy fighting between armed factions in the capital.\n\n"
     "Fighting broke out late on Tuesday between units loyal to Dbeibah and the Rada force in Tripoli.", 1),
    ("Haiti's government declared a state of emergency on Sunday after armed gangs stormed the country's largest "
     "prison.\n\nGang members attacked the National Penitentiary in downtown Port-au-Prince on Saturday night.", 1),
    # negatives: the body does not tell it again; the lead's own news is no background
    ("TUNIS, May 14 (Reuters) - Libya's Tripoli-based government announced a ceasefire on Wednesday after a second "
     "night of heavy fighting between armed factions in the capital.\n\nThe United Nations welcomed the truce.", 1),
    ("Gunmen attacked a police post in Bannu on Monday.\n\nOn Tuesday, militants attacked a checkpoint in Lakki "
     "Marwat.", 2),
]


@pytest.mark.parametrize(("text", "attacks"), CASES, ids=["fighting", "stormed", "not-retold", "lead-news"])
def test_a_lead_background_told_in_the_body_is_the_body_event(pipeline_resources: Any, text: str,
                                                             attacks: int) -> None:
    from frontlines.pipeline import process_article
    from frontlines.records import Article

    extraction = process_article(Article(id="t", text=text, published=dt.date(2025, 5, 14)), pipeline_resources)
    got = [(e.plover_type, e.trigger, e.evidence.start) for e in extraction.events]
    assert sum(1 for e in extraction.events if e.plover_type == "ASSAULT") == attacks, got
