"""Party claims versus independent reports."""

from __future__ import annotations

import pytest

from frontlines.incidents.sources import claiming_side, is_party_claim
from frontlines.records import Event, Sector
from tests.incidents.helpers import actor, evidence


def _event(attributed: str | None, *, sources: tuple = ()) -> Event:
    return Event(evidence=evidence("x", "s"), trigger="struck", plover_type="ASSAULT", attributed_to=attributed,
                 sources=sources)


@pytest.mark.parametrize(
    ("attributed", "outlet", "party"),
    [
        (None, "Reuters", False),  # the outlet reports it as fact
        ("Russian Defence Ministry", "Reuters", True),
        ("the General Staff of the Armed Forces of Ukraine", "BBC News", True),
        ("a spokesman for the Southern Command", "Kyiv Independent", True),
        ("regional governor Oleh Syniehubov", "AP", True),
        ("a pro-Russian Telegram channel", "i news", True),
        ("witnesses", "Reuters", False),
        ("the United Nations human rights office", "Reuters", False),
        ("the Institute for the Study of War", "BBC News", False),
        (None, "Ukrainian Ministry of Defence (Telegram)", True),  # the outlet is a party
        (None, "Rybar (Telegram)", True),
        (None, "The Guardian", False),
    ],
)
def test_party_claim(attributed: str | None, outlet: str, party: bool) -> None:
    assert is_party_claim(_event(attributed), outlet) is party


def test_attribution_to_own_military_actor_is_a_claim_with_its_side() -> None:
    ukr = actor("x", "UKR")
    ev = _event("Armed Forces of Ukraine", sources=(ukr,))
    assert is_party_claim(ev, "Reuters")
    assert claiming_side(ev, "Reuters") == "UKR"


def test_attribution_to_a_civilian_actor_is_not_a_claim() -> None:
    from dataclasses import replace

    villager = replace(actor("x", "UKR"), name="Olena Kovalenko", text="Olena Kovalenko", sector=Sector.CIVILIAN)
    ev = _event("Olena Kovalenko", sources=(villager,))
    assert not is_party_claim(ev, "Reuters")
    assert claiming_side(ev, "Reuters") is None
