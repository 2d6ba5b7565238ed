"""events.venues: a meeting named as where or to whom something was said is the statement's setting, no event;
a meeting told by a verb of its own, one an act was done at, or one that names the party met stays."""

from __future__ import annotations

import pytest

DROPPED = [
    # (text, trigger word that must give no event)
    ('Asked at the G7 summit in Hiroshima whether Bakhmut was still in Ukrainian hands, Zelensky answered: "I think '
     'no."', "summit"),
    ("This is a direct act of ethnic cleansing, Armenian Prime Minister Nikol Pashinyan told a cabinet meeting in "
     "Yerevan.", "meeting"),
]

KEPT = [
    # (text, trigger word that must give an event)
    ("Leaders met at a summit in Brussels on Thursday.", "met"),
    ("The summit ended without an agreement on Friday.", "summit"),
    ("The two sides held talks in Doha on Monday.", "held talks"),
    ("The foreign minister said at a meeting with his Chinese counterpart on Monday that Russia was ready for talks.",
     "meeting"),
]


@pytest.mark.parametrize(("text", "trigger"), DROPPED)
def test_venue_of_a_statement_is_no_event(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert all(not t.startswith(trigger) for t in triggers), triggers


@pytest.mark.parametrize(("text", "trigger"), KEPT)
def test_meeting_told_for_itself_stays(run_events, text: str, trigger: str) -> None:
    triggers = [e.trigger for e in run_events(text)]
    assert any(t.startswith(trigger) for t in triggers), triggers
