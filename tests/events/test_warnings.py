"""events.warnings: a warning is a threat only when it warns of a harm to come, not of a state."""

from __future__ import annotations

import pytest

WARNINGS = [
    # (text, a THREATEN event expected)
    # a forecast of a state: no threat
    ("The U.S. State Department warned that a spill from the tanker would be four times the size of the Exxon "
     "Valdez disaster.", False),
    ("The agency warned that the situation in the camps would become catastrophic.", False),
    # a harm to come stays a threat
    ("Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya group.", True),
    ("The FARDC warn the Kigali regime that any new attack on the territory of the DRC will receive an "
     "appropriate response.", True),
    ("Russia warned Ukraine that it would strike Kyiv.", True),
    # advice to the ones warned is left a threat (see the module docstring)
    ("The Israeli military had warned residents not to move north during the truce.", True),
]


@pytest.mark.parametrize(("text", "threat"), WARNINGS)
def test_a_warning_of_no_harm_is_no_threat(run_events, text: str, threat: bool) -> None:
    events = run_events(text)
    assert ("THREATEN" in {e.plover_type for e in events}) is threat, [(e.plover_type, e.trigger) for e in events]
