"""events.releases: a release's own statements are made at its dateline's town; the issuer is named by a word
of its name, its initials, or a definite noun of its kind."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.events.test_context import _at

_OHCHR = "Office of the UN High Commissioner for Human Rights"
_IOM = "International Organization for Migration"
_REPORT = " - Troops killed at least 500 people in the village of Moura. "
# (text, the article's source, the statement's first words, the dateline town it takes or None)
ISSUER_CASES = [
    # the issuer as the subject of the statement's own verb, by a word of its name
    ("GENEVA (12 May 2023)" + _REPORT + "The High Commissioner called on the authorities to investigate.", _OHCHR,
     "The High Commissioner", "GENEVA"),
    # by its initials
    ("GENEVA (12 May 2023)" + _REPORT + "IOM calls on donors to fund its response plan.", _IOM, "IOM calls", "GENEVA"),
    # by a definite noun its name has for its kind
    ("GENEVA (12 May 2023)" + _REPORT + "The office also called on all parties to respect the law.", _OHCHR,
     "The office", "GENEVA"),
    # negatives: another body's initials; another body's noun; a longer description is not the issuer alone
    ("GENEVA (12 May 2023)" + _REPORT + "ICRC calls on donors to fund its response plan.", _IOM, "ICRC calls", None),
    ("GENEVA (12 May 2023)" + _REPORT + "The army called on the rebels to surrender.", _OHCHR, "The army", None),
    ("GENEVA (12 May 2023)" + _REPORT + "The office of the governor called on the rebels to surrender.", _OHCHR,
     "The office of", None),
]


@pytest.mark.parametrize(("text", "source", "starts", "expected"), ISSUER_CASES,
                         ids=[f"{c[2]}-{c[3]}" for c in ISSUER_CASES])
def test_a_release_names_its_issuer_by_its_name_initials_or_kind(run_events, text: str, source: str, starts: str,
                                                                 expected: str | None) -> None:
    town = text.split(" ")[0]
    places = (replace(_at(text, town, "CHE", "settlement"), reason="dateline: where the report was filed"),)
    events = [e for e in run_events(text, places=places, source=source) if e.evidence.text.startswith(starts)]
    assert events, [e.evidence.text for e in run_events(text, places=places, source=source)]
    assert (events[0].place.text if events[0].place else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a release's own place-and-date line under its heading, with no dash, is its dateline (stages.dateline_spans)
    ("PRESS RELEASE\nJuba, 7 March 2025\n\nGunmen attacked a helicopter in Nasir. We call on all parties to refrain "
     "from violence.", "Juba"),
    # negative: a title line that names the town in a sentence is no dateline
    ("Gunmen attacked Juba, 7 March 2025\n\nGunmen attacked a helicopter in Nasir. We call on all parties to refrain "
     "from violence.", None),
])
def test_a_release_line_of_place_and_date_is_its_dateline(run_events, text: str, expected: str | None) -> None:
    town = "Juba"
    place = _at(text, town, "SSD", "settlement")
    from frontlines.stages import dateline_spans

    if any(a <= place.evidence.start < b for a, b in dateline_spans(text)):
        place = replace(place, reason="dateline: where the report was filed")
    events = [e for e in run_events(text, places=(place,), source="UN Mission in South Sudan")
              if e.evidence.text.startswith("We call")]
    assert events
    assert (events[0].place.text if events[0].place else None) == expected
