"""nlp.casing: Title Case Headlines are parsed as if written in sentence case."""

from __future__ import annotations

import pytest

from frontlines.nlp.casing import parse_input, title_lines
from frontlines.stages import doc_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian Drone Attack Kills Man In Nikopol", [(0, 41)]),
        ("Sudan Army Airstrike Kills 20 In Nyala Market\nThe strike hit the market on Monday.", [(0, 45)]),
        # negatives: sentence case, a text all in capitals, too few long words, a lower-case headline
        ("Russian shelling kills two in Kherson region villages", []),
        ("RUSSIAN DRONE ATTACK KILLS MAN IN NIKOPOL", []),
        ("Kyiv Says No", []),
        ("drone strikes hit mykolaiv region overnight", []),
        ("", []),
        # several sentences on one line are prose; an abbreviation's full stop is no sentence break
        ("Shelling In Kharkiv. Shelling In Kharkiv. Shelling In Kharkiv.", []),
        ("U.S. Troops Enter Northern Syria Town", [(0, 37)]),
    ],
)
def test_title_lines(text: str, expected: list[tuple[int, int]]) -> None:
    assert title_lines(text) == expected


@pytest.mark.parametrize(
    ("text", "lowered", "kept"),
    [
        ("Russian Drone Attack Kills Man In Nikopol", ["Drone", "Attack", "Kills", "In"], ["Russian", "Nikopol"]),
        ("Russian Shelling Kills Woman In Zaporizhzhia's Orikhiv", ["Shelling", "Kills", "Woman", "In"],
         ["Russian", "Zaporizhzhia", "Orikhiv"]),
        # a name of several words the gazetteer knows keeps every capital; a kind word does not
        ("Israeli Strike Hits Beit Lahia Building", ["Strike", "Hits", "Building"], ["Israeli", "Beit", "Lahia"]),
        ("Myanmar Junta Airstrike Kills 40 In Sagaing Region Village", ["Kills", "In", "Village"],
         ["Myanmar", "Sagaing", "Region"]),
        # capitals written as such stay; a name the gazetteer knows (GeoNames' Singa is also "Sinja") that is no
        # English word keeps its capital whatever the lower-case reading takes it for
        ("RSF Captures Sinja, Capital Of Sennar State", ["Captures", "Of"], ["RSF", "Sinja", "Sennar", "State"]),
        # a known name that is no English word keeps its capital though the lower-case reading takes it for a
        # verb ("capture selydove"); known English words after it are lowered all the same
        ("Russian Forces Capture Selydove, Moscow Says", ["Forces", "Capture", "Says"], ["Russian", "Selydove", "Moscow"]),
        # an English word the gazetteer knows only as a small place (Buus, Switzerland, 1,000 people) is lowered
        ("Dobropillia Shelled, Five Killed Near Bus Station", ["Shelled", "Killed", "Bus", "Station"], ["Dobropillia"]),
    ],
)
def test_a_title_lines_ordinary_words_are_parsed_in_lower_case(nlp_places, gazetteer, text: str,
                                                               lowered: list[str], kept: list[str]) -> None:
    doc = nlp_places(parse_input(nlp_places, gazetteer, text))
    words = [t.text for t in doc]
    for w in lowered:
        assert w not in words and w[0].lower() + w[1:] in words, words
    for w in kept:
        assert w in words, words
    # every stage reads the article's own text, at the same offsets
    assert doc_text(doc) == text
    assert all(doc_text(doc)[t.idx : t.idx + len(t)].lower() == t.text.lower() for t in doc)


def test_a_title_headline_gets_its_verb(nlp_places, gazetteer) -> None:
    doc = nlp_places(parse_input(nlp_places, gazetteer, "Russian Drone Attack Kills Man In Nikopol"))
    kills = next(t for t in doc if t.lower_ == "kills")
    assert kills.pos_ == "VERB", [(t.text, t.pos_) for t in doc]


def test_other_text_is_handed_over_as_it_is(nlp_places, gazetteer) -> None:
    text = "Russian shelling kills two in Kherson region villages.\n\nThe Governor Said So On Monday."
    assert parse_input(nlp_places, gazetteer, "Russian shelling kills two in Kherson region villages") == (
        "Russian shelling kills two in Kherson region villages")
    # a lead's title-case line is recased, the sentence-case headline is not
    doc = nlp_places(parse_input(nlp_places, gazetteer, text))
    assert [t.text for t in doc][:3] == ["Russian", "shelling", "kills"]
    assert doc_text(doc) == text


def test_lost_characters_before_a_name_are_parsed_as_spaces(nlp_places, gazetteer) -> None:
    text = "Russian forces were destroyed with strikes in the area of ??Kupyansk and Izyum"
    doc = nlp_places(parse_input(nlp_places, gazetteer, text))
    assert "?" not in [t.text for t in doc]
    strikes = next(t for t in doc if t.lower_ == "strikes")
    kupyansk = next(t for t in doc if t.text == "Kupyansk")
    assert strikes.sent.start == kupyansk.sent.start  # one sentence: the marks are no sentence end
    assert doc_text(doc) == text  # the stages read the article's own text, at the same offsets
    assert doc_text(doc)[kupyansk.idx : kupyansk.idx + len(kupyansk)] == "Kupyansk"
