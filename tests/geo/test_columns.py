"""A Doc's words read once for the recogniser: the columns match the Tokens, and a run's key is normalise_name's."""

from __future__ import annotations

import pytest
import spacy

from frontlines.geo.columns import DocColumns
from frontlines.geo.entries import fold_name, normalise_name


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops left Kherson on Friday.",
        "Ivano-Frankivsk and Dnipropetrovs'k, near St. Louis",
        "Shelling hit Zaporizhzhia  Oblast \n\n overnight",  # runs of spaces and a paragraph break
        "Київ і Харків",  # not ASCII: accents dropped as normalise_name drops them
        "São\u00a0Paulo — Ḱyiv’s e\u0301tat ΣΊΣΥΦΟΣ Straße",  # no-break space, dashes, combining marks, final sigma
        "U.S. - D.C.",
        "",
    ],
)
def test_columns_and_keys_match_the_tokens(blank, text: str) -> None:
    doc = blank(text)
    cols = DocColumns(doc, doc.text)
    assert cols.n == len(doc)
    assert cols.texts == [t.text for t in doc]
    assert cols.lowers == [t.lower_ for t in doc]
    assert cols.alpha == [t.is_alpha for t in doc]
    assert cols.starts == [t.idx for t in doc]
    assert cols.ends == [t.idx + len(t.text) for t in doc]
    for i in range(len(doc)):
        for end in range(i + 1, len(doc) + 1):
            assert cols.key(i, end) == normalise_name(doc[i:end].text), (i, end)


@pytest.mark.parametrize(
    ("start", "end", "key"),
    [
        (0, 3, "ivano frankivsk"),  # "Ivano", "-", "Frankivsk": the hyphen is a space, and no space doubles
        (0, 5, "ivano frankivsk and dnipropetrovsk"),  # the apostrophe dropped
        (4, 5, "dnipropetrovsk"),
        (0, 2, "ivano"),  # a run ending on the hyphen: its space goes
        (1, 2, ""),  # the hyphen alone: no key
    ],
)
def test_key_of_a_run(blank, start: int, end: int, key: str) -> None:
    doc = blank("Ivano-Frankivsk and Dnipropetrovs'k")
    assert DocColumns(doc, doc.text).key(start, end) == key


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("St. Louis", "st louis"),
        ("  Kyiv ", "  kyiv "),  # the spaces stay: normalise_name collapses them
        ("Dnipropetrovs'k-", "dnipropetrovsk "),
        ("Ḱyiv", "kyiv"),
        ("", ""),
    ],
)
def test_fold_name_keeps_spaces(text: str, folded: str) -> None:
    assert fold_name(text) == folded
    assert " ".join(fold_name(text).split()) == normalise_name(text)
    assert fold_name(text[:3]) + fold_name(text[3:]) == fold_name(text)  # piece by piece
