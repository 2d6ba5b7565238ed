"""events.words: the Doc's words read once, and plurals that open a sentence (table tests, own sentences)."""

from __future__ import annotations

import pytest

from frontlines.events import load_event_lexicon
from frontlines.events.words import counted_plural, opening_plural, read_words

# (v191) a common noun capitalised only because it opens the sentence, which the tagger calls a proper noun and
# whose plural it keeps as the lemma, is read as its singular when the lexicon knows it; a name keeps its form
OPENING = [
    ("The spokesman said 12 civilians had been killed. Missiles struck a school in the town.", "Missiles", "missile"),
    ("KYIV (Reuters) - Missiles hit a power plant in the east of the country on Monday.", "Missiles", "missile"),
    ("Hamas said it had fired rockets at the town.", "Hamas", None),  # a name: "hama" is no word of the lexicon
    ("KYIV (Reuters) - Missiles hit a power plant in the east of the country on Monday.", "KYIV", None),
]


@pytest.mark.parametrize(("text", "word", "singular"), OPENING, ids=["after-sentence", "after-dateline", "name", "caps"])
def test_opening_plural(nlp, text: str, word: str, singular: str | None) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert opening_plural(tok, load_event_lexicon().cue_words) == singular


def test_a_word_inside_a_name_keeps_its_plural(nlp) -> None:
    doc = nlp("The Rapid Support Forces said they had taken the town.")
    words = read_words(doc, load_event_lexicon().cue_words)
    assert words.lemma[3] == doc[3].lemma_.lower()  # "Forces" in a name is no opening plural


# the stage reads the weapon the plural names: a missile attack, not the air strike "struck" alone would give
WEAPON = [
    ("The spokesman said 12 civilians had been killed and 30 wounded. Missiles struck a school in the town.",
     "Shelling/artillery/missile attack"),
    ("The spokesman said 12 civilians had been killed and 30 wounded. Something struck a school in the town.",
     "Air/drone strike"),
]


@pytest.mark.parametrize(("text", "sub"), WEAPON, ids=["missiles", "no-weapon"])
def test_the_weapon_an_opening_plural_names_types_the_strike(run_events, text: str, sub: str) -> None:
    second = [e for e in run_events(text) if e.evidence.start >= text.index(". ") + 2]
    assert [e.acled_sub_event_type for e in second] == [sub]


# read_words reads the Doc's columns (Doc.to_array) rather than a Token per word: the same strings spaCy's
# Token gives, every word, including a doc with no words and words the vocabulary holds no lemma of
READ = [
    "KYIV (Reuters) - Missiles hit a power plant in the east of the country on Monday.",
    "Clashes erupted in Khartoum; the RSF said 12 fighters were killed.",
    "  \n\nShelling.  Drones   struck Odesa's port overnight, officials said.",
    "",
]


@pytest.mark.parametrize("text", READ, ids=["dateline", "two-clauses", "spaces", "empty"])
def test_read_words_gives_the_tokens_own_forms(nlp, text: str) -> None:
    doc = nlp(text)
    words = read_words(doc)  # without the lexicon: no plural read as a singular
    assert words.lower == tuple(t.lower_ for t in doc)
    assert words.lemma == tuple(t.lemma_.lower() for t in doc)
    assert words.spaced is any(" " in t.lower_ for t in doc)


def test_read_words_reads_an_opening_plural_only_where_the_lexicon_knows_it(nlp) -> None:
    doc = nlp("Missiles struck a school. Hamas fired rockets.")
    known = load_event_lexicon().cue_words
    lemma = read_words(doc, known).lemma
    assert lemma[0] == "missile"  # the known plural that opens the sentence
    assert lemma[5] == doc[5].lemma_.lower()  # "Hamas": a name, kept
    assert read_words(doc).lemma[0] == doc[0].lemma_.lower()  # no lexicon given: kept as spaCy read it


# (v621) a capitalised plural a number counts ("14 Marines") is a common noun written with a capital: names are not
# counted; a plural with no number on it, or one inside a name, keeps its form
COUNTED = [
    ("In 2007, 14 Marines were killed by rebels in Basilan.", "Marines", "marine"),
    ("Two soldiers and three Marines were wounded when militants attacked the base.", "Marines", "marine"),
    ("The Marines said the base was quiet.", "Marines", None),  # no number: may be the corps' name
    ("The United States sent 200 Marines to the border.", "States", None),  # a name, not counted
]


@pytest.mark.parametrize(("text", "word", "singular"), COUNTED, ids=["counted", "counted-conj", "uncounted", "name"])
def test_counted_plural(nlp, text: str, word: str, singular: str | None) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert counted_plural(tok, load_event_lexicon().cue_words) == singular


# the stage sees the armed victims the counted plural names: an armed clash, not an attack on civilians
VICTIMS = [
    ("In 2007, 14 Marines were killed by rebels in Basilan.", "Armed clash"),
    ("In 2007, 14 villagers were killed by rebels in Basilan.", "Attack"),  # negative: civilians
]


@pytest.mark.parametrize(("text", "sub"), VICTIMS, ids=["marines", "villagers"])
def test_counted_armed_victims_make_a_clash(run_events, text: str, sub: str) -> None:
    assert [e.acled_sub_event_type for e in run_events(text) if e.plover_type == "ASSAULT"] == [sub]
