"""Ukrainian romanisation (2010 national table) and the spellings news uses."""

from __future__ import annotations

import pytest

from frontlines.geo.romanise import (
    fix_homoglyphs,
    romanise,
    romanise_russian,
    russian_forms,
    russian_style,
    spellings,
)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Запоріжжя", "Zaporizhzhia"),
        ("Знам'янка", "Znamianka"),  # after an apostrophe я is not word-initial
        ("Згурівка", "Zghurivka"),  # зг -> zgh
        ("Яготин", "Yahotyn"),  # word-initial я -> ya
        ("Красногорівка", "Krasnohorivka"),  # г -> h
        ("Кремінна", "Kreminna"),
        ("Кліщіївка", "Klishchiivka"),  # щ -> shch; ї inside a word -> i
        ("Їжакевич", "Yizhakevych"),  # word-initial ї -> yi
        ("Єнакієве", "Yenakiieve"),  # є -> ye initially, ie elsewhere
        ("Юр'ївка", "Yurivka"),
        ("Гуляйполе", "Huliaipole"),  # й inside a word -> i
        ("Ґорґани", "Gorgany"),  # ґ -> g
        ("Харків", "Kharkiv"),
        ("Біла Церква", "Bila Tserkva"),  # each word starts afresh
        ("Новий Світ", "Novyi Svit"),
        ("Ольшанське", "Olshanske"),  # ь dropped
        ("Kyiv", "Kyiv"),  # Latin text is kept
    ],
)
def test_national_table(cyrillic: str, latin: str) -> None:
    assert romanise(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "expected", "not_expected"),
    [
        ("Запоріжжя", {"Zaporizhzhia", "Zaporizhia", "Zaporizhzhya"}, set()),  # doubled letters
        ("Кліщіївка", {"Klishchiyivka"}, set()),  # ї as yi
        ("Новомихайлівка", {"Novomykhaylivka", "Novomikhaylovka"}, set()),  # й as y; Russian-style
        ("Первомайське", {"Pervomayske", "Pervomayskoye", "Pervomayskoe"}, set()),  # adjectival ending
        ("Великий Бурлук", {"Velykyi Burluk", "Velyky Burluk", "Velykiy Burluk", "Velykyy Burluk"}, set()),
        ("Синьківка", {"Synkovka", "Sinkovka"}, set()),  # -ivka as -ovka
        ("Авдіївка", {"Avdiyivka", "Avdeyevka", "Avdeevka"}, {"Avdiovka"}),  # no -ovka after a vowel
        ("Знам'янка", {"Znamyanka"}, set()),
        ("Кремінна", {"Kreminna"}, {"Kremennaya"}),  # irregular Russian forms are not guessed
    ],
)
def test_spellings(cyrillic: str, expected: set[str], not_expected: set[str]) -> None:
    found = spellings(cyrillic)
    assert found[0] == romanise(cyrillic)  # the official form first
    assert expected <= set(found)
    assert not (not_expected & set(found))
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("cyrillic", "forms"),
    [
        ("Красногорівка", ("Krasnogorovka",)),  # г -> g, -ivka -> -ovka
        ("Артемівськ", ("Artemovsk",)),  # -ivsk -> -ovsk
        ("Харків", ("Kharkov",)),  # -iv -> -ov at the end
        ("Урожайне", ("Urozhaynoye", "Urozhaynoe")),  # neuter adjective
        ("Покровськ", ()),  # no rule applies: nothing new
        ("Кринки", ("Krinki",)),  # и -> i
    ],
)
def test_russian_style(cyrillic: str, forms: tuple[str, ...]) -> None:
    assert russian_style(cyrillic) == forms


def test_homoglyphs_and_russian_table() -> None:
    assert fix_homoglyphs("Бoгатирівка") == "Богатирівка"  # Latin o inside a Cyrillic word
    assert fix_homoglyphs("Kyiv Oblast") == "Kyiv Oblast"  # Latin words untouched
    assert romanise_russian("Белгород") == "Belgorod"
    assert romanise_russian("Андреевка") == "Andreyevka"


@pytest.mark.parametrize(
    ("names", "expected", "not_expected"),
    [
        # GeoNames' Russian Cyrillic names of Ukrainian towns, read by the Russian table
        (("Marhanets", "Марганец", "Марганець"), {"Marganets"}, set()),
        (("Гуляйполе",), {"Gulyaypole", "Gulyaipole"}, {"Huliaipole"}),
        (("Кременная", "Кремінна"), {"Kremennaya", "Kremennaia"}, {"Kreminna"}),
        (("Авдеевка",), {"Avdeyevka", "Avdeevka"}, set()),
        (("Белополье",), {"Belopolye"}, set()),
        # negatives: a Latin form already listed is not repeated; Ukrainian letters (і, ї, є) and
        # Belarusian ў are not read as Russian; Latin and other scripts are left alone
        (("Artemovsk", "Артемовск"), set(), {"Artemovsk"}),
        (("Артемівськ", "Сєвєродонецьк", "Аўдзееўка"), set(), {"Artemivsk", "Artemovsk", "Audzeeuka"}),
        (("Bakhmut", "バフムート", "Բախմուտ"), set(), {"Bakhmut"}),
    ],
)
def test_russian_forms(names: tuple[str, ...], expected: set[str], not_expected: set[str]) -> None:
    forms = russian_forms(names)
    assert expected <= set(forms), forms
    assert not (not_expected & set(forms)), forms
    if not expected:
        assert forms == ()
